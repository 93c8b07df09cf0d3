// Civic addresses and locations with the LIS cmdlets' rules.

#include "tests/simulator/sim_test_support.h"

namespace opcsim::testing {
namespace {

class EmergencyTest : public SimTest {
 protected:
  std::string AddressPath(const nlohmann::json& address) {
    return std::string(kAddressesPath) + "/" + address["id"].get<std::string>();
  }
  std::string LocationPath(const std::string& id) { return std::string(kLocationsPath) + "/" + id; }
  nlohmann::json CreateLocation(const nlohmann::json& address, const std::string& description) {
    Reply reply = client_->Post(kLocationsPath,
                                {{"civicAddressId", address["id"]}, {"description", description}});
    EXPECT_EQ(reply.status, 201) << reply.body.dump();
    return reply.body;
  }
  // Puts a GB number (with locationUpdate) on `location_id`.
  void UseLocation(const std::string& location_id) {
    Consent(kBluefin, {"GB"});
    ASSERT_EQ(Upload(kBluefin, {{"capabilities", {"userAssignment"}},
                                {"supportedCustomerActions", {"locationUpdate"}},
                                {"numbers", {"+441632960001"}}})
                  .status,
              201);
    ASSERT_EQ(client_
                  ->Post(std::string(kNumbersPath) + "/updateNumber",
                         {{"telephoneNumber", "+441632960001"}, {"locationId", location_id}})
                  .status,
              200);
  }
};

TEST_F(EmergencyTest, CreatingAnAddressCreatesItsDefaultLocation) {
  nlohmann::json address = CreateAddress("gb");
  EXPECT_EQ(address["countryOrRegion"], "GB");
  EXPECT_EQ(address["companyName"], "Fernleaf Outfitters");
  EXPECT_EQ(address["latitude"], "51.5072");
  EXPECT_EQ(address["validationStatus"], "notValidated");
  EXPECT_EQ(address["numberOfTelephoneNumbers"], 0);
  EXPECT_TRUE(address["streetSuffix"].is_null());
  ASSERT_TRUE(address["defaultLocationId"].is_string());

  Reply location = client_->Get(LocationPath(address["defaultLocationId"]));
  ASSERT_EQ(location.status, 200);
  EXPECT_TRUE(location.body["isDefault"]);
  EXPECT_EQ(location.body["civicAddressId"], address["id"]);
  EXPECT_EQ(location.body["countryOrRegion"], "GB");

  Reply read = client_->Get(AddressPath(address));
  EXPECT_EQ(read.status, 200);
  EXPECT_EQ(read.body, address);
  Reply by_country =
      client_->Get(std::string(kAddressesPath) + "?$filter=" + Q("countryOrRegion eq 'GB'"));
  EXPECT_EQ(by_country.body["value"].size(), 1u);
  EXPECT_TRUE(client_->Get(std::string(kAddressesPath) + "?$filter=" + Q("countryOrRegion eq 'US'"))
                  .body["value"]
                  .empty());
}

TEST_F(EmergencyTest, GeocodeRequiredExceptInAustraliaAndJapan) {
  nlohmann::json body = {
      {"companyName", "Fernleaf"}, {"countryOrRegion", "DE"}, {"city", "Berlin"}};
  Reply missing = client_->Post(kAddressesPath, body);
  EXPECT_EQ(missing.status, 400);
  EXPECT_NE(missing.body["error"]["message"].get<std::string>().find("latitude"),
            std::string::npos);
  body["latitude"] = 52.52;  // a number is accepted too; longitude still missing
  EXPECT_EQ(client_->Post(kAddressesPath, body).status, 400);
  body["longitude"] = "13.405";
  Reply ok = client_->Post(kAddressesPath, body);
  EXPECT_EQ(ok.status, 201);
  EXPECT_EQ(ok.body["latitude"], "52.52");
  body["latitude"] = "95";
  EXPECT_EQ(client_->Post(kAddressesPath, body).status, 400);

  for (const char* country : {"AU", "JP"}) {
    Reply reply =
        client_->Post(kAddressesPath, {{"companyName", "Fernleaf"}, {"countryOrRegion", country}});
    EXPECT_EQ(reply.status, 201) << country;
  }
  EXPECT_EQ(client_->Post(kAddressesPath, {{"countryOrRegion", "AU"}}).status, 400);
  EXPECT_EQ(client_->Post(kAddressesPath, {{"companyName", "X"}}).status, 400);
  EXPECT_EQ(client_->Post(kAddressesPath, {{"companyName", "X"}, {"countryOrRegion", "ZZ"}}).status,
            400);
  EXPECT_EQ(
      client_
          ->Post(kAddressesPath,
                 {{"companyName", "X"}, {"countryOrRegion", "AU"}, {"defaultLocationId", "x"}})
          .status,
      400);
}

TEST_F(EmergencyTest, EditsOnlyInTheDocumentedCountries) {
  nlohmann::json us = CreateAddress("US");
  Reply edited = client_->Patch(AddressPath(us), {{"streetName", "Main Street"}, {"elin", "E1"}},
                                {{"If-Match", us["@odata.etag"]}});
  ASSERT_EQ(edited.status, 200) << edited.body.dump();
  EXPECT_EQ(edited.body["streetName"], "Main Street");
  EXPECT_NE(edited.Header("ETag"), us["@odata.etag"]);
  Reply stale =
      client_->Patch(AddressPath(us), {{"city", "Elsewhere"}}, {{"If-Match", us["@odata.etag"]}});
  EXPECT_EQ(stale.status, 412);

  Reply country = client_->Patch(AddressPath(us), {{"countryOrRegion", "CA"}});
  EXPECT_EQ(country.status, 409);
  EXPECT_EQ(country.ErrorCode(), "AddressEditNotSupported");
  Reply no_geocode = client_->Patch(AddressPath(us), {{"latitude", nullptr}});
  EXPECT_EQ(no_geocode.status, 400);

  nlohmann::json gb = CreateAddress("GB");
  Reply refused = client_->Patch(AddressPath(gb), {{"streetName", "New Street"}});
  EXPECT_EQ(refused.status, 409);
  EXPECT_EQ(refused.ErrorCode(), "AddressEditNotSupported");
  EXPECT_NE(refused.body["error"]["message"].get<std::string>().find("recreate"),
            std::string::npos);
  // Sending the current values is not an edit.
  EXPECT_EQ(client_->Patch(AddressPath(gb), {{"countryOrRegion", "GB"}}).status, 200);
  EXPECT_EQ(client_->Patch(AddressPath(gb), {{"id", "x"}}).status, 400);
}

TEST_F(EmergencyTest, ElinCanBeSetOrChangedButNeverCleared) {
  nlohmann::json address = CreateAddress("GB");
  nlohmann::json floor = CreateLocation(address, "Floor 2");
  EXPECT_TRUE(floor["elin"].is_null());
  EXPECT_FALSE(floor["isDefault"]);
  EXPECT_EQ(floor["countryOrRegion"], "GB");

  Reply set = client_->Patch(LocationPath(floor["id"]), {{"elin", "ELIN-1"}});
  ASSERT_EQ(set.status, 200);
  EXPECT_EQ(set.body["elin"], "ELIN-1");
  EXPECT_EQ(client_->Patch(LocationPath(floor["id"]), {{"elin", "ELIN-2"}}).body["elin"], "ELIN-2");
  for (const nlohmann::json& empty : {nlohmann::json(""), nlohmann::json(nullptr)}) {
    Reply cleared = client_->Patch(LocationPath(floor["id"]), {{"elin", empty}});
    EXPECT_EQ(cleared.status, 400);
    EXPECT_EQ(cleared.ErrorCode(), "ElinCannotBeCleared");
  }
  EXPECT_EQ(client_->Get(LocationPath(floor["id"])).body["elin"], "ELIN-2");
  Reply renamed = client_->Patch(LocationPath(floor["id"]), {{"description", "Floor 3"}});
  EXPECT_EQ(renamed.body["description"], "Floor 3");
  EXPECT_EQ(client_->Patch(LocationPath(floor["id"]), {{"isDefault", true}}).status, 400);

  EXPECT_EQ(client_->Post(kLocationsPath, {{"civicAddressId", address["id"]}}).status, 400);
  EXPECT_EQ(client_
                ->Post(kLocationsPath, {{"civicAddressId", "00000000-0000-4000-8000-000000000000"},
                                        {"description", "x"}})
                .status,
            400);
  Reply by_address =
      client_->Get(std::string(kLocationsPath) +
                   "?$filter=" + Q("civicAddressId eq '" + address["id"].get<std::string>() + "'"));
  ASSERT_EQ(by_address.body["value"].size(), 2u);
  EXPECT_TRUE(by_address.body["value"][0]["isDefault"]);  // default first
}

TEST_F(EmergencyTest, DefaultOrUsedLocationsAndUsedAddressesCannotBeDeleted) {
  nlohmann::json address = CreateAddress("GB");
  nlohmann::json floor = CreateLocation(address, "Floor 1");
  Reply default_delete = client_->Delete(LocationPath(address["defaultLocationId"]));
  EXPECT_EQ(default_delete.status, 409);
  EXPECT_EQ(default_delete.ErrorCode(), "DefaultLocation");

  UseLocation(floor["id"]);
  Reply location_in_use = client_->Delete(LocationPath(floor["id"]));
  EXPECT_EQ(location_in_use.status, 409);
  EXPECT_EQ(location_in_use.ErrorCode(), "InUse");
  Reply address_in_use = client_->Delete(AddressPath(address));
  EXPECT_EQ(address_in_use.status, 409);
  EXPECT_EQ(address_in_use.ErrorCode(), "InUse");
  EXPECT_EQ(client_->Get(LocationPath(floor["id"])).body["numberOfTelephoneNumbers"], 1);
  EXPECT_EQ(client_->Get(AddressPath(address)).body["numberOfTelephoneNumbers"], 1);

  // Move the number off the location: both deletes succeed, the address takes its locations.
  ASSERT_EQ(client_
                ->Post(std::string(kNumbersPath) + "/updateNumber",
                       {{"telephoneNumber", "+441632960001"}, {"locationId", ""}})
                .status,
            200);
  Reply current = client_->Get(LocationPath(floor["id"]));
  EXPECT_EQ(client_->Delete(LocationPath(floor["id"]), {{"If-Match", "W/\"stale\""}}).status, 412);
  EXPECT_EQ(
      client_->Delete(LocationPath(floor["id"]), {{"If-Match", current.Header("ETag")}}).status,
      204);
  EXPECT_EQ(client_->Delete(AddressPath(address)).status, 204);
  EXPECT_EQ(client_->Get(AddressPath(address)).status, 404);
  EXPECT_EQ(client_->Get(LocationPath(address["defaultLocationId"])).status, 404);
}

}  // namespace
}  // namespace opcsim::testing
