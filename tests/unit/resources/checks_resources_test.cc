// The plan-time checks shared by several resources: ISO 3166-1 country codes and ELINs.
#include <string>

#include "absl/strings/match.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "provider/client/emergency_models.h"
#include "provider/client/number_models.h"
#include "provider/client/tenant_client.h"
#include "provider/framework/attribute_path.h"
#include "provider/framework/diagnostics.h"
#include "provider/framework/value.h"
#include "provider/resources/api_field_names.h"
#include "provider/resources/elin.h"
#include "provider/resources/iso_countries.h"
#include "provider/resources/location_country_check.h"
#include "provider/resources/resource_support.h"
#include "tests/unit/client/fakes.h"

namespace opc::resources {
namespace {

using framework::AttributePath;
using framework::Diagnostics;
using framework::Value;
using ::testing::HasSubstr;

Diagnostics Check(const framework::Validator& validator, const std::string& text,
                  const AttributePath& path = AttributePath::Root("country")) {
  Diagnostics diags;
  validator(Value::String(text), path, diags);
  return diags;
}

TEST(IsoCountries, TheTableIsTheOfficiallyAssignedListSortedWithoutDuplicates) {
  EXPECT_EQ(IsoCountryCodeCount(), 249u);
  for (const char* code :
       {"AD", "GB", "US", "JP", "AU", "SS", "BQ", "CW", "SX", "ZW", "AX", "PS"}) {
    EXPECT_TRUE(IsIsoCountryCode(code)) << code;
  }
  // Reserved, user-assigned, withdrawn or just the right shape: not countries.
  for (const char* code : {"JJ", "UK", "EU", "XK", "AA", "ZZ", "QZ", "XA", "AN", "YU", "CS", "TP",
                           "gb", "Gb", "G", "GBR", "", "G1"}) {
    EXPECT_FALSE(IsIsoCountryCode(code)) << code;
  }
}

TEST(IsoCountries, EveryUpperCasePairIsCheckedAgainstTheTableNotTheShape) {
  int accepted = 0;
  for (char a = 'A'; a <= 'Z'; ++a) {
    for (char b = 'A'; b <= 'Z'; ++b) {
      accepted += IsIsoCountryCode(std::string{a, b}) ? 1 : 0;
    }
  }
  EXPECT_EQ(accepted, 249);  // binary search finds every entry, so the table is sorted
}

TEST(IsoCountries, ValidatorNamesTheAttributeAndHintsAtTheFix) {
  Diagnostics jj = Check(IsoCountryCodeValidator(), "JJ");
  ASSERT_EQ(jj.items().size(), 1u);
  EXPECT_EQ(jj.items()[0].summary, "Invalid country code");
  EXPECT_EQ(*jj.items()[0].attribute, AttributePath::Root("country"));
  EXPECT_THAT(jj.items()[0].detail, HasSubstr("Attribute country: \"JJ\" is not an ISO 3166-1"));

  Diagnostics lower = Check(IsoCountryCodeValidator(), "gb");
  ASSERT_EQ(lower.items().size(), 1u);
  EXPECT_THAT(lower.items()[0].detail, HasSubstr("upper case: use \"GB\""));

  Diagnostics uk = Check(IsoCountryCodeValidator(), "UK");
  ASSERT_EQ(uk.items().size(), 1u);
  EXPECT_THAT(uk.items()[0].detail, HasSubstr("The United Kingdom is \"GB\""));

  EXPECT_TRUE(Check(IsoCountryCodeValidator(), "GB").empty());
  EXPECT_TRUE(Check(validators::CountryCode(), "US").empty()) << "every country attribute uses it";
  EXPECT_TRUE(Check(validators::CountryCode(), "JJ").HasError());
}

TEST(IsoCountries, NonStringsAreLeftToTheTypeSystem) {
  Diagnostics diags;
  IsoCountryCodeValidator()(Value::Int(44), AttributePath::Root("country"), diags);
  EXPECT_TRUE(diags.empty());
}

TEST(Elin, DigitsWithAnOptionalPlusAreAccepted) {
  for (const char* elin : {"4255550100", "+14255550100", "1", "123456789012345", "+44207946000"}) {
    EXPECT_FALSE(ElinProblem(elin).has_value()) << elin;
    EXPECT_TRUE(Check(ElinValidator(), elin, AttributePath::Root("elin")).empty()) << elin;
  }
}

TEST(Elin, AnythingElseIsRefusedNamingTheAttribute) {
  for (const char* elin : {"ELIN#42<>!;", "42 55\xc3\xa9<x>", "", "+", "++1", "425-555-0100", "E1",
                           "1234567890123456", "\xd9\xa4\xd9\xa2", "42\n", " 42"}) {
    SCOPED_TRACE(elin);
    Diagnostics diags = Check(ElinValidator(), elin, AttributePath::Root("elin"));
    ASSERT_EQ(diags.items().size(), 1u);
    EXPECT_EQ(diags.items()[0].summary, "Invalid ELIN");
    EXPECT_EQ(*diags.items()[0].attribute, AttributePath::Root("elin"));
    EXPECT_THAT(diags.items()[0].detail, HasSubstr("Attribute elin: "));
  }
  EXPECT_THAT(*ElinProblem("1234567890123456"), HasSubstr("at most 15"));
}

TEST(ApiFieldNames, ServiceFieldsInMessagesAreNamedAsAttributes) {
  NamedMessage named = WithAttributeNames(
      "Field 'countryOrRegion' must be an ISO 3166-1 alpha-2 country code. (BadRequest)");
  EXPECT_THAT(named.message, HasSubstr("Field 'countryOrRegion' must be"));
  EXPECT_THAT(named.message,
              HasSubstr("the service's field countryOrRegion is the attribute `country`"));
  ASSERT_TRUE(named.attribute.has_value());
  EXPECT_EQ(*named.attribute, AttributePath::Root("country"));

  // Whole words only: houseNumberSuffix is not houseNumber; two fields name no single attribute.
  NamedMessage two = WithAttributeNames("houseNumberSuffix and civicAddressId are wrong");
  EXPECT_THAT(two.message, HasSubstr("`house_number_suffix`"));
  EXPECT_THAT(two.message, HasSubstr("`civic_address_id`"));
  EXPECT_THAT(two.message, ::testing::Not(HasSubstr("`house_number`")));
  EXPECT_FALSE(two.attribute.has_value());

  NamedMessage none = WithAttributeNames("Too Many Requests (429)");
  EXPECT_EQ(none.message, "Too Many Requests (429)");
  EXPECT_FALSE(none.attribute.has_value());
}

TEST(ApiFieldNames, ApiErrorsCarryTheAttributeUnlessOneIsGiven) {
  Diagnostics diags;
  AddApiError(diags, "Creating civic address",
              absl::InvalidArgumentError("Field 'countryOrRegion' must be an ISO code."));
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(*diags.items()[0].attribute, AttributePath::Root("country"));
  EXPECT_THAT(diags.items()[0].detail, HasSubstr("attribute `country`"));
  Diagnostics given;
  AddApiError(given, "Assigning", absl::InvalidArgumentError("Field 'locationId' is bad."),
              AttributePath::Root("telephone_number"));
  EXPECT_EQ(*given.items()[0].attribute, AttributePath::Root("telephone_number"));
}

// A tenant with one GB number and places in GB and US, behind the client's fake transport.
class LocationCountryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    transport_->SetHandler([this](const client::HttpRequest& request) { return Handle(request); });
    client::ClientConfig config;
    config.tenant_id = "3a840088-465d-4709-a9d1-2c216f0cf1fa";
    config.client_id = "27f773e2-051f-4a1d-95a2-97a031009885";
    config.client_secret = "unit-test-secret";
    config.endpoint = "http://127.0.0.1:8080";
    config.authority_url = "http://127.0.0.1:8080";
    config.max_retries = 0;
    client::ClientDependencies deps;
    deps.transport = transport_;
    deps.clock = &clock_;
    deps.sleeper = &sleeper_;
    deps.random = &random_;
    auto created = client::TenantClient::Create(config, std::move(deps));
    ASSERT_TRUE(created.ok()) << created.status();
    client_ = *std::move(created);
  }

  Diagnostics Check(const std::string& number, const std::string& location) {
    Diagnostics diags;
    CheckLocationCountry(*client_, number, location, CancellationToken(), diags);
    return diags;
  }
  size_t Writes() const {
    size_t writes = 0;
    for (const auto& request : transport_->requests()) {
      writes += request.method != client::HttpMethod::kGet &&
                        request.url.find("/oauth2/") == std::string::npos
                    ? 1
                    : 0;
    }
    return writes;
  }

  bool serves_emergency_ = true;

 private:
  absl::StatusOr<client::HttpResponse> Handle(const client::HttpRequest& request) {
    using client::testing::GraphErrorResponse;
    using client::testing::JsonResponse;
    const std::string& url = request.url;
    if (url.find("/oauth2/v2.0/token") != std::string::npos) {
      return JsonResponse(200,
                          {{"token_type", "Bearer"}, {"expires_in", 3599}, {"access_token", "t"}});
    }
    if (url.find("/emergencyCalling/") != std::string::npos && !serves_emergency_) {
      return GraphErrorResponse(404, "NotFound", "no such path");
    }
    if (url.find("/civicAddresses/addr-us") != std::string::npos) {
      client::CivicAddress address;
      address.id = "addr-us";
      address.country_or_region = "US";
      address.company_name = "Contoso";
      return JsonResponse(200, nlohmann::json(address));
    }
    if (url.find("/civicAddresses") != std::string::npos) {
      return JsonResponse(200, {{"value", nlohmann::json::array()}});
    }
    for (const auto& [id, country] : {std::pair{"loc-gb", "GB"}, std::pair{"loc-us", ""}}) {
      if (url.find(std::string("/locations/") + id) != std::string::npos) {
        client::EmergencyLocation location;
        location.id = id;
        location.civic_address_id = std::string(id) == "loc-gb" ? "addr-gb" : "addr-us";
        location.description = "Floor 1";
        if (*country != '\0') {
          location.country_or_region = country;  // else only its address knows
        }
        return JsonResponse(200, nlohmann::json(location));
      }
    }
    if (url.find("/locations/") != std::string::npos) {
      return GraphErrorResponse(404, "NotFound", "no such location");
    }
    if (url.find("/numberAssignments") != std::string::npos) {
      client::NumberAssignment number;
      number.id = "n1";
      number.telephone_number = "+442079460001";
      number.number_type = "operatorConnect";
      number.activation_state = "activated";
      number.assignment_status = "unassigned";
      number.iso_country_code = "GB";
      return JsonResponse(200, {{"value", nlohmann::json::array({nlohmann::json(number)})}});
    }
    return GraphErrorResponse(404, "NotFound", "no route " + url);
  }

  std::shared_ptr<client::testing::FakeTransport> transport_ =
      std::make_shared<client::testing::FakeTransport>();
  client::testing::FakeClock clock_;
  client::testing::FakeSleeper sleeper_{clock_};
  client::testing::FixedRandom random_{0.5};
  std::unique_ptr<client::TenantClient> client_;
};

TEST_F(LocationCountryTest, APlaceInTheNumbersCountryPasses) {
  Diagnostics diags = Check("+442079460001", "loc-gb");
  EXPECT_TRUE(diags.empty()) << (diags.empty() ? "" : diags.items()[0].detail);
}

TEST_F(LocationCountryTest, APlaceAbroadIsRefusedAtLocationIdUsingItsAddresssCountry) {
  Diagnostics diags = Check("+442079460001", "loc-us");
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].summary, "Emergency location in another country");
  EXPECT_EQ(*diags.items()[0].attribute, AttributePath::Root("location_id"));
  EXPECT_THAT(diags.items()[0].detail, HasSubstr("is a place in US, but +442079460001 is a GB"));
  EXPECT_EQ(Writes(), 0u) << "the check only reads";
}

TEST_F(LocationCountryTest, AnUnknownPlaceIsRefusedAtLocationId) {
  Diagnostics diags = Check("+442079460001", "7d3a1b0c-0000-4000-8000-000000000000");
  ASSERT_EQ(diags.items().size(), 1u);
  EXPECT_EQ(diags.items()[0].summary, "Emergency location not found");
  EXPECT_EQ(*diags.items()[0].attribute, AttributePath::Root("location_id"));
}

TEST_F(LocationCountryTest, AnEndpointWithoutTheEmergencyApiLeavesItToApply) {
  serves_emergency_ = false;
  EXPECT_TRUE(Check("+442079460001", "loc-us").empty());
}

}  // namespace
}  // namespace opc::resources
