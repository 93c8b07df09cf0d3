// operatorconnect_phone_number_assignment and operatorconnect_phone_numbers with the real
// terraform against the tenant simulator: create, empty re-plan, in-place location change,
// replacement, drift (plan and refresh-only), convergence, import (command and block), destroy;
// an assignment failure that shows the operation's reason; a 1,200-number inventory read
// through every page.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

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

constexpr char kGbUser[] = "5d0c6a8e-2b1f-4c3d-9e8f-0a1b2c3d4e01";  // created here, GB
constexpr char kAddress[] = "operatorconnect_phone_number_assignment.desk";

class NumberE2ETest : public SimulatorTest {
 protected:
  static void SetUpTestSuite() {
    ASSERT_NO_FATAL_FAILURE(StartSimulator());

    const TenantSeed seed(*sim_);
    // A number whose operator keeps its emergency location to itself.
    json keeps_locations = TenantSeed::NumberList("GB", {"+442079460050"});
    keeps_locations["supportedCustomerActions"] = {"release"};
    ASSERT_NO_FATAL_FAILURE(
        seed.Consent(kBluefin, {"GB", "US"})
            .User(kGbUser, "gwen.price@fernleaf.example", "Gwen Price", "GB")
            .Upload(kBluefin, TenantSeed::NumberRange("GB", "+442079460001", 10))
            .Upload(kBluefin, keeps_locations));

    TenantSeed::Address address;
    ASSERT_NO_FATAL_FAILURE(address = seed.AddAddress(TenantSeed::LondonOffice()));
    default_location_ = address.default_location;
    ASSERT_NO_FATAL_FAILURE(floor_location_ = seed.AddPlace(address.id, "Floor 2"));
  }

  // The tenant's view of one number (admin API, unpaged).
  static json TenantNumber(const std::string& e164) {
    auto reply = sim_->AdminTenant("GET", "/numbers");
    for (const json& number : reply.body.value("value", json::array())) {
      if (number.value("telephoneNumber", "") == e164) {
        return number;
      }
    }
    return nullptr;
  }

  static std::string Assignment(const std::string& number, const std::string& target,
                                const std::string& extra = "") {
    return "provider \"operatorconnect\" {}\n\n"
           "resource \"operatorconnect_phone_number_assignment\" \"desk\" {\n"
           "  telephone_number     = \"" +
           number + "\"\n  assignment_target_id = \"" + target + "\"\n" + extra + "}\n";
  }

  static std::string default_location_;
  static std::string floor_location_;
};

std::string NumberE2ETest::default_location_;
std::string NumberE2ETest::floor_location_;

TEST_F(NumberE2ETest, AssignmentLifecycle) {
  const std::string number = "+44 20 7946 0001";
  const std::string e164 = "+442079460001";
  const std::string at_default = "  location_id          = \"" + default_location_ + "\"\n";
  const std::string at_floor = "  location_id          = \"" + floor_location_ + "\"\n";

  // Create, written with spaces; the tenant holds it in E.164.
  tf_.WriteConfig(Assignment(number, kAlice, at_default));
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  ASSERT_NO_FATAL_FAILURE(ApplyOk());
  json tenant = TenantNumber(e164);
  EXPECT_EQ(tenant.value("assignmentTargetId", ""), kAlice) << tenant.dump();
  EXPECT_EQ(tenant.value("locationId", ""), default_location_) << tenant.dump();
  json state = tf_.ShowJson();
  json values = state["values"]["root_module"]["resources"][0]["values"];
  EXPECT_EQ(values["telephone_number"], number);
  EXPECT_EQ(values["id"], e164);
  EXPECT_EQ(values["assignment_category"], "primary");
  EXPECT_EQ(values["operator_id"], kBluefin);
  EXPECT_EQ(values["country"], "GB");
  EXPECT_EQ(values["activation_state"], "activated");
  EXPECT_FALSE(values["civic_address_id"].is_null());
  ExpectEmptyPlan();

  // In-place location change.
  tf_.WriteConfig(Assignment(number, kAlice, at_floor));
  EXPECT_EQ(PlanToFile(tf_).Actions(kAddress), std::vector<std::string>{"update"});
  ASSERT_NO_FATAL_FAILURE(ApplyOk());
  EXPECT_EQ(TenantNumber(e164).value("locationId", ""), floor_location_);
  ExpectEmptyPlan();

  // Another target replaces the assignment.
  tf_.WriteConfig(Assignment(number, kGbUser, at_floor));
  EXPECT_EQ(PlanToFile(tf_).Actions(kAddress), (std::vector<std::string>{"delete", "create"}));
  ASSERT_NO_FATAL_FAILURE(ApplyOk());
  tenant = TenantNumber(e164);
  EXPECT_EQ(tenant.value("assignmentTargetId", ""), kGbUser) << tenant.dump();
  EXPECT_EQ(tenant.value("locationId", ""), floor_location_) << tenant.dump();
  ExpectEmptyPlan();

  // Drift: the location changed out of band.
  auto drift =
      sim_->AdminTenant("PATCH", "/numbers/442079460001", {{"locationId", default_location_}});
  ASSERT_EQ(drift.status, 200) << Describe(drift);
  ProcessResult drifted = tf_.Run({"plan", "-detailed-exitcode", "-input=false"});
  EXPECT_EQ(drifted.exit_code, 2) << Describe(drifted);
  EXPECT_THAT(drifted.stdout_text, HasSubstr("location_id"));
  EXPECT_THAT(drifted.stdout_text, HasSubstr(default_location_));
  EXPECT_THAT(drifted.stdout_text, HasSubstr("update in-place"));
  ProcessResult refresh_only = tf_.Run({"plan", "-refresh-only", "-input=false"});
  EXPECT_EQ(refresh_only.exit_code, 0) << Describe(refresh_only);
  EXPECT_THAT(refresh_only.stdout_text, HasSubstr("location_id"));
  EXPECT_THAT(refresh_only.stdout_text, HasSubstr(default_location_));
  ASSERT_NO_FATAL_FAILURE(ApplyOk());
  EXPECT_EQ(TenantNumber(e164).value("locationId", ""), floor_location_);
  ExpectEmptyPlan();

  // Drift: unassigned out of band; Terraform assigns it again.
  drift = sim_->AdminTenant("PATCH", "/numbers/442079460001",
                            {{"assignmentStatus", "unassigned"},
                             {"assignmentTargetId", nullptr},
                             {"assignmentCategory", nullptr}});
  ASSERT_EQ(drift.status, 200) << Describe(drift);
  drifted = tf_.Run({"plan", "-detailed-exitcode", "-input=false"});
  EXPECT_EQ(drifted.exit_code, 2) << Describe(drifted);
  EXPECT_THAT(drifted.stdout_text, HasSubstr("will be created"));
  refresh_only = tf_.Run({"plan", "-refresh-only", "-input=false"});
  EXPECT_THAT(refresh_only.stdout_text, HasSubstr("has been deleted")) << Describe(refresh_only);
  ASSERT_NO_FATAL_FAILURE(ApplyOk());
  EXPECT_EQ(TenantNumber(e164).value("assignmentTargetId", ""), kGbUser);
  ExpectEmptyPlan();

  // Import into a fresh state, by command and by an import block.
  ProcessResult rm = tf_.Run({"state", "rm", kAddress});
  ASSERT_EQ(rm.exit_code, 0) << Describe(rm);
  ProcessResult imported = tf_.Run({"import", "-input=false", kAddress, number});
  ASSERT_EQ(imported.exit_code, 0) << Describe(imported);
  ExpectEmptyPlan();
  rm = tf_.Run({"state", "rm", kAddress});
  ASSERT_EQ(rm.exit_code, 0) << Describe(rm);
  tf_.WriteConfig(Assignment(number, kGbUser, at_floor) + "\nimport {\n  to = " + kAddress +
                  "\n  id = \"" + e164 + "\"\n}\n");
  ProcessResult import_apply = tf_.Apply();
  ASSERT_EQ(import_apply.exit_code, 0) << Describe(import_apply);
  EXPECT_THAT(import_apply.stdout_text, HasSubstr("1 imported, 0 added, 0 changed, 0 destroyed"));
  ExpectEmptyPlan();

  // Importing a number nobody has is a clear error.
  tf_.WriteConfig(Assignment(number, kGbUser, at_floor) +
                  "\nresource \"operatorconnect_phone_number_assignment\" \"other\" {\n"
                  "  telephone_number     = \"+442079460009\"\n"
                  "  assignment_target_id = \"" +
                  kAlice + "\"\n}\n");
  ProcessResult unassigned = tf_.Run(
      {"import", "-input=false", "operatorconnect_phone_number_assignment.other", "+442079460009"});
  EXPECT_NE(unassigned.exit_code, 0);
  EXPECT_THAT(unassigned.stderr_text + unassigned.stdout_text, HasSubstr("not assigned"));

  // Destroy unassigns the number in the tenant.
  ProcessResult destroy = tf_.Destroy();
  ASSERT_EQ(destroy.exit_code, 0) << Describe(destroy);
  tenant = TenantNumber(e164);
  EXPECT_EQ(tenant.value("assignmentStatus", ""), "unassigned") << tenant.dump();
  EXPECT_TRUE(tenant["assignmentTargetId"].is_null()) << tenant.dump();
  EXPECT_TRUE(tenant["locationId"].is_null()) << tenant.dump();  // the location is free again
}

TEST_F(NumberE2ETest, BadInputAndServiceRefusalsAreClearErrors) {
  // Not a number: a validation error that names the attribute.
  tf_.WriteConfig(Assignment("020 7946 0002", kAlice));
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  ProcessResult validate = tf_.Validate();
  EXPECT_NE(validate.exit_code, 0);
  EXPECT_THAT(validate.stderr_text, HasSubstr("Invalid telephone number"));
  EXPECT_THAT(validate.stderr_text, HasSubstr("telephone_number"));

  // A US user cannot get a GB number: the operation's reason is in the error.
  tf_.WriteConfig(Assignment("+44 20 7946 0002", kCarla));
  ProcessResult apply = tf_.Apply();
  EXPECT_NE(apply.exit_code, 0);
  EXPECT_THAT(apply.stderr_text, HasSubstr("does not match the country"));
  EXPECT_THAT(apply.stderr_text, HasSubstr("+442079460002"));
  EXPECT_EQ(TenantNumber("+442079460002").value("assignmentStatus", ""), "unassigned");
  ProcessResult state = tf_.Run({"state", "list"});
  EXPECT_EQ(state.stdout_text, "");

  // The operator keeps this number's location: changing it fails at plan time.
  tf_.WriteConfig(Assignment("+442079460050", kAlice));
  ASSERT_NO_FATAL_FAILURE(ApplyOk());
  tf_.WriteConfig(Assignment("+442079460050", kAlice,
                             "  location_id          = \"" + floor_location_ + "\"\n"));
  ProcessResult plan = tf_.Plan();
  EXPECT_NE(plan.exit_code, 0);
  EXPECT_THAT(plan.stderr_text, HasSubstr("Emergency location cannot be changed"));
  EXPECT_THAT(plan.stderr_text, HasSubstr("locationUpdate"));
  EXPECT_THAT(plan.stderr_text, HasSubstr("ask the operator"));
  // Destroy plans with the configuration too: take the refused change back first.
  tf_.WriteConfig(Assignment("+442079460050", kAlice));
  ProcessResult destroy = tf_.Destroy();
  ASSERT_EQ(destroy.exit_code, 0) << Describe(destroy);
}

TEST_F(NumberE2ETest, DataSourceReadsEveryPageOfALargeInventory) {
  ASSERT_NO_FATAL_FAILURE(
      TenantSeed(*sim_).Upload(kBluefin, TenantSeed::NumberRange("US", "+12065550000", 1234)));
  tf_.WriteConfig(R"(provider "operatorconnect" {}

data "operatorconnect_phone_numbers" "us" {
  country = "US"
}

data "operatorconnect_phone_numbers" "assignable_gb" {
  operator_id       = ")" +
                  std::string(kBluefin) + R"("
  country           = "GB"
  assignment_status = "unassigned"
  capability        = "userAssignment"
}

output "us_count" {
  value = length(data.operatorconnect_phone_numbers.us.numbers)
}

output "last_us" {
  value = data.operatorconnect_phone_numbers.us.numbers[1233].telephone_number
}

output "operator_names" {
  value = distinct([for n in data.operatorconnect_phone_numbers.us.numbers : n.operator_name])
}

output "gb_count" {
  value = length(data.operatorconnect_phone_numbers.assignable_gb.numbers)
}
)");
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  ASSERT_NO_FATAL_FAILURE(ApplyOk());
  ProcessResult output = tf_.Run({"output", "-json"});
  ASSERT_EQ(output.exit_code, 0) << Describe(output);
  json outputs = json::parse(output.stdout_text, nullptr, false);
  EXPECT_EQ(outputs["us_count"]["value"], 1234) << output.stdout_text;
  EXPECT_EQ(outputs["last_us"]["value"], "+12065551233");
  EXPECT_EQ(outputs["operator_names"]["value"], json::array({"Bluefin Telecom"}));
  // 10 + 1 GB numbers uploaded; other tests in this binary leave them all unassigned.
  EXPECT_EQ(outputs["gb_count"]["value"], 11) << output.stdout_text;
}

}  // namespace
}  // namespace opc::e2e
