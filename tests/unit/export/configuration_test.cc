// The configuration the export writes for a small tenant: which files, which references,
// how numbers are grouped and split, what is left out so that the plan after import is empty.
#include "provider/export/configuration.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <regex>

#include "provider/export/tenant_snapshot.h"

namespace opc::exporter {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kBluefin[] = "fb450e35-d758-4caa-b81c-c98f93176c14";
constexpr char kPolaris[] = "2a6ce803-132d-40fd-acd8-21593a052a1b";
constexpr char kLondon[] = "11111111-0000-4000-8000-000000000001";
constexpr char kLondonDefault[] = "11111111-0000-4000-8000-0000000000d1";
constexpr char kDublin[] = "22222222-0000-4000-8000-000000000002";
constexpr char kDublinDefault[] = "22222222-0000-4000-8000-0000000000d2";
constexpr char kReception[] = "33333333-0000-4000-8000-000000000003";
constexpr char kFloor2[] = "44444444-0000-4000-8000-000000000004";

client::Consent Relationship(const std::string& id, const std::string& name,
                             std::vector<std::string> countries) {
  client::Consent consent;
  consent.id = id;
  consent.operator_id = id;
  consent.operator_display_name = name;
  consent.status = "active";
  consent.consented_countries = std::move(countries);
  consent.data_transfer_notice_accepted = true;
  consent.contacts = {{"Alice Hughes", "alice@fernleaf.example", "+442079460018",
                       "Fernleaf Outfitters", "L100_U249"}};
  return consent;
}

client::CivicAddress Address(const std::string& id, const std::string& country,
                             const std::string& city, const std::string& default_location) {
  client::CivicAddress address;
  address.id = id;
  address.country_or_region = country;
  address.company_name = "Fernleaf Outfitters";
  address.city = city;
  address.street_name = "High Street";
  address.latitude = "51.5237";
  address.longitude = "-0.1585";
  address.default_location_id = default_location;
  return address;
}

client::EmergencyLocation Place(const std::string& id, const std::string& address,
                                const std::string& description) {
  client::EmergencyLocation place;
  place.id = id;
  place.civic_address_id = address;
  place.description = description;
  return place;
}

client::NumberAssignment Number(const std::string& e164, const std::string& country,
                                const std::string& operator_id,
                                std::optional<std::string> location = std::nullopt) {
  client::NumberAssignment number;
  number.id = e164;
  number.telephone_number = e164;
  number.iso_country_code = country;
  number.operator_id = operator_id;
  number.number_type = "operatorConnect";
  number.activation_state = "activated";
  number.assignment_status = "userAssigned";
  number.assignment_category = "primary";
  number.assignment_target_id = "7e3a0000-0000-4000-8000-000000000001";
  number.location_id = std::move(location);
  return number;
}

TenantSnapshot SmallTenant() {
  TenantSnapshot tenant;
  tenant.relationships = {Relationship(kBluefin, "Bluefin Telecom", {"IE", "GB"}),
                          Relationship(kPolaris, "Polaris Connect", {"GB", "DE"})};
  tenant.addresses = {Address(kLondon, "GB", "London", kLondonDefault),
                      Address(kDublin, "IE", "Dublin", kDublinDefault)};
  tenant.places = {Place(kReception, kLondon, "Reception"), Place(kFloor2, kLondon, "Floor 2")};
  tenant.assigned_numbers = {
      Number("+442079461000", "GB", kBluefin, kReception),
      Number("+442079461001", "GB", kPolaris, kFloor2),
      Number("+442079461002", "GB", kPolaris, kLondonDefault),
      Number("+35315550100", "IE", kBluefin),
  };
  return tenant;
}

RenderOptions Options() {
  RenderOptions options;
  options.provider_source = "localhost/operatorconnect/operatorconnect";
  options.provider_version = "0.1.0";
  return options;
}

const GeneratedFile* FileNamed(const Configuration& configuration, const std::string& name) {
  for (const GeneratedFile& file : configuration.files) {
    if (file.name == name) {
      return &file;
    }
  }
  return nullptr;
}

std::vector<std::string> FileNames(const Configuration& configuration) {
  std::vector<std::string> names;
  for (const GeneratedFile& file : configuration.files) {
    names.push_back(file.name);
  }
  return names;
}

size_t Count(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t pos = text.find(needle); pos != std::string::npos;
       pos = text.find(needle, pos + needle.size())) {
    ++count;
  }
  return count;
}

TEST(ConfigurationTest, WritesOneFilePerConcernAndOneMapPerCountry) {
  Configuration configuration = RenderConfiguration(SmallTenant(), Options());
  EXPECT_THAT(FileNames(configuration),
              ElementsAre("emergency.tf", "numbers_gb.tf", "numbers_ie.tf", "operators.tf",
                          "terraform.tf"));
  EXPECT_EQ(configuration.relationships, 2u);
  EXPECT_EQ(configuration.addresses, 2u);
  EXPECT_EQ(configuration.places, 2u);
  EXPECT_EQ(configuration.assignments, 4u);
  EXPECT_EQ(configuration.maps, 2u);
  for (const GeneratedFile& file : configuration.files) {
    EXPECT_EQ(file.contents.rfind(kGeneratedMarker, 0), 0u) << file.name;
    EXPECT_EQ(file.contents.back(), '\n') << file.name;
    EXPECT_THAT(file.contents, Not(HasSubstr("\n\n\n"))) << file.name;
  }
}

TEST(ConfigurationTest, TheProviderBlockCarriesNoSettings) {
  Configuration configuration = RenderConfiguration(SmallTenant(), Options());
  const std::string& text = FileNamed(configuration, "terraform.tf")->contents;
  EXPECT_THAT(text, HasSubstr("required_version = \">= 1.7.0\""));
  EXPECT_THAT(text, HasSubstr("source  = \"localhost/operatorconnect/operatorconnect\"\n"));
  EXPECT_THAT(text, HasSubstr("version = \">= 0.1.0\"\n"));
  EXPECT_THAT(text, HasSubstr("\nprovider \"operatorconnect\" {}\n"));
}

TEST(ConfigurationTest, TheVersionConstraintTakesOnlyTheVersion) {
  RenderOptions options = Options();
  options.provider_version = "0.2.0 (abc1234)";
  Configuration configuration = RenderConfiguration(SmallTenant(), options);
  EXPECT_THAT(FileNamed(configuration, "terraform.tf")->contents,
              HasSubstr("version = \">= 0.2.0\"\n"));
}

TEST(ConfigurationTest, RelationshipsAreWrittenWithTheirImportAndNoConfigurationOnlyValues) {
  Configuration configuration = RenderConfiguration(SmallTenant(), Options());
  const std::string& text = FileNamed(configuration, "operators.tf")->contents;
  EXPECT_THAT(text, HasSubstr("resource \"operatorconnect_operator_relationship\" "
                              "\"bluefin_telecom\" {\n"
                              "  operator_id                   = \"" +
                              std::string(kBluefin) +
                              "\"\n"
                              "  countries                     = [\"GB\", \"IE\"]\n"
                              "  data_transfer_notice_accepted = true\n"
                              "  contact = {\n"
                              "    full_name        = \"Alice Hughes\"\n"
                              "    email            = \"alice@fernleaf.example\"\n"
                              "    telephone_number = \"+442079460018\"\n"
                              "    company_name     = \"Fernleaf Outfitters\"\n"
                              "    company_size     = \"L100_U249\"\n"
                              "  }\n"
                              "}\n"));
  EXPECT_THAT(text, HasSubstr("import {\n"
                              "  to = operatorconnect_operator_relationship.bluefin_telecom\n"
                              "  id = \"" +
                              std::string(kBluefin) + "\"\n}\n"));
  // Import reads them as their defaults, so writing them could only add a change.
  EXPECT_THAT(text, Not(HasSubstr("wait_for_agreement")));
  EXPECT_THAT(text, Not(HasSubstr("agreement_timeout")));
  EXPECT_THAT(text, Not(HasSubstr("suspended")));
}

TEST(ConfigurationTest, ASuspendedRelationshipSaysSo) {
  TenantSnapshot tenant = SmallTenant();
  tenant.relationships[1].status = "suspended";
  Configuration configuration = RenderConfiguration(tenant, Options());
  EXPECT_EQ(Count(FileNamed(configuration, "operators.tf")->contents, "suspended "), 1u);
}

TEST(ConfigurationTest, ARelationshipWithoutContactIsFlagged) {
  TenantSnapshot tenant = SmallTenant();
  tenant.relationships[0].contacts.clear();
  Configuration configuration = RenderConfiguration(tenant, Options());
  ASSERT_EQ(configuration.warnings.size(), 1u);
  EXPECT_THAT(configuration.warnings[0],
              HasSubstr("operatorconnect_operator_relationship.bluefin_telecom"));
}

TEST(ConfigurationTest, PlacesReferToTheirAddressResource) {
  Configuration configuration = RenderConfiguration(SmallTenant(), Options());
  const std::string& text = FileNamed(configuration, "emergency.tf")->contents;
  EXPECT_THAT(text, HasSubstr("resource \"operatorconnect_emergency_location\" "
                              "\"gb_london_high_street_reception\" {\n"
                              "  civic_address_id = "
                              "operatorconnect_emergency_address.gb_london_high_street.id\n"
                              "  description      = \"Reception\"\n"
                              "}\n"));
  EXPECT_THAT(text, Not(HasSubstr("civic_address_id = \"")));
  EXPECT_THAT(text, HasSubstr("  latitude     = 51.5237\n  longitude    = -0.1585\n"));
  // Every address and place has its import block.
  EXPECT_EQ(Count(text, "import {"), 4u);
  for (const char* id : {kLondon, kDublin, kReception, kFloor2}) {
    EXPECT_THAT(text, HasSubstr("  id = \"" + std::string(id) + "\"\n"));
  }
  // Default locations come with their address.
  EXPECT_THAT(text, Not(HasSubstr(kLondonDefault)));
}

TEST(ConfigurationTest, AssignmentsReferToTheirPlaceAndTheirOperatorsRelationship) {
  Configuration configuration = RenderConfiguration(SmallTenant(), Options());
  const std::string& text = FileNamed(configuration, "numbers_gb.tf")->contents;
  EXPECT_THAT(
      text, HasSubstr("locals {\n"
                      "  numbers_gb = {\n"
                      "    \"+442079461000\" = { target = "
                      "\"7e3a0000-0000-4000-8000-000000000001\", location = "
                      "operatorconnect_emergency_location.gb_london_high_street_reception.id }\n"
                      "    \"+442079461001\" = { target = "
                      "\"7e3a0000-0000-4000-8000-000000000001\", location = "
                      "operatorconnect_emergency_location.gb_london_high_street_floor_2.id }\n"
                      "    \"+442079461002\" = { target = "
                      "\"7e3a0000-0000-4000-8000-000000000001\", location = "
                      "operatorconnect_emergency_address.gb_london_high_street.default_location_id"
                      " }\n"
                      "  }\n"
                      "}\n"));
  EXPECT_THAT(text, HasSubstr("resource \"operatorconnect_phone_number_assignment\" \"gb\" {\n"
                              "  for_each = local.numbers_gb\n"
                              "\n"
                              "  telephone_number     = each.key\n"
                              "  assignment_target_id = each.value.target\n"
                              "  location_id          = each.value.location\n"
                              "\n"
                              "  depends_on = [\n"
                              "    operatorconnect_operator_relationship.bluefin_telecom,\n"
                              "    operatorconnect_operator_relationship.polaris_connect,\n"
                              "  ]\n"
                              "}\n"));
  EXPECT_THAT(text, HasSubstr("import {\n"
                              "  for_each = local.numbers_gb\n"
                              "  to       = operatorconnect_phone_number_assignment.gb[each.key]\n"
                              "  id       = each.key\n"
                              "}\n"));
}

TEST(ConfigurationTest, FieldsOnlySomeNumbersHaveAreLookedUpWithANullDefault) {
  TenantSnapshot tenant = SmallTenant();
  tenant.assigned_numbers[1].location_id.reset();
  tenant.assigned_numbers[2].assignment_category = "private";
  Configuration configuration = RenderConfiguration(tenant, Options());
  const std::string& text = FileNamed(configuration, "numbers_gb.tf")->contents;
  EXPECT_THAT(text, HasSubstr("  location_id          = lookup(each.value, \"location\", null)\n"
                              "  assignment_category  = lookup(each.value, \"category\", null)\n"));
  EXPECT_THAT(text, HasSubstr(", category = \"private\" }"));
  EXPECT_THAT(text, Not(HasSubstr("number_type")));
  // The IE map has no location at all: no location_id line.
  EXPECT_THAT(FileNamed(configuration, "numbers_ie.tf")->contents, Not(HasSubstr("location")));
}

TEST(ConfigurationTest, NoMapIsLargerThanTheMaximumAndGroupsSplitEvenly) {
  TenantSnapshot tenant = SmallTenant();
  tenant.assigned_numbers.clear();
  for (int i = 0; i < 7; ++i) {
    tenant.assigned_numbers.push_back(
        Number("+4420794610" + std::to_string(10 + i), "GB", kBluefin, kReception));
  }
  RenderOptions options = Options();
  options.max_map_size = 3;
  Configuration configuration = RenderConfiguration(tenant, options);
  EXPECT_THAT(FileNames(configuration),
              ElementsAre("emergency.tf", "numbers_gb_1.tf", "numbers_gb_2.tf", "numbers_gb_3.tf",
                          "operators.tf", "terraform.tf"));
  EXPECT_EQ(configuration.maps, 3u);
  size_t total = 0;
  for (const char* name : {"numbers_gb_1.tf", "numbers_gb_2.tf", "numbers_gb_3.tf"}) {
    const std::string& text = FileNamed(configuration, name)->contents;
    size_t entries = Count(text, "\" = { target = ");
    EXPECT_LE(entries, 3u) << name;
    EXPECT_GE(entries, 2u) << name;  // 7 at most 3 a map: 3, 3, 1 would be uneven
    total += entries;
  }
  EXPECT_EQ(total, 7u);
  // Sorted: the first part holds the lowest numbers.
  EXPECT_THAT(FileNamed(configuration, "numbers_gb_1.tf")->contents, HasSubstr("+442079461010"));
  EXPECT_THAT(FileNamed(configuration, "numbers_gb_3.tf")->contents, HasSubstr("+442079461016"));
  EXPECT_THAT(FileNamed(configuration, "numbers_gb_2.tf")->contents,
              HasSubstr("operatorconnect_phone_number_assignment.gb_2[each.key]"));
}

TEST(ConfigurationTest, GroupsByOperator) {
  RenderOptions options = Options();
  options.group_by = GroupBy::kOperator;
  Configuration configuration = RenderConfiguration(SmallTenant(), options);
  EXPECT_THAT(FileNames(configuration),
              ElementsAre("emergency.tf", "numbers_bluefin_telecom.tf",
                          "numbers_polaris_connect.tf", "operators.tf", "terraform.tf"));
  const std::string& polaris = FileNamed(configuration, "numbers_polaris_connect.tf")->contents;
  EXPECT_THAT(
      polaris,
      HasSubstr("  depends_on = [operatorconnect_operator_relationship.polaris_connect]\n"));
  EXPECT_EQ(Count(polaris, "\" = { target = "), 2u);
}

TEST(ConfigurationTest, GroupsBySiteThroughTheNumbersPlace) {
  RenderOptions options = Options();
  options.group_by = GroupBy::kSite;
  Configuration configuration = RenderConfiguration(SmallTenant(), options);
  EXPECT_THAT(FileNames(configuration),
              ElementsAre("emergency.tf", "numbers_gb_london_high_street.tf", "numbers_no_site.tf",
                          "operators.tf", "terraform.tf"));
  EXPECT_EQ(Count(FileNamed(configuration, "numbers_gb_london_high_street.tf")->contents,
                  "\" = { target = "),
            3u);
}

TEST(ConfigurationTest, StringsFromTheTenantAreEscaped) {
  TenantSnapshot tenant = SmallTenant();
  tenant.addresses[0].description = "HQ \"north\" ${wing}\nline 2";
  tenant.places[0].description = "Room 100% \\ %{x}";
  Configuration configuration = RenderConfiguration(tenant, Options());
  const std::string& text = FileNamed(configuration, "emergency.tf")->contents;
  EXPECT_THAT(text, HasSubstr(R"(description  = "HQ \"north\" $${wing}\nline 2")"));
  EXPECT_THAT(text, HasSubstr(R"(description      = "Room 100% \\ %%{x}")"));
  EXPECT_THAT(text, HasSubstr("\"gb_hq_north_wing_line_2\""));
}

TEST(ConfigurationTest, NamesStayUniqueWhenLabelsCollide) {
  TenantSnapshot tenant = SmallTenant();
  tenant.addresses.push_back(Address("11111111-0000-4000-8000-000000000009", "GB", "London", "d9"));
  Configuration configuration = RenderConfiguration(tenant, Options());
  const std::string& text = FileNamed(configuration, "emergency.tf")->contents;
  EXPECT_THAT(text, HasSubstr("\"gb_london_high_street\" {"));
  EXPECT_THAT(text, HasSubstr("\"gb_london_high_street_2\" {"));
}

TEST(ConfigurationTest, TheSameTenantListedInAnotherOrderGivesTheSameBytes) {
  TenantSnapshot tenant = SmallTenant();
  tenant.addresses.push_back(Address("11111111-0000-4000-8000-000000000009", "GB", "London", "d9"));
  Configuration first = RenderConfiguration(ApplyFilter(tenant, {}), Options());
  std::mt19937 random(42);
  std::shuffle(tenant.relationships.begin(), tenant.relationships.end(), random);
  std::shuffle(tenant.addresses.begin(), tenant.addresses.end(), random);
  std::shuffle(tenant.places.begin(), tenant.places.end(), random);
  std::shuffle(tenant.assigned_numbers.begin(), tenant.assigned_numbers.end(), random);
  Configuration second = RenderConfiguration(ApplyFilter(tenant, {}), Options());
  ASSERT_EQ(first.files.size(), second.files.size());
  for (size_t i = 0; i < first.files.size(); ++i) {
    EXPECT_EQ(first.files[i].name, second.files[i].name);
    EXPECT_EQ(first.files[i].contents, second.files[i].contents) << first.files[i].name;
  }
}

TEST(ConfigurationTest, UnassignedNumbersAreOnlyListedInComments) {
  TenantSnapshot tenant = SmallTenant();
  client::NumberAssignment free = Number("+442079469999", "GB", kBluefin);
  free.assignment_status = "unassigned";
  free.assignment_target_id.reset();
  tenant.unassigned_numbers = {free};
  Configuration configuration = RenderConfiguration(tenant, Options());
  const GeneratedFile* file = FileNamed(configuration, "unassigned_numbers.tf");
  ASSERT_NE(file, nullptr);
  EXPECT_THAT(file->contents, HasSubstr("# +442079469999  GB  bluefin_telecom\n"));
  std::regex code_line(R"((^|\n)[^#\n])");
  EXPECT_FALSE(std::regex_search(file->contents, code_line)) << file->contents;
}

TEST(ApplyFilterTest, CountriesKeepRelationshipsServingThemAndTheirAddressesAndNumbers) {
  TenantSnapshot tenant = SmallTenant();
  TenantSnapshot filtered = ApplyFilter(tenant, NormalizeFilter({{"ie"}, {}, false}));
  ASSERT_EQ(filtered.relationships.size(), 1u);
  EXPECT_EQ(filtered.relationships[0].operator_id, kBluefin);
  ASSERT_EQ(filtered.addresses.size(), 1u);
  EXPECT_EQ(filtered.addresses[0].id, kDublin);
  EXPECT_TRUE(filtered.places.empty());
  ASSERT_EQ(filtered.assigned_numbers.size(), 1u);
  EXPECT_EQ(filtered.assigned_numbers[0].telephone_number, "+35315550100");
}

TEST(ApplyFilterTest, OperatorsKeepTheirRelationshipsAndNumbersAndEveryAddress) {
  TenantSnapshot filtered =
      ApplyFilter(SmallTenant(), NormalizeFilter({{}, {"2A6CE803-132D-40FD-ACD8-21593A052A1B"}}));
  ASSERT_EQ(filtered.relationships.size(), 1u);
  EXPECT_EQ(filtered.relationships[0].operator_id, kPolaris);
  EXPECT_EQ(filtered.addresses.size(), 2u);
  EXPECT_EQ(filtered.places.size(), 2u);
  ASSERT_EQ(filtered.assigned_numbers.size(), 2u);
  EXPECT_EQ(filtered.assigned_numbers[0].telephone_number, "+442079461001");
}

TEST(ApplyFilterTest, AssignedOnlyDropsTheUnassignedList) {
  TenantSnapshot tenant = SmallTenant();
  tenant.unassigned_numbers = {Number("+442079469999", "GB", kBluefin)};
  EXPECT_EQ(ApplyFilter(tenant, {}).unassigned_numbers.size(), 1u);
  EXPECT_TRUE(ApplyFilter(tenant, {{}, {}, true}).unassigned_numbers.empty());
}

TEST(IsAssignedNumberTest, NeedsATargetAndAnAssignedStatus) {
  client::NumberAssignment number = Number("+442079461000", "GB", kBluefin);
  EXPECT_TRUE(IsAssignedNumber(number));
  number.assignment_status = "unassigned";
  EXPECT_FALSE(IsAssignedNumber(number));
  number.assignment_status = "userAssigned";
  number.assignment_target_id = "";
  EXPECT_FALSE(IsAssignedNumber(number));
}

}  // namespace
}  // namespace opc::exporter
