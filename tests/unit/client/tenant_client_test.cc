#include "provider/client/tenant_client.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes.h"
#include "provider/client/string_util.h"

namespace opc::client {
namespace {

using std::chrono::minutes;
using std::chrono::seconds;
using testing::FakeClock;
using testing::FakeSleeper;
using testing::FakeTransport;
using testing::FixedRandom;
using testing::GraphErrorResponse;
using ::testing::HasSubstr;
using testing::JsonResponse;
using testing::LogCapture;
using testing::MakeResponse;
using ::testing::Not;

constexpr char kSecret[] = "very-secret-client-secret~42";
constexpr char kTenant[] = "11111111-2222-3333-4444-555555555555";

ClientConfig ValidConfig() {
  ClientConfig config;
  config.tenant_id = kTenant;
  config.client_id = "22222222-3333-4444-5555-666666666666";
  config.client_secret = kSecret;
  config.endpoint = "http://127.0.0.1:8080";
  config.authority_url = "http://127.0.0.1:8080";
  config.max_retries = 2;
  config.request_timeout = minutes(1);
  return config;
}

struct ConfigCase {
  const char* name;
  std::function<void(ClientConfig&)> mutate;
  const char* message_part;
};

class ConfigValidation : public ::testing::TestWithParam<ConfigCase> {};

TEST_P(ConfigValidation, RejectsWithAClearMessage) {
  ClientConfig config = ValidConfig();
  GetParam().mutate(config);
  absl::Status status = ValidateClientConfig(config);
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument) << GetParam().name;
  EXPECT_THAT(std::string(status.message()), HasSubstr(GetParam().message_part));
  EXPECT_THAT(std::string(status.message()), Not(HasSubstr(kSecret)));
  EXPECT_FALSE(TenantClient::Create(config).ok());
}

INSTANTIATE_TEST_SUITE_P(
    Table, ConfigValidation,
    ::testing::Values(
        ConfigCase{"no tenant", [](ClientConfig& c) { c.tenant_id = ""; }, "tenant_id is required"},
        ConfigCase{"bad tenant", [](ClientConfig& c) { c.tenant_id = "a/b"; }, "tenant_id 'a/b'"},
        ConfigCase{"no client", [](ClientConfig& c) { c.client_id = " "; }, "client_id"},
        ConfigCase{"no secret", [](ClientConfig& c) { c.client_secret = ""; }, "client_secret"},
        ConfigCase{"relative endpoint", [](ClientConfig& c) { c.endpoint = "graph.test"; },
                   "not an absolute http(s) URL"},
        ConfigCase{"plain http remote", [](ClientConfig& c) { c.endpoint = "http://graph.test"; },
                   "uses plain http"},
        ConfigCase{"plain http authority",
                   [](ClientConfig& c) { c.authority_url = "http://login.test"; }, "authority_url"},
        ConfigCase{"query in endpoint",
                   [](ClientConfig& c) { c.endpoint = "https://graph.test/?x=1"; }, "query"},
        ConfigCase{"bad scope", [](ClientConfig& c) { c.scope = "User.Read"; }, "/.default"},
        ConfigCase{"negative retries", [](ClientConfig& c) { c.max_retries = -1; }, "max_retries"},
        ConfigCase{"too many retries", [](ClientConfig& c) { c.max_retries = 100; }, "max_retries"},
        ConfigCase{"zero timeout",
                   [](ClientConfig& c) { c.request_timeout = std::chrono::milliseconds(0); },
                   "request_timeout"}),
    [](const ::testing::TestParamInfo<ConfigCase>& info) {
      std::string name = info.param.name;
      for (char& c : name) {
        if (!IsAsciiAlnum(c)) {
          c = '_';
        }
      }
      return name;
    });

TEST(ValidateClientConfig, AcceptsDefaultsAndLoopback) {
  EXPECT_TRUE(ValidateClientConfig(ValidConfig()).ok());
  ClientConfig config = ValidConfig();
  config.endpoint = std::string(kDefaultEndpoint);
  config.authority_url = std::string(kDefaultAuthorityUrl);
  EXPECT_TRUE(ValidateClientConfig(config).ok());
  config.endpoint = "http://localhost:9999";
  EXPECT_TRUE(ValidateClientConfig(config).ok());
  config.tenant_id = "contoso.onmicrosoft.com";
  EXPECT_TRUE(ValidateClientConfig(config).ok());
}

// A tiny in-memory tenant: a token endpoint and a consent, enough to drive the facade.
class TenantClientTest : public ::testing::Test {
 protected:
  TenantClientTest() : sleeper_(clock_) {}

  std::unique_ptr<TenantClient> MakeClient(ClientConfig config = ValidConfig()) {
    config.log_sink = logs_.Sink();
    ClientDependencies deps;
    deps.transport = transport_;
    deps.clock = &clock_;
    deps.sleeper = &sleeper_;
    deps.random = &random_;
    absl::StatusOr<std::unique_ptr<TenantClient>> client =
        TenantClient::Create(std::move(config), std::move(deps));
    EXPECT_TRUE(client.ok()) << client.status();
    return *std::move(client);
  }

  static bool IsTokenRequest(const HttpRequest& request) {
    return request.url.ends_with("/oauth2/v2.0/token");
  }

  FakeClock clock_;
  FakeSleeper sleeper_;
  FixedRandom random_{0.0};
  std::shared_ptr<FakeTransport> transport_ = std::make_shared<FakeTransport>();
  LogCapture logs_;
  CancellationToken cancel_;
};

TEST_F(TenantClientTest, FetchesOneTokenAndUsesItForEveryApi) {
  int tokens_issued = 0;
  transport_->SetHandler([&](const HttpRequest& request) -> absl::StatusOr<HttpResponse> {
    if (IsTokenRequest(request)) {
      ++tokens_issued;
      return JsonResponse(200, {{"token_type", "Bearer"},
                                {"expires_in", 3599},
                                {"access_token", "sim-token-" + std::to_string(tokens_issued)}});
    }
    if (request.headers.Get("Authorization") != "Bearer sim-token-1") {
      return GraphErrorResponse(401, "InvalidAuthenticationToken", "bad token");
    }
    return JsonResponse(200, {{"value", nlohmann::json::array()}});
  });
  std::unique_ptr<TenantClient> client = MakeClient();
  EXPECT_EQ(transport_->request_count(), 0u);  // nothing happens before the first call

  ASSERT_TRUE(client->operators().ListConsents({}, cancel_).ok());
  ASSERT_TRUE(client->numbers().ListNumberAssignments({}, cancel_).ok());
  ASSERT_TRUE(client->emergency().ListCivicAddresses({}, cancel_).ok());
  EXPECT_EQ(tokens_issued, 1);

  std::vector<HttpRequest> requests = transport_->requests();
  ASSERT_EQ(requests.size(), 4u);
  EXPECT_EQ(requests[0].url,
            std::string("http://127.0.0.1:8080/") + kTenant + "/oauth2/v2.0/token");
  EXPECT_EQ(requests[1].url,
            "http://127.0.0.1:8080/beta/admin/teams/operatorConnect/consents?$top=1000");
  EXPECT_EQ(requests[1].headers.Get("User-Agent"), "terraform-provider-operatorconnect");
  EXPECT_EQ(client->tenant_id(), kTenant);
  EXPECT_EQ(client->endpoint(), "http://127.0.0.1:8080");
}

TEST_F(TenantClientTest, ConfigReachesRetriesAndTimeouts) {
  int status_code = 503;
  transport_->SetHandler([&](const HttpRequest& request) -> absl::StatusOr<HttpResponse> {
    if (IsTokenRequest(request)) {
      return JsonResponse(200,
                          {{"token_type", "Bearer"}, {"expires_in", 3599}, {"access_token", "t"}});
    }
    return MakeResponse(status_code, "", {{"Retry-After", "1"}});
  });
  ClientConfig config = ValidConfig();  // max_retries = 2
  config.retry_budget = std::chrono::seconds(5);
  std::unique_ptr<TenantClient> client = MakeClient(config);
  // Unavailable: waited out within the retry budget, not counted against max_retries.
  absl::Status status = client->operators().GetConsent("op-1", cancel_).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kUnavailable);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("gave up after 6 attempts: the next retry (in 1s) would exceed the retry "
                        "budget of 5s"));
  EXPECT_EQ(transport_->request_count(), 7u);  // token + 6 attempts, 1 s apart
  EXPECT_EQ(client->retrier().retries(), 5);

  // A server error: max_retries fast attempts.
  status_code = 500;
  status = client->operators().GetConsent("op-1", cancel_).status();
  EXPECT_THAT(std::string(status.message()), HasSubstr("gave up after 3 attempts"));
  EXPECT_EQ(transport_->request_count(), 10u);
}

TEST_F(TenantClientTest, CancellationAbortsAPendingOperationWait) {
  transport_->SetHandler([&](const HttpRequest& request) -> absl::StatusOr<HttpResponse> {
    if (IsTokenRequest(request)) {
      return JsonResponse(200,
                          {{"token_type", "Bearer"}, {"expires_in", 3599}, {"access_token", "t"}});
    }
    return MakeResponse(202, "",
                        {{"Location",
                          "http://127.0.0.1:8080/v1.0/admin/teams/"
                          "telephoneNumberManagement/operations('op')"},
                         {"Retry-After", "30"}});
  });
  std::unique_ptr<TenantClient> client = MakeClient();
  CancellationSource source;
  sleeper_.set_on_sleep([&](std::chrono::milliseconds) { source.Cancel(); });
  absl::Status status =
      client->numbers()
          .AssignNumber({"+441632960001", "user-1", "operatorConnect", std::nullopt, std::nullopt},
                        source.Token())
          .status();
  EXPECT_EQ(status.code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(transport_->request_count(), 2u);  // token + assignNumber, no poll
}

// The secret and the tokens never show up in a status message or a log line, whatever fails.
TEST_F(TenantClientTest, SecretAndTokensNeverLeak) {
  const std::string token = "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJzaW0ifQ.c2ln-the-token";
  int calls = 0;
  transport_->SetHandler([&](const HttpRequest& request) -> absl::StatusOr<HttpResponse> {
    ++calls;
    if (IsTokenRequest(request)) {
      if (calls == 1) {
        // A hostile or buggy token endpoint that echoes the request body.
        return JsonResponse(401, {{"error", "invalid_client"},
                                  {"error_description", "AADSTS7000215: got " + request.body}});
      }
      return JsonResponse(
          200, {{"token_type", "Bearer"}, {"expires_in", 3599}, {"access_token", token}});
    }
    // A service that echoes the Authorization header and the secret back in its errors.
    return GraphErrorResponse(
        400, "BadRequest",
        "header was " + request.headers.Get("Authorization").value_or("") + " secret " + kSecret);
  });
  std::unique_ptr<TenantClient> client = MakeClient();
  std::vector<absl::Status> statuses;
  statuses.push_back(client->operators().GetConsent("op-1", cancel_).status());  // token fails
  statuses.push_back(client->operators().GetConsent("op-1", cancel_).status());  // 400 echo
  statuses.push_back(
      client->numbers().FindNumberByTelephoneNumber("+14255550100", cancel_).status());
  client->logger().Log(LogLevel::kError, std::string("oops: ") + kSecret + " / " + token);

  ASSERT_EQ(statuses[0].code(), absl::StatusCode::kUnauthenticated);
  ASSERT_EQ(statuses[1].code(), absl::StatusCode::kInvalidArgument);
  for (const absl::Status& status : statuses) {
    std::string message(status.message());
    EXPECT_THAT(message, Not(HasSubstr(kSecret))) << message;
    EXPECT_THAT(message, Not(HasSubstr("very-secret"))) << message;
    EXPECT_THAT(message, Not(HasSubstr(token))) << message;
    EXPECT_THAT(message, Not(HasSubstr("c2ln-the-token"))) << message;
  }
  std::vector<std::string> lines = logs_.lines();
  ASSERT_FALSE(lines.empty());
  for (const std::string& line : lines) {
    EXPECT_THAT(line, Not(HasSubstr(kSecret))) << line;
    EXPECT_THAT(line, Not(HasSubstr("c2ln-the-token"))) << line;
  }
}

}  // namespace
}  // namespace opc::client
