#include "provider/client/emergency_api.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes.h"
#include "provider/client/graph_error.h"

namespace opc::client {
namespace {

using testing::GraphErrorResponse;
using testing::GraphHarness;
using testing::JsonResponse;
using testing::MakeResponse;

constexpr char kBase[] = "https://graph.test/beta/admin/teams/emergencyCalling";

nlohmann::json AddressJson() {
  return {{"id", "addr-1"},
          {"description", "HQ"},
          {"companyName", "Example Ltd"},
          {"companyTaxId", nullptr},
          {"houseNumber", "1"},
          {"houseNumberSuffix", nullptr},
          {"preDirectional", nullptr},
          {"streetName", "Microsoft Way"},
          {"streetSuffix", nullptr},
          {"postDirectional", nullptr},
          {"city", "Redmond"},
          {"cityAlias", nullptr},
          {"stateOrProvince", "WA"},
          {"postalCode", "98052"},
          {"countryOrRegion", "US"},
          {"latitude", "47.6396"},
          {"longitude", "-122.1283"},
          {"elin", nullptr},
          {"defaultLocationId", "loc-0"},
          {"validationStatus", "notValidated"},
          {"numberOfVoiceUsers", 0},
          {"numberOfTelephoneNumbers", 2},
          {"createdDateTime", "2026-11-25T03:04:05Z"},
          {"lastModifiedDateTime", "2026-11-25T03:04:05Z"},
          {"@odata.etag", "W/\"a1\""}};
}

nlohmann::json LocationJson(const std::string& id, bool is_default) {
  return {{"id", id},
          {"civicAddressId", "addr-1"},
          {"description", is_default ? nlohmann::json(nullptr) : nlohmann::json("Floor 2")},
          {"elin", nullptr},
          {"isDefault", is_default},
          {"countryOrRegion", "US"},
          {"numberOfTelephoneNumbers", 0},
          {"@odata.etag", "W/\"l-" + id + "\""}};
}

TEST(EmergencyApi, RefreshReadsShareOneListingPerCollectionUntilThisProcessWrites) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, {{"value", {AddressJson()}}}));
  h.transport.Enqueue(
      JsonResponse(200, {{"value", {LocationJson("loc-0", true), LocationJson("LOC-1", false)}}}));
  EmergencyApi api(h.client);
  absl::StatusOr<CivicAddress> address = api.ReadCivicAddress("addr-1", h.cancel);
  ASSERT_TRUE(address.ok()) << address.status();
  EXPECT_EQ(address->etag, "W/\"a1\"");
  EXPECT_TRUE(absl::IsNotFound(api.ReadCivicAddress("addr-9", h.cancel).status()));
  absl::StatusOr<EmergencyLocation> location = api.ReadLocation("loc-1", h.cancel);
  ASSERT_TRUE(location.ok()) << location.status();
  EXPECT_EQ(location->description, "Floor 2");
  ASSERT_TRUE(api.ReadLocation("loc-0", h.cancel).ok());
  ASSERT_EQ(h.transport.request_count(), 2u);
  EXPECT_EQ(h.transport.requests()[0].url, std::string(kBase) + "/civicAddresses?$top=1000");
  EXPECT_EQ(h.transport.requests()[1].url, std::string(kBase) + "/locations?$top=1000");

  // Deleting a location from this process: addresses and locations are read one by one again
  // (an address's counts and an address's locations change with it).
  h.transport.Enqueue(MakeResponse(204));
  ASSERT_TRUE(api.DeleteLocation("loc-1", std::nullopt, h.cancel).ok());
  h.transport.Enqueue(GraphErrorResponse(404, "NotFound", "no such location"));
  EXPECT_TRUE(absl::IsNotFound(api.ReadLocation("loc-1", h.cancel).status()));
  h.transport.Enqueue(JsonResponse(200, AddressJson()));
  ASSERT_TRUE(api.ReadCivicAddress("addr-1", h.cancel).ok());
  ASSERT_EQ(h.transport.request_count(), 5u);
  EXPECT_EQ(h.transport.requests()[3].url, std::string(kBase) + "/locations/loc-1");
  EXPECT_EQ(h.transport.requests()[4].url, std::string(kBase) + "/civicAddresses/addr-1");
}

TEST(EmergencyApi, CreateAddressSendsOnlyGivenFields) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(201, AddressJson(), {{"ETag", "W/\"a1\""}}));
  EmergencyApi api(h.client);
  CreateCivicAddressRequest request;
  request.company_name = "Example Ltd";
  request.country_or_region = "US";
  request.street_name = "Microsoft Way";
  request.latitude = "47.6396";
  request.longitude = "-122.1283";
  absl::StatusOr<CivicAddress> address = api.CreateCivicAddress(request, h.cancel);
  ASSERT_TRUE(address.ok()) << address.status();
  EXPECT_EQ(address->default_location_id, "loc-0");
  EXPECT_EQ(address->number_of_telephone_numbers, 2);
  EXPECT_EQ(address->etag, "W/\"a1\"");
  EXPECT_EQ(h.transport.requests()[0].url, std::string(kBase) + "/civicAddresses");
  EXPECT_EQ(nlohmann::json::parse(h.transport.requests()[0].body),
            (nlohmann::json{{"companyName", "Example Ltd"},
                            {"countryOrRegion", "US"},
                            {"streetName", "Microsoft Way"},
                            {"latitude", "47.6396"},
                            {"longitude", "-122.1283"}}));
}

TEST(EmergencyApi, PatchAddressSetsClearsAndLeavesFields) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, AddressJson()));
  EmergencyApi api(h.client);
  UpdateCivicAddressRequest patch;
  patch.description = std::string("New HQ");
  patch.house_number_suffix = FieldUpdate<std::string>::Clear();
  ASSERT_TRUE(api.UpdateCivicAddress("addr-1", patch, "W/\"a1\"", h.cancel).ok());
  const HttpRequest sent = h.transport.requests()[0];
  EXPECT_EQ(sent.method, HttpMethod::kPatch);
  EXPECT_EQ(sent.url, std::string(kBase) + "/civicAddresses/addr-1");
  EXPECT_EQ(sent.headers.Get("If-Match"), "W/\"a1\"");
  EXPECT_EQ(nlohmann::json::parse(sent.body),
            (nlohmann::json{{"description", "New HQ"}, {"houseNumberSuffix", nullptr}}));
}

TEST(EmergencyApi, AddressEditNotSupportedIsFailedPrecondition) {
  GraphHarness h;
  h.transport.Enqueue(
      GraphErrorResponse(409, "AddressEditNotSupported", "delete and recreate the address"));
  EmergencyApi api(h.client);
  absl::Status status = api.UpdateCivicAddress("addr-1", {}, std::nullopt, h.cancel).status();
  EXPECT_TRUE(absl::IsFailedPrecondition(status));
  EXPECT_EQ(ServiceErrorCodeOf(status), "AddressEditNotSupported");
}

TEST(EmergencyApi, ListAddressesWithFilterAndPaging) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(
      200, {{"value", {AddressJson()}},
            {"@odata.nextLink", std::string(kBase) + "/civicAddresses?$top=1000&$skip=1"}}));
  h.transport.Enqueue(JsonResponse(200, {{"value", {AddressJson()}}}));
  EmergencyApi api(h.client);
  absl::StatusOr<std::vector<CivicAddress>> addresses =
      api.ListCivicAddresses(CivicAddressFilter{"US", {}, {}, {}, {}}, h.cancel);
  ASSERT_TRUE(addresses.ok());
  EXPECT_EQ(addresses->size(), 2u);
  EXPECT_EQ(
      h.transport.requests()[0].url,
      std::string(kBase) + "/civicAddresses?$filter=countryOrRegion%20eq%20%27US%27&$top=1000");
}

TEST(EmergencyApi, GetAndDeleteAddress) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, AddressJson(), {{"ETag", "W/\"a1\""}}));
  h.transport.Enqueue(GraphErrorResponse(409, "InUse", "a location is used by +14255550100"));
  h.transport.Enqueue(GraphErrorResponse(404, "NotFound", "gone"));
  EmergencyApi api(h.client);
  absl::StatusOr<CivicAddress> address = api.GetCivicAddress("addr-1", h.cancel);
  ASSERT_TRUE(address.ok());
  EXPECT_EQ(address->street_name, "Microsoft Way");
  EXPECT_EQ(address->company_tax_id, std::nullopt);
  EXPECT_TRUE(absl::IsFailedPrecondition(api.DeleteCivicAddress("addr-1", "W/\"a1\"", h.cancel)));
  EXPECT_TRUE(absl::IsNotFound(api.GetCivicAddress("addr-1", h.cancel).status()));
}

TEST(EmergencyApi, LocationsOfAnAddress) {
  GraphHarness h;
  h.transport.Enqueue(
      JsonResponse(200, {{"value", {LocationJson("loc-0", true), LocationJson("loc-1", false)}}}));
  EmergencyApi api(h.client);
  absl::StatusOr<std::vector<EmergencyLocation>> locations =
      api.ListLocationsOfAddress("addr-1", h.cancel);
  ASSERT_TRUE(locations.ok());
  ASSERT_EQ(locations->size(), 2u);
  EXPECT_TRUE((*locations)[0].is_default);
  EXPECT_EQ((*locations)[0].description, std::nullopt);
  EXPECT_EQ((*locations)[1].description, "Floor 2");
  EXPECT_EQ((*locations)[1].etag, "W/\"l-loc-1\"");
  EXPECT_EQ(h.transport.requests()[0].url,
            std::string(kBase) + "/locations?$filter=civicAddressId%20eq%20%27addr-1%27&$top=1000");
}

TEST(EmergencyApi, CreateUpdateDeleteLocation) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(201, LocationJson("loc-1", false), {{"ETag", "W/\"l1\""}}));
  h.transport.Enqueue(JsonResponse(200, LocationJson("loc-1", false), {{"ETag", "W/\"l2\""}}));
  h.transport.Enqueue(MakeResponse(204));
  EmergencyApi api(h.client);
  absl::StatusOr<EmergencyLocation> created =
      api.CreateLocation({"addr-1", "Floor 2", std::nullopt}, h.cancel);
  ASSERT_TRUE(created.ok());
  EXPECT_EQ(created->etag, "W/\"l1\"");
  absl::StatusOr<EmergencyLocation> updated =
      api.UpdateLocation("loc-1", {std::nullopt, "ELIN-7"}, created->etag, h.cancel);
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->etag, "W/\"l2\"");
  ASSERT_TRUE(api.DeleteLocation("loc-1", updated->etag, h.cancel).ok());

  std::vector<HttpRequest> requests = h.transport.requests();
  EXPECT_EQ(nlohmann::json::parse(requests[0].body),
            (nlohmann::json{{"civicAddressId", "addr-1"}, {"description", "Floor 2"}}));
  EXPECT_EQ(nlohmann::json::parse(requests[1].body), (nlohmann::json{{"elin", "ELIN-7"}}));
  EXPECT_EQ(requests[1].headers.Get("If-Match"), "W/\"l1\"");
  EXPECT_EQ(requests[2].url, std::string(kBase) + "/locations/loc-1");
  EXPECT_EQ(requests[2].headers.Get("If-Match"), "W/\"l2\"");
}

TEST(EmergencyApi, ElinCannotBeClearedAndDefaultLocation) {
  GraphHarness h;
  h.transport.Enqueue(GraphErrorResponse(400, "ElinCannotBeCleared", "recreate the location"));
  h.transport.Enqueue(GraphErrorResponse(409, "DefaultLocation", "delete the address instead"));
  EmergencyApi api(h.client);
  absl::Status update =
      api.UpdateLocation("loc-1", {std::nullopt, ""}, std::nullopt, h.cancel).status();
  EXPECT_TRUE(absl::IsInvalidArgument(update));
  EXPECT_EQ(ServiceErrorCodeOf(update), "ElinCannotBeCleared");
  absl::Status remove = api.DeleteLocation("loc-0", std::nullopt, h.cancel);
  EXPECT_TRUE(absl::IsFailedPrecondition(remove));
  EXPECT_EQ(ServiceErrorCodeOf(remove), "DefaultLocation");
}

}  // namespace
}  // namespace opc::client
