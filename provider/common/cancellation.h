// Cancellation shared by the framework and the API client: StopProvider cancels every request
// in flight (retries, backoff waits, operation polling) while the server keeps serving.
#pragma once

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace opc {

class CancellationToken {
 public:
  CancellationToken();  // never cancelled
  bool IsCancelled() const;
  // Waits up to `duration`; returns false early (and at once) if cancellation is requested.
  bool WaitFor(std::chrono::milliseconds duration) const;

 private:
  friend class CancellationSource;
  struct State {
    std::mutex mu;
    std::condition_variable cv;
    bool cancelled = false;
  };
  explicit CancellationToken(std::shared_ptr<State> state) : state_(std::move(state)) {}
  std::shared_ptr<State> state_;
};

class CancellationSource {
 public:
  CancellationSource();
  CancellationToken Token() const { return CancellationToken(state_); }
  void Cancel();
  bool IsCancelled() const;

 private:
  std::shared_ptr<CancellationToken::State> state_;
};

inline CancellationToken::CancellationToken() : state_(std::make_shared<State>()) {}

inline bool CancellationToken::IsCancelled() const {
  std::lock_guard lock(state_->mu);
  return state_->cancelled;
}

inline bool CancellationToken::WaitFor(std::chrono::milliseconds duration) const {
  std::unique_lock lock(state_->mu);
  return !state_->cv.wait_for(lock, duration, [this] { return state_->cancelled; });
}

inline CancellationSource::CancellationSource()
    : state_(std::make_shared<CancellationToken::State>()) {}

inline void CancellationSource::Cancel() {
  {
    std::lock_guard lock(state_->mu);
    state_->cancelled = true;
  }
  state_->cv.notify_all();
}

inline bool CancellationSource::IsCancelled() const {
  std::lock_guard lock(state_->mu);
  return state_->cancelled;
}

}  // namespace opc
