// assignNumber / unassignNumber and their long-running operations.

#include "simulator/domain/views.h"
#include "tests/simulator/sim_test_support.h"

namespace opcsim::testing {
namespace {

constexpr char kOperationsPath[] = "/v1.0/admin/teams/telephoneNumberManagement/operations";

class OperationsTest : public SimTest {
 protected:
  void SetUp() override {
    SimTest::SetUp();
    Consent(kBluefin, {"GB", "US"});
    Consent(kKestrel, {"DE"});
    ASSERT_EQ(Upload(kBluefin, {{"capabilities", {"userAssignment"}},
                                {"supportedCustomerActions", {"locationUpdate"}},
                                {"numbers", {"+441632960001", "+441632960002"}}})
                  .status,
              201);
    ASSERT_EQ(Upload(kBluefin, {{"capabilities", {"voiceApplicationAssignment"}},
                                {"numbers", {"+441632960100"}}})
                  .status,
              201);
    ASSERT_EQ(Upload(kBluefin, {{"isoCountryCode", "US"},
                                {"capabilities", {"userAssignment"}},
                                {"numbers", {"+12025550100"}}})
                  .status,
              201);
    ASSERT_EQ(Upload(kKestrel, {{"capabilities", {"userAssignment"}}, {"numbers", {"+4930123456"}}})
                  .status,
              201);
  }

  nlohmann::json Number(const std::string& tn) {
    Reply reply = client_->Get(std::string(kNumbersPath) + "/" + NumberAssignmentId(kTenantId, tn));
    EXPECT_EQ(reply.status, 200);
    return reply.body;
  }

  nlohmann::json AssignBody(const std::string& tn, const std::string& target) {
    return {
        {"telephoneNumber", tn}, {"assignmentTargetId", target}, {"numberType", "operatorConnect"}};
  }

  // Runs an assignment to completion; returns the operation's single statusDetail (null if ok).
  nlohmann::json AssignAndGetDetail(const nlohmann::json& body, const std::string& expected) {
    nlohmann::json operation = Finish(StartAssign(body));
    EXPECT_EQ(operation["status"], expected) << operation.dump();
    EXPECT_EQ(operation["numbers"][0]["status"], expected);
    return operation["numbers"][0]["statusDetail"];
  }
};

TEST_F(OperationsTest, AssignProgressesNotStartedRunningSucceeded) {
  Reply accepted = client_->Post(std::string(kNumbersPath) + "/assignNumber",
                                 AssignBody("441632960001", kAlice));  // '+' optional
  ASSERT_EQ(accepted.status, 202);
  EXPECT_TRUE(accepted.body.is_null());
  const std::string location = accepted.Header("Location");
  const std::string base = "http://127.0.0.1:" + std::to_string(server_->port());
  ASSERT_EQ(location.rfind(base + kOperationsPath + "('", 0), 0u) << location;
  EXPECT_EQ(accepted.Header("Retry-After"), "2");  // 1.5 s at time scale 1

  const std::string path = location.substr(base.size());  // operations('{id}') form
  Reply started = client_->Get(path);
  ASSERT_EQ(started.status, 200) << path;
  EXPECT_EQ(started.body["status"], "notStarted");
  EXPECT_FALSE(started.Header("Retry-After").empty());
  EXPECT_EQ(Number("+441632960001")["activationState"], "assignmentPending");
  EXPECT_EQ(Number("+441632960001")["assignmentStatus"], "unassigned");

  Advance(0.6);
  Reply running = client_->Get(path);
  EXPECT_EQ(running.body["status"], "running");
  EXPECT_EQ(running.body["numbers"][0]["status"], "running");

  Advance(1.0);
  Reply done =
      client_->Get(std::string(kOperationsPath) + "/" + started.body["id"].get<std::string>());
  ASSERT_EQ(done.status, 200);
  EXPECT_EQ(done.body["status"], "succeeded");
  EXPECT_TRUE(done.body["numbers"][0]["statusDetail"].is_null());
  EXPECT_TRUE(done.Header("Retry-After").empty());
  EXPECT_EQ(done.body["numbers"][0]["resourceLocation"],
            base + kNumbersPath + "/" + NumberAssignmentId(kTenantId, "+441632960001"));

  nlohmann::json number = Number("+441632960001");
  EXPECT_EQ(number["activationState"], "activated");
  EXPECT_EQ(number["assignmentStatus"], "userAssigned");
  EXPECT_EQ(number["assignmentTargetId"], kAlice);
  EXPECT_EQ(number["assignmentCategory"], "primary");
  // The list agrees with the get.
  Reply list = client_->Get(std::string(kNumbersPath) +
                            "?$filter=" + Q("assignmentTargetId eq '" + std::string(kAlice) + "'"));
  ASSERT_EQ(list.body["value"].size(), 1u);
  EXPECT_EQ(list.body["value"][0], number);
}

TEST_F(OperationsTest, ResourceAccountsGetVoiceApplicationAssigned) {
  std::string upper_case_id = kReceptionAa;  // object ids compare case-insensitively
  for (char& c : upper_case_id) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  nlohmann::json body = AssignBody("+441632960100", upper_case_id);
  body["assignmentCategory"] = "alternate";
  EXPECT_TRUE(AssignAndGetDetail(body, "succeeded").is_null());
  nlohmann::json number = Number("+441632960100");
  EXPECT_EQ(number["assignmentStatus"], "voiceApplicationAssigned");
  EXPECT_EQ(number["assignmentCategory"], "alternate");
  EXPECT_EQ(number["assignmentTargetId"], kReceptionAa);
}

TEST_F(OperationsTest, AssignWithLocationAndIdempotentRepeat) {
  nlohmann::json address = CreateAddress("GB");
  nlohmann::json body = AssignBody("+441632960001", kAlice);
  body["locationId"] = address["defaultLocationId"];
  EXPECT_TRUE(AssignAndGetDetail(body, "succeeded").is_null());
  EXPECT_EQ(Number("+441632960001")["locationId"], address["defaultLocationId"]);
  EXPECT_EQ(Number("+441632960001")["civicAddressId"], address["id"]);
  // Same target again: success, nothing changes.
  EXPECT_TRUE(AssignAndGetDetail(body, "succeeded").is_null());
  EXPECT_EQ(Number("+441632960001")["assignmentTargetId"], kAlice);
}

TEST_F(OperationsTest, BusinessFailuresFailTheOperationAndLeaveTheNumber) {
  const nlohmann::json before = Number("+441632960001");
  struct Case {
    nlohmann::json body;
    std::string detail_fragment;
  };
  nlohmann::json us_address = CreateAddress("US");
  std::vector<Case> cases = {
      {AssignBody("+449999999999", kAlice), "not found"},
      {{{"telephoneNumber", "+441632960001"},
        {"assignmentTargetId", kAlice},
        {"numberType", "callingPlan"}},
       "of type 'callingPlan'"},
      {AssignBody("+441632960001", "00000000-0000-4000-8000-00000000dead"), "was not found"},
      {AssignBody("+441632960001", kReceptionAa), "voiceApplicationAssignment"},  // capability
      {AssignBody("+441632960100", kAlice), "userAssignment"},
      {AssignBody("+441632960001", kBruno), "usage location"},  // DE user, GB number
      {AssignBody("+12025550100", kAlice), "usage location"},
  };
  nlohmann::json unknown_location = AssignBody("+441632960001", kAlice);
  unknown_location["locationId"] = "00000000-0000-4000-8000-00000000beef";
  cases.push_back({unknown_location, "was not found"});
  nlohmann::json foreign_location = AssignBody("+441632960001", kAlice);
  foreign_location["locationId"] = us_address["defaultLocationId"];
  cases.push_back({foreign_location, "same country"});
  for (const Case& c : cases) {
    nlohmann::json detail = AssignAndGetDetail(c.body, "failed");
    ASSERT_TRUE(detail.is_string()) << c.body.dump();
    EXPECT_NE(detail.get<std::string>().find(c.detail_fragment), std::string::npos)
        << detail << " for " << c.body.dump();
  }
  EXPECT_EQ(Number("+441632960001"), before);
}

TEST_F(OperationsTest, NumberAssignedElsewhereFailsAndLocationNeedsPermission) {
  EXPECT_TRUE(AssignAndGetDetail(AssignBody("+441632960001", kAlice), "succeeded").is_null());
  // Another GB user.
  Reply other = client_->AdminPost(std::string("/_sim/tenants/") + kTenantId + "/users",
                                   {{"userPrincipalName", "gb2@fernleaf.example"},
                                    {"displayName", "GB Two"},
                                    {"accountType", "user"},
                                    {"usageLocation", "GB"}});
  ASSERT_EQ(other.status, 201);
  nlohmann::json detail =
      AssignAndGetDetail(AssignBody("+441632960001", other.body["id"]), "failed");
  EXPECT_NE(detail.get<std::string>().find("already assigned"), std::string::npos);
  EXPECT_EQ(Number("+441632960001")["assignmentTargetId"], kAlice);

  // +441632960100 has no locationUpdate: a location on assignment is refused.
  nlohmann::json address = CreateAddress("GB");
  nlohmann::json body = AssignBody("+441632960100", kReceptionAa);
  body["locationId"] = address["defaultLocationId"];
  detail = AssignAndGetDetail(body, "failed");
  EXPECT_NE(detail.get<std::string>().find("emergency location"), std::string::npos);
}

TEST_F(OperationsTest, FailedOperationRestoresActivationState) {
  // Passes the check at submission, then the target disappears before completion.
  Reply user = client_->AdminPost(std::string("/_sim/tenants/") + kTenantId + "/users",
                                  {{"userPrincipalName", "temp@fernleaf.example"},
                                   {"displayName", "Temp"},
                                   {"accountType", "user"},
                                   {"usageLocation", "GB"}});
  ASSERT_EQ(user.status, 201);
  const std::string id = StartAssign(AssignBody("+441632960002", user.body["id"]));
  EXPECT_EQ(Number("+441632960002")["activationState"], "assignmentPending");
  ASSERT_EQ(client_
                ->AdminDelete(std::string("/_sim/tenants/") + kTenantId + "/users/" +
                              user.body["id"].get<std::string>())
                .status,
            204);
  nlohmann::json operation = Finish(id);
  EXPECT_EQ(operation["status"], "failed");
  EXPECT_EQ(Number("+441632960002")["activationState"], "activated");
  EXPECT_EQ(Number("+441632960002")["assignmentStatus"], "unassigned");
}

TEST_F(OperationsTest, UnassignIsKeyedOnTheNumber) {
  nlohmann::json address = CreateAddress("GB");
  nlohmann::json body = AssignBody("+441632960001", kAlice);
  body["locationId"] = address["defaultLocationId"];
  ASSERT_TRUE(AssignAndGetDetail(body, "succeeded").is_null());

  Reply accepted =
      client_->Post(std::string(kNumbersPath) + "/unassignNumber",
                    {{"telephoneNumber", "+441632960001"}, {"numberType", "operatorConnect"}});
  ASSERT_EQ(accepted.status, 202);
  EXPECT_NE(accepted.Header("Location").find("operations('"), std::string::npos);
  Advance(2);
  nlohmann::json number = Number("+441632960001");
  EXPECT_EQ(number["assignmentStatus"], "unassigned");
  EXPECT_TRUE(number["assignmentTargetId"].is_null());
  EXPECT_TRUE(number["assignmentCategory"].is_null());
  EXPECT_EQ(number["locationId"], address["defaultLocationId"]);  // the location stays

  // Unassigning again succeeds; a wrong type fails.
  Reply again =
      client_->Post(std::string(kNumbersPath) + "/unassignNumber",
                    {{"telephoneNumber", "+441632960001"}, {"numberType", "directRouting"}});
  ASSERT_EQ(again.status, 202);
  const std::string location = again.Header("Location");
  const std::string id = location.substr(location.find("('") + 2, 36);
  nlohmann::json operation = Finish(id);
  EXPECT_EQ(operation["status"], "failed");
}

TEST_F(OperationsTest, MalformedRequestsAre400AtOnce) {
  const std::string assign = std::string(kNumbersPath) + "/assignNumber";
  for (const nlohmann::json& body : std::vector<nlohmann::json>{
           {{"assignmentTargetId", kAlice}, {"numberType", "operatorConnect"}},
           {{"telephoneNumber", "+441632960001"}, {"numberType", "operatorConnect"}},
           {{"telephoneNumber", "+441632960001"}, {"assignmentTargetId", kAlice}},
           AssignBody("phone", kAlice),
           {{"telephoneNumber", "+441632960001"},
            {"assignmentTargetId", kAlice},
            {"numberType", "mobile"}},
           {{"telephoneNumber", 441632960001},
            {"assignmentTargetId", kAlice},
            {"numberType", "operatorConnect"}},
       }) {
    Reply reply = client_->Post(assign, body);
    EXPECT_EQ(reply.status, 400) << body.dump();
    EXPECT_EQ(reply.ErrorCode(), "BadRequest");
  }
  EXPECT_EQ(client_->PostRaw(assign, "{not json", "application/json").status, 400);
  EXPECT_EQ(client_->PostRaw(assign, "", "application/json").status, 400);
  EXPECT_EQ(client_->PostRaw(assign, "[1,2]", "application/json").status, 400);
  EXPECT_EQ(client_
                ->Post(std::string(kNumbersPath) + "/unassignNumber",
                       {{"telephoneNumber", "+441632960001"}})
                .status,
            400);
  EXPECT_EQ(client_->Get(std::string(kOperationsPath) + "/nope").status, 404);
  EXPECT_EQ(client_->Get(std::string(kNumbersPath) + "/assignNumber").status, 404);
  Reply wrong_method = client_->Delete(std::string(kNumbersPath) + "/assignNumber");
  EXPECT_EQ(wrong_method.status, 405);
}

}  // namespace
}  // namespace opcsim::testing
