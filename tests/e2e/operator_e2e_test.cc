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

#include "harness/simulator_process.h"
#include "harness/terraform_runner.h"

namespace opc::e2e {
namespace {

using ::testing::HasSubstr;

constexpr char kConsentsPath[] = "/beta/admin/teams/operatorConnect/consents/";
// Seeded operators (schemas/seed/default.json).
constexpr char kBluefin[] = "fb450e35-d758-4caa-b81c-c98f93176c14";      // auto-advances
constexpr char kHarbourline[] = "586a019d-1ce5-4b1f-a6ee-a2d7e162518e";  // US, CA
constexpr char kMeridian[] = "e5c65ec6-3f0c-476e-9e83-2c160da29ea2";     // AU, JP, SG
constexpr char kOrchid[] = "d81de5bb-572b-4a1a-a604-50d52da00ef9";       // FR, ES, IT, PT
constexpr char kPolaris[] = "2a6ce803-132d-40fd-acd8-21593a052a1b";      // GB DE FR NL IE
constexpr char kCarla[] = "f4e2d592-7f02-4682-af22-009fe843a33b";        // seeded US user
constexpr char kAddress[] = "operatorconnect_operator_relationship.this";

// Terraform wraps diagnostics at 78 columns: compare messages with line breaks as spaces.
std::string Unwrapped(std::string text) {
  std::replace(text.begin(), text.end(), '\n', ' ');
  return text;
}

std::string Describe(const SimulatorProcess::Reply& reply) {
  return "HTTP " + std::to_string(reply.status) + " " + reply.body.dump() + " " + reply.error;
}

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

class OperatorE2ETest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    sim_ = SimulatorProcess::Start({}, &error).release();
    ASSERT_NE(sim_, nullptr) << "cannot start the simulator: " << error;
  }
  static void TearDownTestSuite() {
    delete sim_;
    sim_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(sim_, nullptr); }

  static std::unique_ptr<TerraformRunner> NewRunner() {
    auto tf = std::make_unique<TerraformRunner>();
    for (const auto& [key, value] : sim_->ProviderEnvironment()) {
      tf->SetEnv(key, value);
    }
    return tf;
  }

  static void WriteAndInit(TerraformRunner& tf, const std::string& body) {
    tf.WriteConfig("provider \"operatorconnect\" {}\n\n" + body);
    ProcessResult init = tf.Init();
    ASSERT_EQ(init.exit_code, 0) << Describe(init);
  }

  // A new configuration for a runner that is already initialized.
  static void Rewrite(const TerraformRunner& tf, const std::string& body) {
    tf.WriteConfig("provider \"operatorconnect\" {}\n\n" + body);
  }

  static void ApplyOk(const TerraformRunner& tf) {
    ProcessResult apply = tf.Apply();
    ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
  }

  static ProcessResult DetailedPlan(const TerraformRunner& tf,
                                    std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"plan", "-no-color", "-input=false", "-detailed-exitcode"};
    args.insert(args.end(), extra.begin(), extra.end());
    return tf.Run(args);
  }

  static void ExpectEmptyPlan(const TerraformRunner& tf, const std::string& when) {
    ProcessResult plan = DetailedPlan(tf);
    EXPECT_EQ(plan.exit_code, 0) << "plan not empty " << when << "\n" << Describe(plan);
  }

  // The planned actions for kAddress from a saved plan, and the plan's rendering.
  static std::vector<std::string> PlannedActions(const TerraformRunner& tf, std::string* text) {
    ProcessResult plan = tf.Run({"plan", "-no-color", "-input=false", "-out=p.tfplan"});
    EXPECT_EQ(plan.exit_code, 0) << Describe(plan);
    *text = plan.stdout_text;
    ProcessResult json = tf.Run({"show", "-json", "p.tfplan"});
    nlohmann::json parsed = nlohmann::json::parse(json.stdout_text, nullptr, false);
    if (parsed.is_object() && parsed.contains("resource_changes")) {
      for (const auto& change : parsed["resource_changes"]) {
        if (change.value("address", "") == kAddress) {
          return change["change"]["actions"].get<std::vector<std::string>>();
        }
      }
    }
    return {};
  }

  static nlohmann::json State(const TerraformRunner& tf) {
    nlohmann::json state = tf.ShowJson();
    for (const auto& resource : state["values"]["root_module"]["resources"]) {
      if (resource.value("address", "") == kAddress) {
        return resource["values"];
      }
    }
    return nullptr;
  }

  static SimulatorProcess::Reply Consent(const std::string& operator_id) {
    return sim_->Graph("GET", kConsentsPath + operator_id);
  }

  static SimulatorProcess* sim_;
};

SimulatorProcess* OperatorE2ETest::sim_ = nullptr;

TEST_F(OperatorE2ETest, RelationshipLifecycle) {
  auto tf = NewRunner();
  Relationship polaris{kPolaris, "\"GB\", \"DE\""};
  WriteAndInit(*tf, RelationshipBlock(polaris));

  // Create.
  ApplyOk(*tf);
  SimulatorProcess::Reply consent = Consent(kPolaris);
  ASSERT_EQ(consent.status, 200) << Describe(consent);
  EXPECT_EQ(consent.body["consentedCountries"], nlohmann::json({"DE", "GB"}));
  EXPECT_EQ(consent.body["contacts"][0]["telephoneNumber"], "+442079460018");
  nlohmann::json state = State(*tf);
  EXPECT_EQ(state["relationship_status"], "Pending") << state.dump();
  EXPECT_EQ(state["operator_name"], "Polaris Connect");
  EXPECT_EQ(state["status"], "active");
  ExpectEmptyPlan(*tf, "after create");

  // The operator acts: a computed-only change, still nothing to do.
  SimulatorProcess::Reply acted =
      sim_->AdminTenant("POST", std::string("/consents/") + kPolaris + "/customerRelationship",
                        {{"status", "CustomerContacted"}});
  ASSERT_EQ(acted.status, 200) << Describe(acted);
  ExpectEmptyPlan(*tf, "after the operator acted");
  ASSERT_EQ(tf->Run({"apply", "-refresh-only", "-auto-approve", "-no-color"}).exit_code, 0);
  EXPECT_EQ(State(*tf)["relationship_status"], "CustomerContacted");

  // In-place update: a country and the company size.
  polaris.countries = "\"GB\", \"DE\", \"FR\"";
  polaris.company_size = "L250_U999";
  Rewrite(*tf, RelationshipBlock(polaris));
  std::string text;
  EXPECT_EQ(PlannedActions(*tf, &text), std::vector<std::string>({"update"})) << text;
  ApplyOk(*tf);
  consent = Consent(kPolaris);
  EXPECT_EQ(consent.body["consentedCountries"], nlohmann::json({"DE", "FR", "GB"}));
  EXPECT_EQ(consent.body["contacts"][0]["companySize"], "L250_U999");
  ExpectEmptyPlan(*tf, "after the update");

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
  ProcessResult plan = DetailedPlan(*tf);
  EXPECT_EQ(plan.exit_code, 2) << Describe(plan);
  EXPECT_THAT(plan.stdout_text, HasSubstr("suspended"));
  EXPECT_THAT(plan.stdout_text, HasSubstr("\"FR\""));
  EXPECT_THAT(plan.stdout_text, HasSubstr("Someone Else"));
  ProcessResult refresh_only = DetailedPlan(*tf, {"-refresh-only"});
  EXPECT_THAT(refresh_only.stdout_text, HasSubstr("outside of Terraform"))
      << Describe(refresh_only);
  EXPECT_THAT(refresh_only.stdout_text, HasSubstr("Someone Else"));
  ApplyOk(*tf);
  consent = Consent(kPolaris);
  EXPECT_EQ(consent.body["consentedCountries"], nlohmann::json({"DE", "FR", "GB"}));
  EXPECT_EQ(consent.body["status"], "active");
  EXPECT_EQ(consent.body["contacts"][0]["fullName"], "Alice Hughes");
  ExpectEmptyPlan(*tf, "after converging");

  // Replacement: another operator.
  Relationship orchid{kOrchid, "\"FR\", \"ES\""};
  Rewrite(*tf, RelationshipBlock(orchid));
  std::vector<std::string> actions = PlannedActions(*tf, &text);
  EXPECT_TRUE(actions == std::vector<std::string>({"delete", "create"}) ||
              actions == std::vector<std::string>({"create", "delete"}))
      << text;
  EXPECT_THAT(text, HasSubstr("forces replacement"));
  ApplyOk(*tf);
  EXPECT_EQ(Consent(kPolaris).status, 404);
  EXPECT_EQ(Consent(kOrchid).status, 200);
  ExpectEmptyPlan(*tf, "after the replacement");

  // Import into a fresh state with the CLI.
  {
    auto fresh = NewRunner();
    WriteAndInit(*fresh, RelationshipBlock(orchid));
    ProcessResult imported = fresh->Run({"import", "-no-color", kAddress, kOrchid});
    ASSERT_EQ(imported.exit_code, 0) << Describe(imported);
    ExpectEmptyPlan(*fresh, "after terraform import");
  }
  // ... and with an import block.
  {
    auto fresh = NewRunner();
    WriteAndInit(*fresh, RelationshipBlock(orchid) + "\nimport {\n  to = " + kAddress +
                             "\n  id = \"" + kOrchid + "\"\n}\n");
    ProcessResult apply = fresh->Apply();
    ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
    EXPECT_THAT(apply.stdout_text, HasSubstr("1 imported, 0 added, 0 changed, 0 destroyed"));
    ExpectEmptyPlan(*fresh, "after an import block");
  }

  // Destroy.
  ProcessResult destroy = tf->Destroy();
  ASSERT_EQ(destroy.exit_code, 0) << Describe(destroy);
  EXPECT_EQ(Consent(kOrchid).status, 404);
}

TEST_F(OperatorE2ETest, DestroyRefusedWhileNumbersAreAssigned) {
  auto tf = NewRunner();
  WriteAndInit(*tf, RelationshipBlock({kHarbourline, "\"US\""}));
  ApplyOk(*tf);

  const std::string number = "+14255550199";
  SimulatorProcess::Reply upload =
      sim_->AdminTenant("POST", std::string("/operators/") + kHarbourline + "/numbers",
                        {{"numberType", "operatorConnect"},
                         {"isoCountryCode", "US"},
                         {"capabilities", {"userAssignment"}},
                         {"numbers", {{{"telephoneNumber", number}}}}});
  ASSERT_EQ(upload.status, 201) << Describe(upload);
  SimulatorProcess::Reply assign =
      sim_->AdminTenant("PATCH", "/numbers/" + number.substr(1),
                        {{"assignmentTargetId", kCarla}, {"assignmentStatus", "userAssigned"}});
  ASSERT_EQ(assign.status, 200) << Describe(assign);

  ProcessResult refused = tf->Destroy();
  EXPECT_NE(refused.exit_code, 0) << Describe(refused);
  EXPECT_THAT(Unwrapped(refused.stderr_text + refused.stdout_text), HasSubstr(number))
      << Describe(refused);
  EXPECT_THAT(Unwrapped(refused.stderr_text + refused.stdout_text), HasSubstr("NumbersAssigned"));
  EXPECT_EQ(Consent(kHarbourline).status, 200);
  EXPECT_FALSE(State(*tf).is_null()) << "the relationship stays in the state";

  SimulatorProcess::Reply unassign =
      sim_->AdminTenant("PATCH", "/numbers/" + number.substr(1),
                        {{"assignmentTargetId", nullptr}, {"assignmentStatus", "unassigned"}});
  ASSERT_EQ(unassign.status, 200) << Describe(unassign);
  ProcessResult destroy = tf->Destroy();
  ASSERT_EQ(destroy.exit_code, 0) << Describe(destroy);
  EXPECT_EQ(Consent(kHarbourline).status, 404);
}

TEST_F(OperatorE2ETest, WaitForAgreement) {
  // Bluefin signs by itself (auto-advance): the apply waits for it.
  {
    auto tf = NewRunner();
    WriteAndInit(*tf, RelationshipBlock({kBluefin, "\"GB\", \"IE\"", "L100_U249",
                                         "  wait_for_agreement = true\n"
                                         "  agreement_timeout  = \"2m\"\n"}));
    ApplyOk(*tf);
    EXPECT_EQ(State(*tf)["relationship_status"], "AgreementSigned");
    ExpectEmptyPlan(*tf, "after waiting for the agreement");
    ASSERT_EQ(tf->Destroy().exit_code, 0);
  }
  // Meridian never acts by itself: the wait times out, the consent stays (and in the state).
  {
    auto tf = NewRunner();
    WriteAndInit(*tf, RelationshipBlock({kMeridian, "\"AU\"", "L100_U249",
                                         "  wait_for_agreement = true\n"
                                         "  agreement_timeout  = \"2s\"\n"}));
    ProcessResult apply = tf->Apply();
    EXPECT_EQ(apply.exit_code, 1) << Describe(apply);
    EXPECT_THAT(Unwrapped(apply.stderr_text), HasSubstr("has not signed the agreement within 2s"));
    EXPECT_EQ(Consent(kMeridian).status, 200);
    EXPECT_FALSE(State(*tf).is_null()) << "the consent exists, so it is in the state";
    ProcessResult destroy = tf->Destroy();
    ASSERT_EQ(destroy.exit_code, 0) << Describe(destroy);
    EXPECT_EQ(Consent(kMeridian).status, 404);
  }
}

TEST_F(OperatorE2ETest, PlanTimeRulesAndCatalogDataSources) {
  auto tf = NewRunner();
  // The notice must be accepted: a validate-time error naming the attribute.
  std::string declined = RelationshipBlock({kPolaris, "\"GB\""});
  declined.replace(declined.find("data_transfer_notice_accepted = true"),
                   std::string("data_transfer_notice_accepted = true").size(),
                   "data_transfer_notice_accepted = false");
  WriteAndInit(*tf, declined);
  ProcessResult validate = tf->Run({"validate", "-no-color"});
  EXPECT_EQ(validate.exit_code, 1) << Describe(validate);
  EXPECT_THAT(Unwrapped(validate.stderr_text), HasSubstr("Data transfer notice not accepted"));
  EXPECT_THAT(Unwrapped(validate.stderr_text), HasSubstr("data_transfer_notice_accepted"));

  // A country the operator does not offer: a plan-time error naming the attribute.
  Rewrite(*tf, RelationshipBlock({kPolaris, "\"GB\", \"US\""}));
  ProcessResult plan = DetailedPlan(*tf);
  EXPECT_EQ(plan.exit_code, 1) << Describe(plan);
  EXPECT_THAT(Unwrapped(plan.stderr_text), HasSubstr("does not offer service in US"));
  EXPECT_THAT(Unwrapped(plan.stderr_text), HasSubstr("countries"));

  // The catalog.
  Rewrite(*tf, R"(
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
  ProcessResult apply = tf->Apply();
  ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
  nlohmann::json outputs = tf->ShowJson()["values"]["outputs"];
  EXPECT_EQ(outputs["uk_calling"]["value"], nlohmann::json({"Bluefin Telecom", "Polaris Connect"}))
      << outputs.dump();
  const nlohmann::json& polaris = outputs["polaris"]["value"];
  EXPECT_EQ(polaris["id"], kPolaris);
  EXPECT_EQ(polaris["countries"], nlohmann::json({"DE", "FR", "GB", "IE", "NL"}));
  EXPECT_EQ(polaris["offerings"][1]["offer_type"], "teamsPhoneMobile") << polaris.dump();

  Rewrite(*tf, "data \"operatorconnect_operator\" \"x\" {\n  display_name = \"Nobody\"\n}\n");
  ProcessResult missing = DetailedPlan(*tf);
  EXPECT_EQ(missing.exit_code, 1) << Describe(missing);
  EXPECT_THAT(Unwrapped(missing.stderr_text),
              HasSubstr("No operator in the Operator Connect catalog"));
  EXPECT_THAT(Unwrapped(missing.stderr_text), HasSubstr("\"Polaris Connect\""));
}

}  // namespace
}  // namespace opc::e2e
