// The matching rules that decide whether a create takes over an object an interrupted run
// left behind (provider/resources/adoption.h).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "provider/resources/adoption.h"

namespace opc::resources {
namespace {

using ::testing::HasSubstr;
using ::testing::Optional;

client::CreateCivicAddressRequest WantedAddress() {
  client::CreateCivicAddressRequest wanted;
  wanted.company_name = "Contoso";
  wanted.country_or_region = "US";
  wanted.description = "HQ";
  wanted.street_name = "Main";
  wanted.city = "Redmond";
  wanted.latitude = "47.6396";
  wanted.longitude = "-122.1283";
  return wanted;
}

client::CivicAddress ExistingAddress(std::string id) {
  client::CivicAddress existing;
  existing.id = std::move(id);
  existing.company_name = "Contoso";
  existing.country_or_region = "US";
  existing.description = "HQ";
  existing.street_name = "Main";
  existing.city = "Redmond";
  existing.latitude = "47.639600";
  existing.longitude = "-122.1283";
  existing.postal_code = "";  // empty and unset are the same
  existing.default_location_id = "loc-1";
  return existing;
}

TEST(Adoption, AnAddressIdenticalInEveryFieldMatches) {
  EXPECT_EQ(CivicAddressDifference(ExistingAddress("a"), WantedAddress()), std::nullopt);
}

TEST(Adoption, AnyDifferingAddressFieldIsNamed) {
  client::CivicAddress existing = ExistingAddress("a");
  existing.city = "Seattle";
  EXPECT_THAT(CivicAddressDifference(existing, WantedAddress()), Optional(std::string("city")));
  existing = ExistingAddress("a");
  existing.longitude = "-122.1284";
  EXPECT_THAT(CivicAddressDifference(existing, WantedAddress()),
              Optional(std::string("longitude")));
  existing = ExistingAddress("a");
  existing.elin = "ELIN1";
  EXPECT_THAT(CivicAddressDifference(existing, WantedAddress()), Optional(std::string("elin")));
  existing = ExistingAddress("a");
  existing.country_or_region = "CA";
  EXPECT_THAT(CivicAddressDifference(existing, WantedAddress()), Optional(std::string("country")));
}

TEST(Adoption, AnAddressAlreadyTakenIsNotTakenTwice) {
  std::vector<client::CivicAddress> candidates = {ExistingAddress("a"), ExistingAddress("b")};
  client::CivicAddress differing = ExistingAddress("c");
  differing.description = "Branch";
  candidates.insert(candidates.begin(), differing);
  EXPECT_EQ(FindIdenticalCivicAddress(candidates, WantedAddress(), {})->id, "a");
  EXPECT_EQ(FindIdenticalCivicAddress(candidates, WantedAddress(), {"a"})->id,
            "b");  // ids lower case
  EXPECT_FALSE(FindIdenticalCivicAddress(candidates, WantedAddress(), {"a", "b"}).has_value());
}

TEST(Adoption, ALocationMatchesOnAddressDescriptionAndElin) {
  client::CreateLocationRequest wanted{"addr-1", "Floor 2", "E2"};
  client::EmergencyLocation existing;
  existing.id = "loc-2";
  existing.civic_address_id = "ADDR-1";
  existing.description = "Floor 2";
  existing.elin = "E2";
  EXPECT_EQ(LocationDifference(existing, wanted), std::nullopt);
  existing.elin.reset();
  EXPECT_THAT(LocationDifference(existing, wanted), Optional(std::string("elin")));
  existing.elin = "E2";
  existing.is_default = true;  // an address's own default place is never a configured one
  EXPECT_THAT(LocationDifference(existing, wanted), Optional(std::string("description")));
}

TEST(Adoption, AConsentMatchesOnCountriesAndContact) {
  client::CreateConsentRequest wanted;
  wanted.operator_id = "op";
  wanted.consented_countries = {"US", "GB"};
  wanted.contacts = {{"Ada", "ada@contoso.com", std::nullopt, "Contoso", "L1_U24"}};
  client::Consent existing;
  existing.consented_countries = {"GB", "US"};
  existing.contacts = {{"Ada", "ADA@contoso.com", "", "Contoso", "L1_U24"}};
  EXPECT_EQ(ConsentDifference(existing, wanted), std::nullopt);
  existing.consented_countries = {"GB"};
  EXPECT_THAT(ConsentDifference(existing, wanted), Optional(std::string("countries")));
  existing.consented_countries = {"GB", "US"};
  existing.contacts[0].company_size = "L25_U99";
  EXPECT_THAT(ConsentDifference(existing, wanted), Optional(std::string("contact.company_size")));
}

TEST(Adoption, AnAssignmentMatchesOnTargetCategoryAndType) {
  client::NumberAssignment existing;
  existing.telephone_number = "+14255550100";
  existing.assignment_target_id = "USER-1";
  existing.number_type = "operatorConnect";
  EXPECT_EQ(AssignmentDifference(existing, "user-1", std::nullopt, std::nullopt), std::nullopt);
  EXPECT_EQ(AssignmentDifference(existing, "user-1", "primary", "operatorConnect"), std::nullopt);
  EXPECT_THAT(AssignmentDifference(existing, "user-2", std::nullopt, std::nullopt),
              Optional(std::string("assignment_target_id")));
  EXPECT_THAT(AssignmentDifference(existing, "user-1", "private", std::nullopt),
              Optional(std::string("assignment_category")));
}

TEST(Adoption, TheRefusalNamesTheAttributeAndTheImportCommand) {
  framework::Diagnostics diags;
  AddNotAdoptedError(diags, "a relationship with operator op-1", "contact.email",
                     "operatorconnect_operator_relationship", "op-1");
  ASSERT_TRUE(diags.HasError());
  const auto& error = diags.items().at(0);
  EXPECT_THAT(error.detail, HasSubstr("`contact.email`"));
  EXPECT_THAT(error.detail,
              HasSubstr("terraform import operatorconnect_operator_relationship.<name> \"op-1\""));
  ASSERT_TRUE(error.attribute.has_value());
  EXPECT_EQ(error.attribute->ToString(), "contact.email");
}

}  // namespace
}  // namespace opc::resources
