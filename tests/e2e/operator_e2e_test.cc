// operatorconnect_operator_relationship and the catalog data sources with the real terraform
// against the tenant simulator: create, empty re-plan (also after the operator acts), in-place
// update, replacement, drift made through the simulator admin API, import (CLI and `import {}`
// block), waiting for the operator's agreement, plan-time rules, and a destroy that the service
// refuses while the operator's numbers are assigned.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/e2e_fixture.h"
#include "harness/output_text.h"
#include "harness/tenant_seed.h"

namespace opc::e2e {
namespace {

using ::testing::HasSubstr;

constexpr char kConsentsPath[] = "/beta/admin/teams/operatorConnect/consents/";
constexpr char kAddress[] = "operatorconnect_operator_relationship.this";

struct Relationship {
  std::string operator_id;
  std::string countries;  // HCL list body, e.g. "\"GB\", \"DE\""
  std::string company_size = "L100_U249";
  std::string extra = "";  // more attribute lines
};

std::string RelationshipBlock(const Relationship& r) {
  return "resource \"operatorconnect_operator_relationship\" \"this\" {\n"
         "  operator_id = \"" +
         r.operator_id + "\"\n  countries   = [" + r.countries +
         "]\n"
         "  contact = {\n"
         "    full_name        = \"Alice Hughes\"\n"
         "    email            = \"alice.hughes@fernleaf.example\"\n"
         "    telephone_number = \"+44 20 7946 0018\"\n"
         "    company_name     = \"Fernleaf Outfitters\"\n"
         "    company_size     = \"" +
         r.company_size +
         "\"\n  }\n"
         "  data_transfer_notice_accepted = true\n" +
         r.extra + "}\n";
}

class OperatorE2ETest : public SimulatorTest {
 protected:
  static SimulatorProcess::Reply Consent(const std::string& operator_id) {
    return sim_->Graph("GET", kConsentsPath + operator_id);
  }
};

TEST_F(OperatorE2ETest, RelationshipLifecycle) {
  Relationship polaris{kPolaris, "\"GB\", \"DE\""};
  WriteAndInit(RelationshipBlock(polaris));

  // Create.
  ApplyOk();
  SimulatorProcess::Reply consent = Consent(kPolaris);
  ASSERT_EQ(consent.status, 200) << Describe(consent);
  EXPECT_EQ(consent.body["consentedCountries"], nlohmann::json({"DE", "GB"}));
  EXPECT_EQ(consent.body["contacts"][0]["telephoneNumber"], "+442079460018");
  nlohmann::json state = StateValues(tf_, kAddress);
  EXPECT_EQ(state["relationship_status"], "Pending") << state.dump();
  EXPECT_EQ(state["operator_name"], "Polaris Connect");
  EXPECT_EQ(state["status"], "active");
  ExpectEmptyPlan("after create");

  // The operator acts: a computed-only change, still nothing to do.
  SimulatorProcess::Reply acted =
      sim_->AdminTenant("POST", std::string("/consents/") + kPolaris + "/customerRelationship",
                        {{"status", "CustomerContacted"}});
  ASSERT_EQ(acted.status, 200) << Describe(acted);
  ExpectEmptyPlan("after the operator acted");
  ASSERT_EQ(tf_.Run({"apply", "-refresh-only", "-auto-approve", "-no-color"}).exit_code, 0);
  EXPECT_EQ(StateValues(tf_, kAddress)["relationship_status"], "CustomerContacted");

  // In-place update: a country and the company size.
  polaris.countries = "\"GB\", \"DE\", \"FR\"";
  polaris.company_size = "L250_U999";
  Rewrite(RelationshipBlock(polaris));
  SavedPlan update = PlanToFile(tf_);
  EXPECT_EQ(update.Actions(kAddress), std::vector<std::string>({"update"})) << update.text;
  ApplyOk();
  consent = Consent(kPolaris);
  EXPECT_EQ(consent.body["consentedCountries"], nlohmann::json({"DE", "FR", "GB"}));
  EXPECT_EQ(consent.body["contacts"][0]["companySize"], "L250_U999");
  ExpectEmptyPlan("after the update");

  // Drift through the admin API: countries, contact and status.
  SimulatorProcess::Reply drift = sim_->AdminTenant("PATCH", std::string("/consents/") + kPolaris,
                                                    {{"consentedCountries", {"GB"}},
                                                     {"status", "suspended"},
                                                     {"contacts",
                                                      {{{"fullName", "Someone Else"},
                                                        {"email", "someone@fernleaf.example"},
                                                        {"telephoneNumber", nullptr},
                                                        {"companyName", "Fernleaf Outfitters"},
                                                        {"companySize", "L250_U999"}}}}});
  ASSERT_EQ(drift.status, 200) << Describe(drift);
  ProcessResult plan = DetailedPlan(tf_);
  EXPECT_EQ(plan.exit_code, 2) << Describe(plan);
  EXPECT_THAT(plan.stdout_text, HasSubstr("suspended"));
  EXPECT_THAT(plan.stdout_text, HasSubstr("\"FR\""));
  EXPECT_THAT(plan.stdout_text, HasSubstr("Someone Else"));
  ProcessResult refresh_only = DetailedPlan(tf_, {"-refresh-only"});
  EXPECT_THAT(refresh_only.stdout_text, HasSubstr("outside of Terraform"))
      << Describe(refresh_only);
  EXPECT_THAT(refresh_only.stdout_text, HasSubstr("Someone Else"));
  ApplyOk();
  consent = Consent(kPolaris);
  EXPECT_EQ(consent.body["consentedCountries"], nlohmann::json({"DE", "FR", "GB"}));
  EXPECT_EQ(consent.body["status"], "active");
  EXPECT_EQ(consent.body["contacts"][0]["fullName"], "Alice Hughes");
  ExpectEmptyPlan("after converging");

  // Replacement: another operator.
  Relationship orchid{kOrchid, "\"FR\", \"ES\""};
  Rewrite(RelationshipBlock(orchid));
  SavedPlan replace = PlanToFile(tf_);
  std::vector<std::string> actions = replace.Actions(kAddress);
  EXPECT_TRUE(actions == std::vector<std::string>({"delete", "create"}) ||
              actions == std::vector<std::string>({"create", "delete"}))
      << replace.text;
  EXPECT_THAT(replace.text, HasSubstr("forces replacement"));
  ApplyOk();
  EXPECT_EQ(Consent(kPolaris).status, 404);
  EXPECT_EQ(Consent(kOrchid).status, 200);
  ExpectEmptyPlan("after the replacement");

  // Import into a fresh state with the CLI.
  {
    TerraformRunner& fresh = NewRunner();
    WriteAndInit(fresh, RelationshipBlock(orchid));
    ProcessResult imported = fresh.Run({"import", "-no-color", kAddress, kOrchid});
    ASSERT_EQ(imported.exit_code, 0) << Describe(imported);
    ExpectEmptyPlan(fresh, "after terraform import");
  }
  // ... and with an import block.
  {
    TerraformRunner& fresh = NewRunner();
    WriteAndInit(fresh, RelationshipBlock(orchid) + "\nimport {\n  to = " + kAddress +
                            "\n  id = \"" + kOrchid + "\"\n}\n");
    ProcessResult apply = fresh.Apply();
    ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
    EXPECT_THAT(apply.stdout_text, HasSubstr("1 imported, 0 added, 0 changed, 0 destroyed"));
    ExpectEmptyPlan(fresh, "after an import block");
  }

  // Destroy.
  ProcessResult destroy = tf_.Destroy();
  ASSERT_EQ(destroy.exit_code, 0) << Describe(destroy);
  EXPECT_EQ(Consent(kOrchid).status, 404);
}

TEST_F(OperatorE2ETest, DestroyRefusedWhileNumbersAreAssigned) {
  WriteAndInit(RelationshipBlock({kHarbourline, "\"US\""}));
  ApplyOk();

  const std::string number = "+14255550199";
  const TenantSeed seed(*sim_);
  ASSERT_NO_FATAL_FAILURE(
      seed.Upload(kHarbourline, {{"numberType", "operatorConnect"},
                                 {"isoCountryCode", "US"},
                                 {"capabilities", {"userAssignment"}},
                                 {"numbers", {{{"telephoneNumber", number}}}}})
          .EditNumber(number.substr(1),
                      {{"assignmentTargetId", kCarla}, {"assignmentStatus", "userAssigned"}}));

  ProcessResult refused = tf_.Destroy();
  EXPECT_NE(refused.exit_code, 0) << Describe(refused);
  EXPECT_THAT(Flat(refused.stderr_text + refused.stdout_text), HasSubstr(number))
      << Describe(refused);
  EXPECT_THAT(Flat(refused.stderr_text + refused.stdout_text), HasSubstr("NumbersAssigned"));
  EXPECT_EQ(Consent(kHarbourline).status, 200);
  EXPECT_TRUE(InState(tf_, kAddress)) << "the relationship stays in the state";

  ASSERT_NO_FATAL_FAILURE(seed.EditNumber(
      number.substr(1), {{"assignmentTargetId", nullptr}, {"assignmentStatus", "unassigned"}}));
  ProcessResult destroy = tf_.Destroy();
  ASSERT_EQ(destroy.exit_code, 0) << Describe(destroy);
  EXPECT_EQ(Consent(kHarbourline).status, 404);
}

TEST_F(OperatorE2ETest, WaitForAgreement) {
  // Bluefin signs by itself (auto-advance): the apply waits for it.
  {
    WriteAndInit(RelationshipBlock({kBluefin, "\"GB\", \"IE\"", "L100_U249",
                                    "  wait_for_agreement = true\n"
                                    "  agreement_timeout  = \"2m\"\n"}));
    ApplyOk();
    EXPECT_EQ(StateValues(tf_, kAddress)["relationship_status"], "AgreementSigned");
    ExpectEmptyPlan("after waiting for the agreement");
    ASSERT_EQ(tf_.Destroy().exit_code, 0);
  }
  // Meridian never acts by itself: the wait times out, the consent stays (and in the state).
  {
    TerraformRunner& meridian = NewRunner();
    WriteAndInit(meridian, RelationshipBlock({kMeridian, "\"AU\"", "L100_U249",
                                              "  wait_for_agreement = true\n"
                                              "  agreement_timeout  = \"2s\"\n"}));
    ProcessResult apply = meridian.Apply();
    EXPECT_EQ(apply.exit_code, 1) << Describe(apply);
    EXPECT_THAT(Flat(apply.stderr_text), HasSubstr("has not signed the agreement within 2s"));
    EXPECT_EQ(Consent(kMeridian).status, 200);
    EXPECT_TRUE(InState(meridian, kAddress)) << "the consent exists, so it is in the state";
    ProcessResult destroy = meridian.Destroy();
    ASSERT_EQ(destroy.exit_code, 0) << Describe(destroy);
    EXPECT_EQ(Consent(kMeridian).status, 404);
  }
}

TEST_F(OperatorE2ETest, PlanTimeRulesAndCatalogDataSources) {
  // The notice must be accepted: a validate-time error naming the attribute.
  std::string declined = RelationshipBlock({kPolaris, "\"GB\""});
  declined.replace(declined.find("data_transfer_notice_accepted = true"),
                   std::string("data_transfer_notice_accepted = true").size(),
                   "data_transfer_notice_accepted = false");
  WriteAndInit(declined);
  ProcessResult validate = tf_.Run({"validate", "-no-color"});
  EXPECT_EQ(validate.exit_code, 1) << Describe(validate);
  EXPECT_THAT(Flat(validate.stderr_text), HasSubstr("Data transfer notice not accepted"));
  EXPECT_THAT(Flat(validate.stderr_text), HasSubstr("data_transfer_notice_accepted"));

  // A country the operator does not offer: a plan-time error naming the attribute.
  Rewrite(RelationshipBlock({kPolaris, "\"GB\", \"US\""}));
  ProcessResult plan = DetailedPlan(tf_);
  EXPECT_EQ(plan.exit_code, 1) << Describe(plan);
  EXPECT_THAT(Flat(plan.stderr_text), HasSubstr("does not offer service in US"));
  EXPECT_THAT(Flat(plan.stderr_text), HasSubstr("countries"));

  // The catalog.
  Rewrite(R"(
data "operatorconnect_operators" "uk_calling" {
  country    = "GB"
  offer_type = "calling"
}
data "operatorconnect_operator" "polaris" {
  display_name = "Polaris Connect"
}
output "uk_calling" {
  value = [for op in data.operatorconnect_operators.uk_calling.operators : op.display_name]
}
output "polaris" {
  value = data.operatorconnect_operator.polaris
}
)");
  ProcessResult apply = tf_.Apply();
  ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
  nlohmann::json outputs = tf_.ShowJson()["values"]["outputs"];
  EXPECT_EQ(outputs["uk_calling"]["value"], nlohmann::json({"Bluefin Telecom", "Polaris Connect"}))
      << outputs.dump();
  const nlohmann::json& polaris = outputs["polaris"]["value"];
  EXPECT_EQ(polaris["id"], kPolaris);
  EXPECT_EQ(polaris["countries"], nlohmann::json({"DE", "FR", "GB", "IE", "NL"}));
  EXPECT_EQ(polaris["offerings"][1]["offer_type"], "teamsPhoneMobile") << polaris.dump();

  Rewrite("data \"operatorconnect_operator\" \"x\" {\n  display_name = \"Nobody\"\n}\n");
  ProcessResult missing = DetailedPlan(tf_);
  EXPECT_EQ(missing.exit_code, 1) << Describe(missing);
  EXPECT_THAT(Flat(missing.stderr_text), HasSubstr("No operator in the Operator Connect catalog"));
  EXPECT_THAT(Flat(missing.stderr_text), HasSubstr("\"Polaris Connect\""));
}

}  // namespace
}  // namespace opc::e2e
