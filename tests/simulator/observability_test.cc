// What the simulator observes and bends for scale tests: requests counted per route, the
// inventory paged one page at a time, and replication lag (new objects invisible for a while).

#include <set>

#include "simulator/domain/views.h"
#include "tests/simulator/sim_test_support.h"

namespace opcsim::testing {
namespace {

constexpr char kNumbersRoute[] = "/v1.0/admin/teams/telephoneNumberManagement/numberAssignments";

int64_t CountOf(const nlohmann::json& counts, const std::string& method, const std::string& route) {
  for (const nlohmann::json& entry : counts["routes"]) {
    if (entry["method"] == method && entry["route"] == route) {
      return entry["count"].get<int64_t>();
    }
  }
  return 0;
}

class ObservabilityTest : public SimTest {
 protected:
  void SetUp() override {
    SimTest::SetUp();
    Consent(kBluefin, {"GB", "US"});
    Reply uploaded = Upload(kBluefin, {{"capabilities", {"userAssignment"}},
                                       {"range", {{"start", "+441632960000"}, {"count", 5}}}});
    ASSERT_EQ(uploaded.status, 201) << uploaded.body.dump();
  }
  nlohmann::json Counts() {
    Reply reply = client_->AdminGet("/_sim/requestCounts");
    EXPECT_EQ(reply.status, 200) << reply.body.dump();
    return reply.body;
  }
  std::string AssignAlice(const std::string& tn) {
    return StartAssign({{"telephoneNumber", tn},
                        {"assignmentTargetId", kAlice},
                        {"numberType", "operatorConnect"}});
  }
};

TEST_F(ObservabilityTest, CountsRequestsPerMethodAndRouteTemplate) {
  ASSERT_EQ(client_->AdminDelete("/_sim/requestCounts").status, 204);
  EXPECT_EQ(Counts()["total"], 0);

  client_->Get(kNumbersPath);
  client_->Get(std::string(kNumbersPath) + "?$filter=" + Q("telephoneNumber eq '+441632960001'"));
  client_->Get(std::string(kNumbersPath) + "/" + NumberAssignmentId(kTenantId, "+441632960002"));
  client_->Get(std::string(kNumbersPath) + "/" + NumberAssignmentId(kTenantId, "+441632960003"));
  client_->Get("/v1.0/nothing/here");
  client_->AdminGet("/_sim/tenants");  // the admin API is not counted

  const nlohmann::json counts = Counts();
  EXPECT_EQ(counts["total"], 5) << counts.dump();
  EXPECT_EQ(CountOf(counts, "GET", kNumbersRoute), 2) << counts.dump();
  EXPECT_EQ(CountOf(counts, "GET", std::string(kNumbersRoute) + "/{numberAssignmentId}"), 2);
  EXPECT_EQ(CountOf(counts, "GET", "(no route)"), 1);

  ASSERT_EQ(client_->AdminDelete("/_sim/requestCounts").status, 204);
  EXPECT_EQ(Counts()["total"], 0);
  EXPECT_TRUE(Counts()["routes"].empty());
  EXPECT_EQ(ToReply(client_->raw().Get("/_sim/requestCounts")).status, 403);  // admin key needed
}

TEST_F(ObservabilityTest, UnfilteredPagesWalkTheSortedInventoryOnce) {
  Reply uploaded = Upload(kBluefin, {{"isoCountryCode", "US"},
                                     {"capabilities", {"userAssignment"}},
                                     {"range", {{"start", "+12025551000"}, {"count", 1200}}}});
  ASSERT_EQ(uploaded.status, 201);
  std::vector<std::string> walked;
  std::string next = std::string(kNumbersPath) + "?$top=300";
  const std::string base = "http://127.0.0.1:" + std::to_string(server_->port());
  while (!next.empty()) {
    Reply page = client_->Get(next);
    ASSERT_EQ(page.status, 200) << next;
    EXPECT_LE(page.body["value"].size(), 300u);
    for (const auto& number : page.body["value"]) {
      walked.push_back(number["telephoneNumber"]);
    }
    next = page.body.contains("@odata.nextLink")
               ? page.body["@odata.nextLink"].get<std::string>().substr(base.size())
               : "";
  }
  Reply all = client_->AdminGet(std::string("/_sim/tenants/") + kTenantId + "/numbers");
  std::set<std::string> expected;
  for (const auto& number : all.body["value"]) {
    expected.insert(number["telephoneNumber"].get<std::string>());
  }
  EXPECT_EQ(walked, std::vector<std::string>(expected.begin(), expected.end()));
  EXPECT_EQ(walked.size(), 1205u);
}

TEST_F(ObservabilityTest, ReplicationLagHidesANewAssignmentForTheLag) {
  EXPECT_EQ(client_->AdminGet("/_sim/replicationLag").body["seconds"], 0);
  Reply set = client_->AdminPut("/_sim/replicationLag", {{"seconds", 30}});
  ASSERT_EQ(set.status, 200) << set.body.dump();
  EXPECT_EQ(set.body["seconds"], 30);

  const nlohmann::json operation = Finish(AssignAlice("+441632960001"));
  ASSERT_EQ(operation["status"], "succeeded") << operation.dump();
  const std::string by_id =
      std::string(kNumbersPath) + "/" + NumberAssignmentId(kTenantId, "+441632960001");
  const std::string by_filter =
      std::string(kNumbersPath) + "?$filter=" + Q("telephoneNumber eq '+441632960001'");
  EXPECT_EQ(client_->Get(by_id).status, 404);
  EXPECT_TRUE(client_->Get(by_filter).body["value"].empty());
  EXPECT_EQ(client_->Get(kNumbersPath).body["value"].size(), 4u);
  // Numbers that did not change stay visible.
  EXPECT_EQ(
      client_->Get(std::string(kNumbersPath) + "/" + NumberAssignmentId(kTenantId, "+441632960002"))
          .status,
      200);

  Advance(30);
  Reply visible = client_->Get(by_id);
  ASSERT_EQ(visible.status, 200);
  EXPECT_EQ(visible.body["assignmentTargetId"], kAlice);
  EXPECT_EQ(client_->Get(by_filter).body["value"].size(), 1u);
  EXPECT_EQ(client_->Get(kNumbersPath).body["value"].size(), 5u);
}

TEST_F(ObservabilityTest, ReplicationLagRejectsBadValuesAndStartsFromTheFlag) {
  EXPECT_EQ(client_->AdminPut("/_sim/replicationLag", {{"seconds", -1}}).status, 400);
  EXPECT_EQ(client_->AdminPut("/_sim/replicationLag", {{"seconds", "ten"}}).status, 400);
  EXPECT_EQ(client_->AdminPut("/_sim/replicationLag", {{"lag", 1}}).status, 400);
  options_.settings.replication_lag_seconds = 2.5;
  Restart();
  EXPECT_EQ(client_->AdminGet("/_sim/replicationLag").body["seconds"], 2.5);
}

}  // namespace
}  // namespace opcsim::testing
