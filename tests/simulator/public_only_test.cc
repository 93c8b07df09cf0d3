// --graph-public-only: the simulator serves only what Microsoft publishes. The contract's own
// operatorConnect and emergencyCalling paths answer, for every method, as Graph answers a path
// segment it does not know; the token endpoint, the v1.0 number paths, operations and the admin
// API keep working.

#include <regex>

#include "tests/simulator/sim_test_support.h"

namespace opcsim::testing {
namespace {

class PublicOnlyTest : public SimTest {
 protected:
  void SetUp() override {
    options_.graph_public_only = true;
    SimTest::SetUp();
  }

  // The seeded tenant's administrator enables `operator_id` (admin API: the Teams admin center).
  Reply EnableInAdminCenter(const std::string& operator_id,
                            const std::vector<std::string>& countries) {
    return client_->AdminPost(std::string("/_sim/tenants/") + kTenantId + "/consents",
                              {{"operatorId", operator_id},
                               {"consentedCountries", countries},
                               {"contacts", {ContactJson()}},
                               {"dataTransferNoticeAccepted", true}});
  }

  // `method` on `path` with the tenant's token and a client-request-id, through httplib directly
  // (SimClient has no PUT or OPTIONS).
  Reply Send(const std::string& method, const std::string& path) {
    httplib::Request request;
    request.method = method;
    request.path = path;
    request.set_header("Authorization", "Bearer " + token_);
    request.set_header("client-request-id", "c0ffee00-0000-4000-8000-000000000001");
    if (method == "POST" || method == "PATCH" || method == "PUT") {
      request.body = "{}";
      request.set_header("Content-Type", "application/json");
    }
    return ToReply(client_->raw().send(request));
  }

  void ExpectSegmentNotFound(const Reply& reply, const std::string& segment,
                             const std::string& what) {
    EXPECT_EQ(reply.status, 400) << what << " " << reply.body.dump();
    EXPECT_EQ(reply.ErrorCode(), "BadRequest") << what;
    const nlohmann::json& error = reply.body["error"];
    EXPECT_EQ(error.value("message", ""), "Resource not found for the segment '" + segment + "'.")
        << what;
    const nlohmann::json& inner = error["innerError"];
    EXPECT_FALSE(reply.Header("request-id").empty()) << what;
    EXPECT_EQ(inner.value("request-id", ""), reply.Header("request-id")) << what;
    EXPECT_EQ(inner.value("client-request-id", ""), "c0ffee00-0000-4000-8000-000000000001") << what;
    EXPECT_TRUE(
        std::regex_match(inner.value("date", ""), std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")))
        << what << " " << inner.dump();
  }

  std::string token_ = "";
};

TEST_F(PublicOnlyTest, ContractPathsAnswerAsGraphAnswersAnUnknownSegmentForEveryMethod) {
  token_ = client_->TokenFor(kTenantId, kClientId, kClientSecret);
  ASSERT_FALSE(token_.empty());
  const std::vector<std::pair<std::string, std::string>> paths = {
      {kConsentsPath, "operatorConnect"},
      {std::string(kConsentsPath) + "/" + kBluefin, "operatorConnect"},
      {kOperatorsPath, "operatorConnect"},
      {std::string(kOperatorsPath) + "?$top=1", "operatorConnect"},
      {"/beta/admin/teams/operatorConnect", "operatorConnect"},
      {kAddressesPath, "emergencyCalling"},
      {std::string(kAddressesPath) + "/any-id", "emergencyCalling"},
      {kLocationsPath, "emergencyCalling"},
      {"/beta/admin/teams/emergencyCalling/somethingElse", "emergencyCalling"},
  };
  for (const auto& [path, segment] : paths) {
    for (const std::string method : {"GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS"}) {
      ExpectSegmentNotFound(Send(method, path), segment, method + " " + path);
    }
  }
}

TEST_F(PublicOnlyTest, TheSegmentIsNamedAsTheClientSpelledIt) {
  token_ = client_->TokenFor(kTenantId, kClientId, kClientSecret);
  ExpectSegmentNotFound(Send("GET", "/beta/admin/teams/EmergencyCalling/locations"),
                        "EmergencyCalling", "mixed case");
}

TEST_F(PublicOnlyTest, WithoutATokenTheAnswerIsStill401) {
  client_->set_bearer(std::nullopt);
  Reply reply = client_->Get(kConsentsPath);
  EXPECT_EQ(reply.status, 401) << reply.body.dump();
  EXPECT_EQ(reply.ErrorCode(), "InvalidAuthenticationToken");
}

TEST_F(PublicOnlyTest, OtherUnknownPathsStay404) {
  Reply reply = client_->Get("/beta/admin/teams/nothingHere");
  EXPECT_EQ(reply.status, 404) << reply.body.dump();
}

TEST_F(PublicOnlyTest, NumbersOperationsTokensAndTheAdminApiKeepWorking) {
  // The operator is enabled where a real tenant does it (Teams admin center), then uploads.
  Reply enabled = EnableInAdminCenter(kBluefin, {"GB"});
  ASSERT_EQ(enabled.status, 201) << enabled.body.dump();
  EXPECT_EQ(enabled.body["operatorId"], kBluefin);
  ASSERT_EQ(Upload(kBluefin, {{"capabilities", {"userAssignment"}}, {"numbers", {"+441632960001"}}})
                .status,
            201);
  Reply consents = client_->AdminGet(std::string("/_sim/tenants/") + kTenantId + "/consents");
  ASSERT_EQ(consents.status, 200);
  EXPECT_EQ(consents.body["value"].size(), 1u) << consents.body.dump();

  Reply listed = client_->Get(std::string(kNumbersPath) + "?$top=10");
  ASSERT_EQ(listed.status, 200) << listed.body.dump();
  ASSERT_EQ(listed.body["value"].size(), 1u);
  EXPECT_EQ(listed.body["value"][0]["telephoneNumber"], "+441632960001");

  nlohmann::json operation = Finish(StartAssign({{"telephoneNumber", "+441632960001"},
                                                 {"assignmentTargetId", kAlice},
                                                 {"numberType", "operatorConnect"}}));
  EXPECT_EQ(operation["status"], "succeeded") << operation.dump();
}

TEST_F(PublicOnlyTest, TheAdminCenterKeepsTheConsentRules) {
  Reply refused = client_->AdminPost(std::string("/_sim/tenants/") + kTenantId + "/consents",
                                     {{"operatorId", kBluefin},
                                      {"consentedCountries", {"GB"}},
                                      {"contacts", {ContactJson()}},
                                      {"dataTransferNoticeAccepted", false}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.ErrorCode(), "DataTransferNoticeNotAccepted");
  Reply unknown_tenant =
      client_->AdminPost("/_sim/tenants/00000000-0000-0000-0000-000000000000/consents",
                         {{"operatorId", kBluefin},
                          {"consentedCountries", {"GB"}},
                          {"contacts", {ContactJson()}},
                          {"dataTransferNoticeAccepted", true}});
  EXPECT_EQ(unknown_tenant.status, 404) << unknown_tenant.body.dump();
}

// The normal mode serves the contract's paths, and the admin center route exists there too.
class FullContractTest : public SimTest {};

TEST_F(FullContractTest, ContractPathsAreServedAndTheAdminCenterConsentIsTheTenantsConsent) {
  Reply enabled = client_->AdminPost(std::string("/_sim/tenants/") + kTenantId + "/consents",
                                     {{"operatorId", kBluefin},
                                      {"consentedCountries", {"GB"}},
                                      {"contacts", {ContactJson()}},
                                      {"dataTransferNoticeAccepted", true}});
  ASSERT_EQ(enabled.status, 201) << enabled.body.dump();
  Reply read = client_->Get(std::string(kConsentsPath) + "/" + kBluefin);
  EXPECT_EQ(read.status, 200) << read.body.dump();
  EXPECT_EQ(client_->Get(kAddressesPath).status, 200);
}

}  // namespace
}  // namespace opcsim::testing
