#include "provider/client/retry_policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "fakes.h"

namespace opc::client {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;
using ::testing::ElementsAre;
using testing::FakeClock;
using testing::FakeSleeper;
using testing::FixedRandom;
using testing::GraphErrorResponse;
using ::testing::HasSubstr;
using testing::MakeResponse;
using testing::TestEpoch;

TEST(ParseRetryAfter, DeltaSeconds) {
  EXPECT_EQ(ParseRetryAfter("0", TestEpoch()), milliseconds(0));
  EXPECT_EQ(ParseRetryAfter("7", TestEpoch()), seconds(7));
  EXPECT_EQ(ParseRetryAfter(" 120 ", TestEpoch()), seconds(120));
}

TEST(ParseRetryAfter, HttpDateRelativeToNow) {
  // TestEpoch() is Wed, 25 Nov 2026 03:04:05 GMT.
  EXPECT_EQ(ParseRetryAfter("Wed, 25 Nov 2026 03:04:35 GMT", TestEpoch()), seconds(30));
  EXPECT_EQ(ParseRetryAfter("Wednesday, 25-Nov-26 03:05:05 GMT", TestEpoch()), seconds(60));
  EXPECT_EQ(ParseRetryAfter("Wed Nov 25 03:04:15 2026", TestEpoch()), seconds(10));
  // In the past: retry at once.
  EXPECT_EQ(ParseRetryAfter("Tue, 24 Nov 2026 03:04:05 GMT", TestEpoch()), milliseconds(0));
}

TEST(ParseRetryAfter, GarbageIsIgnored) {
  EXPECT_EQ(ParseRetryAfter("", TestEpoch()), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("soon", TestEpoch()), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("-5", TestEpoch()), std::nullopt);
  EXPECT_EQ(ParseRetryAfter("1.5", TestEpoch()), std::nullopt);
}

TEST(IsRetryableStatusCode, OnlyThrottlingAndServerErrors) {
  for (int code : {429, 500, 502, 503, 504}) {
    EXPECT_TRUE(IsRetryableStatusCode(code)) << code;
  }
  for (int code : {200, 201, 202, 204, 400, 401, 403, 404, 409, 412, 501}) {
    EXPECT_FALSE(IsRetryableStatusCode(code)) << code;
  }
}

TEST(BackoffDelay, EqualJitterBoundsGrowExponentiallyUpToTheCap) {
  RetryOptions options;
  options.initial_backoff = milliseconds(1000);
  options.multiplier = 2.0;
  options.max_backoff = milliseconds(10'000);
  FixedRandom low(0.0);
  FixedRandom high(0.999999);
  const int64_t caps[] = {1000, 2000, 4000, 8000, 10'000, 10'000};
  for (int retry = 0; retry < 6; ++retry) {
    EXPECT_EQ(BackoffDelay(options, retry, low).count(), caps[retry] / 2) << retry;
    EXPECT_NEAR(static_cast<double>(BackoffDelay(options, retry, high).count()),
                static_cast<double>(caps[retry]), 1.0)
        << retry;
  }
}

TEST(BackoffDelay, RealRandomStaysWithinBounds) {
  RetryOptions options;
  options.initial_backoff = milliseconds(500);
  options.max_backoff = milliseconds(4000);
  for (int retry = 0; retry < 8; ++retry) {
    int64_t cap = std::min<int64_t>(500LL << retry, 4000);
    for (int i = 0; i < 50; ++i) {
      int64_t delay = BackoffDelay(options, retry, DefaultRandomSource()).count();
      EXPECT_GE(delay, cap / 2);
      EXPECT_LE(delay, cap);
    }
  }
}

TEST(FormatDuration, HumanReadable) {
  EXPECT_EQ(FormatDuration(milliseconds(250)), "250ms");
  EXPECT_EQ(FormatDuration(milliseconds(1500)), "1.5s");
  EXPECT_EQ(FormatDuration(seconds(30)), "30s");
  EXPECT_EQ(FormatDuration(seconds(120)), "2m");
  EXPECT_EQ(FormatDuration(seconds(125)), "2m5s");
}

class RetrierTest : public ::testing::Test {
 protected:
  RetrierTest() : sleeper_(clock_), logger_(nullptr, std::make_shared<Redactor>()) {
    options_.max_retries = 3;
    options_.initial_backoff = milliseconds(1000);
    options_.max_backoff = milliseconds(8000);
    options_.total_timeout = seconds(60);
    options_.attempt_timeout = seconds(20);
  }

  // Runs the retrier over a scripted sequence of outcomes; records attempt timeouts.
  RetryOutcome Run(std::vector<absl::StatusOr<HttpResponse>> script) {
    Retrier retrier(options_, clock_, sleeper_, random_, logger_);
    std::size_t next = 0;
    return retrier.Run(
        "GET https://graph.test/x",
        [&](milliseconds timeout) -> absl::StatusOr<HttpResponse> {
          timeouts_.push_back(timeout);
          if (next >= script.size()) {
            return MakeResponse(200, "{}");
          }
          return script[next++];
        },
        cancel_);
  }

  RetryOptions options_;
  FakeClock clock_;
  FakeSleeper sleeper_;
  FixedRandom random_{0.0};  // backoff = cap / 2 exactly
  ClientLogger logger_;
  CancellationToken cancel_;
  std::vector<milliseconds> timeouts_;
};

TEST_F(RetrierTest, HonoursRetryAfterOn429And503) {
  RetryOutcome outcome =
      Run({GraphErrorResponse(429, "TooManyRequests", "slow", "r1", {{"Retry-After", "7"}}),
           GraphErrorResponse(503, "ServiceUnavailable", "busy", "r2", {{"Retry-After", "2"}}),
           MakeResponse(200, "{}")});
  ASSERT_TRUE(outcome.result.ok());
  EXPECT_EQ(outcome.result->status_code, 200);
  EXPECT_EQ(outcome.attempts, 3);
  EXPECT_THAT(sleeper_.sleeps(), ElementsAre(seconds(7), seconds(2)));
  EXPECT_TRUE(outcome.gave_up_reason.empty());
}

TEST_F(RetrierTest, HonoursRetryAfterHttpDate) {
  RetryOutcome outcome =
      Run({MakeResponse(429, "", {{"Retry-After", "Wed, 25 Nov 2026 03:04:17 GMT"}}),
           MakeResponse(200, "{}")});
  ASSERT_TRUE(outcome.result.ok());
  EXPECT_THAT(sleeper_.sleeps(), ElementsAre(seconds(12)));
}

TEST_F(RetrierTest, ExponentialBackoffWithoutRetryAfter) {
  RetryOutcome outcome =
      Run({MakeResponse(500), MakeResponse(502), MakeResponse(504), MakeResponse(200, "{}")});
  ASSERT_TRUE(outcome.result.ok());
  EXPECT_EQ(outcome.result->status_code, 200);
  EXPECT_THAT(sleeper_.sleeps(),
              ElementsAre(milliseconds(500), milliseconds(1000), milliseconds(2000)));
}

TEST_F(RetrierTest, RetriesConnectionErrors) {
  RetryOutcome outcome = Run({absl::UnavailableError("connection refused"),
                              absl::DeadlineExceededError("timed out"), MakeResponse(200, "{}")});
  ASSERT_TRUE(outcome.result.ok());
  EXPECT_EQ(outcome.attempts, 3);
  EXPECT_EQ(sleeper_.sleeps().size(), 2u);
}

TEST_F(RetrierTest, GivesUpAfterMaxRetriesWithTheLastError) {
  RetryOutcome outcome = Run({MakeResponse(500), MakeResponse(502), MakeResponse(500),
                              GraphErrorResponse(500, "InternalServerError", "last one", "r4")});
  ASSERT_TRUE(outcome.result.ok());
  EXPECT_EQ(outcome.result->status_code, 500);
  EXPECT_THAT(outcome.result->body, HasSubstr("last one"));
  EXPECT_EQ(outcome.attempts, 4);  // 1 + max_retries
  EXPECT_EQ(sleeper_.sleeps().size(), 3u);
  EXPECT_EQ(outcome.gave_up_reason, "gave up after 4 attempts");
}

TEST_F(RetrierTest, GivesUpOnConnectionErrorsWithTheLastError) {
  options_.max_retries = 1;
  RetryOutcome outcome = Run({absl::UnavailableError("first"), absl::UnavailableError("second")});
  EXPECT_EQ(outcome.result.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(outcome.result.status().message(), "second");
  EXPECT_EQ(outcome.attempts, 2);
}

TEST_F(RetrierTest, NoRetryOnClientErrors) {
  for (int code : {400, 401, 403, 404, 409, 412}) {
    RetryOutcome outcome = Run({MakeResponse(code), MakeResponse(200)});
    ASSERT_TRUE(outcome.result.ok());
    EXPECT_EQ(outcome.result->status_code, code);
    EXPECT_EQ(outcome.attempts, 1) << code;
  }
  EXPECT_TRUE(sleeper_.sleeps().empty());
}

TEST_F(RetrierTest, NoRetryOnNonTransientTransportErrors) {
  RetryOutcome outcome = Run({absl::FailedPreconditionError("TLS verification failed")});
  EXPECT_EQ(outcome.result.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(outcome.attempts, 1);
}

TEST_F(RetrierTest, ZeroRetriesMeansOneAttempt) {
  options_.max_retries = 0;
  RetryOutcome outcome = Run({MakeResponse(500), MakeResponse(200)});
  EXPECT_EQ(outcome.result->status_code, 500);
  EXPECT_EQ(outcome.attempts, 1);
}

TEST_F(RetrierTest, StopsWhenTheNextWaitWouldExceedTheTotalTimeout) {
  options_.total_timeout = seconds(10);
  RetryOutcome outcome = Run({MakeResponse(429, "", {{"Retry-After", "4"}}),
                              MakeResponse(429, "", {{"Retry-After", "7"}}), MakeResponse(200)});
  ASSERT_TRUE(outcome.result.ok());
  EXPECT_EQ(outcome.result->status_code, 429);
  EXPECT_EQ(outcome.attempts, 2);
  EXPECT_THAT(sleeper_.sleeps(), ElementsAre(seconds(4)));  // 4 + 7 > 10: no second wait
  EXPECT_THAT(outcome.gave_up_reason,
              HasSubstr("would exceed the retry budget of 10s for one request"));
}

TEST_F(RetrierTest, ThrottlingIsWaitedOutBeyondMaxRetries) {
  options_.max_retries = 1;
  std::vector<absl::StatusOr<HttpResponse>> script;
  for (int i = 0; i < 8; ++i) {
    script.push_back(MakeResponse(i % 2 == 0 ? 429 : 503, "", {{"Retry-After", "2"}}));
  }
  script.push_back(MakeResponse(504));  // no Retry-After: our own backoff
  RetryOutcome outcome = Run(script);
  ASSERT_TRUE(outcome.result.ok());
  EXPECT_EQ(outcome.result->status_code, 200);
  EXPECT_EQ(outcome.attempts, 10);
  EXPECT_EQ(sleeper_.sleeps().size(), 9u);
  EXPECT_EQ(sleeper_.sleeps().front(), seconds(2));
  EXPECT_TRUE(outcome.gave_up_reason.empty());
}

TEST_F(RetrierTest, DroppedConnectionsAreWaitedOutRefusedOnesAreCounted) {
  options_.max_retries = 1;
  RetryOutcome dropped = Run({DroppedConnectionError("reset"), DroppedConnectionError("reset"),
                              DroppedConnectionError("reset"), MakeResponse(200, "{}")});
  ASSERT_TRUE(dropped.result.ok());
  EXPECT_EQ(dropped.attempts, 4);
  RetryOutcome refused = Run({absl::UnavailableError("connection refused"),
                              absl::UnavailableError("connection refused"), MakeResponse(200)});
  EXPECT_EQ(refused.result.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(refused.attempts, 2);
}

TEST_F(RetrierTest, TheRunsWaitingBudgetIsSharedByAllCalls) {
  options_.run_wait_budget = seconds(10);
  Retrier retrier(options_, clock_, sleeper_, random_, logger_);
  auto throttled_once = [&] {
    bool first = true;
    return retrier.Run(
        "GET https://graph.test/x",
        [&](milliseconds) -> absl::StatusOr<HttpResponse> {
          if (first) {
            first = false;
            return MakeResponse(429, "", {{"Retry-After", "6"}});
          }
          return MakeResponse(200, "{}");
        },
        cancel_);
  };
  RetryOutcome first = throttled_once();
  ASSERT_TRUE(first.result.ok());
  EXPECT_EQ(first.result->status_code, 200);
  RetryOutcome second = throttled_once();  // 6 s + 6 s > 10 s for the run
  ASSERT_TRUE(second.result.ok());
  EXPECT_EQ(second.result->status_code, 429);
  EXPECT_THAT(second.gave_up_reason, HasSubstr("budget for waiting to retry (10s)"));
  EXPECT_EQ(retrier.retries(), 1);
  EXPECT_EQ(retrier.waited(), seconds(6));
}

TEST_F(RetrierTest, AttemptTimeoutShrinksWithTheRemainingBudget) {
  options_.total_timeout = seconds(30);
  Run({MakeResponse(503, "", {{"Retry-After", "15"}}), MakeResponse(200)});
  EXPECT_THAT(timeouts_, ElementsAre(seconds(20), seconds(15)));
}

TEST_F(RetrierTest, CancellationDuringTheWaitStopsAtOnce) {
  CancellationSource source;
  cancel_ = source.Token();
  sleeper_.set_on_sleep([&](milliseconds) { source.Cancel(); });
  RetryOutcome outcome = Run({MakeResponse(503), MakeResponse(200)});
  EXPECT_EQ(outcome.result.status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(outcome.attempts, 1);
  EXPECT_EQ(timeouts_.size(), 1u);  // no attempt after the cancellation
}

TEST_F(RetrierTest, AlreadyCancelledSendsNothing) {
  CancellationSource source;
  source.Cancel();
  cancel_ = source.Token();
  RetryOutcome outcome = Run({MakeResponse(200)});
  EXPECT_EQ(outcome.result.status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(outcome.attempts, 0);
  EXPECT_TRUE(timeouts_.empty());
}

TEST(RealSleeper, CancellationWakesAWaitAtOnce) {
  CancellationSource source;
  std::thread canceller([&] {
    std::this_thread::sleep_for(milliseconds(20));
    source.Cancel();
  });
  auto start = std::chrono::steady_clock::now();
  absl::Status status = RealSleeper().Sleep(std::chrono::minutes(10), source.Token());
  auto waited = std::chrono::steady_clock::now() - start;
  canceller.join();
  EXPECT_EQ(status.code(), absl::StatusCode::kCancelled);
  EXPECT_LT(waited, seconds(5));
}

TEST(RealSleeper, ShortWaitCompletes) {
  EXPECT_TRUE(RealSleeper().Sleep(milliseconds(1), CancellationToken()).ok());
}

}  // namespace
}  // namespace opc::client
