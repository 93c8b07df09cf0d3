#include "provider/client/graph_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes.h"
#include "provider/client/graph_error.h"

namespace opc::client {
namespace {

using std::chrono::seconds;
using ::testing::ElementsAre;
using testing::GraphErrorResponse;
using testing::GraphHarness;
using ::testing::HasSubstr;
using testing::JsonResponse;
using testing::MakeResponse;

GraphClientOptions NoUserAgentOptions() {
  GraphClientOptions options;
  options.endpoint = testing::kTestEndpoint;
  return options;
}

TEST(GraphClient, SendsAnAuthorizedJsonRequest) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(201, {{"id", "x"}}, {{"request-id", "r-1"}}));
  absl::StatusOr<GraphResponse> response = h.client.Send(GraphRequest{HttpMethod::kPost,
                                                                      "/beta/things",
                                                                      {{"$top", "5"}},
                                                                      nlohmann::json{{"a", 1}},
                                                                      std::nullopt},
                                                         h.cancel);
  ASSERT_TRUE(response.ok()) << response.status();
  EXPECT_EQ(response->status_code, 201);
  EXPECT_EQ(response->body["id"], "x");
  EXPECT_EQ(response->request_id, "r-1");

  const HttpRequest sent = h.transport.requests().at(0);
  EXPECT_EQ(sent.method, HttpMethod::kPost);
  EXPECT_EQ(sent.url, "https://graph.test/beta/things?$top=5");
  EXPECT_EQ(sent.headers.Get("Authorization"), "Bearer test-access-token");
  EXPECT_EQ(sent.headers.Get("Accept"), "application/json");
  EXPECT_EQ(sent.headers.Get("Content-Type"), "application/json");
  EXPECT_EQ(sent.headers.Get("User-Agent"), "opc-test");
  EXPECT_EQ(sent.headers.Get("client-request-id").value_or("").size(), 36u);
  EXPECT_FALSE(sent.headers.Has("If-Match"));
  EXPECT_EQ(nlohmann::json::parse(sent.body), (nlohmann::json{{"a", 1}}));
  EXPECT_GT(sent.timeout.count(), 0);
}

TEST(GraphClient, IfMatchIsSentOnPatchAndDelete) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, {{"id", "c"}}));
  h.transport.Enqueue(MakeResponse(204));
  ASSERT_TRUE(h.client.Patch("/beta/c/1", {{"status", "active"}}, "W/\"abc\"", h.cancel).ok());
  ASSERT_TRUE(h.client.Delete("/beta/c/1", "W/\"abc\"", h.cancel).ok());
  std::vector<HttpRequest> requests = h.transport.requests();
  EXPECT_EQ(requests[0].method, HttpMethod::kPatch);
  EXPECT_EQ(requests[0].headers.Get("If-Match"), "W/\"abc\"");
  EXPECT_EQ(requests[1].method, HttpMethod::kDelete);
  EXPECT_EQ(requests[1].headers.Get("If-Match"), "W/\"abc\"");
  EXPECT_TRUE(requests[1].body.empty());
  EXPECT_FALSE(requests[1].headers.Has("Content-Type"));
}

TEST(GraphClient, WritesOnTheWireGetAGraceAfterStopReadsDoNot) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(201, {{"id", "x"}}));
  h.transport.Enqueue(JsonResponse(200, {{"id", "x"}}));
  ASSERT_TRUE(h.client.Post("/beta/things", {{"a", 1}}, h.cancel).ok());
  ASSERT_TRUE(h.client.Get("/beta/things/x", {}, h.cancel).ok());
  std::vector<HttpRequest> requests = h.transport.requests();
  EXPECT_EQ(requests[0].cancel_grace, GraphClientOptions().write_grace);
  EXPECT_GT(requests[0].cancel_grace.count(), 0);
  EXPECT_EQ(requests[1].cancel_grace.count(), 0);
}

TEST(GraphClient, EtagFromHeaderOrBody) {
  GraphHarness h;
  h.transport.Enqueue(
      JsonResponse(200, {{"@odata.etag", "W/\"body\""}}, {{"ETag", "W/\"header\""}}));
  h.transport.Enqueue(JsonResponse(200, {{"@odata.etag", "W/\"body\""}}));
  h.transport.Enqueue(JsonResponse(200, {{"id", 1}}));
  EXPECT_EQ(h.client.Get("/a", {}, h.cancel)->etag, "W/\"header\"");
  EXPECT_EQ(h.client.Get("/a", {}, h.cancel)->etag, "W/\"body\"");
  EXPECT_EQ(h.client.Get("/a", {}, h.cancel)->etag, std::nullopt);
}

TEST(GraphClient, EmptyBodyIsNull) {
  GraphHarness h;
  h.transport.Enqueue(MakeResponse(204));
  absl::StatusOr<GraphResponse> response = h.client.Delete("/a", std::nullopt, h.cancel);
  ASSERT_TRUE(response.ok());
  EXPECT_TRUE(response->body.is_null());
}

TEST(GraphClient, InvalidJsonIsAnError) {
  GraphHarness h;
  h.transport.Enqueue(MakeResponse(200, "{not json", {{"request-id", "r-7"}}));
  absl::StatusOr<GraphResponse> response = h.client.Get("/a", {}, h.cancel);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(response.status().message()),
              HasSubstr("is not valid JSON (syntax error at byte 3) [request-id: r-7]"));
}

TEST(GraphClient, ErrorEnvelopeBecomesAStatus) {
  GraphHarness h;
  h.transport.Enqueue(GraphErrorResponse(409, "NumbersAssigned", "numbers are assigned", "r-2"));
  absl::StatusOr<GraphResponse> response = h.client.Delete("/c/1", std::nullopt, h.cancel);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(response.status().message(),
            "Conflict (409 NumbersAssigned): numbers are assigned [request-id: r-2]");
  EXPECT_EQ(ServiceErrorCodeOf(response.status()), "NumbersAssigned");
}

TEST(GraphClient, NotFoundAndStaleEtag) {
  GraphHarness h;
  h.transport.Enqueue(GraphErrorResponse(404, "NotFound", "no such consent"));
  h.transport.Enqueue(GraphErrorResponse(412, "PreconditionFailed", "stale"));
  EXPECT_TRUE(absl::IsNotFound(h.client.Get("/c/1", {}, h.cancel).status()));
  EXPECT_TRUE(absl::IsAborted(h.client.Patch("/c/1", {}, "W/\"old\"", h.cancel).status()));
  EXPECT_EQ(h.transport.request_count(), 2u);  // neither is retried
}

TEST(GraphClient, RetriesKeepTheClientRequestIdAndReportGivingUp) {
  GraphHarness h;
  // A server error is retried max_retries (3) times; throttling would be waited out instead.
  for (int i = 0; i < 4; ++i) {
    h.transport.Enqueue(GraphErrorResponse(502, "BadGateway", "busy", "r", {{"Retry-After", "1"}}));
  }
  absl::StatusOr<GraphResponse> response = h.client.Get("/a", {}, h.cancel);
  EXPECT_EQ(response.status().code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(response.status().message()),
              HasSubstr("Bad Gateway (502 BadGateway): busy [request-id: r] "
                        "(gave up after 4 attempts)"));
  EXPECT_EQ(HttpStatusOf(response.status()), 502);  // payload survives the suffix
  std::vector<HttpRequest> requests = h.transport.requests();
  ASSERT_EQ(requests.size(), 4u);
  for (const HttpRequest& request : requests) {
    EXPECT_EQ(request.headers.Get("client-request-id"),
              requests[0].headers.Get("client-request-id"));
  }
  EXPECT_THAT(h.sleeper.sleeps(), ElementsAre(seconds(1), seconds(1), seconds(1)));
}

TEST(GraphClient, TransportErrorNamesTheRequest) {
  GraphHarness h;
  for (int i = 0; i < 4; ++i) {
    h.transport.Enqueue(absl::UnavailableError("connection refused"));
  }
  absl::Status status = h.client.Get("/a", {}, h.cancel).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_EQ(status.message(),
            "GET https://graph.test/a: connection refused (gave up after 4 attempts)");
}

// Counts tokens handed out and invalidated.
class RotatingTokens final : public TokenProvider {
 public:
  absl::StatusOr<std::string> GetToken(const CancellationToken&) override {
    return "token-" + std::to_string(generation_);
  }
  void Invalidate(std::string_view token) override {
    if (token == "token-" + std::to_string(generation_)) {
      ++generation_;
    }
    invalidated_.emplace_back(token);
  }
  int generation_ = 1;
  std::vector<std::string> invalidated_;
};

TEST(GraphClient, A401RetriesOnceWithAFreshToken) {
  GraphHarness h;
  RotatingTokens tokens;
  GraphClient client(NoUserAgentOptions(), h.transport, tokens, h.retrier, h.logger);
  h.transport.Enqueue(GraphErrorResponse(401, "InvalidAuthenticationToken", "expired"));
  h.transport.Enqueue(JsonResponse(200, {{"ok", true}}));
  ASSERT_TRUE(client.Get("/a", {}, h.cancel).ok());
  std::vector<HttpRequest> requests = h.transport.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].headers.Get("Authorization"), "Bearer token-1");
  EXPECT_EQ(requests[1].headers.Get("Authorization"), "Bearer token-2");
  EXPECT_THAT(tokens.invalidated_, ElementsAre("token-1"));
}

TEST(GraphClient, A401TwiceIsUnauthenticated) {
  GraphHarness h;
  RotatingTokens tokens;
  GraphClient client(NoUserAgentOptions(), h.transport, tokens, h.retrier, h.logger);
  h.transport.Enqueue(GraphErrorResponse(401, "InvalidAuthenticationToken", "no"));
  h.transport.Enqueue(GraphErrorResponse(401, "InvalidAuthenticationToken", "still no"));
  absl::Status status = client.Get("/a", {}, h.cancel).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kUnauthenticated);
  EXPECT_THAT(std::string(status.message()), HasSubstr("still no"));
  EXPECT_EQ(h.transport.request_count(), 2u);
}

class FailingTokens final : public TokenProvider {
 public:
  absl::StatusOr<std::string> GetToken(const CancellationToken&) override {
    return absl::UnauthenticatedError("token request failed (401 invalid_client)");
  }
  void Invalidate(std::string_view) override {}
};

TEST(GraphClient, TokenFailureIsReturnedAsIsWithoutSending) {
  GraphHarness h;
  FailingTokens tokens;
  GraphClient client(NoUserAgentOptions(), h.transport, tokens, h.retrier, h.logger);
  absl::Status status = client.Get("/a", {}, h.cancel).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kUnauthenticated);
  EXPECT_EQ(status.message(), "token request failed (401 invalid_client)");
  EXPECT_EQ(h.transport.request_count(), 0u);
}

TEST(GraphClient, AbsoluteUrlsAreUsedVerbatimOnTheSameOrigin) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, {{"value", nlohmann::json::array()}}));
  std::string next = "https://GRAPH.test:443/v1.0/x?$skiptoken=a%2Bb%3D&$top=2";
  ASSERT_TRUE(h.client.Get(next, {}, h.cancel).ok());
  EXPECT_EQ(h.transport.requests()[0].url, next);
}

TEST(GraphClient, RefusesToSendTheTokenToAnotherOrigin) {
  GraphHarness h;
  for (const char* url : {"https://evil.test/steal", "http://graph.test/a",
                          "https://graph.test:8443/a", "https://graph.test.evil.test/a"}) {
    absl::Status status = h.client.Get(url, {}, h.cancel).status();
    EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied) << url;
    EXPECT_THAT(std::string(status.message()), HasSubstr("refusing to send credentials"));
  }
  EXPECT_EQ(h.transport.request_count(), 0u);
}

TEST(GraphClient, ResolveUrl) {
  GraphHarness h;
  EXPECT_EQ(h.client.ResolveUrl("/v1.0/a"), "https://graph.test/v1.0/a");
  EXPECT_EQ(h.client.ResolveUrl("v1.0/a"), "https://graph.test/v1.0/a");
  EXPECT_EQ(h.client.ResolveUrl("https://graph.test/x"), "https://graph.test/x");
}

TEST(UrlOrigin, NormalizesSchemeHostAndPort) {
  EXPECT_EQ(UrlOrigin("https://Graph.Microsoft.com/v1.0"), "https://graph.microsoft.com:443");
  EXPECT_EQ(UrlOrigin("http://127.0.0.1:8080/x?y"), "http://127.0.0.1:8080");
  EXPECT_EQ(UrlOrigin("http://localhost"), "http://localhost:80");
  EXPECT_EQ(UrlOrigin("http://[::1]:9000/"), "http://[::1]:9000");
  EXPECT_EQ(UrlOrigin("http://[::1]/"), "http://[::1]:80");
  EXPECT_EQ(UrlOrigin("https://user@host.test/"), "https://host.test:443");
  EXPECT_EQ(UrlOrigin("ftp://host/"), "");
  EXPECT_EQ(UrlOrigin("/relative"), "");
}

TEST(GraphClient, InvalidUtf8InTheBodyDoesNotThrow) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, {{"ok", true}}));
  nlohmann::json body = {{"description", std::string("bad \xff byte")}};
  EXPECT_TRUE(h.client.Post("/a", body, h.cancel).ok());
}

}  // namespace
}  // namespace opc::client
