#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "provider/client/emergency_models.h"
#include "provider/client/json_fields.h"
#include "provider/client/long_running_operation.h"
#include "provider/client/number_models.h"
#include "provider/client/operator_models.h"

namespace opc::client {
namespace {

using ::testing::HasSubstr;

// Decodes `j` as T, re-encodes it and expects the same JSON back (nulls included).
template <typename T>
void ExpectRoundTrip(const nlohmann::json& j) {
  absl::StatusOr<T> decoded = DecodeJson<T>(j, "entity");
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(nlohmann::json(*decoded), j);
  absl::StatusOr<T> again = DecodeJson<T>(nlohmann::json(*decoded), "entity");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *decoded);
}

TEST(Models, NumberAssignmentRoundTripWithNulls) {
  ExpectRoundTrip<NumberAssignment>({{"id", "aWQ"},
                                     {"telephoneNumber", "+441632960001"},
                                     {"operatorId", nullptr},
                                     {"numberType", "operatorConnect"},
                                     {"activationState", "activated"},
                                     {"assignmentStatus", "userAssigned"},
                                     {"assignmentCategory", "primary"},
                                     {"assignmentTargetId", "user-1"},
                                     {"capabilities", {"userAssignment", "teamsPhoneMobile"}},
                                     {"supportedCustomerActions", nlohmann::json::array()},
                                     {"reverseNumberLookupOptions", {"skipInternalVoip"}},
                                     {"numberSource", nullptr},
                                     {"portInStatus", nullptr},
                                     {"city", nullptr},
                                     {"isoCountryCode", "GB"},
                                     {"locationId", nullptr},
                                     {"civicAddressId", nullptr},
                                     {"networkSiteId", nullptr}});
}

TEST(Models, NumberAssignmentIgnoresUnknownFieldsAndAbsentMeansNull) {
  absl::StatusOr<NumberAssignment> number =
      DecodeJson<NumberAssignment>({{"id", "x"},
                                    {"telephoneNumber", "+1"},
                                    {"brandNewGraphField", {{"nested", true}}},
                                    {"capabilities", {"UserAssignment"}}},
                                   "numberAssignment");
  ASSERT_TRUE(number.ok()) << number.status();
  EXPECT_EQ(number->operator_id, std::nullopt);
  EXPECT_TRUE(number->supported_customer_actions.empty());
  EXPECT_TRUE(number->HasCapability("userAssignment"));  // case-insensitive
  EXPECT_FALSE(number->SupportsCustomerAction("locationUpdate"));
}

TEST(Models, WrongTypesAreStatusesNotExceptions) {
  absl::StatusOr<NumberAssignment> number =
      DecodeJson<NumberAssignment>({{"id", 42}}, "numberAssignment");
  EXPECT_EQ(number.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(number.status().message()), HasSubstr("field 'id'"));
  EXPECT_FALSE(DecodeJson<Consent>(nlohmann::json::array(), "consent").ok());
  EXPECT_FALSE(DecodeJson<Consent>("text", "consent").ok());
  EXPECT_FALSE(DecodeJson<Consent>({{"contacts", {{{"fullName", 1}}}}}, "consent").ok());
}

TEST(Models, OperatorRoundTrip) {
  ExpectRoundTrip<Operator>({{"id", "op-1"},
                             {"displayName", "Contoso"},
                             {"offerDetailsUrl", nullptr},
                             {"offerings",
                              {{{"offerType", "calling"}, {"countryCodes", {"GB", "US"}}},
                               {{"offerType", "teamsPhoneMobile"}, {"countryCodes", {"GB"}}}}},
                             {"countryCodes", {"GB", "US"}},
                             {"offerTypes", {"calling", "teamsPhoneMobile"}}});
}

TEST(Models, ConsentRoundTripWithAndWithoutRelationship) {
  nlohmann::json consent = {{"id", "op-1"},
                            {"operatorId", "op-1"},
                            {"operatorDisplayName", nullptr},
                            {"status", "active"},
                            {"consentedCountries", {"GB"}},
                            {"contacts",
                             {{{"fullName", "Ada"},
                               {"email", "ada@example.com"},
                               {"telephoneNumber", nullptr},
                               {"companyName", "Example"},
                               {"companySize", "L1_U24"}}}},
                            {"dataTransferNoticeAccepted", true},
                            {"dataTransferNoticeAcceptedDateTime", "2026-11-25T03:04:05Z"},
                            {"consentedDateTime", "2026-11-25T03:04:05Z"},
                            {"lastModifiedDateTime", nullptr},
                            {"customerRelationship", nullptr},
                            {"@odata.etag", "W/\"x\""}};
  ExpectRoundTrip<Consent>(consent);
  consent["customerRelationship"] = {{"status", "ConsentDeclined"},
                                     {"comment", "not in our area"},
                                     {"lastModifiedDateTime", "2026-11-26T00:00:00Z"}};
  ExpectRoundTrip<Consent>(consent);
  absl::StatusOr<Consent> decoded = DecodeJson<Consent>(consent, "consent");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->customer_relationship->comment, "not in our area");
}

TEST(Models, UpdateConsentRequestSendsOnlySetFields) {
  UpdateConsentRequest patch;
  EXPECT_TRUE(patch.empty());
  EXPECT_EQ(nlohmann::json(patch), nlohmann::json::object());
  patch.consented_countries = std::vector<std::string>{"GB", "IE"};
  patch.data_transfer_notice_accepted = true;
  EXPECT_FALSE(patch.empty());
  EXPECT_EQ(nlohmann::json(patch), (nlohmann::json{{"consentedCountries", {"GB", "IE"}},
                                                   {"dataTransferNoticeAccepted", true}}));
}

TEST(Models, CivicAddressRoundTripAndNumericCoordinates) {
  nlohmann::json address = {{"id", "a"},
                            {"companyName", "Example"},
                            {"countryOrRegion", "JP"},
                            {"description", nullptr},
                            {"companyTaxId", nullptr},
                            {"houseNumber", nullptr},
                            {"houseNumberSuffix", nullptr},
                            {"preDirectional", nullptr},
                            {"streetName", nullptr},
                            {"streetSuffix", nullptr},
                            {"postDirectional", nullptr},
                            {"city", "Tokyo"},
                            {"cityAlias", nullptr},
                            {"stateOrProvince", nullptr},
                            {"postalCode", nullptr},
                            {"elin", nullptr},
                            {"latitude", nullptr},
                            {"longitude", nullptr},
                            {"defaultLocationId", "l"},
                            {"validationStatus", "valid"},
                            {"numberOfVoiceUsers", 3},
                            {"numberOfTelephoneNumbers", 4},
                            {"createdDateTime", "2026-11-25T03:04:05Z"},
                            {"lastModifiedDateTime", "2026-11-25T03:04:05Z"},
                            {"@odata.etag", "W/\"e\""}};
  ExpectRoundTrip<CivicAddress>(address);
  address["latitude"] = 47.6396;
  absl::StatusOr<CivicAddress> decoded = DecodeJson<CivicAddress>(address, "civicAddress");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->latitude, "47.6396");
}

TEST(Models, LocationRoundTrip) {
  ExpectRoundTrip<EmergencyLocation>({{"id", "l"},
                                      {"civicAddressId", "a"},
                                      {"description", nullptr},
                                      {"elin", "E1"},
                                      {"isDefault", true},
                                      {"countryOrRegion", "US"},
                                      {"numberOfTelephoneNumbers", 0},
                                      {"@odata.etag", "W/\"l\""}});
}

// The request bodies against the contract (schemas/tenant-api.yaml): every property of each
// body, spelled as the contract spells it, in literal JSON text, and a struct whose every field
// is set in C++. Encoding the struct must give the text and decoding the text the struct, so a
// misspelt key fails even when the encoder and the decoder misspell it alike.
template <typename T>
void ExpectContractBody(const T& value, const char* contract_text) {
  const nlohmann::json expected = nlohmann::json::parse(contract_text);
  EXPECT_EQ(nlohmann::json(value), expected);
  absl::StatusOr<T> decoded = DecodeJson<T>(expected, "body");
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_TRUE(*decoded == value) << nlohmann::json(*decoded).dump();
}

TEST(ContractBodies, AssignUnassignAndUpdateNumber) {
  AssignNumberRequest assign;
  assign.telephone_number = "+441632960001";
  assign.assignment_target_id = "user-1";
  assign.number_type = "operatorConnect";
  assign.assignment_category = "alternate";
  assign.location_id = "loc-1";
  ExpectContractBody(assign, R"({"telephoneNumber": "+441632960001",
                                 "assignmentTargetId": "user-1",
                                 "numberType": "operatorConnect",
                                 "assignmentCategory": "alternate",
                                 "locationId": "loc-1"})");

  UnassignNumberRequest unassign;
  unassign.telephone_number = "+441632960001";
  unassign.number_type = "operatorConnect";
  ExpectContractBody(unassign, R"({"telephoneNumber": "+441632960001",
                                   "numberType": "operatorConnect"})");

  UpdateNumberRequest update;
  update.telephone_number = "+441632960001";
  update.location_id = "loc-2";
  update.network_site_id = "site-1";
  update.reverse_number_lookup_options = std::vector<std::string>{"skipInternalVoip"};
  ExpectContractBody(update, R"({"telephoneNumber": "+441632960001",
                                 "locationId": "loc-2",
                                 "networkSiteId": "site-1",
                                 "reverseNumberLookupOptions": ["skipInternalVoip"]})");
}

Contact FullContact() {
  Contact contact;
  contact.full_name = "Ada Lovelace";
  contact.email = "ada@example.com";
  contact.telephone_number = "+441632960018";
  contact.company_name = "Example";
  contact.company_size = "L1_U24";
  return contact;
}
constexpr char kFullContactText[] = R"({"fullName": "Ada Lovelace",
                                        "email": "ada@example.com",
                                        "telephoneNumber": "+441632960018",
                                        "companyName": "Example",
                                        "companySize": "L1_U24"})";

TEST(ContractBodies, CreateAndUpdateConsent) {
  CreateConsentRequest create;
  create.operator_id = "op-1";
  create.consented_countries = {"GB", "IE"};
  create.contacts = {FullContact()};
  create.data_transfer_notice_accepted = true;
  ExpectContractBody(create, (std::string(R"({"operatorId": "op-1",
                                              "consentedCountries": ["GB", "IE"],
                                              "dataTransferNoticeAccepted": true,
                                              "contacts": [)") +
                              kFullContactText + "]}")
                                 .c_str());

  UpdateConsentRequest update;
  update.consented_countries = std::vector<std::string>{"GB"};
  update.contacts = std::vector<Contact>{FullContact()};
  update.status = "suspended";
  update.data_transfer_notice_accepted = true;
  ExpectContractBody(update, (std::string(R"({"consentedCountries": ["GB"],
                                              "status": "suspended",
                                              "dataTransferNoticeAccepted": true,
                                              "contacts": [)") +
                              kFullContactText + "]}")
                                 .c_str());
}

TEST(ContractBodies, CreateCivicAddressAndLocations) {
  CreateCivicAddressRequest address;
  address.description = "HQ";
  address.company_name = "Example";
  address.company_tax_id = "TAX-1";
  address.house_number = "221";
  address.house_number_suffix = "B";
  address.pre_directional = "N";
  address.street_name = "Baker";
  address.street_suffix = "Street";
  address.post_directional = "W";
  address.city = "London";
  address.city_alias = "Westminster";
  address.state_or_province = "Greater London";
  address.postal_code = "NW1 6XE";
  address.country_or_region = "GB";
  address.latitude = "51.5237";
  address.longitude = "-0.1585";
  address.elin = "ELIN1";
  ExpectContractBody(address, R"({"description": "HQ",
                                  "companyName": "Example",
                                  "companyTaxId": "TAX-1",
                                  "houseNumber": "221",
                                  "houseNumberSuffix": "B",
                                  "preDirectional": "N",
                                  "streetName": "Baker",
                                  "streetSuffix": "Street",
                                  "postDirectional": "W",
                                  "city": "London",
                                  "cityAlias": "Westminster",
                                  "stateOrProvince": "Greater London",
                                  "postalCode": "NW1 6XE",
                                  "countryOrRegion": "GB",
                                  "latitude": "51.5237",
                                  "longitude": "-0.1585",
                                  "elin": "ELIN1"})");

  CreateLocationRequest location;
  location.civic_address_id = "addr-1";
  location.description = "Floor 2";
  location.elin = "ELIN2";
  ExpectContractBody(location, R"({"civicAddressId": "addr-1",
                                   "description": "Floor 2",
                                   "elin": "ELIN2"})");

  UpdateLocationRequest rename;
  rename.description = "Floor 3";
  rename.elin = "ELIN3";
  ExpectContractBody(rename, R"({"description": "Floor 3", "elin": "ELIN3"})");
}

// The PATCH body of an address (encode only: the provider never reads one): every field set,
// or cleared with null.
TEST(ContractBodies, UpdateCivicAddressSetsOrClearsEachField) {
  UpdateCivicAddressRequest set;
  set.description = FieldUpdate<std::string>("HQ");
  set.company_name = FieldUpdate<std::string>("Example");
  set.company_tax_id = FieldUpdate<std::string>("TAX-1");
  set.house_number = FieldUpdate<std::string>("221");
  set.house_number_suffix = FieldUpdate<std::string>("B");
  set.pre_directional = FieldUpdate<std::string>("N");
  set.street_name = FieldUpdate<std::string>("Baker");
  set.street_suffix = FieldUpdate<std::string>("Street");
  set.post_directional = FieldUpdate<std::string>("W");
  set.city = FieldUpdate<std::string>("London");
  set.city_alias = FieldUpdate<std::string>("Westminster");
  set.state_or_province = FieldUpdate<std::string>("Greater London");
  set.postal_code = FieldUpdate<std::string>("NW1 6XE");
  set.country_or_region = FieldUpdate<std::string>("GB");
  set.latitude = FieldUpdate<std::string>("51.5237");
  set.longitude = FieldUpdate<std::string>("-0.1585");
  set.elin = FieldUpdate<std::string>("ELIN1");
  EXPECT_EQ(nlohmann::json(set), nlohmann::json::parse(R"({"description": "HQ",
                                                           "companyName": "Example",
                                                           "companyTaxId": "TAX-1",
                                                           "houseNumber": "221",
                                                           "houseNumberSuffix": "B",
                                                           "preDirectional": "N",
                                                           "streetName": "Baker",
                                                           "streetSuffix": "Street",
                                                           "postDirectional": "W",
                                                           "city": "London",
                                                           "cityAlias": "Westminster",
                                                           "stateOrProvince": "Greater London",
                                                           "postalCode": "NW1 6XE",
                                                           "countryOrRegion": "GB",
                                                           "latitude": "51.5237",
                                                           "longitude": "-0.1585",
                                                           "elin": "ELIN1"})"));
  UpdateCivicAddressRequest cleared;
  cleared.street_suffix = FieldUpdate<std::string>::Clear();
  cleared.latitude = FieldUpdate<std::string>::Clear();
  EXPECT_EQ(nlohmann::json(cleared),
            nlohmann::json::parse(R"({"streetSuffix": null, "latitude": null})"));
}

TEST(Models, OperationRoundTrip) {
  ExpectRoundTrip<LongRunningOperation>({{"id", "op"},
                                         {"createdDateTime", "2026-11-25T03:04:05Z"},
                                         {"status", "failed"},
                                         {"numbers",
                                          {{{"resourceLocation", "https://x/numberAssignments/a"},
                                            {"status", "failed"},
                                            {"statusDetail", "why"}}}}});
}

TEST(FieldUpdate, ThreeStates) {
  nlohmann::json j = nlohmann::json::object();
  FieldUpdate<std::string>().WriteTo(j, "keep");
  FieldUpdate<std::string>::Clear().WriteTo(j, "clear");
  FieldUpdate<std::string>("v").WriteTo(j, "set");
  EXPECT_EQ(j, (nlohmann::json{{"clear", nullptr}, {"set", "v"}}));
  EXPECT_TRUE(FieldUpdate<std::string>().is_unchanged());
  EXPECT_TRUE(FieldUpdate<std::string>::Clear().is_clear());
  EXPECT_EQ(FieldUpdate<std::string>("v").value(), "v");
}

}  // namespace
}  // namespace opc::client
