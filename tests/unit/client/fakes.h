// Test doubles for the client's seams: a scripted transport, a manual clock, a sleeper that
// records its waits and advances that clock, and a pinned random source. No test waits on the
// wall clock or opens a socket through these.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "provider/client/client_logger.h"
#include "provider/client/clock.h"
#include "provider/client/graph_client.h"
#include "provider/client/http_transport.h"
#include "provider/client/random_source.h"
#include "provider/client/redaction.h"
#include "provider/client/retry_policy.h"
#include "provider/client/token_provider.h"

namespace opc::client::testing {

using std::chrono::milliseconds;
using std::chrono::seconds;

// 2026-11-25T03:04:05Z
inline std::chrono::system_clock::time_point TestEpoch() {
  return std::chrono::system_clock::from_time_t(1795575845);
}

class FakeClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override {
    std::lock_guard lock(mu_);
    return now_;
  }
  void Advance(milliseconds duration) {
    std::lock_guard lock(mu_);
    now_ += duration;
  }

 private:
  mutable std::mutex mu_;
  std::chrono::system_clock::time_point now_ = TestEpoch();
};

// Returns at once: records the requested wait and moves the fake clock forward by it.
class FakeSleeper final : public Sleeper {
 public:
  explicit FakeSleeper(FakeClock& clock) : clock_(clock) {}

  absl::Status Sleep(milliseconds duration, const CancellationToken& cancel) override {
    std::function<void(milliseconds)> hook;
    {
      std::lock_guard lock(mu_);
      sleeps_.push_back(duration);
      hook = on_sleep_;
    }
    if (hook) {
      hook(duration);  // e.g. cancel, to simulate StopProvider during the wait
    }
    if (cancel.IsCancelled()) {
      return absl::CancelledError("cancelled while waiting");
    }
    clock_.Advance(duration);
    return absl::OkStatus();
  }

  std::vector<milliseconds> sleeps() const {
    std::lock_guard lock(mu_);
    return sleeps_;
  }
  void set_on_sleep(std::function<void(milliseconds)> hook) {
    std::lock_guard lock(mu_);
    on_sleep_ = std::move(hook);
  }

 private:
  FakeClock& clock_;
  mutable std::mutex mu_;
  std::vector<milliseconds> sleeps_;
  std::function<void(milliseconds)> on_sleep_;
};

class FixedRandom final : public RandomSource {
 public:
  explicit FixedRandom(double value) : value_(value) {}
  double Uniform() override { return value_; }

 private:
  double value_;
};

inline HttpResponse MakeResponse(int status, std::string body = "", HttpHeaders headers = {}) {
  HttpResponse response;
  response.status_code = status;
  response.body = std::move(body);
  response.headers = std::move(headers);
  return response;
}

inline HttpResponse JsonResponse(int status, const nlohmann::json& body, HttpHeaders headers = {}) {
  headers.Set("Content-Type", "application/json");
  return MakeResponse(status, body.dump(), std::move(headers));
}

inline HttpResponse GraphErrorResponse(int status, const std::string& code,
                                       const std::string& message,
                                       const std::string& request_id = "req-1",
                                       HttpHeaders headers = {}) {
  nlohmann::json body = {{"error",
                          {{"code", code},
                           {"message", message},
                           {"innerError",
                            {{"request-id", request_id},
                             {"client-request-id", nullptr},
                             {"date", "2026-11-25T03:04:05Z"}}}}}};
  headers.Set("request-id", request_id);
  return JsonResponse(status, body, std::move(headers));
}

// Answers each request with the next scripted result, or with `handler` once the script is
// used up (500 if there is none). Records every request. Thread-safe.
class FakeTransport final : public HttpTransport {
 public:
  using Handler = std::function<absl::StatusOr<HttpResponse>(const HttpRequest&)>;

  void Enqueue(absl::StatusOr<HttpResponse> result) {
    std::lock_guard lock(mu_);
    script_.push_back(std::move(result));
  }
  void SetHandler(Handler handler) {
    std::lock_guard lock(mu_);
    handler_ = std::move(handler);
  }

  absl::StatusOr<HttpResponse> Send(const HttpRequest& request,
                                    const CancellationToken& cancel) override {
    Handler handler;
    {
      std::lock_guard lock(mu_);
      requests_.push_back(request);
      if (!script_.empty()) {
        absl::StatusOr<HttpResponse> next = std::move(script_.front());
        script_.pop_front();
        return next;
      }
      handler = handler_;
    }
    if (handler) {
      return handler(request);
    }
    return MakeResponse(500, R"({"error":{"code":"Unscripted","message":"no scripted reply"}})");
  }

  std::vector<HttpRequest> requests() const {
    std::lock_guard lock(mu_);
    return requests_;
  }
  std::size_t request_count() const {
    std::lock_guard lock(mu_);
    return requests_.size();
  }

 private:
  mutable std::mutex mu_;
  std::deque<absl::StatusOr<HttpResponse>> script_;
  Handler handler_;
  std::vector<HttpRequest> requests_;
};

// Collects log lines (already redacted by the ClientLogger).
class LogCapture {
 public:
  LogSink Sink() {
    return [this](LogLevel level, std::string_view message) {
      std::lock_guard lock(mu_);
      lines_.push_back(std::string(LogLevelName(level)) + " " + std::string(message));
    };
  }
  std::vector<std::string> lines() const {
    std::lock_guard lock(mu_);
    return lines_;
  }

 private:
  mutable std::mutex mu_;
  std::vector<std::string> lines_;
};

inline constexpr char kTestEndpoint[] = "https://graph.test";

// A GraphClient on the fakes with a fixed token; retry waits are recorded by `sleeper`.
struct GraphHarness {
  explicit GraphHarness(RetryOptions options = DefaultRetry(),
                        GraphClientOptions graph = DefaultGraph())
      : sleeper(clock),
        redactor(std::make_shared<Redactor>()),
        logger(logs.Sink(), redactor),
        retrier(options, clock, sleeper, random, logger),
        tokens("test-access-token"),
        client(std::move(graph), transport, tokens, retrier, logger) {}

  static GraphClientOptions DefaultGraph() {
    GraphClientOptions options;
    options.endpoint = kTestEndpoint;
    options.user_agent = "opc-test";
    return options;
  }

  static RetryOptions DefaultRetry() {
    RetryOptions options;
    options.max_retries = 3;
    options.initial_backoff = milliseconds(1000);
    options.max_backoff = milliseconds(8000);
    options.total_timeout = milliseconds(60'000);
    return options;
  }

  FakeClock clock;
  FakeSleeper sleeper;
  FixedRandom random{0.5};
  FakeTransport transport;
  LogCapture logs;
  std::shared_ptr<Redactor> redactor;
  ClientLogger logger;
  Retrier retrier;
  StaticTokenProvider tokens;
  GraphClient client;
  CancellationToken cancel;
};

}  // namespace opc::client::testing
