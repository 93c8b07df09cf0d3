// Emergency-calling compliance, the telephone number functions and the plan-time refusal of
// unsafe removals, with the real terraform against the tenant simulator: the compliance data
// source on a tenant with every kind of gap and after it is fixed; a `check` block that warns
// while `plan` still succeeds; each function from a configuration, with valid and invalid
// input; removing a country (or a whole relationship) that kept assignments still need,
// refused at plan with the numbers listed; the same removal together with its assignments,
// and a destroy of the whole configuration, each in one run.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/config_text.h"
#include "harness/e2e_fixture.h"
#include "harness/output_text.h"
#include "harness/tenant_seed.h"

namespace opc::e2e {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kConsents[] = "/beta/admin/teams/operatorConnect/consents";
constexpr char kLocations[] = "/beta/admin/teams/emergencyCalling/locations";

// Only the diagnostics (the plan's progress lines name every number too).
std::string Errors(const ProcessResult& result) { return Flat(result.stderr_text); }

// One simulator per test: compliance is tenant-wide, so tests must not see each other.
class ComplianceE2ETest : public FreshSimulatorTest {
 protected:
  void Consent(const std::string& operator_id, const std::vector<std::string>& countries) {
    TenantSeed(*sim_).Consent(operator_id, countries);
  }
  // Numbers for user and voice-application assignment.
  void Upload(const std::string& operator_id, const std::string& country,
              const std::vector<std::string>& numbers) {
    json body = TenantSeed::NumberList(country, numbers);
    body["numberType"] = "operatorConnect";
    body["capabilities"] = {"userAssignment", "voiceApplicationAssignment"};
    TenantSeed(*sim_).Upload(operator_id, body);
  }
  // The address's default location id; `id` receives the address id.
  std::string Address(const std::string& country, const std::string& city, std::string* id) {
    const TenantSeed::Address address =
        TenantSeed(*sim_).AddAddress({{"companyName", "Fernleaf Outfitters"},
                                      {"countryOrRegion", country},
                                      {"description", city + " office"},
                                      {"houseNumber", "1"},
                                      {"streetName", "High Street"},
                                      {"city", city},
                                      {"postalCode", "1000"},
                                      {"latitude", "48.85"},
                                      {"longitude", "2.35"}});
    if (id != nullptr) {
      *id = address.id;
    }
    return address.default_location;
  }
  // Sets a number's assignment and location directly in the tenant (admin API).
  void Drift(const std::string& number, const json& body) {
    TenantSeed(*sim_).EditNumber(number.substr(1), body);
  }
  void AssignDirectly(const std::string& number, const std::string& target,
                      const std::string& location) {
    Drift(number, {{"assignmentTargetId", target},
                   {"assignmentStatus", "userAssigned"},
                   {"locationId", location.empty() ? json(nullptr) : json(location)}});
  }

  // Applies the configuration, then the outputs' values.
  json AppliedOutputs() {
    ApplyOk();
    return Outputs(tf_);
  }
};

constexpr char kComplianceConfig[] = R"(
data "operatorconnect_emergency_compliance" "all" {}

data "operatorconnect_emergency_compliance" "gb" {
  country = "GB"
}

output "all" {
  value = data.operatorconnect_emergency_compliance.all
}

output "gb" {
  value = data.operatorconnect_emergency_compliance.gb
}
)";

TEST_F(ComplianceE2ETest, DataSourceFindsEveryKindOfGapAndThenCompliance) {
  Consent(kPolaris, {"GB", "IE", "FR"});
  Consent(kOrchid, {"ES"});
  Upload(kPolaris, "GB", {"+442079460001", "+442079460002", "+442079460003"});
  Upload(kOrchid, "ES", {"+34911234501"});
  std::string gb_address;
  std::string de_address;
  const std::string gb_location = Address("GB", "London", &gb_address);
  const std::string fr_location = Address("FR", "Paris", nullptr);
  Address("DE", "Berlin", &de_address);
  AssignDirectly("+442079460001", kAlice, gb_location);
  AssignDirectly("+442079460002", kDesk, "");            // no location
  AssignDirectly("+442079460003", kAlice, fr_location);  // location in France
  AssignDirectly("+34911234501", kAlice, "");            // Spain: no address at all

  WriteAndInit(kComplianceConfig);
  json out = AppliedOutputs();
  const json& all = out["all"];
  EXPECT_EQ(all["compliant"], false) << all.dump();
  EXPECT_EQ(all["assigned_number_count"], 4);
  EXPECT_EQ(all["numbers_without_location"], json({"+34911234501", "+442079460002"}));
  EXPECT_EQ(all["numbers_without_location_count"], 2);
  ASSERT_EQ(all["numbers_with_foreign_location"].size(), 1u) << all.dump();
  EXPECT_EQ(all["numbers_with_foreign_location"][0]["telephone_number"], "+442079460003");
  EXPECT_EQ(all["numbers_with_foreign_location"][0]["country"], "GB");
  EXPECT_EQ(all["numbers_with_foreign_location"][0]["location_country"], "FR");
  EXPECT_EQ(all["numbers_with_foreign_location"][0]["location_id"], fr_location);
  EXPECT_EQ(all["countries_without_address"], json({"ES"}));
  EXPECT_EQ(all["consented_countries_without_address"], json({"ES", "IE"}));
  EXPECT_EQ(all["consented_countries_without_address_count"], 2);
  ASSERT_EQ(all["unused_addresses"].size(), 1u) << all.dump();
  EXPECT_EQ(all["unused_addresses"][0]["id"], de_address);
  EXPECT_EQ(all["unused_addresses_count"], 1);
  EXPECT_THAT(all["summary"].get<std::string>(),
              HasSubstr("without an emergency location: +34911234501, +442079460002"));

  const json& gb = out["gb"];
  EXPECT_EQ(gb["compliant"], false);
  EXPECT_EQ(gb["assigned_number_count"], 3);
  EXPECT_EQ(gb["numbers_without_location"], json({"+442079460002"}));
  EXPECT_EQ(gb["countries_without_address"], json::array());
  EXPECT_EQ(gb["unused_addresses"], json::array());

  // Fix every gap: locations in the numbers' own country, an address where consented, the
  // Spanish number released. Unused addresses remain, which is not a compliance gap.
  AssignDirectly("+442079460002", kDesk, gb_location);
  AssignDirectly("+442079460003", kAlice, gb_location);
  Drift("+34911234501", {{"assignmentTargetId", nullptr}, {"assignmentStatus", "unassigned"}});
  Address("IE", "Dublin", nullptr);
  Address("ES", "Madrid", nullptr);
  out = AppliedOutputs();
  EXPECT_EQ(out["all"]["compliant"], true) << out["all"].dump();
  EXPECT_EQ(out["all"]["assigned_number_count"], 3);
  EXPECT_EQ(out["all"]["numbers_without_location_count"], 0);
  EXPECT_EQ(out["all"]["numbers_with_foreign_location_count"], 0);
  EXPECT_EQ(out["all"]["countries_without_address_count"], 0);
  EXPECT_EQ(out["all"]["consented_countries_without_address_count"], 0);
  EXPECT_EQ(out["all"]["unused_addresses_count"], 4);  // FR, DE, IE, ES
  EXPECT_EQ(out["gb"]["compliant"], true);
}

TEST_F(ComplianceE2ETest, CheckBlockWarnsWhilePlanSucceeds) {
  Consent(kPolaris, {"GB"});
  Upload(kPolaris, "GB", {"+442079460001"});
  const std::string gb_location = Address("GB", "London", nullptr);
  AssignDirectly("+442079460001", kAlice, "");
  WriteAndInit(R"(
data "operatorconnect_emergency_compliance" "tenant" {}

check "emergency_calling" {
  assert {
    condition     = data.operatorconnect_emergency_compliance.tenant.compliant
    error_message = "Emergency calling is not compliant: ${data.operatorconnect_emergency_compliance.tenant.summary}"
  }
}
)");
  ProcessResult plan = tf_.Run({"plan", "-no-color", "-input=false"});
  EXPECT_EQ(plan.exit_code, 0) << Describe(plan);
  EXPECT_THAT(Flat(plan), HasSubstr("Warning: Check block assertion failed")) << Describe(plan);
  EXPECT_THAT(Flat(plan), HasSubstr("Emergency calling is not compliant: 1 assigned number(s) "
                                    "without an emergency location: +442079460001"))
      << Describe(plan);

  AssignDirectly("+442079460001", kAlice, gb_location);
  ProcessResult clean = tf_.Run({"plan", "-no-color", "-input=false"});
  EXPECT_EQ(clean.exit_code, 0) << Describe(clean);
  EXPECT_THAT(Flat(clean), Not(HasSubstr("Check block assertion failed"))) << Describe(clean);
}

TEST_F(ComplianceE2ETest, FunctionsFromAConfiguration) {
  WriteAndInit(R"(
output "normalized" {
  value = provider::operatorconnect::normalize_e164("+44 (0)20 7946 0101")
}
output "countries" {
  value = [for n in ["+44 20 7946 0101", "+1 416 555 0100", "+1 206 555 0100", "+1 876 555 0100", "0033 1 42 68 53 00"] :
    provider::operatorconnect::e164_country(n)]
}
output "strict" {
  value = [provider::operatorconnect::is_e164("+442079460101"), provider::operatorconnect::is_e164("+44 20 7946 0101")]
}
)");
  json out = AppliedOutputs();
  EXPECT_EQ(out["normalized"], "+442079460101");
  EXPECT_EQ(out["countries"], json({"GB", "CA", "US", "JM", "FR"}));
  EXPECT_EQ(out["strict"], json({true, false}));

  struct Invalid {
    std::string expression;
    std::string says;
  };
  for (const Invalid& c : {
           Invalid{"provider::operatorconnect::normalize_e164(\"020 7946 0101\")",
                   "must start with '+' and the country code"},
           Invalid{"provider::operatorconnect::e164_country(\"+1 800 555 0100\")",
                   "belongs to no single country"},
           Invalid{"provider::operatorconnect::e164_country(\"+44 20 79x6\")", "contains 'x'"},
       }) {
    Rewrite("output \"bad\" {\n  value = " + c.expression + "\n}\n");
    ProcessResult plan = tf_.Run({"plan", "-no-color", "-input=false"});
    EXPECT_EQ(plan.exit_code, 1) << c.expression << "\n" << Describe(plan);
    // Terraform names the argument from the FunctionError's argument index.
    EXPECT_THAT(Flat(plan), HasSubstr("Invalid value for \"number\" parameter")) << Describe(plan);
    EXPECT_THAT(Flat(plan), HasSubstr(c.says)) << Describe(plan);
  }

  Rewrite(R"(
variable "main_line" {
  type    = string
  default = "+44 20 7946 0101"
  validation {
    condition     = provider::operatorconnect::is_e164(var.main_line)
    error_message = "main_line must be in E.164 form."
  }
}
)");
  ProcessResult plan = tf_.Run({"plan", "-no-color", "-input=false"});
  EXPECT_EQ(plan.exit_code, 1) << Describe(plan);
  EXPECT_THAT(Flat(plan), HasSubstr("main_line must be in E.164 form.")) << Describe(plan);
}

std::string Relationship(const std::string& countries) {
  return RelationshipConfig("polaris", kPolaris, countries);
}

std::string AssignmentBlock(const std::string& name, const std::string& number,
                            const std::string& target, bool depends = true) {
  return "\nresource \"operatorconnect_phone_number_assignment\" \"" + name +
         "\" {\n  telephone_number     = \"" + number + "\"\n  assignment_target_id = \"" + target +
         "\"\n" +
         (depends ? "  depends_on           = [operatorconnect_operator_relationship.polaris]\n"
                  : "") +
         "}\n";
}

TEST_F(ComplianceE2ETest, UnsafeRemovalIsRefusedAtPlanAndSafeOnesApplyInOneRun) {
  // The numbers are in the inventory once the relationship exists (the operator uploads them).
  WriteAndInit(Relationship("\"GB\", \"IE\""));
  ASSERT_EQ(tf_.Apply().exit_code, 0);
  Upload(kPolaris, "GB", {"+442079460001", "+442079460002"});
  Upload(kPolaris, "IE", {"+35312345601"});
  const std::string assignments = AssignmentBlock("gb1", "+44 20 7946 0001", kAlice) +
                                  AssignmentBlock("gb2", "+44 20 7946 0002", kDesk) +
                                  AssignmentBlock("ie", "+353 1 234 5601", kIeUser);
  Rewrite(Relationship("\"GB\", \"IE\"") + assignments);
  ProcessResult created = tf_.Apply();
  ASSERT_EQ(created.exit_code, 0) << Describe(created);

  // 1. Removing GB while its two assignments stay: refused at plan, numbers listed.
  Rewrite(Relationship("\"IE\"") + assignments);
  ProcessResult refused = tf_.Run({"plan", "-no-color", "-input=false"});
  EXPECT_EQ(refused.exit_code, 1) << Describe(refused);
  EXPECT_THAT(Flat(refused), HasSubstr("Operator numbers are still assigned"));
  EXPECT_THAT(Errors(refused), HasSubstr("+442079460001")) << Describe(refused);
  EXPECT_THAT(Errors(refused), HasSubstr("+442079460002")) << Describe(refused);
  EXPECT_THAT(Errors(refused), Not(HasSubstr("+35312345601"))) << Describe(refused);
  EXPECT_THAT(refused.stdout_text, HasSubstr("Plan: 0 to add, 1 to change, 0 to destroy."));
  auto consent = sim_->Graph("GET", std::string(kConsents) + "/" + kPolaris);
  EXPECT_EQ(consent.body["consentedCountries"], json({"GB", "IE"}));

  // 2. Removing the whole relationship while assignments (without a reference) stay.
  Rewrite(AssignmentBlock("gb1", "+44 20 7946 0001", kAlice, false) +
          AssignmentBlock("gb2", "+44 20 7946 0002", kDesk, false) +
          AssignmentBlock("ie", "+353 1 234 5601", kIeUser, false));
  ProcessResult whole = tf_.Run({"plan", "-no-color", "-input=false"});
  EXPECT_EQ(whole.exit_code, 1) << Describe(whole);
  EXPECT_THAT(Flat(whole), HasSubstr("Operator numbers are still assigned"));
  for (const char* number : {"+442079460001", "+442079460002", "+35312345601"}) {
    EXPECT_THAT(Errors(whole), HasSubstr(number)) << Describe(whole);
  }

  // 3. Removing GB together with its assignments: one apply, assignments go first.
  Rewrite(Relationship("\"IE\"") + AssignmentBlock("ie", "+353 1 234 5601", kIeUser));
  ProcessResult removed = tf_.Apply();
  ASSERT_EQ(removed.exit_code, 0) << Describe(removed);
  EXPECT_THAT(removed.stdout_text, HasSubstr("0 added, 1 changed, 2 destroyed"));
  consent = sim_->Graph("GET", std::string(kConsents) + "/" + kPolaris);
  EXPECT_EQ(consent.body["consentedCountries"], json({"IE"}));

  // 4. The whole configuration destroyed in one run.
  ProcessResult destroyed = tf_.Destroy();
  ASSERT_EQ(destroyed.exit_code, 0) << Describe(destroyed);
  EXPECT_THAT(destroyed.stdout_text, HasSubstr("2 destroyed"));
  EXPECT_EQ(sim_->Graph("GET", std::string(kConsents) + "/" + kPolaris).status, 404);
}

}  // namespace
}  // namespace opc::e2e
