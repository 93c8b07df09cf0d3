// Where Graph and the identity platform are strict, the simulator is too, so that it fails a
// provider that they would fail (issue #8's list of leniencies).

#include "absl/strings/escaping.h"
#include "tests/simulator/sim_test_support.h"

namespace opcsim::testing {
namespace {

using StrictnessTest = SimTest;

std::string TokenPath() { return std::string("/") + kTenantId + "/oauth2/v2.0/token"; }

TEST_F(StrictnessTest, ActionBodiesRefusePascalCaseEnumValues) {
  // Graph's enum members are case-sensitive: "OperatorConnect" is not "operatorConnect".
  Reply pascal = client_->Post(std::string(kNumbersPath) + "/assignNumber",
                               {{"telephoneNumber", "+441632960001"},
                                {"assignmentTargetId", kAlice},
                                {"numberType", "OperatorConnect"}});
  EXPECT_EQ(pascal.status, 400);
  EXPECT_EQ(pascal.ErrorCode(), "BadRequest");
  EXPECT_NE(pascal.body.dump().find("numberType"), std::string::npos) << pascal.body.dump();
  Reply category = client_->Post(std::string(kNumbersPath) + "/assignNumber",
                                 {{"telephoneNumber", "+441632960001"},
                                  {"assignmentTargetId", kAlice},
                                  {"numberType", "operatorConnect"},
                                  {"assignmentCategory", "Primary"}});
  EXPECT_EQ(category.status, 400);
  Reply unassign =
      client_->Post(std::string(kNumbersPath) + "/unassignNumber",
                    {{"telephoneNumber", "+441632960001"}, {"numberType", "OPERATORCONNECT"}});
  EXPECT_EQ(unassign.status, 400);
  Reply update = client_->Post(
      std::string(kNumbersPath) + "/updateNumber",
      {{"telephoneNumber", "+441632960001"}, {"reverseNumberLookupOptions", {"SkipInternalVoip"}}});
  EXPECT_EQ(update.status, 400);
  // The camelCase spelling is accepted.
  Reply camel = client_->Post(std::string(kNumbersPath) + "/assignNumber",
                              {{"telephoneNumber", "+441632960001"},
                               {"assignmentTargetId", kAlice},
                               {"numberType", "operatorConnect"},
                               {"assignmentCategory", "primary"}});
  EXPECT_EQ(camel.status, 202) << camel.body.dump();
}

TEST_F(StrictnessTest, ConsentStatusIsCaseSensitiveToo) {
  Consent(kBluefin, {"GB"});
  Reply pascal =
      client_->Patch(std::string(kConsentsPath) + "/" + kBluefin, {{"status", "Suspended"}});
  EXPECT_EQ(pascal.status, 400) << pascal.body.dump();
  Reply camel =
      client_->Patch(std::string(kConsentsPath) + "/" + kBluefin, {{"status", "suspended"}});
  EXPECT_EQ(camel.status, 200) << camel.body.dump();
}

TEST_F(StrictnessTest, TokenEndpointAcceptsTheSecretInABasicHeader) {
  // RFC 6749 §2.3.1: form-encode id and secret, join with ':', base64.
  const std::string credentials =
      absl::Base64Escape(std::string(kClientId) + ":" + Q(kClientSecret));
  Reply basic = ToReply(client_->raw().Post(
      TokenPath(), {{"Authorization", "Basic " + credentials}},
      "grant_type=client_credentials&scope=" + Q("https://graph.microsoft.com/.default"),
      "application/x-www-form-urlencoded"));
  ASSERT_EQ(basic.status, 200) << basic.body.dump();
  client_->set_bearer(basic.body["access_token"].get<std::string>());
  EXPECT_EQ(client_->Get(kOperatorsPath).status, 200);

  const std::string wrong = absl::Base64Escape(std::string(kClientId) + ":wrong");
  Reply refused = ToReply(client_->raw().Post(
      TokenPath(), {{"Authorization", "Basic " + wrong}},
      "grant_type=client_credentials&scope=" + Q("https://graph.microsoft.com/.default"),
      "application/x-www-form-urlencoded"));
  EXPECT_EQ(refused.status, 401);
  EXPECT_EQ(refused.body["error"], "invalid_client");
  EXPECT_EQ(refused.body["error_codes"][0], 7000215);
}

TEST_F(StrictnessTest, TokenEndpointAnswersAMissingSecretWithInvalidClient) {
  Reply missing = ToReply(
      client_->raw().Post(TokenPath(),
                          "grant_type=client_credentials&client_id=" + std::string(kClientId) +
                              "&scope=" + Q("https://graph.microsoft.com/.default"),
                          "application/x-www-form-urlencoded"));
  EXPECT_EQ(missing.status, 401);
  EXPECT_EQ(missing.body["error"], "invalid_client");
  EXPECT_EQ(missing.body["error_codes"][0], 7000218);
  EXPECT_EQ(missing.body["error_description"].get<std::string>().rfind("AADSTS7000218: ", 0), 0u);
}

TEST_F(StrictnessTest, TooLargeBodiesGetTheErrorEnvelopeAndARequestId) {
  options_.max_request_bytes = 64 * 1024;
  Restart();
  Reply large =
      client_->PostRaw(std::string(kNumbersPath) + "/updateNumber", std::string(100 * 1024, ' '),
                       "application/json", {{"client-request-id", "c-413"}});
  ASSERT_EQ(large.status, 413);
  EXPECT_FALSE(large.Header("request-id").empty());
  EXPECT_EQ(large.Header("client-request-id"), "c-413");
  EXPECT_EQ(large.ErrorCode(), "RequestEntityTooLarge");
  EXPECT_EQ(large.body["error"]["innerError"]["request-id"], large.Header("request-id"));
  // Ordinary errors keep their own bodies.
  EXPECT_EQ(client_->Get(std::string(kNumbersPath) + "/nope").ErrorCode(), "NotFound");
}

TEST_F(StrictnessTest, MethodNotAllowedListsTheAllowedMethods) {
  Reply wrong = client_->Delete(std::string(kNumbersPath) + "/assignNumber");
  ASSERT_EQ(wrong.status, 405);
  // assignNumber is an action (POST) and also fits numberAssignments/{id} (GET).
  EXPECT_EQ(wrong.Header("Allow"), "GET, POST");
  EXPECT_EQ(wrong.ErrorCode(), "MethodNotAllowed");
  Reply put = ToReply(client_->raw().Put(kConsentsPath, "{}", "application/json"));
  ASSERT_EQ(put.status, 405);
  EXPECT_NE(put.Header("Allow").find("GET"), std::string::npos) << put.Header("Allow");
  EXPECT_NE(put.Header("Allow").find("POST"), std::string::npos) << put.Header("Allow");
}

TEST_F(StrictnessTest, QueryOptionNamesAreCaseInsensitive) {
  Consent(kBluefin, {"GB"});
  ASSERT_EQ(Upload(kBluefin, {{"capabilities", {"userAssignment"}},
                              {"range", {{"start", "+441632960000"}, {"count", 5}}}})
                .status,
            201);
  Reply lower = client_->Get(std::string(kNumbersPath) + "?$top=2&$skip=1");
  ASSERT_EQ(lower.status, 200) << lower.body.dump();
  Reply mixed = client_->Get(std::string(kNumbersPath) + "?$Top=2&$SKIP=1");
  ASSERT_EQ(mixed.status, 200) << mixed.body.dump();
  EXPECT_EQ(mixed.body["value"], lower.body["value"]);
  EXPECT_EQ(mixed.body["value"].size(), 2u);
  Reply filter = client_->Get(std::string(kNumbersPath) +
                              "?$FILTER=" + Q("telephoneNumber eq '+441632960001'"));
  EXPECT_EQ(filter.status, 200) << filter.body.dump();
  // Spelled twice in different cases it is the same option, given twice.
  EXPECT_EQ(client_->Get(std::string(kNumbersPath) + "?$top=2&$TOP=3").status, 400);
  EXPECT_EQ(client_->Get(std::string(kNumbersPath) + "?$Orderby=x").status, 400);
}

TEST_F(StrictnessTest, TokenEndpointFaultsUseTheIdentityPlatformsFormat) {
  Reply added = client_->AdminPost("/_sim/faults", {{"pathPattern", "oauth2/v2.0/token$"},
                                                    {"kind", "throttle"},
                                                    {"retryAfterSeconds", 7},
                                                    {"count", 1}});
  ASSERT_EQ(added.status, 201) << added.body.dump();
  Reply throttled = client_->RequestToken(kTenantId, kClientId, kClientSecret);
  ASSERT_EQ(throttled.status, 429);
  EXPECT_EQ(throttled.Header("Retry-After"), "7");
  EXPECT_FALSE(throttled.body.contains("error") && throttled.body["error"].is_object())
      << "Graph's envelope: " << throttled.body.dump();
  EXPECT_EQ(throttled.body["error"], "temporarily_unavailable");
  ASSERT_TRUE(throttled.body["error_codes"].is_array());
  EXPECT_EQ(throttled.body["error_description"].get<std::string>().rfind("AADSTS", 0), 0u);
  for (const char* field : {"timestamp", "trace_id", "correlation_id"}) {
    EXPECT_TRUE(throttled.body[field].is_string()) << field;
  }
  // Graph paths keep Graph's envelope.
  client_->AdminPost("/_sim/faults", {{"pathPattern", "operators$"}, {"kind", "unavailable"}});
  EXPECT_EQ(client_->Get(kOperatorsPath).ErrorCode(), "ServiceUnavailable");
  EXPECT_EQ(client_->RequestToken(kTenantId, kClientId, kClientSecret).status, 200);
}

}  // namespace
}  // namespace opcsim::testing
