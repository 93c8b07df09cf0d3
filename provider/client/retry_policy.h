// When and how long to wait before repeating a request: 429, 500/502/503/504 and connection
// failures are retried with jittered exponential backoff, or after the server's Retry-After,
// bounded by a retry count and by a total time budget for the whole call.
#pragma once

#include <chrono>
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
  // Retries after the first attempt; 0 disables retrying.
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
  // Upper bound for one attempt (also capped by what is left of total_timeout).
  std::chrono::milliseconds attempt_timeout{std::chrono::seconds(60)};
};

// 429, 500, 502, 503, 504.
bool IsRetryableStatusCode(int status_code);

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

 private:
  RetryOptions options_;
  Clock& clock_;
  Sleeper& sleeper_;
  RandomSource& random_;
  const ClientLogger& logger_;
};

// "1.5s", "250ms", "2m3s": for messages and logs.
std::string FormatDuration(std::chrono::milliseconds duration);

}  // namespace opc::client
