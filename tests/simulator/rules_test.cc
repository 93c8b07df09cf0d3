// The admin API's pure rules: an operator's number upload and out-of-band edits (drift).

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "absl/status/status.h"
#include "simulator/domain/drift_rules.h"
#include "simulator/domain/upload_rules.h"

namespace opcsim {
namespace {

using nlohmann::json;

Operator Bluefin() {
  Operator op;
  op.id = "fb450e35-d758-4caa-b81c-c98f93176c14";
  op.display_name = "Bluefin";
  return op;
}

Consent ActiveConsent(std::vector<std::string> countries) {
  Consent consent;
  consent.status = "active";
  consent.consented_countries = std::move(countries);
  return consent;
}

TEST(UploadRulesTest, NextNumberIncrementsAndStopsAtTheLastOfItsLength) {
  EXPECT_EQ(NextNumber("+441632960000"), "+441632960001");
  EXPECT_EQ(NextNumber("+441632960099"), "+441632960100");
  EXPECT_EQ(NextNumber("+999"), std::nullopt);
}

TEST(UploadRulesTest, ParsesNumbersAndARangeWithTopLevelDefaults) {
  absl::StatusOr<std::vector<std::pair<std::string, UploadFields>>> upload = ParseUpload(
      json{{"capabilities", {"userAssignment"}},
           {"numbers", {"+441632960010", {{"telephoneNumber", "441632960020"}, {"city", "Leeds"}}}},
           {"range", {{"start", "+441632960030"}, {"count", 2}}}});
  ASSERT_TRUE(upload.ok()) << upload.status();
  ASSERT_EQ(upload->size(), 4u);
  EXPECT_EQ((*upload)[0].first, "+441632960010");
  EXPECT_EQ((*upload)[1].first, "+441632960020");  // normalized with its '+'
  EXPECT_EQ((*upload)[1].second.city, "Leeds");
  EXPECT_EQ((*upload)[0].second.city, std::nullopt);
  EXPECT_EQ((*upload)[3].first, "+441632960031");
  EXPECT_EQ((*upload)[3].second.capabilities, std::vector<std::string>{"userAssignment"});
}

TEST(UploadRulesTest, RefusesBadInputNamingTheField) {
  struct Case {
    json body;
    std::string message_part;
  };
  for (const Case& c : std::vector<Case>{
           {json::object(), "Nothing to upload"},
           {{{"numbers", "x"}}, "'numbers'"},
           {{{"numbers", {"12x"}}}, "'12x' is not a valid E.164"},
           {{{"range", {{"start", "+441632960000"}, {"count", 0}}}}, "'range.count'"},
           {{{"range", {{"start", "+441632960000"}, {"count", kMaxUploadSize + 1}}}},
            "'range.count'"},
           {{{"range", {{"start", "+9999"}, {"count", 2}}}}, "runs past"},
           {{{"numbers", {"+441632960000"}}, {"isoCountryCode", "XX1"}}, "'isoCountryCode'"},
           {{{"numbers", {"+441632960000"}}, {"color", "red"}}, "color"},
       }) {
    absl::StatusOr<std::vector<std::pair<std::string, UploadFields>>> upload = ParseUpload(c.body);
    ASSERT_FALSE(upload.ok()) << c.body.dump();
    EXPECT_EQ(upload.status().code(), absl::StatusCode::kInvalidArgument) << c.body.dump();
    EXPECT_NE(upload.status().message().find(c.message_part), std::string::npos)
        << c.body.dump() << ": " << upload.status().message();
  }
}

TEST(UploadRulesTest, AnOperatorConnectNumberNeedsAnActiveConsentInItsCountry) {
  UploadFields fields;
  fields.capabilities = {"userAssignment"};
  const Operator op = Bluefin();
  const Consent gb = ActiveConsent({"GB"});
  absl::StatusOr<NumberAssignment> number =
      UploadedNumber("t1", op, &gb, "+441632960000", fields, nullptr);
  ASSERT_TRUE(number.ok()) << number.status();
  EXPECT_EQ(number->iso_country_code, "GB");  // from the calling code
  EXPECT_EQ(number->operator_id, op.id);
  EXPECT_EQ(number->tenant_id, "t1");

  EXPECT_EQ(UploadedNumber("t1", op, nullptr, "+441632960000", fields, nullptr).status().code(),
            absl::StatusCode::kFailedPrecondition);
  const Consent us = ActiveConsent({"US"});
  absl::Status other_country =
      UploadedNumber("t1", op, &us, "+441632960000", fields, nullptr).status();
  EXPECT_NE(other_country.message().find("in GB"), std::string::npos) << other_country;
  Consent suspended = gb;
  suspended.status = "suspended";
  absl::Status inactive =
      UploadedNumber("t1", op, &suspended, "+441632960000", fields, nullptr).status();
  EXPECT_NE(inactive.message().find("is suspended"), std::string::npos) << inactive;

  fields.number_type = "directRouting";  // no consent needed
  EXPECT_TRUE(UploadedNumber("t1", op, nullptr, "+441632960000", fields, nullptr).ok());
}

TEST(UploadRulesTest, TheLocationMustExistAndBeInTheNumbersCountry) {
  UploadFields fields;
  fields.capabilities = {"userAssignment"};
  fields.location_id = "loc-1";
  const Consent gb = ActiveConsent({"GB"});
  EXPECT_EQ(UploadedNumber("t1", Bluefin(), &gb, "+441632960000", fields, nullptr).status().code(),
            absl::StatusCode::kInvalidArgument);
  Location location;
  location.id = "loc-1";
  location.civic_address_id = "addr-1";
  location.country_or_region = "IE";
  EXPECT_EQ(
      UploadedNumber("t1", Bluefin(), &gb, "+441632960000", fields, &location).status().code(),
      absl::StatusCode::kInvalidArgument);
  location.country_or_region = "GB";
  absl::StatusOr<NumberAssignment> number =
      UploadedNumber("t1", Bluefin(), &gb, "+441632960000", fields, &location);
  ASSERT_TRUE(number.ok()) << number.status();
  EXPECT_EQ(number->location_id, "loc-1");
  EXPECT_EQ(number->civic_address_id, "addr-1");
}

TEST(UploadRulesTest, CapabilitiesAndACountryAreRequired) {
  UploadFields fields;
  fields.capabilities = {"userAssignment"};
  fields.number_type = "directRouting";
  absl::Status no_country =
      UploadedNumber("t1", Bluefin(), nullptr, "+12025550100", fields, nullptr).status();
  EXPECT_NE(no_country.message().find("'isoCountryCode'"), std::string::npos) << no_country;
  fields.capabilities.clear();
  fields.iso_country_code = "US";
  absl::Status no_capabilities =
      UploadedNumber("t1", Bluefin(), nullptr, "+12025550100", fields, nullptr).status();
  EXPECT_NE(no_capabilities.message().find("'capabilities'"), std::string::npos) << no_capabilities;
}

TEST(DriftRulesTest, ARelationshipThatEndsNeedsAReason) {
  EXPECT_FALSE(ParseRelationship(json{{"status", "ConsentDeclined"}}, 5).ok());
  EXPECT_FALSE(ParseRelationship(json{{"status", "ContractTerminated"}, {"comment", ""}}, 5).ok());
  EXPECT_FALSE(ParseRelationship(json{{"status", "Bogus"}}, 5).ok());
  absl::StatusOr<CustomerRelationship> signed_ =
      ParseRelationship(json{{"status", "AgreementSigned"}}, 5);
  ASSERT_TRUE(signed_.ok()) << signed_.status();
  EXPECT_EQ(signed_->status, "AgreementSigned");
  EXPECT_EQ(signed_->last_modified_ms, 5);
}

TEST(DriftRulesTest, ConsentDriftAppliesTheFieldsGivenAndStopsAutoAdvance) {
  Consent consent = ActiveConsent({"GB"});
  ASSERT_TRUE(ApplyConsentDrift(json{{"status", "suspended"}, {"consentedCountries", {"ie", "GB"}}},
                                7, consent)
                  .ok());
  EXPECT_EQ(consent.status, "suspended");
  EXPECT_EQ(consent.consented_countries, (std::vector<std::string>{"GB", "IE"}));
  EXPECT_TRUE(consent.auto_advance);
  EXPECT_EQ(consent.last_modified_ms, 7);
  ASSERT_TRUE(ApplyConsentDrift(json{{"customerRelationship", {{"status", "CustomerContacted"}}}},
                                8, consent)
                  .ok());
  EXPECT_FALSE(consent.auto_advance);
  ASSERT_TRUE(consent.customer_relationship.has_value());
  ASSERT_TRUE(ApplyConsentDrift(json{{"customerRelationship", nullptr}}, 9, consent).ok());
  EXPECT_FALSE(consent.customer_relationship.has_value());
  EXPECT_FALSE(ApplyConsentDrift(json{{"customerRelationship", 3}}, 9, consent).ok());
  EXPECT_FALSE(ApplyConsentDrift(json{{"tenantId", "x"}}, 9, consent).ok());
}

TEST(DriftRulesTest, NumberDriftTakesTheNewLocationsAddress) {
  NumberAssignment number;
  number.civic_address_id = "old-address";
  auto address_of = [](const std::string& id) -> absl::StatusOr<std::optional<std::string>> {
    if (id == "loc-1") {
      return std::optional<std::string>("addr-1");
    }
    return std::optional<std::string>();
  };
  ASSERT_TRUE(ApplyNumberDrift(json{{"locationId", "loc-1"}, {"assignmentStatus", "userAssigned"}},
                               address_of, number)
                  .ok());
  EXPECT_EQ(number.location_id, "loc-1");
  EXPECT_EQ(number.civic_address_id, "addr-1");
  EXPECT_EQ(number.assignment_status, "userAssigned");
  ASSERT_TRUE(ApplyNumberDrift(json{{"locationId", ""}}, address_of, number).ok());
  EXPECT_EQ(number.location_id, std::nullopt);
  EXPECT_EQ(number.civic_address_id, std::nullopt);
  ASSERT_TRUE(ApplyNumberDrift(json{{"locationId", "loc-1"}, {"civicAddressId", "mine"}},
                               address_of, number)
                  .ok());
  EXPECT_EQ(number.civic_address_id, "mine");
  EXPECT_FALSE(ApplyNumberDrift(json{{"activationState", "sleeping"}}, address_of, number).ok());
  EXPECT_FALSE(ApplyNumberDrift(json{{"telephoneNumber", "+1"}}, address_of, number).ok());
}

TEST(DriftRulesTest, AddressAndLocationDrift) {
  EXPECT_FALSE(CheckAddressDrift(json{{"defaultLocationId", "x"}}).ok());
  EXPECT_FALSE(CheckAddressDrift(json{{"validationStatus", "approved"}}).ok());
  CivicAddress address;
  address.country_or_region = "GB";
  ASSERT_TRUE(
      ApplyAddressDrift(json{{"city", "Leeds"}, {"validationStatus", "valid"}}, 11, address).ok());
  EXPECT_EQ(address.city, "Leeds");
  EXPECT_EQ(address.validation_status, "valid");
  EXPECT_EQ(address.last_modified_ms, 11);

  Location location;
  location.elin = "ELIN1";
  location.description = "Floor 1";
  absl::StatusOr<LocationDrift> clear = ParseLocationDrift(json{{"elin", ""}});
  ASSERT_TRUE(clear.ok());
  ApplyLocationDrift(*clear, location);
  EXPECT_EQ(location.elin, std::nullopt);  // the tenant API cannot clear an ELIN; drift can
  EXPECT_EQ(location.description, "Floor 1");
  EXPECT_FALSE(ParseLocationDrift(json{{"country", "GB"}}).ok());
}

}  // namespace
}  // namespace opcsim
