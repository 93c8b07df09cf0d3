// The token endpoint and bearer-token checks on every tenant-API call.

#include <fstream>
#include <sstream>

#include "tests/simulator/sim_test_support.h"

namespace opcsim::testing {
namespace {

using TokenTest = SimTest;

TEST_F(TokenTest, IssuesBearerTokensThatTheApiAccepts) {
  Reply token = client_->RequestToken(kTenantId, kClientId, kClientSecret);
  ASSERT_EQ(token.status, 200);
  EXPECT_EQ(token.body["token_type"], "Bearer");
  EXPECT_EQ(token.body["expires_in"], 3599);
  EXPECT_EQ(token.body["ext_expires_in"], 3599);
  ASSERT_TRUE(token.body["access_token"].is_string());
  client_->set_bearer(token.body["access_token"].get<std::string>());
  Reply list = client_->Get(kOperatorsPath);
  EXPECT_EQ(list.status, 200);
  EXPECT_EQ(list.body["value"].size(), 10u);
  EXPECT_FALSE(list.Header("request-id").empty());
}

TEST_F(TokenTest, RefusesBadCredentialsWithAadErrors) {
  Reply bad_secret = client_->RequestToken(kTenantId, kClientId, "wrong-secret");
  EXPECT_EQ(bad_secret.status, 401);
  EXPECT_EQ(bad_secret.body["error"], "invalid_client");
  EXPECT_EQ(bad_secret.body["error_codes"][0], 7000215);
  EXPECT_NE(bad_secret.body["error_description"].get<std::string>().find("AADSTS7000215"),
            std::string::npos);
  EXPECT_EQ(bad_secret.body["error_description"].get<std::string>().find("wrong-secret"),
            std::string::npos);  // never echo the secret

  Reply unknown_app =
      client_->RequestToken(kTenantId, "00000000-0000-4000-8000-000000000000", kClientSecret);
  EXPECT_EQ(unknown_app.status, 400);
  EXPECT_EQ(unknown_app.body["error"], "invalid_client");

  Reply unknown_tenant =
      client_->RequestToken("11111111-1111-4111-8111-111111111111", kClientId, kClientSecret);
  EXPECT_EQ(unknown_tenant.status, 400);
  EXPECT_EQ(unknown_tenant.body["error"], "invalid_request");
  EXPECT_EQ(unknown_tenant.body["error_codes"][0], 90002);

  Reply bad_scope = client_->RequestToken(kTenantId, kClientId, kClientSecret, "User.Read");
  EXPECT_EQ(bad_scope.status, 400);
  EXPECT_EQ(bad_scope.body["error"], "invalid_scope");

  Reply missing = ToReply(
      client_->raw().Post(std::string("/") + kTenantId + "/oauth2/v2.0/token",
                          "grant_type=client_credentials&client_id=" + std::string(kClientId) +
                              "&scope=" + Q("https://graph.microsoft.com/.default"),
                          "application/x-www-form-urlencoded"));
  // No credential at all: invalid_client (AADSTS7000218), not invalid_request.
  EXPECT_EQ(missing.status, 401);
  EXPECT_EQ(missing.body["error"], "invalid_client");
  EXPECT_EQ(missing.body["error_codes"][0], 7000218);
  EXPECT_NE(missing.body["error_description"].get<std::string>().find("client_secret"),
            std::string::npos);

  Reply no_scope = ToReply(client_->raw().Post(
      std::string("/") + kTenantId + "/oauth2/v2.0/token",
      "grant_type=client_credentials&client_id=" + std::string(kClientId) + "&client_secret=x",
      "application/x-www-form-urlencoded"));
  EXPECT_EQ(no_scope.status, 400);
  EXPECT_EQ(no_scope.body["error"], "invalid_request");
  EXPECT_EQ(no_scope.body["error_codes"][0], 900144);

  Reply grant = ToReply(
      client_->raw().Post(std::string("/") + kTenantId + "/oauth2/v2.0/token",
                          "grant_type=password&client_id=a&client_secret=b&scope=x%2F.default",
                          "application/x-www-form-urlencoded"));
  EXPECT_EQ(grant.status, 400);
  EXPECT_EQ(grant.body["error"], "unsupported_grant_type");
}

TEST_F(TokenTest, AppOfAnotherTenantIsUnauthorizedHere) {
  Reply tenant = client_->AdminPost("/_sim/tenants", {{"displayName", "Other"}});
  ASSERT_EQ(tenant.status, 201);
  Reply app =
      client_->AdminPost("/_sim/tenants/" + tenant.body["id"].get<std::string>() + "/applications",
                         {{"displayName", "other app"}});
  ASSERT_EQ(app.status, 201);
  Reply token = client_->RequestToken(kTenantId, app.body["clientId"], app.body["clientSecret"]);
  EXPECT_EQ(token.status, 400);
  EXPECT_EQ(token.body["error"], "unauthorized_client");
}

TEST_F(TokenTest, ApiCallsWithoutValidTokenAre401) {
  client_->set_bearer(std::nullopt);
  Reply none = client_->Get(kNumbersPath);
  EXPECT_EQ(none.status, 401);
  EXPECT_EQ(none.ErrorCode(), "InvalidAuthenticationToken");
  EXPECT_FALSE(none.body["error"]["innerError"]["request-id"].get<std::string>().empty());
  EXPECT_EQ(none.Header("request-id"), none.body["error"]["innerError"]["request-id"]);

  client_->set_bearer("forged-token");
  Reply forged = client_->Get(kNumbersPath);
  EXPECT_EQ(forged.status, 401);
  EXPECT_EQ(forged.ErrorCode(), "InvalidAuthenticationToken");
}

TEST_F(TokenTest, TokensExpireOnTheSimulatorClock) {
  EXPECT_EQ(client_->Get(kOperatorsPath).status, 200);
  Advance(3600);
  Reply expired = client_->Get(kOperatorsPath);
  EXPECT_EQ(expired.status, 401);
  EXPECT_NE(expired.body["error"]["message"].get<std::string>().find("expired"), std::string::npos);
}

TEST_F(TokenTest, DeletingTheAppRevokesItsTokens) {
  Reply deleted = client_->AdminDelete(std::string("/_sim/tenants/") + kTenantId +
                                       "/applications/" + kClientId);
  EXPECT_EQ(deleted.status, 204);
  EXPECT_EQ(client_->Get(kOperatorsPath).status, 401);
}

TEST_F(TokenTest, SecretsAndTokensAreStoredOnlyAsHashes) {
  Reply token = client_->RequestToken(kTenantId, kClientId, kClientSecret);
  ASSERT_EQ(token.status, 200);
  server_->Stop();  // flush the WAL into the main file
  std::string contents;
  for (const char* suffix : {"", "-wal"}) {
    std::ifstream file(options_.db_path + suffix, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    contents += text.str();
  }
  ASSERT_FALSE(contents.empty());
  EXPECT_EQ(contents.find(kClientSecret), std::string::npos);
  EXPECT_EQ(contents.find(token.body["access_token"].get<std::string>()), std::string::npos);
}

TEST_F(TokenTest, ClientRequestIdIsEchoed) {
  Reply reply = client_->Get(kOperatorsPath, {{"client-request-id", "abc-123"}});
  EXPECT_EQ(reply.Header("client-request-id"), "abc-123");
  Reply error =
      client_->Get(std::string(kOperatorsPath) + "/nope", {{"client-request-id", "abc-456"}});
  EXPECT_EQ(error.status, 404);
  EXPECT_EQ(error.body["error"]["innerError"]["client-request-id"], "abc-456");
}

}  // namespace
}  // namespace opcsim::testing
