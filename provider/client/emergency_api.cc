#include "provider/client/emergency_api.h"

#include "provider/client/api_support.h"
#include "provider/client/odata_filter.h"
#include "provider/client/paging.h"
#include "provider/client/string_util.h"
#include "provider/common/status_macros.h"

namespace opc::client {
namespace {

std::string AddressesPath() { return StrCat(kEmergencyCallingPath, "/civicAddresses"); }
std::string LocationsPath() { return StrCat(kEmergencyCallingPath, "/locations"); }

// Ids are GUIDs, which the service compares without case.
std::string EntityKey(std::string_view id) { return AsciiStrToLower(id); }

// A listing of `path`'s collection, keyed by each item's id.
std::unique_ptr<SharedListing> ListingOf(const GraphClient& client, std::string path,
                                         const Clock& clock, SharedListingOptions options) {
  GraphRequest first;
  first.path = std::move(path);
  return std::make_unique<SharedListing>(
      PagesOf(client, std::move(first)),
      [](const nlohmann::json& item) -> std::optional<std::string> {
        auto field = item.find("id");
        if (field == item.end() || !field->is_string()) {
          return std::nullopt;
        }
        return EntityKey(field->get<std::string>());
      },
      clock, options);
}

GraphRequest FilteredList(std::string path, const std::string& filter) {
  GraphRequest request;
  request.path = std::move(path);
  if (!filter.empty()) {
    request.query.emplace_back("$filter", filter);
  }
  return request;
}

template <typename T>
absl::StatusOr<T> GetEntity(const GraphClient& client, const std::string& base, std::string_view id,
                            std::string_view what, const CancellationToken& cancel) {
  ASSIGN_OR_RETURN(std::string path, EntityPath(base, id, what));
  ASSIGN_OR_RETURN(GraphResponse response, client.Get(path, {}, cancel));
  return DecodeEntity<T>(response, what);
}

template <typename T>
absl::StatusOr<T> CreateEntity(const GraphClient& client, const std::string& base,
                               nlohmann::json body, std::string_view what,
                               const CancellationToken& cancel) {
  ASSIGN_OR_RETURN(GraphResponse response, client.Post(base, std::move(body), cancel));
  return DecodeEntity<T>(response, what);
}

template <typename T>
absl::StatusOr<T> PatchEntity(const GraphClient& client, const std::string& base,
                              std::string_view id, nlohmann::json body,
                              std::optional<std::string> if_match, std::string_view what,
                              const CancellationToken& cancel) {
  ASSIGN_OR_RETURN(std::string path, EntityPath(base, id, what));
  ASSIGN_OR_RETURN(GraphResponse response,
                   client.Patch(path, std::move(body), std::move(if_match), cancel));
  return DecodeEntity<T>(response, what);
}

absl::Status DeleteEntity(const GraphClient& client, const std::string& base, std::string_view id,
                          std::optional<std::string> if_match, std::string_view what,
                          const CancellationToken& cancel) {
  ASSIGN_OR_RETURN(std::string path, EntityPath(base, id, what));
  return client.Delete(path, std::move(if_match), cancel).status();
}

}  // namespace

std::string BuildCivicAddressFilter(const CivicAddressFilter& filter) {
  ODataFilter expression;
  const std::pair<const char*, const std::optional<std::string>*> fields[] = {
      {"countryOrRegion", &filter.country_or_region},
      {"description", &filter.description},
      {"city", &filter.city},
      {"companyName", &filter.company_name},
      {"validationStatus", &filter.validation_status},
  };
  for (const auto& [field, value] : fields) {
    if (*value) {
      expression.Eq(field, **value);
    }
  }
  return expression.ToString();
}

std::string BuildLocationFilter(const LocationFilter& filter) {
  ODataFilter expression;
  const std::pair<const char*, const std::optional<std::string>*> fields[] = {
      {"civicAddressId", &filter.civic_address_id},
      {"description", &filter.description},
      {"countryOrRegion", &filter.country_or_region},
      {"elin", &filter.elin},
  };
  for (const auto& [field, value] : fields) {
    if (*value) {
      expression.Eq(field, **value);
    }
  }
  return expression.ToString();
}

EmergencyApi::EmergencyApi(const GraphClient& client, const Clock& clock,
                           SharedListingOptions listing)
    : client_(client),
      addresses_(ListingOf(client, AddressesPath(), clock, listing)),
      locations_(ListingOf(client, LocationsPath(), clock, listing)) {}

EmergencyApi::~EmergencyApi() = default;

void EmergencyApi::InvalidateListings() const {
  addresses_->InvalidateAll();
  locations_->InvalidateAll();
}

SharedListingStats EmergencyApi::address_listing_stats() const { return addresses_->stats(); }
SharedListingStats EmergencyApi::location_listing_stats() const { return locations_->stats(); }

absl::StatusOr<CivicAddress> EmergencyApi::ReadCivicAddress(std::string_view id,
                                                            const CancellationToken& cancel) const {
  return ReadThroughListing<CivicAddress>(*addresses_, EntityKey(id), "civicAddress",
                                          StrCat("civicAddress ", id, " does not exist"), cancel,
                                          [&] { return GetCivicAddress(id, cancel); });
}

absl::StatusOr<EmergencyLocation> EmergencyApi::ReadLocation(
    std::string_view id, const CancellationToken& cancel) const {
  return ReadThroughListing<EmergencyLocation>(*locations_, EntityKey(id), "location",
                                               StrCat("location ", id, " does not exist"), cancel,
                                               [&] { return GetLocation(id, cancel); });
}

absl::StatusOr<std::vector<CivicAddress>> EmergencyApi::ListCivicAddresses(
    const CivicAddressFilter& filter, const CancellationToken& cancel) const {
  return ListAll<CivicAddress>(client_,
                               FilteredList(AddressesPath(), BuildCivicAddressFilter(filter)),
                               "civicAddress", cancel);
}

absl::StatusOr<CivicAddress> EmergencyApi::GetCivicAddress(std::string_view id,
                                                           const CancellationToken& cancel) const {
  return GetEntity<CivicAddress>(client_, AddressesPath(), id, "civicAddress", cancel);
}

absl::StatusOr<CivicAddress> EmergencyApi::CreateCivicAddress(
    const CreateCivicAddressRequest& request, const CancellationToken& cancel) const {
  InvalidateListings();
  return CreateEntity<CivicAddress>(client_, AddressesPath(), request, "civicAddress", cancel);
}

absl::StatusOr<CivicAddress> EmergencyApi::UpdateCivicAddress(
    std::string_view id, const UpdateCivicAddressRequest& request,
    std::optional<std::string> if_match, const CancellationToken& cancel) const {
  InvalidateListings();
  return PatchEntity<CivicAddress>(client_, AddressesPath(), id, request, std::move(if_match),
                                   "civicAddress", cancel);
}

absl::Status EmergencyApi::DeleteCivicAddress(std::string_view id,
                                              std::optional<std::string> if_match,
                                              const CancellationToken& cancel) const {
  InvalidateListings();
  return DeleteEntity(client_, AddressesPath(), id, std::move(if_match), "civicAddress", cancel);
}

absl::StatusOr<std::vector<EmergencyLocation>> EmergencyApi::ListLocations(
    const LocationFilter& filter, const CancellationToken& cancel) const {
  return ListAll<EmergencyLocation>(
      client_, FilteredList(LocationsPath(), BuildLocationFilter(filter)), "location", cancel);
}

absl::StatusOr<std::vector<EmergencyLocation>> EmergencyApi::ListLocationsOfAddress(
    std::string_view civic_address_id, const CancellationToken& cancel) const {
  if (civic_address_id.empty()) {
    return absl::InvalidArgumentError("civicAddress id is empty");
  }
  LocationFilter filter;
  filter.civic_address_id = std::string(civic_address_id);
  return ListLocations(filter, cancel);
}

absl::StatusOr<EmergencyLocation> EmergencyApi::GetLocation(std::string_view id,
                                                            const CancellationToken& cancel) const {
  return GetEntity<EmergencyLocation>(client_, LocationsPath(), id, "location", cancel);
}

absl::StatusOr<EmergencyLocation> EmergencyApi::CreateLocation(
    const CreateLocationRequest& request, const CancellationToken& cancel) const {
  InvalidateListings();
  return CreateEntity<EmergencyLocation>(client_, LocationsPath(), request, "location", cancel);
}

absl::StatusOr<EmergencyLocation> EmergencyApi::UpdateLocation(
    std::string_view id, const UpdateLocationRequest& request, std::optional<std::string> if_match,
    const CancellationToken& cancel) const {
  InvalidateListings();
  return PatchEntity<EmergencyLocation>(client_, LocationsPath(), id, request, std::move(if_match),
                                        "location", cancel);
}

absl::Status EmergencyApi::DeleteLocation(std::string_view id, std::optional<std::string> if_match,
                                          const CancellationToken& cancel) const {
  InvalidateListings();
  return DeleteEntity(client_, LocationsPath(), id, std::move(if_match), "location", cancel);
}

}  // namespace opc::client
