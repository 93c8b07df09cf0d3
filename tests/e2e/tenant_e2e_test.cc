// The whole tenant (examples/scenarios/whole-tenant) with the real terraform against the tenant
// simulator: two operators in overlapping countries, three addresses with several places each,
// and 50 numbers assigned to 50 users. Applied in the two stages a real rollout takes (the
// operators upload numbers only once the relationships exist), re-planned empty, destroyed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "harness/e2e_fixture.h"
#include "harness/output_text.h"
#include "harness/tenant_seed.h"

namespace opc::e2e {
namespace {

using nlohmann::json;

// One batch of numbers an operator provisions: `count` numbers from `first` (E.164), written
// in the configuration as `spelled(i)`, for users in `country`, at places cycling `places`.
struct Batch {
  const char* operator_id;
  const char* country;
  const char* first;
  int count;
  std::vector<std::string> places;
};

const std::vector<Batch>& Batches() {
  static const std::vector<Batch> batches = {
      {kBluefin, "GB", "+442079461000", 10, {"london/Reception", "london/Floor 2"}},
      {kBluefin, "IE", "+35315550100", 5, {"dublin/Ground floor"}},
      {kBluefin, "US", "+12065550100", 10, {}},
      {kPolaris, "GB", "+442079462000", 10, {"london/Floor 3"}},
      {kPolaris, "IE", "+35315550200", 5, {"dublin/Floor 1", "dublin/Ground floor"}},
      {kPolaris, "DE", "+493012345600", 10, {"berlin/Empfang", "berlin/Etage 4"}},
  };
  return batches;
}

// "+442079461000" + i, as E.164.
std::string Nth(const std::string& first, int i) {
  return "+" + std::to_string(std::stoll(first.substr(1)) + i);
}

// A readable spelling for every other number, so the plan must treat both as one.
std::string Spelled(const std::string& e164, int i) {
  if (i % 2 == 0) {
    return e164;
  }
  return e164.substr(0, 3) + " " + e164.substr(3, 4) + " " + e164.substr(7);
}

class TenantE2ETest : public SimulatorTest {
 protected:
  static json TenantNumbers() {
    auto reply = sim_->AdminTenant("GET", "/numbers");
    EXPECT_EQ(reply.status, 200) << Describe(reply);
    json out = json::object();
    for (const json& number : reply.body.value("value", json::array())) {
      out[number.value("telephoneNumber", "")] = number;
    }
    return out;
  }
};

TEST_F(TenantE2ETest, WholeTenantAppliesReplansEmptyAndDestroys) {
  const std::filesystem::path example =
      std::filesystem::path(OPC_SOURCE_DIR) / "examples/scenarios/whole-tenant/main.tf";
  const std::string config = ReadFile(example);
  ASSERT_FALSE(config.empty()) << example;
  tf_.WriteFile("main.tf", config);

  // Stage 1: relationships, addresses and places.
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  ProcessResult stage1 = tf_.Apply();
  ASSERT_EQ(stage1.exit_code, 0) << Describe(stage1);
  auto consents = sim_->Graph("GET", "/beta/admin/teams/operatorConnect/consents");
  ASSERT_EQ(consents.status, 200) << Describe(consents);
  EXPECT_EQ(consents.body["value"].size(), 2u) << Describe(consents);
  auto addresses = sim_->Graph("GET", "/beta/admin/teams/emergencyCalling/civicAddresses");
  EXPECT_EQ(addresses.body["value"].size(), 3u) << Describe(addresses);
  json outputs = json::parse(tf_.Run({"output", "-json"}).stdout_text, nullptr, false);
  const json places = outputs["places"]["value"];
  ASSERT_EQ(places.size(), 7u) << outputs.dump();

  // The operators provision 50 numbers, and 50 users arrive to take them.
  json assignments = json::object();
  std::map<std::string, std::pair<std::string, std::string>> expected;  // e164 -> user, place
  int user_index = 0;
  for (const Batch& batch : Batches()) {
    json upload = {{"isoCountryCode", batch.country},
                   {"capabilities", {"userAssignment"}},
                   {"supportedCustomerActions", {"locationUpdate", "release"}},
                   {"range", {{"start", batch.first}, {"count", batch.count}}}};
    auto uploaded = sim_->AdminTenant(
        "POST", std::string("/operators/") + batch.operator_id + "/numbers", upload);
    ASSERT_EQ(uploaded.status, 201) << Describe(uploaded);
    for (int i = 0; i < batch.count; ++i, ++user_index) {
      char user_id[40];
      std::snprintf(user_id, sizeof user_id, "7e3a0000-0000-4000-8000-%012d", user_index);
      auto user = sim_->AdminTenant(
          "POST", "/users",
          {{"id", user_id},
           {"userPrincipalName", "user" + std::to_string(user_index) + "@fernleaf.example"},
           {"displayName", "User " + std::to_string(user_index)},
           {"accountType", "user"},
           {"usageLocation", batch.country}});
      ASSERT_EQ(user.status, 201) << Describe(user);
      const std::string e164 = Nth(batch.first, i);
      json entry = {{"user", user_id}};
      std::string place_id;
      if (!batch.places.empty()) {
        const std::string& place = batch.places[i % batch.places.size()];
        entry["place"] = place;
        place_id = places.at(place).get<std::string>();
      }
      assignments[Spelled(e164, i)] = entry;
      expected[e164] = {user_id, place_id};
    }
  }
  ASSERT_EQ(expected.size(), 50u);

  // Stage 2: the assignments.
  tf_.WriteFile("terraform.tfvars.json", json{{"number_assignments", assignments}}.dump(2));
  ProcessResult stage2 = tf_.Apply();
  ASSERT_EQ(stage2.exit_code, 0) << Describe(stage2);
  EXPECT_THAT(stage2.stdout_text, ::testing::HasSubstr("50 added, 0 changed, 0 destroyed"));
  json numbers = TenantNumbers();
  for (const auto& [e164, want] : expected) {
    const json& number = numbers[e164];
    EXPECT_EQ(number.value("assignmentTargetId", ""), want.first) << number.dump();
    if (!want.second.empty()) {
      EXPECT_EQ(number.value("locationId", ""), want.second) << number.dump();
    }
  }

  ProcessResult replan = tf_.Run({"plan", "-detailed-exitcode", "-input=false"});
  EXPECT_EQ(replan.exit_code, 0) << Describe(replan);

  ProcessResult destroy = tf_.Destroy();
  ASSERT_EQ(destroy.exit_code, 0) << Describe(destroy);
  numbers = TenantNumbers();
  for (const auto& [e164, want] : expected) {
    EXPECT_EQ(numbers[e164].value("assignmentStatus", ""), "unassigned") << numbers[e164].dump();
  }
  consents = sim_->Graph("GET", "/beta/admin/teams/operatorConnect/consents");
  EXPECT_EQ(consents.body["value"].size(), 0u) << Describe(consents);
  addresses = sim_->Graph("GET", "/beta/admin/teams/emergencyCalling/civicAddresses");
  EXPECT_EQ(addresses.body["value"].size(), 0u) << Describe(addresses);
}

}  // namespace
}  // namespace opc::e2e
