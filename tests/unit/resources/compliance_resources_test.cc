// Emergency compliance (the assessment, the data source's state) and the plan-time refusal of
// unsafe removals (the removal ledger and the two resources that record in it).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "provider/resources/emergency_compliance.h"
#include "provider/resources/emergency_compliance_data_source.h"
#include "provider/resources/operator_relationship_resource.h"
#include "provider/resources/phone_number_assignment_resource.h"
#include "provider/resources/provider_context.h"
#include "provider/resources/removal_ledger.h"

namespace opc::resources {
namespace {

using framework::Value;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

constexpr char kPolaris[] = "2a6ce803-132d-40fd-acd8-21593a052a1b";
constexpr char kOrchid[] = "d81de5bb-572b-4a1a-a604-50d52da00ef9";

client::NumberAssignment Number(std::string number, std::string country,
                                std::optional<std::string> location, std::string op = kPolaris,
                                bool assigned = true) {
  client::NumberAssignment n;
  n.id = number;
  n.telephone_number = number;
  n.iso_country_code = country;
  n.operator_id = op;
  n.number_type = "operatorConnect";
  n.assignment_status = assigned ? "userAssigned" : "unassigned";
  if (assigned) {
    n.assignment_target_id = "a0e118f7-4ff5-40de-86ed-6d26030fd1b8";
  }
  n.location_id = location;
  return n;
}

client::CivicAddress Address(std::string id, std::string country) {
  client::CivicAddress a;
  a.id = id;
  a.country_or_region = country;
  a.description = "office " + id;
  return a;
}

client::EmergencyLocation Location(std::string id, std::string address,
                                   std::optional<std::string> country) {
  client::EmergencyLocation l;
  l.id = id;
  l.civic_address_id = address;
  l.country_or_region = country;
  return l;
}

client::Consent Consent(std::string op, std::vector<std::string> countries) {
  client::Consent c;
  c.id = op;
  c.operator_id = op;
  c.consented_countries = std::move(countries);
  return c;
}

// A tenant with every kind of gap:
//  +44..01 GB at a GB location (fine); +44..02 GB without location; +44..03 GB at the FR
//  location (foreign); +34..01 ES with no ES address (and no location); an unassigned number
//  without location (ignored); consents GB+IE (Polaris) and FR+PT (Orchid); addresses
//  GB (used), FR (used by the foreign number), DE (unused).
struct GappyTenant {
  std::vector<client::NumberAssignment> numbers = {
      Number("+442079460001", "GB", "loc-gb"),
      Number("+442079460002", "GB", std::nullopt),
      Number("+442079460003", "GB", "loc-fr"),
      Number("+34911234501", "ES", std::nullopt, kOrchid),
      Number("+442079460099", "GB", std::nullopt, kPolaris, /*assigned=*/false),
  };
  std::vector<client::Consent> consents = {Consent(kPolaris, {"GB", "IE"}),
                                           Consent(kOrchid, {"FR", "PT"})};
  std::vector<client::CivicAddress> addresses = {Address("addr-gb", "GB"), Address("addr-fr", "FR"),
                                                 Address("addr-de", "DE")};
  std::vector<client::EmergencyLocation> locations = {Location("loc-gb", "addr-gb", "GB"),
                                                      Location("loc-fr", "addr-fr", std::nullopt),
                                                      Location("loc-de", "addr-de", "DE")};
  ComplianceReport Assess(ComplianceScope scope = {}) const {
    return AssessCompliance(scope, numbers, consents, addresses, locations);
  }
};

TEST(AssessCompliance, FindsEveryKindOfGap) {
  ComplianceReport report = GappyTenant().Assess();
  EXPECT_EQ(report.assigned_numbers, 4);
  EXPECT_THAT(report.numbers_without_location, ElementsAre("+34911234501", "+442079460002"));
  // loc-fr has no country of its own: its address's country counts.
  EXPECT_THAT(report.numbers_with_foreign_location,
              ElementsAre(ForeignLocation{"+442079460003", "GB", "loc-fr", "FR"}));
  EXPECT_THAT(report.countries_without_address, ElementsAre("ES"));
  EXPECT_THAT(report.consented_countries_without_address, ElementsAre("IE", "PT"));
  ASSERT_EQ(report.unused_addresses.size(), 1u);
  EXPECT_EQ(report.unused_addresses[0].id, "addr-de");
  EXPECT_FALSE(report.compliant());
  const std::string summary = report.Summary();
  EXPECT_THAT(summary, HasSubstr("2 assigned number(s) without an emergency location: "
                                 "+34911234501, +442079460002"));
  EXPECT_THAT(summary, HasSubstr("+442079460003 (GB) -> FR"));
  EXPECT_THAT(summary, HasSubstr("no emergency address in: ES"));
  EXPECT_THAT(summary, HasSubstr("consented countries without an emergency address: IE, PT"));
  EXPECT_THAT(summary, HasSubstr("1 emergency address(es) no number uses: addr-de"));
}

TEST(AssessCompliance, ScopesByCountryAndOperator) {
  GappyTenant tenant;
  ComplianceReport gb = tenant.Assess({.country = "GB", .operator_id = std::nullopt});
  EXPECT_EQ(gb.assigned_numbers, 3);
  EXPECT_THAT(gb.numbers_without_location, ElementsAre("+442079460002"));
  EXPECT_THAT(gb.countries_without_address, IsEmpty());
  EXPECT_THAT(gb.consented_countries_without_address, IsEmpty());
  EXPECT_THAT(gb.unused_addresses, IsEmpty());  // only GB addresses are looked at

  // Operator scope: Orchid's number and consent only; the operator id's case does not matter.
  ComplianceReport orchid = tenant.Assess(
      {.country = std::nullopt, .operator_id = "D81DE5BB-572B-4A1A-A604-50D52DA00EF9"});
  EXPECT_EQ(orchid.assigned_numbers, 1);
  EXPECT_THAT(orchid.numbers_without_location, ElementsAre("+34911234501"));
  EXPECT_THAT(orchid.numbers_with_foreign_location, IsEmpty());
  EXPECT_THAT(orchid.consented_countries_without_address, ElementsAre("PT"));
  // Addresses are not an operator's: FR is used by a Polaris number, so it is not unused.
  ASSERT_EQ(orchid.unused_addresses.size(), 1u);
  EXPECT_EQ(orchid.unused_addresses[0].id, "addr-de");
}

TEST(AssessCompliance, ACompliantTenant) {
  GappyTenant tenant;
  tenant.numbers = {Number("+442079460001", "GB", "loc-gb"),
                    Number("+33142685301", "FR", "LOC-FR", kOrchid)};  // ids in any case
  tenant.consents = {Consent(kPolaris, {"GB"}), Consent(kOrchid, {"FR"})};
  tenant.addresses.pop_back();  // DE
  ComplianceReport report = tenant.Assess();
  EXPECT_TRUE(report.compliant()) << report.Summary();
  EXPECT_EQ(report.assigned_numbers, 2);
  EXPECT_EQ(report.Summary(), "");
}

TEST(AssessCompliance, ALocationTheTenantNoLongerHasCountsAsMissing) {
  GappyTenant tenant;
  tenant.numbers = {Number("+442079460001", "GB", "loc-deleted")};
  EXPECT_THAT(tenant.Assess().numbers_without_location, ElementsAre("+442079460001"));
}

TEST(EmergencyComplianceDataSource, StateCarriesListsCountsAndCompliant) {
  EmergencyComplianceDataSource data_source;
  framework::Schema schema = data_source.GetSchema();
  Value config = Value::Object(schema.ImpliedType(), {{"country", Value::String("GB")}});
  EXPECT_EQ(ComplianceScopeFromConfig(config).country, "GB");
  EXPECT_EQ(ComplianceScopeFromConfig(config).operator_id, std::nullopt);

  ComplianceReport report = GappyTenant().Assess();
  Value state = ComplianceState(schema, config, report);
  EXPECT_EQ(state.GetAttr("country"), Value::String("GB"));
  EXPECT_EQ(state.GetAttr("compliant"), Value::Bool(false));
  EXPECT_EQ(state.GetAttr("assigned_number_count"), Value::Int(4));
  EXPECT_EQ(state.GetAttr("numbers_without_location_count"), Value::Int(2));
  EXPECT_EQ(state.GetAttr("numbers_with_foreign_location_count"), Value::Int(1));
  EXPECT_EQ(state.GetAttr("countries_without_address_count"), Value::Int(1));
  EXPECT_EQ(state.GetAttr("consented_countries_without_address_count"), Value::Int(2));
  EXPECT_EQ(state.GetAttr("unused_addresses_count"), Value::Int(1));
  const Value& foreign = state.GetAttr("numbers_with_foreign_location");
  ASSERT_EQ(foreign.Elements().size(), 1u);
  EXPECT_EQ(foreign.Elements()[0].GetAttr("location_country"), Value::String("FR"));
  EXPECT_EQ(state.GetAttr("unused_addresses").Elements()[0].GetAttr("description"),
            Value::String("office addr-de"));
  EXPECT_TRUE(state.IsWhollyKnown());
}

// --- Safe removal ---------------------------------------------------------------------------

TEST(RemovalLedger, WhicheverIsPlannedSecondSeesTheConflict) {
  {  // Relationship first, then the kept number.
    RemovalLedger ledger;
    EXPECT_THAT(ledger.RecordRemoval(kPolaris, {"IE"}), IsEmpty());
    EXPECT_TRUE(ledger.RecordKept({"+35312345678", kPolaris, "IE"}));
    EXPECT_FALSE(ledger.RecordKept({"+442079460001", kPolaris, "GB"}));  // still covered
    EXPECT_FALSE(ledger.RecordKept({"+35312345679", kOrchid, "IE"}));    // other operator
  }
  {  // Kept numbers first; the relationship gets them all, sorted; case does not matter.
    RemovalLedger ledger;
    EXPECT_FALSE(ledger.RecordKept({"+35312345679", kPolaris, "ie"}));
    EXPECT_FALSE(ledger.RecordKept({"+35312345678", kPolaris, "IE"}));
    EXPECT_FALSE(ledger.RecordKept({"+442079460001", kPolaris, "GB"}));
    std::vector<RemovalLedger::KeptNumber> lost =
        ledger.RecordRemoval("2A6CE803-132D-40FD-ACD8-21593A052A1B", {"IE", "DE"});
    ASSERT_EQ(lost.size(), 2u);
    EXPECT_EQ(lost[0].telephone_number, "+35312345678");
    EXPECT_EQ(lost[1].telephone_number, "+35312345679");
  }
}

class SafeRemovalTest : public ::testing::Test {
 protected:
  SafeRemovalTest() {
    auto context = std::make_shared<ProviderContext>();
    ledger_ = context->removal_ledger.get();
    framework::ProviderData data = std::shared_ptr<const ProviderContext>(context);
    framework::Diagnostics diags;
    relationship_.Configure(data, diags);
    assignment_.Configure(data, diags);
  }

  Value Relationship(std::vector<std::string> countries) const {
    std::vector<Value> items;
    for (const std::string& c : countries) {
      items.push_back(Value::String(c));
    }
    return Value::Object(relationship_.GetSchema().ImpliedType(),
                         {{"id", Value::String(kPolaris)},
                          {"operator_id", Value::String(kPolaris)},
                          {"operator_name", Value::String("Polaris Connect")},
                          {"countries", Value::Set(framework::Type::String(), items)}});
  }
  Value Assignment(const std::string& number, const std::string& country) const {
    return Value::Object(assignment_.GetSchema().ImpliedType(),
                         {{"id", Value::String(number)},
                          {"telephone_number", Value::String(number)},
                          {"operator_id", Value::String(kPolaris)},
                          {"country", Value::String(country)}});
  }
  framework::Diagnostics PlanRelationship(const Value& prior, const Value& planned) {
    framework::ModifyPlanResponse resp;
    resp.planned = planned;
    relationship_.ModifyPlan({planned, prior, planned, CancellationToken()}, resp);
    return resp.diagnostics;
  }
  framework::Diagnostics DestroyRelationship(const Value& prior) {
    framework::PlanDestroyResponse resp;
    relationship_.PlanDestroy({prior}, resp);
    return resp.diagnostics;
  }
  framework::Diagnostics KeepAssignment(const Value& prior) {
    framework::ModifyPlanResponse resp;
    resp.planned = prior;
    assignment_.ModifyPlan({prior, prior, prior, CancellationToken()}, resp);
    return resp.diagnostics;
  }

  OperatorRelationshipResource relationship_;
  PhoneNumberAssignmentResource assignment_;
  RemovalLedger* ledger_ = nullptr;
};

TEST_F(SafeRemovalTest, RemovingACountryAfterTheKeptNumbersWerePlannedListsThem) {
  EXPECT_TRUE(KeepAssignment(Assignment("+35312345678", "IE")).empty());
  EXPECT_TRUE(KeepAssignment(Assignment("+442079460001", "GB")).empty());
  framework::Diagnostics diags = PlanRelationship(Relationship({"GB", "IE"}), Relationship({"GB"}));
  ASSERT_TRUE(diags.HasError());
  EXPECT_EQ(diags.items()[0].attribute->ToString(), "countries");
  EXPECT_THAT(diags.items()[0].detail, HasSubstr("removes IE from the relationship with operator "
                                                 "\"Polaris Connect\""));
  EXPECT_THAT(diags.items()[0].detail, HasSubstr("+35312345678 (IE)"));
  EXPECT_THAT(diags.items()[0].detail, ::testing::Not(HasSubstr("+442079460001")));
}

TEST_F(SafeRemovalTest, AKeptNumberPlannedAfterTheRemovalIsRefused) {
  EXPECT_TRUE(PlanRelationship(Relationship({"GB", "IE"}), Relationship({"GB"})).empty());
  framework::Diagnostics diags = KeepAssignment(Assignment("+35312345678", "IE"));
  ASSERT_TRUE(diags.HasError());
  EXPECT_EQ(diags.items()[0].attribute->ToString(), "telephone_number");
  EXPECT_THAT(diags.items()[0].detail, HasSubstr("removes IE"));
  EXPECT_THAT(diags.items()[0].detail, HasSubstr("keeps +35312345678 (IE"));
  EXPECT_TRUE(KeepAssignment(Assignment("+442079460001", "GB")).empty());
}

TEST_F(SafeRemovalTest, DestroyingTheRelationshipCoversEveryCountry) {
  EXPECT_TRUE(KeepAssignment(Assignment("+442079460001", "GB")).empty());
  framework::Diagnostics diags = DestroyRelationship(Relationship({"GB", "IE"}));
  ASSERT_TRUE(diags.HasError());
  EXPECT_FALSE(diags.items()[0].attribute.has_value());
  EXPECT_THAT(diags.items()[0].detail,
              HasSubstr("removes the relationship with operator \"Polaris Connect\""));
  EXPECT_THAT(diags.items()[0].detail, HasSubstr("+442079460001 (GB)"));
}

TEST_F(SafeRemovalTest, APlannedCountryUnknownUntilApplyRemovesNothingYet) {
  EXPECT_TRUE(KeepAssignment(Assignment("+35312345678", "IE")).empty());
  // {GB, (known after apply)}: the unknown one may be IE, so nothing is recorded as removed.
  const Value planned = Relationship({"GB"}).WithAttr(
      "countries", Value::Set(framework::Type::String(),
                              {Value::String("GB"), Value::Unknown(framework::Type::String())}));
  EXPECT_TRUE(PlanRelationship(Relationship({"GB", "IE"}), planned).empty());
  EXPECT_TRUE(KeepAssignment(Assignment("+35312345678", "IE")).empty());
}

TEST_F(SafeRemovalTest, AddingCountriesOrDestroyingAssignmentsIsFine) {
  // Only numbers the plan keeps are recorded: a destroyed assignment plans no ModifyPlan.
  EXPECT_TRUE(PlanRelationship(Relationship({"GB"}), Relationship({"GB", "IE"})).empty());
  EXPECT_TRUE(KeepAssignment(Assignment("+35312345678", "IE")).empty());
  EXPECT_TRUE(DestroyRelationship(Relationship({"DE"})).empty());
}

}  // namespace
}  // namespace opc::resources
