// The provider against an endpoint that serves only what Microsoft publishes, as Microsoft's
// Graph does today: the simulator with --graph-public-only answers the contract's own
// operatorConnect and emergencyCalling paths with Graph's 400 "Resource not found for the
// segment '...'". With the real terraform: an emergency address, an emergency location, an
// operator relationship and the operators data source are each refused at plan with one
// diagnostic that says Microsoft publishes no API for them and what to do instead; a phone
// number assignment (Graph v1.0) plans, applies and destroys normally in the same run.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/e2e_fixture.h"
#include "harness/output_text.h"
#include "harness/tenant_seed.h"

namespace opc::e2e {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

struct Diagnostic {
  std::string severity;
  std::string summary;
  std::string detail;
  std::string address;
};

// The diagnostics of a `terraform plan -json` run (one JSON message per line).
std::vector<Diagnostic> Diagnostics(const ProcessResult& result) {
  std::vector<Diagnostic> out;
  size_t start = 0;
  const std::string& text = result.stdout_text;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      end = text.size();
    }
    json line = json::parse(text.substr(start, end - start), nullptr, false);
    start = end + 1;
    if (!line.is_object() || line.value("type", "") != "diagnostic") {
      continue;
    }
    const json& d = line["diagnostic"];
    out.push_back({d.value("severity", ""), d.value("summary", ""), d.value("detail", ""),
                   d.value("address", "")});
  }
  return out;
}

class PublicGraphE2ETest : public SimulatorTest {
 protected:
  static void SetUpTestSuite() {
    SimulatorProcess::Options options;
    options.extra_args = {"--graph-public-only"};
    ASSERT_NO_FATAL_FAILURE(StartSimulator(options));

    // What a real tenant does in the Teams admin center, and its operator then does.
    json upload = TenantSeed::NumberRange("GB", "+442079460101", 3);
    upload["supportedCustomerActions"] = {"release"};
    ASSERT_NO_FATAL_FAILURE(
        TenantSeed(*sim_).ConsentInAdminCenter(kBluefin, {"GB"}).Upload(kBluefin, upload));
    // The endpoint really is Graph-shaped for the contract's paths.
    auto consents = sim_->Graph("GET", "/beta/admin/teams/operatorConnect/consents");
    ASSERT_EQ(consents.status, 400) << Describe(consents);
  }

  // Plans `config` and expects exactly one error: `type` refused for lack of a published API,
  // with what to do instead, and no trace of the HTTP answer behind it.
  void ExpectRefusedAtPlan(const std::string& config, const std::string& type,
                           const std::string& objects) {
    tf_.WriteConfig("provider \"operatorconnect\" {}\n\n" + config);
    ProcessResult init = tf_.Init();
    ASSERT_EQ(init.exit_code, 0) << Describe(init);

    ProcessResult plan = tf_.Run({"plan", "-json", "-input=false"});
    EXPECT_EQ(plan.exit_code, 1) << Describe(plan);
    std::vector<Diagnostic> diagnostics = Diagnostics(plan);
    ASSERT_EQ(diagnostics.size(), 1u) << Describe(plan);
    const Diagnostic& d = diagnostics[0];
    EXPECT_EQ(d.severity, "error");
    EXPECT_EQ(d.summary, type + " needs an API Microsoft does not publish");
    EXPECT_THAT(d.detail, HasSubstr("Microsoft publishes no API for " + objects + "."));
    EXPECT_THAT(d.detail, HasSubstr("tenant simulator (operatorconnect-sim)"));
    EXPECT_THAT(d.detail, HasSubstr("a service that implements schemas/tenant-api.yaml"));
    EXPECT_THAT(d.detail, HasSubstr("Phone number assignments and the number inventory work "
                                    "against Microsoft Graph."));
    for (const char* raw : {"400", "404", "BadRequest", "Bad Request", "Not Found", "{",
                            "\"error\"", "request-id", "Resource not found"}) {
      EXPECT_THAT(d.summary + " " + d.detail, Not(HasSubstr(raw))) << "leaks " << raw;
    }

    // What a user reads: the same single error, nothing of the API answer.
    ProcessResult human = tf_.Plan();
    EXPECT_EQ(human.exit_code, 1) << Describe(human);
    const std::string& text = human.stderr_text;
    EXPECT_THAT(text, HasSubstr("Error: " + type + " needs an API Microsoft does not publish"));
    size_t errors = 0;
    for (size_t at = text.find("Error: "); at != std::string::npos;
         at = text.find("Error: ", at + 1)) {
      ++errors;
    }
    EXPECT_EQ(errors, 1u) << text;
    for (const char* raw :
         {"400", "404", "BadRequest", "\"error\"", "request-id", "Resource not found"}) {
      EXPECT_THAT(text + human.stdout_text, Not(HasSubstr(raw))) << "leaks " << raw;
    }
  }
};

TEST_F(PublicGraphE2ETest, EmergencyAddressIsRefusedAtPlan) {
  ExpectRefusedAtPlan(
      "resource \"operatorconnect_emergency_address\" \"hq\" {\n"
      "  company_name = \"Fernleaf Outfitters\"\n"
      "  country      = \"GB\"\n"
      "  house_number = \"221\"\n"
      "  street_name  = \"Baker Street\"\n"
      "  city         = \"London\"\n"
      "  postal_code  = \"NW1 6XE\"\n"
      "  latitude     = 51.5237\n"
      "  longitude    = -0.1585\n"
      "}\n",
      "operatorconnect_emergency_address", "emergency addresses and places");
}

TEST_F(PublicGraphE2ETest, EmergencyLocationIsRefusedAtPlan) {
  ExpectRefusedAtPlan(
      "resource \"operatorconnect_emergency_location\" \"floor\" {\n"
      "  civic_address_id = \"7b6f1d2e-0c1a-4f7e-9a51-3d2c1b0a9f8e\"\n"
      "  description      = \"Floor 2\"\n"
      "}\n",
      "operatorconnect_emergency_location", "emergency addresses and places");
}

TEST_F(PublicGraphE2ETest, OperatorRelationshipIsRefusedAtPlan) {
  ExpectRefusedAtPlan(std::string("resource \"operatorconnect_operator_relationship\" \"this\" {\n"
                                  "  operator_id = \"") +
                          kBluefin +
                          "\"\n"
                          "  countries   = [\"GB\"]\n"
                          "  contact = {\n"
                          "    full_name    = \"Alice Hughes\"\n"
                          "    email        = \"alice.hughes@fernleaf.example\"\n"
                          "    company_name = \"Fernleaf Outfitters\"\n"
                          "    company_size = \"L250_U999\"\n"
                          "  }\n"
                          "  data_transfer_notice_accepted = true\n"
                          "}\n",
                      "operatorconnect_operator_relationship",
                      "Operator Connect operators and operator relationships (consents)");
}

TEST_F(PublicGraphE2ETest, OperatorsDataSourceIsRefusedAtPlan) {
  ExpectRefusedAtPlan(
      "data \"operatorconnect_operators\" \"gb\" {\n"
      "  country = \"GB\"\n"
      "}\n",
      "operatorconnect_operators",
      "Operator Connect operators and operator relationships (consents)");
}

TEST_F(PublicGraphE2ETest, PhoneNumberAssignmentPlansAppliesAndDestroys) {
  tf_.WriteConfig(std::string("provider \"operatorconnect\" {}\n\n"
                              "resource \"operatorconnect_phone_number_assignment\" \"desk\" {\n"
                              "  telephone_number     = \"+44 20 7946 0101\"\n"
                              "  assignment_target_id = \"") +
                  kAlice +
                  "\"\n}\n\n"
                  "data \"operatorconnect_phone_numbers\" \"gb\" {\n"
                  "  country    = \"GB\"\n"
                  "  depends_on = [operatorconnect_phone_number_assignment.desk]\n"
                  "}\n\n"
                  "output \"inventory\" {\n"
                  "  value = data.operatorconnect_phone_numbers.gb.numbers\n"
                  "}\n");
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  ProcessResult plan = tf_.Run({"plan", "-detailed-exitcode", "-no-color", "-input=false"});
  EXPECT_EQ(plan.exit_code, 2) << Describe(plan);
  EXPECT_THAT(plan.stdout_text, HasSubstr("Plan: 1 to add, 0 to change, 0 to destroy."));

  ProcessResult apply = tf_.Apply();
  ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
  auto numbers = sim_->AdminTenant("GET", "/numbers");
  json assigned;
  for (const json& number : numbers.body.value("value", json::array())) {
    if (number.value("telephoneNumber", "") == "+442079460101") {
      assigned = number;
    }
  }
  EXPECT_EQ(assigned.value("assignmentTargetId", ""), kAlice) << numbers.body.dump();
  EXPECT_EQ(assigned.value("assignmentStatus", ""), "userAssigned") << assigned.dump();

  // The inventory reads through Graph v1.0; Graph has no operator catalog, so no names.
  json outputs = json::parse(tf_.Run({"output", "-json"}).stdout_text, nullptr, false);
  const json& inventory = outputs["inventory"]["value"];
  ASSERT_EQ(inventory.size(), 3u) << outputs.dump();
  EXPECT_EQ(inventory[0]["telephone_number"], "+442079460101");
  EXPECT_EQ(inventory[0]["operator_id"], kBluefin);
  EXPECT_EQ(inventory[0]["assignment_status"], "userAssigned");
  EXPECT_TRUE(inventory[0]["operator_name"].is_null()) << inventory[0].dump();

  ProcessResult again = tf_.Run({"plan", "-detailed-exitcode", "-no-color", "-input=false"});
  EXPECT_EQ(again.exit_code, 0) << Describe(again);

  ProcessResult destroy = tf_.Destroy();
  ASSERT_EQ(destroy.exit_code, 0) << Describe(destroy);
  numbers = sim_->AdminTenant("GET", "/numbers");
  for (const json& number : numbers.body.value("value", json::array())) {
    if (number.value("telephoneNumber", "") == "+442079460101") {
      EXPECT_EQ(number.value("assignmentStatus", ""), "unassigned") << number.dump();
    }
  }
}

}  // namespace
}  // namespace opc::e2e
