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

TEST(Models, RequestBodiesRoundTrip) {
  ExpectRoundTrip<AssignNumberRequest>({{"telephoneNumber", "+1"},
                                        {"assignmentTargetId", "u"},
                                        {"numberType", "callingPlan"},
                                        {"assignmentCategory", "alternate"}});
  ExpectRoundTrip<UnassignNumberRequest>({{"telephoneNumber", "+1"}, {"numberType", "x"}});
  ExpectRoundTrip<UpdateNumberRequest>({{"telephoneNumber", "+1"}, {"networkSiteId", ""}});
  ExpectRoundTrip<CreateConsentRequest>({{"operatorId", "o"},
                                         {"consentedCountries", {"GB"}},
                                         {"contacts", nlohmann::json::array()},
                                         {"dataTransferNoticeAccepted", true}});
  ExpectRoundTrip<CreateCivicAddressRequest>(
      {{"companyName", "c"}, {"countryOrRegion", "AU"}, {"city", "Sydney"}});
  ExpectRoundTrip<CreateLocationRequest>({{"civicAddressId", "a"}, {"description", "d"}});
  ExpectRoundTrip<UpdateLocationRequest>({{"description", "d2"}});
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
