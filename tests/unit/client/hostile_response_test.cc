// What a hostile or broken endpoint can send (issue 15): each case would crash, exhaust, hang
// or leak without its fix. The fakes script the responses; nothing waits on the wall clock.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "fakes.h"
#include "provider/client/bounded_json.h"
#include "provider/client/curl_transport.h"
#include "provider/client/graph_error.h"
#include "provider/client/long_running_operation.h"
#include "provider/client/paging.h"
#include "provider/client/token_provider.h"
#include "provider/client/untrusted_text.h"
#include "provider/common/utf8.h"

namespace opc::client {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using testing::FakeClock;
using testing::FakeSleeper;
using testing::FakeTransport;
using testing::FixedRandom;
using testing::GraphHarness;
using ::testing::HasSubstr;
using testing::JsonResponse;
using testing::LogCapture;
using testing::MakeResponse;
using ::testing::Not;

// The access token the fakes' StaticTokenProvider hands out.
constexpr char kToken[] = "test-access-token";

bool IsValidUtf8(std::string_view text) { return SanitizeUtf8(text) == text; }
bool IsValidUtf8Message(const absl::Status& status) {
  return IsValidUtf8(std::string_view(status.message().data(), status.message().size()));
}

std::string Nested(char open, char close, std::size_t depth) {
  return std::string(depth, open) + std::string(depth, close);
}

GraphRequest ListOf(std::string path) {
  GraphRequest request;
  request.path = std::move(path);
  return request;
}

nlohmann::json PageOf(std::size_t items, std::optional<std::string> next) {
  nlohmann::json body = {{"value", nlohmann::json::array()}};
  for (std::size_t i = 0; i < items; ++i) {
    body["value"].push_back({{"id", std::to_string(i)}});
  }
  if (next) {
    body["@odata.nextLink"] = *next;
  }
  return body;
}

// --- the one place for response data in messages ---

TEST(UntrustedText, BoundsSanitisesAndRedactsBeforeCutting) {
  Redactor redactor;
  redactor.AddRotatingSecret("s3cr3t-token-value");
  // A secret that straddles the cut must not be left half-shown.
  std::string raw = std::string(290, 'a') + "s3cr3t-token-value" + std::string(100, 'b');
  std::string text = UntrustedText(raw, &redactor, 300);
  EXPECT_THAT(text, Not(HasSubstr("s3cr3t")));
  EXPECT_LE(text.size(), 303u);
  EXPECT_THAT(UntrustedText("line\r\nX-Injected: yes\x01", nullptr), "line  X-Injected: yes ");
  EXPECT_EQ(UntrustedText("bad \xff\xfe byte", nullptr), "bad \xEF\xBF\xBD\xEF\xBF\xBD byte");
  // Cut inside a two-byte character: the cut moves back to the character's start.
  std::string cut = UntrustedText(std::string(299, 'a') + "\xC3\xA9\xC3\xA9", nullptr, 300);
  EXPECT_TRUE(IsValidUtf8(cut));
  EXPECT_EQ(cut, std::string(299, 'a') + "...");
}

TEST(Utf8, RejectsOverlongSurrogatesAndTruncatedSequences) {
  EXPECT_TRUE(IsValidUtf8("h\xC3\xA9llo \xE2\x82\xAC \xF0\x9F\x98\x80"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\xE2\x82"));          // cut short
}

// --- parsing with limits ---

TEST(BoundedJson, RefusesDeepNestingWithoutRecursing) {
  absl::StatusOr<nlohmann::json> parsed = ParseBoundedJson(Nested('[', ']', 100'000));
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(parsed.status().message()), HasSubstr("deeper than 64 levels"));
  EXPECT_TRUE(ParseBoundedJson(Nested('{', '}', 1) + " ").ok());
}

TEST(BoundedJson, RefusesTooManyValuesBeforeBuildingThem) {
  // 16 million "0," would cost gigabytes as a DOM; the parser stops at the limit instead.
  std::string text = "{\"value\":[";
  for (int i = 0; i < 600'000; ++i) {
    text += "{},";
  }
  text += "{}]}";
  absl::StatusOr<nlohmann::json> parsed = ParseBoundedJson(text);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(parsed.status().message()), HasSubstr("more than 500000 JSON values"));

  JsonLimits limits;
  limits.max_page_items = 10;
  parsed = ParseBoundedJson(PageOf(11, std::nullopt).dump(), limits);
  ASSERT_FALSE(parsed.ok());
  EXPECT_THAT(std::string(parsed.status().message()), HasSubstr("more than 10 items"));
  EXPECT_TRUE(ParseBoundedJson(PageOf(10, std::nullopt).dump(), limits).ok());
}

TEST(BoundedJson, StreamsPageItemsToASinkInsteadOfKeepingThem) {
  const std::string text =
      R"({"@odata.context":"x","value":[{"id":"a","tags":[{"k":1}]},{"id":"b","value":[{"x":2}]},)"
      R"(7],"@odata.nextLink":"https://n"})";
  std::vector<nlohmann::json> items;
  const JsonItemSink sink = [&](nlohmann::json&& item) { items.push_back(std::move(item)); };
  absl::StatusOr<nlohmann::json> parsed =
      ParseBoundedJson(text, kDefaultJsonLimits, nullptr, &sink);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  // Objects of the top-level "value" array go to the sink whole (nested arrays, even one named
  // "value", stay inside them); anything else stays in the document.
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0], nlohmann::json::parse(R"({"id":"a","tags":[{"k":1}]})"));
  EXPECT_EQ(items[1], nlohmann::json::parse(R"({"id":"b","value":[{"x":2}]})"));
  EXPECT_EQ((*parsed)["value"], nlohmann::json::parse("[7]"));
  EXPECT_EQ((*parsed)["@odata.nextLink"], "https://n");
  // The limits still hold while streaming.
  JsonLimits limits;
  limits.max_page_items = 2;
  items.clear();
  EXPECT_EQ(
      ParseBoundedJson(PageOf(3, std::nullopt).dump(), limits, nullptr, &sink).status().code(),
      absl::StatusCode::kResourceExhausted);
  EXPECT_EQ(items.size(), 2u);
}

TEST(BoundedJson, StopsWhenCancelled) {
  CancellationSource source;
  source.Cancel();
  CancellationToken token = source.Token();
  std::string text = "[1";
  for (int i = 0; i < 100'000; ++i) {
    text += ",1";
  }
  text += "]";
  absl::StatusOr<nlohmann::json> parsed = ParseBoundedJson(text, kDefaultJsonLimits, &token);
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kCancelled);
}

TEST(BoundedJson, SyntaxErrorsDoNotQuoteTheInput) {
  absl::StatusOr<nlohmann::json> parsed = ParseBoundedJson("{\"a\": secret-value");
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(parsed.status().message()), Not(HasSubstr("secret")));
}

// --- paging ---

TEST(HostilePaging, NextLinkNestedDeepIsAClearErrorNotACrash) {
  GraphHarness h;
  h.transport.Enqueue(
      MakeResponse(200, "{\"value\":[],\"@odata.nextLink\":" + Nested('[', ']', 100'000) + "}"));
  absl::Status status = ForEachItem(
      h.client, ListOf("/v1.0/items"), [](const nlohmann::json&) { return absl::OkStatus(); },
      h.cancel);
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(status.message()), HasSubstr("deeper than 64 levels"));
}

TEST(HostilePaging, InvalidNextLinkIsDescribedNotPrinted) {
  GraphHarness h;
  h.transport.Enqueue(MakeResponse(200, R"({"value":[],"@odata.nextLink":[["secret-looking"]]})"));
  absl::Status status = ForEachItem(
      h.client, ListOf("/v1.0/items"), [](const nlohmann::json&) { return absl::OkStatus(); },
      h.cancel);
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(status.message()), HasSubstr("invalid @odata.nextLink (a JSON array"));
  EXPECT_THAT(std::string(status.message()), Not(HasSubstr("secret-looking")));
}

TEST(HostilePaging, EndlessDistinctPagesStopAtThePageBudget) {
  GraphClientOptions graph = GraphHarness::DefaultGraph();
  graph.max_list_pages = 50;
  GraphHarness h(GraphHarness::DefaultRetry(), graph);
  int served = 0;
  h.transport.SetHandler([&](const HttpRequest&) -> absl::StatusOr<HttpResponse> {
    ++served;
    return JsonResponse(
        200, PageOf(0, "https://graph.test/v1.0/items?$skiptoken=" + std::to_string(served)));
  });
  absl::Status status = ForEachItem(
      h.client, ListOf("/v1.0/items"), [](const nlohmann::json&) { return absl::OkStatus(); },
      h.cancel);
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(status.message()), HasSubstr("more than 50 pages"));
  EXPECT_EQ(served, 50);
}

TEST(HostilePaging, ItemsOverTheBudgetAreRefusedWhileParsing) {
  GraphClientOptions graph = GraphHarness::DefaultGraph();
  graph.max_list_items = 250;
  GraphHarness h(GraphHarness::DefaultRetry(), graph);
  int served = 0;
  h.transport.SetHandler([&](const HttpRequest&) -> absl::StatusOr<HttpResponse> {
    ++served;
    return JsonResponse(
        200, PageOf(100, "https://graph.test/v1.0/items?$skiptoken=" + std::to_string(served)));
  });
  std::size_t visited = 0;
  absl::Status status = ForEachItem(
      h.client, ListOf("/v1.0/items"),
      [&](const nlohmann::json&) {
        ++visited;
        return absl::OkStatus();
      },
      h.cancel);
  EXPECT_EQ(status.code(), absl::StatusCode::kResourceExhausted);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("more than 250 items, the most one read may return (max_list_items)"));
  EXPECT_EQ(served, 3);
  EXPECT_EQ(visited, 200u);  // the third page was refused before any of it was visited

  // Exactly the budget is fine.
  GraphHarness exact(GraphHarness::DefaultRetry(), graph);
  exact.transport.Enqueue(JsonResponse(200, PageOf(200, "https://graph.test/v1.0/items?p=2")));
  exact.transport.Enqueue(JsonResponse(200, PageOf(50, std::nullopt)));
  EXPECT_TRUE(ListAllItems(exact.client, ListOf("/v1.0/items"), exact.cancel).ok());
}

TEST(HostilePaging, RepeatedNextLinkCarryingTheTokenIsRedacted) {
  GraphHarness h;
  h.redactor->AddRotatingSecret(kToken);
  const std::string link = std::string("https://graph.test/v1.0/items?$skiptoken=") + kToken;
  h.transport.Enqueue(JsonResponse(200, PageOf(1, link)));
  h.transport.Enqueue(JsonResponse(200, PageOf(1, link)));
  absl::Status status = ForEachItem(
      h.client, ListOf("/v1.0/items"), [](const nlohmann::json&) { return absl::OkStatus(); },
      h.cancel);
  EXPECT_THAT(std::string(status.message()), HasSubstr("same @odata.nextLink twice"));
  EXPECT_THAT(std::string(status.message()), Not(HasSubstr(kToken)));
}

// --- responses that are not what they claim ---

TEST(HostileGraphClient, InvalidJsonMessageRedactsAnEchoedRequestId) {
  GraphHarness h;
  h.redactor->AddRotatingSecret(kToken);
  h.transport.Enqueue(MakeResponse(200, "not json", {{"request-id", kToken}}));
  absl::StatusOr<GraphResponse> response = h.client.Get("/v1.0/x", {}, h.cancel);
  ASSERT_FALSE(response.ok());
  EXPECT_THAT(std::string(response.status().message()), HasSubstr("is not valid JSON"));
  EXPECT_THAT(std::string(response.status().message()), HasSubstr("[request-id: [REDACTED]]"));
  EXPECT_THAT(std::string(response.status().message()), Not(HasSubstr(kToken)));
}

TEST(HostileGraphClient, ErrorBodiesWithInvalidUtf8GiveValidUtf8Messages) {
  GraphHarness h;
  // Not an envelope, invalid bytes; an envelope whose message has them; an excerpt that the
  // bound cuts inside a multi-byte character.
  h.transport.Enqueue(MakeResponse(400, "bad \xff\xfe\xc3 body"));
  h.transport.Enqueue(MakeResponse(400,
                                   "{\"error\":{\"code\":\"Bad\xff\",\"message\":\"caf\xc3\"}}",
                                   {{"request-id", "id\xe2\x82"}}));
  h.transport.Enqueue(MakeResponse(400, std::string(299, 'x') + "\xE2\x82\xAC\xE2\x82\xAC"));
  for (int i = 0; i < 3; ++i) {
    absl::StatusOr<GraphResponse> response = h.client.Get("/v1.0/x", {}, h.cancel);
    ASSERT_FALSE(response.ok());
    EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
    EXPECT_TRUE(IsValidUtf8Message(response.status())) << i;
    EXPECT_THAT(std::string(response.status().message()), HasSubstr("Bad Request (400")) << i;
  }
}

TEST(HostileTransport, HeaderValuesWithLineBreaksAreNeverSent) {
  CurlTransport transport(CurlTransportOptions{});
  HttpRequest request;
  request.url = "http://127.0.0.1:9/";
  request.headers.Set("If-Match", "W/\"1\"\r\nX-Injected: yes");
  absl::StatusOr<HttpResponse> response = transport.Send(request, CancellationToken());
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(response.status().message()), HasSubstr("If-Match header"));
}

// --- token responses ---

class HostileTokenTest : public ::testing::Test {
 protected:
  HostileTokenTest()
      : sleeper_(clock_),
        redactor_(std::make_shared<Redactor>()),
        logger_(logs_.Sink(), redactor_),
        retrier_(RetryOptions{}, clock_, sleeper_, random_, logger_),
        provider_(Options(), transport_, retrier_, clock_, logger_) {}

  static ClientCredentialsOptions Options() {
    ClientCredentialsOptions options;
    options.authority_url = "https://login.test";
    options.tenant_id = "11111111-2222-3333-4444-555555555555";
    options.client_id = "app";
    options.client_secret = "the-client-secret";
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

TEST_F(HostileTokenTest, HugeExpiresInIsClampedNotOverflowed) {
  for (nlohmann::json expires_in :
       {nlohmann::json(9223372036854775807LL), nlohmann::json("99999999999999999"),
        nlohmann::json(18446744073709551615ULL), nlohmann::json("123456789012345678901234"),
        nlohmann::json(1e300)}) {
    FakeTransport transport;
    ClientCredentialsTokenProvider provider(Options(), transport, retrier_, clock_, logger_);
    transport.Enqueue(JsonResponse(
        200, {{"token_type", "Bearer"}, {"access_token", "tok-1"}, {"expires_in", expires_in}}));
    transport.Enqueue(JsonResponse(200, {{"token_type", "Bearer"}, {"access_token", "tok-2"}}));
    ASSERT_EQ(provider.GetToken(cancel_).value_or(""), "tok-1") << expires_in;
    // Clamped to 24 h: used for most of a day, then refreshed.
    clock_.Advance(std::chrono::hours(23));
    EXPECT_EQ(provider.GetToken(cancel_).value_or(""), "tok-1") << expires_in;
    clock_.Advance(std::chrono::hours(1));
    EXPECT_EQ(provider.GetToken(cancel_).value_or(""), "tok-2") << expires_in;
  }
}

TEST_F(HostileTokenTest, AccessTokenWithALineBreakIsRefused) {
  transport_.Enqueue(
      JsonResponse(200, {{"token_type", "Bearer"}, {"access_token", "abc\r\nX-Injected: yes"}}));
  absl::StatusOr<std::string> token = provider_.GetToken(cancel_);
  ASSERT_FALSE(token.ok());
  EXPECT_THAT(std::string(token.status().message()), HasSubstr("a control character at offset 3"));
  EXPECT_THAT(std::string(token.status().message()), Not(HasSubstr("X-Injected")));
}

TEST_F(HostileTokenTest, HugeAccessTokenGetsAClearMessage) {
  transport_.Enqueue(
      JsonResponse(200, {{"token_type", "Bearer"}, {"access_token", std::string(1 << 20, 'A')}}));
  absl::StatusOr<std::string> token = provider_.GetToken(cancel_);
  ASSERT_FALSE(token.ok());
  EXPECT_THAT(std::string(token.status().message()),
              HasSubstr("access_token is 1048576 bytes long, more than the 16384 accepted"));
  EXPECT_LT(token.status().message().size(), 300u);
}

TEST(CheckAccessToken, FollowsTheBearerTokenGrammar) {
  EXPECT_TRUE(CheckAccessToken("eyJ0eXAi.eyJhdWQi.sig-_~+/==").ok());
  EXPECT_FALSE(CheckAccessToken("").ok());
  EXPECT_FALSE(CheckAccessToken("two words").ok());
  EXPECT_FALSE(CheckAccessToken("a=b").ok());
  EXPECT_FALSE(CheckAccessToken("===").ok());
  EXPECT_FALSE(CheckAccessToken("caf\xc3\xa9").ok());
}

TEST_F(HostileTokenTest, TokenErrorWithInvalidUtf8AndEchoedSecretIsSafe) {
  transport_.Enqueue(JsonResponse(401, {{"error", "invalid_client"},
                                        {"error_description", "bad secret the-client-secret"},
                                        {"trace_id", std::string(5000, 't')}}));
  transport_.Enqueue(MakeResponse(400, "<html>\xff the-client-secret</html>"));
  for (int i = 0; i < 2; ++i) {
    absl::StatusOr<std::string> token = provider_.GetToken(cancel_);
    ASSERT_FALSE(token.ok());
    EXPECT_TRUE(IsValidUtf8Message(token.status()));
    EXPECT_THAT(std::string(token.status().message()), Not(HasSubstr("the-client-secret")));
    EXPECT_LT(token.status().message().size(), 600u);
  }
}

// --- long-running operations ---

TEST(HostileOperation, HugeRetryAfterIsCappedAndTheTotalWaitBounded) {
  GraphHarness h;
  h.transport.SetHandler([](const HttpRequest&) -> absl::StatusOr<HttpResponse> {
    return JsonResponse(200, {{"id", "op-1"}, {"status", "running"}, {"numbers", nullptr}},
                        {{"Retry-After", "999999"}});
  });
  PollOptions options;
  options.timeout = minutes(5);
  OperationPoller poller(h.client, h.clock, h.sleeper, options);
  GraphResponse accepted;
  accepted.status_code = 202;
  accepted.headers.Set("Location", "https://graph.test/v1.0/operations('op-1')");
  accepted.headers.Set("Retry-After", "999999");
  absl::StatusOr<LongRunningOperation> operation = poller.WaitForAccepted(accepted, h.cancel);
  EXPECT_EQ(operation.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(std::string(operation.status().message()), HasSubstr("operation_timeout"));
  std::vector<milliseconds> sleeps = h.sleeper.sleeps();
  ASSERT_GE(sleeps.size(), 5u);
  milliseconds total{0};
  for (milliseconds sleep : sleeps) {
    EXPECT_LE(sleep, seconds(60));
    total += sleep;
  }
  EXPECT_EQ(total, minutes(5));
}

TEST(HostileOperation, FailureMessageIsBoundedAndSafe) {
  GraphHarness h;
  nlohmann::json numbers = nlohmann::json::array();
  for (int i = 0; i < 1000; ++i) {
    numbers.push_back(
        {{"status", "failed"}, {"statusDetail", "bad \xc3\xa9 \r\n" + std::string(400, 'd')}});
  }
  h.transport.Enqueue(
      JsonResponse(200, {{"id", "op-1"}, {"status", "failed"}, {"numbers", numbers}}));
  OperationPoller poller(h.client, h.clock, h.sleeper, PollOptions{});
  absl::StatusOr<LongRunningOperation> operation =
      poller.Wait("https://graph.test/v1.0/operations('op-1')", milliseconds(0), h.cancel);
  ASSERT_EQ(operation.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(operation.status().message()), HasSubstr("and 980 more"));
  EXPECT_LT(operation.status().message().size(), 8000u);
  EXPECT_TRUE(IsValidUtf8Message(operation.status()));
}

}  // namespace
}  // namespace opc::client
