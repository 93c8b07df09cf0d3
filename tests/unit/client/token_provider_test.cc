#include "provider/client/token_provider.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

#include "fakes.h"

namespace opc::client {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using ::testing::AllOf;
using testing::FakeClock;
using testing::FakeSleeper;
using testing::FakeTransport;
using testing::FixedRandom;
using ::testing::HasSubstr;
using testing::JsonResponse;
using testing::LogCapture;
using testing::MakeResponse;
using ::testing::Not;

constexpr char kSecret[] = "Zx9~secret/with+special=chars";

nlohmann::json TokenBody(const std::string& token, int expires_in = 3599) {
  return {{"token_type", "Bearer"},
          {"expires_in", expires_in},
          {"ext_expires_in", expires_in},
          {"access_token", token}};
}

class TokenProviderTest : public ::testing::Test {
 protected:
  TokenProviderTest()
      : sleeper_(clock_),
        redactor_(std::make_shared<Redactor>()),
        logger_(logs_.Sink(), redactor_),
        retrier_(Retry(), clock_, sleeper_, random_, logger_),
        provider_(Options(), transport_, retrier_, clock_, logger_) {}

  static RetryOptions Retry() {
    RetryOptions options;
    options.max_retries = 2;
    options.initial_backoff = milliseconds(100);
    options.max_backoff = milliseconds(1000);
    options.total_timeout = seconds(30);
    return options;
  }

  static ClientCredentialsOptions Options() {
    ClientCredentialsOptions options;
    options.authority_url = "https://login.test/";
    options.tenant_id = "11111111-2222-3333-4444-555555555555";
    options.client_id = "app-client-id";
    options.client_secret = kSecret;
    options.user_agent = "opc-test";
    return options;
  }

  FakeClock clock_;
  FakeSleeper sleeper_;
  FixedRandom random_{0.0};
  FakeTransport transport_;
  LogCapture logs_;
  std::shared_ptr<Redactor> redactor_;
  ClientLogger logger_;
  Retrier retrier_;
  ClientCredentialsTokenProvider provider_;
  CancellationToken cancel_;
};

TEST_F(TokenProviderTest, RequestsAClientCredentialsToken) {
  transport_.Enqueue(JsonResponse(200, TokenBody("token-1")));
  absl::StatusOr<std::string> token = provider_.GetToken(cancel_);
  ASSERT_TRUE(token.ok()) << token.status();
  EXPECT_EQ(*token, "token-1");

  ASSERT_EQ(transport_.request_count(), 1u);
  const HttpRequest request = transport_.requests()[0];
  EXPECT_EQ(request.method, HttpMethod::kPost);
  EXPECT_EQ(request.url,
            "https://login.test/11111111-2222-3333-4444-555555555555/oauth2/v2.0/token");
  EXPECT_EQ(request.headers.Get("Content-Type"), "application/x-www-form-urlencoded");
  EXPECT_EQ(request.headers.Get("User-Agent"), "opc-test");
  EXPECT_FALSE(request.headers.Has("Authorization"));
  EXPECT_EQ(request.body,
            "grant_type=client_credentials&client_id=app-client-id&"
            "client_secret=Zx9~secret%2Fwith%2Bspecial%3Dchars&"
            "scope=https%3A%2F%2Fgraph.microsoft.com%2F.default");
}

TEST_F(TokenProviderTest, CachesTheToken) {
  transport_.Enqueue(JsonResponse(200, TokenBody("token-1")));
  transport_.Enqueue(JsonResponse(200, TokenBody("token-2")));
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-1");
  clock_.Advance(minutes(30));
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-1");
  EXPECT_EQ(transport_.request_count(), 1u);
}

TEST_F(TokenProviderTest, RefreshesFiveMinutesBeforeExpiry) {
  transport_.Enqueue(JsonResponse(200, TokenBody("token-1", 3600)));
  transport_.Enqueue(JsonResponse(200, TokenBody("token-2", 3600)));
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-1");
  clock_.Advance(minutes(55) - seconds(1));
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-1");
  clock_.Advance(seconds(1));  // now 5 minutes before expiry
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-2");
  EXPECT_EQ(transport_.request_count(), 2u);
}

TEST_F(TokenProviderTest, ShortLivedTokensRefreshAtHalfLife) {
  transport_.Enqueue(JsonResponse(200, TokenBody("token-1", 60)));
  transport_.Enqueue(JsonResponse(200, TokenBody("token-2", 60)));
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-1");
  clock_.Advance(seconds(29));
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-1");
  clock_.Advance(seconds(1));
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-2");
}

TEST_F(TokenProviderTest, InvalidateForcesANewToken) {
  transport_.Enqueue(JsonResponse(200, TokenBody("token-1")));
  transport_.Enqueue(JsonResponse(200, TokenBody("token-2")));
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-1");
  provider_.Invalidate("some-other-token");  // not the cached one: no effect
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-1");
  provider_.Invalidate("token-1");
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-2");
}

// The fake clock, plus which threads have read it: a thread asking for a token reads the clock
// (is the cached token due?) before it either fetches or waits for the thread that fetches.
class ThreadRecordingClock final : public Clock {
 public:
  explicit ThreadRecordingClock(Clock& clock) : clock_(clock) {}
  std::chrono::system_clock::time_point Now() const override {
    {
      std::lock_guard lock(mu_);
      readers_.insert(std::this_thread::get_id());
    }
    cv_.notify_all();
    return clock_.Now();
  }
  // Waits until `count` distinct threads have read the clock; false after `limit` (a guard
  // against a hang if the provider stops reading the clock, not a timing assumption).
  bool WaitForReaders(std::size_t count, milliseconds limit) const {
    std::unique_lock lock(mu_);
    return cv_.wait_for(lock, limit, [&] { return readers_.size() >= count; });
  }

 private:
  Clock& clock_;
  mutable std::mutex mu_;
  mutable std::condition_variable cv_;
  mutable std::set<std::thread::id> readers_;
};

TEST_F(TokenProviderTest, SingleFlightUnderConcurrency) {
  ThreadRecordingClock clock(clock_);
  ClientCredentialsTokenProvider provider(Options(), transport_, retrier_, clock, logger_);
  // A cached token that is due for a refresh: every caller reads the clock, finds it due, and
  // then either fetches or queues behind the fetch.
  transport_.Enqueue(JsonResponse(200, TokenBody("old-token", 3600)));
  ASSERT_EQ(*provider.GetToken(cancel_), "old-token");
  clock_.Advance(minutes(56));  // past the refresh point (60 - 5 min), before the expiry

  constexpr int kThreads = 8;
  std::atomic<int> fetches{0};
  std::atomic<bool> all_arrived{false};
  transport_.SetHandler([&](const HttpRequest&) -> absl::StatusOr<HttpResponse> {
    ++fetches;
    // Hold the fetch until every thread has found the token due, so that each of the others
    // is queued behind this fetch (or, without single flight, would fetch as well).
    all_arrived = clock.WaitForReaders(kThreads + 1, seconds(30));  // + the set-up's thread
    return JsonResponse(200, TokenBody("shared-token"));
  });
  std::vector<std::thread> threads;
  std::vector<std::string> results(kThreads);
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] { results[i] = provider.GetToken(cancel_).value_or("error"); });
  }
  for (std::thread& thread : threads) {
    thread.join();
  }
  EXPECT_TRUE(all_arrived.load()) << "not every thread asked for a token while the fetch was held";
  EXPECT_EQ(fetches.load(), 1);
  EXPECT_EQ(transport_.request_count(), 2u);  // the set-up's fetch and the shared one
  for (const std::string& result : results) {
    EXPECT_EQ(result, "shared-token");
  }
}

TEST_F(TokenProviderTest, WaitingForAnotherThreadsFetchIsCancellable) {
  std::mutex mu;
  std::condition_variable cv;
  bool release = false;
  transport_.SetHandler([&](const HttpRequest&) -> absl::StatusOr<HttpResponse> {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return release; });
    return JsonResponse(200, TokenBody("slow-token"));
  });
  std::thread fetcher([&] { (void)provider_.GetToken(cancel_); });
  while (transport_.request_count() == 0) {
    std::this_thread::yield();
  }
  CancellationSource source;
  source.Cancel();
  absl::StatusOr<std::string> waited = provider_.GetToken(source.Token());
  EXPECT_EQ(waited.status().code(), absl::StatusCode::kCancelled);
  {
    std::lock_guard lock(mu);
    release = true;
  }
  cv.notify_all();
  fetcher.join();
}

TEST_F(TokenProviderTest, WrongSecretIsUnauthenticatedWithoutTheSecret) {
  transport_.Enqueue(JsonResponse(
      401, {{"error", "invalid_client"},
            {"error_description", std::string("AADSTS7000215: Invalid client secret provided: ") +
                                      kSecret + "\r\nTrace ID: t-1\r\nCorrelation ID: c-1"},
            {"error_codes", {7000215}},
            {"timestamp", "2026-11-25 03:04:05Z"},
            {"trace_id", "t-1"},
            {"correlation_id", "c-1"}}));
  absl::StatusOr<std::string> token = provider_.GetToken(cancel_);
  ASSERT_FALSE(token.ok());
  EXPECT_EQ(token.status().code(), absl::StatusCode::kUnauthenticated);
  std::string message(token.status().message());
  EXPECT_THAT(message, AllOf(HasSubstr("401 invalid_client"), HasSubstr("AADSTS7000215"),
                             HasSubstr("check client_id and client_secret"),
                             HasSubstr("trace-id: t-1"), HasSubstr("correlation-id: c-1")));
  EXPECT_THAT(message, Not(HasSubstr(kSecret)));
  EXPECT_THAT(message, Not(HasSubstr("Trace ID:")));  // only the first line of the description
  for (const std::string& line : logs_.lines()) {
    EXPECT_THAT(line, Not(HasSubstr(kSecret)));
  }
}

struct OAuthErrorCase {
  int http_status;
  const char* error;
  absl::StatusCode expected;
};

class TokenErrorMapping : public TokenProviderTest,
                          public ::testing::WithParamInterface<OAuthErrorCase> {};

TEST_P(TokenErrorMapping, MapsAadErrors) {
  transport_.Enqueue(
      JsonResponse(GetParam().http_status,
                   {{"error", GetParam().error}, {"error_description", "AADSTS0: something"}}));
  absl::StatusOr<std::string> token = provider_.GetToken(cancel_);
  EXPECT_EQ(token.status().code(), GetParam().expected) << GetParam().error;
  EXPECT_THAT(std::string(token.status().message()), HasSubstr(GetParam().error));
}

INSTANTIATE_TEST_SUITE_P(
    Table, TokenErrorMapping,
    ::testing::Values(
        OAuthErrorCase{400, "invalid_request", absl::StatusCode::kInvalidArgument},
        OAuthErrorCase{400, "invalid_scope", absl::StatusCode::kInvalidArgument},
        OAuthErrorCase{400, "unsupported_grant_type", absl::StatusCode::kInvalidArgument},
        OAuthErrorCase{400, "unauthorized_client", absl::StatusCode::kPermissionDenied},
        OAuthErrorCase{400, "invalid_client", absl::StatusCode::kUnauthenticated},
        OAuthErrorCase{401, "invalid_client", absl::StatusCode::kUnauthenticated}));

TEST_F(TokenProviderTest, RetriesTheTokenEndpointOn503) {
  transport_.Enqueue(MakeResponse(503, "", {{"Retry-After", "3"}}));
  transport_.Enqueue(absl::UnavailableError("connection reset"));
  transport_.Enqueue(JsonResponse(200, TokenBody("token-1")));
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-1");
  EXPECT_EQ(transport_.request_count(), 3u);
  EXPECT_EQ(sleeper_.sleeps().front(), seconds(3));
}

TEST_F(TokenProviderTest, GivesUpWithTheLastErrorAndNoSecret) {
  for (int i = 0; i < 3; ++i) {
    transport_.Enqueue(absl::UnavailableError("connection refused"));
  }
  absl::StatusOr<std::string> token = provider_.GetToken(cancel_);
  EXPECT_EQ(token.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(token.status().message()),
              AllOf(HasSubstr("connection refused"), HasSubstr("gave up after 3 attempts"),
                    Not(HasSubstr(kSecret))));
}

TEST_F(TokenProviderTest, KeepsUsingAValidTokenWhenARefreshFails) {
  transport_.Enqueue(JsonResponse(200, TokenBody("token-1", 3600)));
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-1");
  clock_.Advance(minutes(56));  // inside the refresh window, still valid
  transport_.Enqueue(MakeResponse(400, R"({"error":"invalid_request"})"));
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-1");
  clock_.Advance(minutes(5));  // expired now
  transport_.Enqueue(MakeResponse(400, R"({"error":"invalid_request"})"));
  EXPECT_EQ(provider_.GetToken(cancel_).status().code(), absl::StatusCode::kInvalidArgument);
}

TEST_F(TokenProviderTest, MalformedSuccessResponses) {
  transport_.Enqueue(MakeResponse(200, "not json"));
  EXPECT_EQ(provider_.GetToken(cancel_).status().code(), absl::StatusCode::kInternal);
  transport_.Enqueue(JsonResponse(200, {{"token_type", "Bearer"}, {"expires_in", 10}}));
  EXPECT_THAT(std::string(provider_.GetToken(cancel_).status().message()),
              HasSubstr("no access_token"));
  transport_.Enqueue(JsonResponse(200, {{"token_type", "pop"}, {"access_token", "x"}}));
  EXPECT_THAT(std::string(provider_.GetToken(cancel_).status().message()),
              HasSubstr("token_type 'pop'"));
}

TEST_F(TokenProviderTest, AcceptsExpiresInAsString) {
  transport_.Enqueue(JsonResponse(
      200, {{"token_type", "Bearer"}, {"expires_in", "120"}, {"access_token", "token-1"}}));
  transport_.Enqueue(JsonResponse(200, TokenBody("token-2")));
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-1");
  clock_.Advance(seconds(61));  // past half of 120s
  EXPECT_EQ(*provider_.GetToken(cancel_), "token-2");
}

TEST_F(TokenProviderTest, TokensAreRedactedFromLogs) {
  transport_.Enqueue(JsonResponse(200, TokenBody("opaque-token-value-42")));
  ASSERT_TRUE(provider_.GetToken(cancel_).ok());
  logger_.Log(LogLevel::kInfo, "accidentally logging opaque-token-value-42");
  for (const std::string& line : logs_.lines()) {
    EXPECT_THAT(line, Not(HasSubstr("opaque-token-value-42")));
    EXPECT_THAT(line, Not(HasSubstr(kSecret)));
  }
  EXPECT_THAT(logs_.lines().back(), HasSubstr("[REDACTED]"));
}

}  // namespace
}  // namespace opc::client
