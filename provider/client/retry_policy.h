// When and how long to wait before repeating a request, after the server's Retry-After or
// with jittered exponential backoff. Two kinds of failure are told apart:
// - throttled or unavailable (429, 503, 504, a dropped connection): the service is there but
//   busy, so it is waited out like Microsoft's SDKs do, for as long as the call's time budget
//   and the run's waiting budget allow, however many attempts that takes;
// - server errors (500, 502) and failures to connect or to get an answer in time: retried at
//   most max_retries times (they seldom fix themselves; a wrong endpoint must fail fast).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "provider/client/client_logger.h"
#include "provider/client/clock.h"
#include "provider/client/http_transport.h"
#include "provider/client/random_source.h"
#include "provider/common/cancellation.h"

namespace opc::client {

struct RetryOptions {
  // Retries of server errors and connection failures after the first attempt; 0 disables them.
  // Throttled and unavailable answers are not counted: total_timeout bounds them.
  int max_retries = 5;
  // Backoff before retry k (0-based) is drawn from [cap/2, cap] with
  // cap = min(max_backoff, initial_backoff * multiplier^k) ("equal jitter": it always grows,
  // and concurrent clients spread out).
  std::chrono::milliseconds initial_backoff{500};
  std::chrono::milliseconds max_backoff{30'000};
  double multiplier = 2.0;
  // Budget for one logical call: every attempt and every wait. A retry whose wait would end
  // after the budget is not attempted; the call fails at once with the last error instead.
  std::chrono::milliseconds total_timeout{std::chrono::minutes(5)};
  // Budget for all waits before retries of all calls of this Retrier together (one provider
  // process: one Terraform plan or apply). Once spent, nothing more is retried, so a tenant
  // that throttles everything ends the run instead of stretching it for hours.
  std::chrono::milliseconds run_wait_budget{std::chrono::hours(1)};
  // Upper bound for one attempt (also capped by what is left of total_timeout).
  std::chrono::milliseconds attempt_timeout{std::chrono::seconds(60)};
};

// 429, 500, 502, 503, 504.
bool IsRetryableStatusCode(int status_code);
// 429, 503, 504: the service asks the client to come back later.
bool IsThrottledOrUnavailable(int status_code);

// Parses a Retry-After value: delta-seconds ("120") or an HTTP-date
// ("Wed, 21 Oct 2026 07:28:00 GMT", relative to `now`; a date in the past means 0).
std::optional<std::chrono::milliseconds> ParseRetryAfter(std::string_view value,
                                                         std::chrono::system_clock::time_point now);

// The jittered backoff before retry number `retry_index` (0-based); see RetryOptions.
std::chrono::milliseconds BackoffDelay(const RetryOptions& options, int retry_index,
                                       RandomSource& random);

struct RetryOutcome {
  // The last response (any status) or the last transport error; CancelledError if cancelled.
  absl::StatusOr<HttpResponse> result;
  int attempts = 0;
  // Why the retrier stopped although `result` is retryable (retries or time budget exhausted);
  // empty when `result` is final (a success, a non-retryable error, a cancellation).
  std::string gave_up_reason;
};

class Retrier {
 public:
  // One attempt: performs the exchange with at most `timeout` for it.
  using Attempt = std::function<absl::StatusOr<HttpResponse>(std::chrono::milliseconds timeout)>;

  Retrier(RetryOptions options, Clock& clock, Sleeper& sleeper, RandomSource& random,
          const ClientLogger& logger);

  // Runs `attempt` until its outcome is not retryable, retries are exhausted, the time budget
  // is spent or `cancel` fires. `description` (e.g. "GET https://...") is used in log lines.
  RetryOutcome Run(std::string_view description, const Attempt& attempt,
                   const CancellationToken& cancel) const;

  const RetryOptions& options() const { return options_; }
  // Figures of this Retrier's life so far (for logs and the soak test).
  int64_t retries() const { return retries_.load(); }
  std::chrono::milliseconds waited() const { return std::chrono::milliseconds(waited_ms_.load()); }

 private:
  RetryOptions options_;
  Clock& clock_;
  Sleeper& sleeper_;
  RandomSource& random_;
  const ClientLogger& logger_;
  mutable std::atomic<int64_t> retries_{0};
  mutable std::atomic<int64_t> waited_ms_{0};
};

// "1.5s", "250ms", "2m3s": for messages and logs.
std::string FormatDuration(std::chrono::milliseconds duration);

}  // namespace opc::client
