#include "provider/client/retry_policy.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "provider/client/curl_library.h"
#include "provider/client/string_util.h"

namespace opc::client {

using std::chrono::milliseconds;

bool IsRetryableStatusCode(int status_code) {
  switch (status_code) {
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
      return true;
    default:
      return false;
  }
}

bool IsThrottledOrUnavailable(int status_code) {
  return status_code == 429 || status_code == 503 || status_code == 504;
}

std::optional<milliseconds> ParseRetryAfter(std::string_view value,
                                            std::chrono::system_clock::time_point now) {
  std::string_view trimmed = StripWhitespace(value);
  if (trimmed.empty()) {
    return std::nullopt;
  }
  if (std::all_of(trimmed.begin(), trimmed.end(), [](char c) { return IsAsciiDigit(c); })) {
    int64_t seconds = 0;
    if (!ParseInt64(trimmed, &seconds)) {
      return std::nullopt;  // overflow: absurd, ignore it and use our own backoff
    }
    return milliseconds(std::min<int64_t>(seconds, int64_t{1} << 31) * 1000);
  }
  // curl_getdate understands the three HTTP-date forms (IMF-fixdate, RFC 850, asctime). A
  // response came through libcurl, so it is loaded by now; without it the date is ignored.
  absl::StatusOr<const CurlLibrary*> curl = LoadCurl();
  if (!curl.ok()) {
    return std::nullopt;
  }
  std::string date(trimmed);
  time_t when = (*curl)->getdate(date.c_str(), nullptr);
  if (when < 0) {
    return std::nullopt;
  }
  auto target = std::chrono::system_clock::from_time_t(when);
  if (target <= now) {
    return milliseconds(0);
  }
  return std::chrono::duration_cast<milliseconds>(target - now);
}

milliseconds BackoffDelay(const RetryOptions& options, int retry_index, RandomSource& random) {
  double cap = static_cast<double>(options.initial_backoff.count()) *
               std::pow(options.multiplier, std::max(retry_index, 0));
  cap = std::min(cap, static_cast<double>(options.max_backoff.count()));
  double jitter = std::clamp(random.Uniform(), 0.0, 1.0);
  return milliseconds(static_cast<int64_t>(cap / 2 + jitter * cap / 2));
}

std::string FormatDuration(milliseconds duration) {
  int64_t ms = duration.count();
  if (ms < 1000) {
    return StrCat(ms, "ms");
  }
  if (ms < 60'000) {
    if (ms % 1000 == 0) {
      return StrCat(ms / 1000, "s");
    }
    char text[32];
    std::snprintf(text, sizeof(text), "%.1fs", static_cast<double>(ms) / 1000.0);
    return text;
  }
  int64_t seconds = ms / 1000;
  return seconds % 60 == 0 ? StrCat(seconds / 60, "m")
                           : StrCat(seconds / 60, "m", seconds % 60, "s");
}

Retrier::Retrier(RetryOptions options, Clock& clock, Sleeper& sleeper, RandomSource& random,
                 const ClientLogger& logger)
    : options_(options), clock_(clock), sleeper_(sleeper), random_(random), logger_(logger) {}

RetryOutcome Retrier::Run(std::string_view description, const Attempt& attempt,
                          const CancellationToken& cancel) const {
  const auto start = clock_.Now();
  const auto deadline = start + options_.total_timeout;
  RetryOutcome outcome{absl::CancelledError("cancelled before the request was sent"), 0, ""};
  int counted_retries = 0;
  for (int retries = 0;; ++retries) {
    if (cancel.IsCancelled()) {
      outcome.result = absl::CancelledError(StrCat(description, ": cancelled"));
      outcome.gave_up_reason.clear();
      return outcome;
    }
    auto remaining = std::chrono::duration_cast<milliseconds>(deadline - clock_.Now());
    milliseconds timeout = std::clamp(remaining, milliseconds(1), options_.attempt_timeout);
    outcome.result = attempt(timeout);
    ++outcome.attempts;

    const bool retryable = outcome.result.ok() ? IsRetryableStatusCode(outcome.result->status_code)
                                               : IsRetryableTransportError(outcome.result.status());
    if (!retryable) {
      return outcome;
    }
    const std::string what = outcome.result.ok() ? StrCat("HTTP ", outcome.result->status_code)
                                                 : outcome.result.status().ToString();
    // Throttled or unavailable: waited out within the budgets, however many attempts it takes.
    const bool wait_out = outcome.result.ok()
                              ? IsThrottledOrUnavailable(outcome.result->status_code)
                              : IsDroppedConnection(outcome.result.status());
    if (!wait_out && counted_retries >= options_.max_retries) {
      outcome.gave_up_reason = StrCat("gave up after ", outcome.attempts, " attempts");
      return outcome;
    }

    std::optional<milliseconds> delay;
    if (outcome.result.ok()) {
      if (auto header = outcome.result->headers.Get("Retry-After")) {
        delay = ParseRetryAfter(*header, clock_.Now());
      }
    }
    if (!delay) {
      delay = BackoffDelay(options_, retries, random_);
    }
    if (clock_.Now() + *delay > deadline) {
      outcome.gave_up_reason =
          StrCat("gave up after ", outcome.attempts, " attempts: the next retry (in ",
                 FormatDuration(*delay), ") would exceed the retry budget of ",
                 FormatDuration(options_.total_timeout), " for one request");
      return outcome;
    }
    if (waited_ms_.fetch_add(delay->count()) + delay->count() > options_.run_wait_budget.count()) {
      waited_ms_.fetch_sub(delay->count());
      outcome.gave_up_reason =
          StrCat("gave up after ", outcome.attempts,
                 " attempts: this run has spent its budget for waiting to retry (",
                 FormatDuration(options_.run_wait_budget), ")");
      return outcome;
    }
    if (!wait_out) {
      ++counted_retries;
    }
    retries_.fetch_add(1);
    logger_.Log(LogLevel::kWarning,
                StrCat(description, ": ", what, " (attempt ", outcome.attempts,
                       wait_out ? std::string(", waited out within the retry budget")
                                : StrCat(" of ", options_.max_retries + 1),
                       "), retrying in ", FormatDuration(*delay)));
    if (absl::Status slept = sleeper_.Sleep(*delay, cancel); !slept.ok()) {
      outcome.result =
          absl::CancelledError(StrCat(description, ": cancelled while waiting to retry"));
      outcome.gave_up_reason.clear();
      return outcome;
    }
  }
}

}  // namespace opc::client
