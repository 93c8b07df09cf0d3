// A one-shot "please exit" flag that the controller RPC, signal handling and the parent watch
// raise, and the serving thread waits on.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

namespace opc::plugin {

class ShutdownSignal {
 public:
  // Only the first reason is kept; later requests are no-ops.
  void Request(std::string reason) {
    {
      std::lock_guard lock(mu_);
      if (requested_) {
        return;
      }
      requested_ = true;
      reason_ = std::move(reason);
    }
    cv_.notify_all();
  }

  bool requested() const {
    std::lock_guard lock(mu_);
    return requested_;
  }

  // Blocks until requested; returns the reason.
  std::string Wait() const {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return requested_; });
    return reason_;
  }

  // True if requested within `timeout`.
  bool WaitFor(std::chrono::milliseconds timeout) const {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, timeout, [this] { return requested_; });
  }

 private:
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  bool requested_ = false;
  std::string reason_;
};

}  // namespace opc::plugin
