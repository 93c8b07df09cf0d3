// Emergency civic addresses and locations (/beta/admin/teams/emergencyCalling). Reads return
// entities with their ETag; updates and deletes take an optional If-Match (stale: Aborted).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "provider/client/clock.h"
#include "provider/client/collection_cache.h"
#include "provider/client/emergency_models.h"
#include "provider/client/graph_client.h"
#include "provider/common/cancellation.h"

namespace opc::client {

inline constexpr std::string_view kEmergencyCallingPath = "/beta/admin/teams/emergencyCalling";

struct CivicAddressFilter {
  std::optional<std::string> country_or_region;
  std::optional<std::string> description;
  std::optional<std::string> city;
  std::optional<std::string> company_name;
  std::optional<std::string> validation_status;
};

struct LocationFilter {
  std::optional<std::string> civic_address_id;
  std::optional<std::string> description;
  std::optional<std::string> country_or_region;
  std::optional<std::string> elin;
};

std::string BuildCivicAddressFilter(const CivicAddressFilter& filter);
std::string BuildLocationFilter(const LocationFilter& filter);

class EmergencyApi {
 public:
  explicit EmergencyApi(const GraphClient& client, const Clock& clock = SystemClock(),
                        SharedListingOptions listing = {});
  ~EmergencyApi();

  // Every matching address, across all pages.
  absl::StatusOr<std::vector<CivicAddress>> ListCivicAddresses(
      const CivicAddressFilter& filter, const CancellationToken& cancel) const;
  absl::StatusOr<CivicAddress> GetCivicAddress(std::string_view id,
                                               const CancellationToken& cancel) const;
  // The same address for a refresh: answered from the listing of addresses this process
  // shares between reads when enough reads ask (see SharedListing), else by GetCivicAddress.
  absl::StatusOr<CivicAddress> ReadCivicAddress(std::string_view id,
                                                const CancellationToken& cancel) const;
  // Also creates the address's default location (CivicAddress::default_location_id).
  absl::StatusOr<CivicAddress> CreateCivicAddress(const CreateCivicAddressRequest& request,
                                                  const CancellationToken& cancel) const;
  // FailedPrecondition (409 AddressEditNotSupported) where the service forbids edits.
  absl::StatusOr<CivicAddress> UpdateCivicAddress(std::string_view id,
                                                  const UpdateCivicAddressRequest& request,
                                                  std::optional<std::string> if_match,
                                                  const CancellationToken& cancel) const;
  // Deletes the address and its locations. FailedPrecondition (409 InUse) while a number
  // uses one of its locations.
  absl::Status DeleteCivicAddress(std::string_view id, std::optional<std::string> if_match,
                                  const CancellationToken& cancel) const;

  absl::StatusOr<std::vector<EmergencyLocation>> ListLocations(
      const LocationFilter& filter, const CancellationToken& cancel) const;
  // The locations of one address (its default location first).
  absl::StatusOr<std::vector<EmergencyLocation>> ListLocationsOfAddress(
      std::string_view civic_address_id, const CancellationToken& cancel) const;
  absl::StatusOr<EmergencyLocation> GetLocation(std::string_view id,
                                                const CancellationToken& cancel) const;
  // The same location for a refresh, like ReadCivicAddress.
  absl::StatusOr<EmergencyLocation> ReadLocation(std::string_view id,
                                                 const CancellationToken& cancel) const;
  absl::StatusOr<EmergencyLocation> CreateLocation(const CreateLocationRequest& request,
                                                   const CancellationToken& cancel) const;
  // InvalidArgument (400 ElinCannotBeCleared) for an attempt to clear the ELIN.
  absl::StatusOr<EmergencyLocation> UpdateLocation(std::string_view id,
                                                   const UpdateLocationRequest& request,
                                                   std::optional<std::string> if_match,
                                                   const CancellationToken& cancel) const;
  // FailedPrecondition: 409 DefaultLocation (delete the address instead) or 409 InUse.
  absl::Status DeleteLocation(std::string_view id, std::optional<std::string> if_match,
                              const CancellationToken& cancel) const;

  SharedListingStats address_listing_stats() const;
  SharedListingStats location_listing_stats() const;

 private:
  // Any write: addresses and locations show each other (an address's locations, a location's
  // country), so a write stops both listings from answering reads in this process.
  void InvalidateListings() const;

  const GraphClient& client_;
  std::unique_ptr<SharedListing> addresses_;  // keyed by lower-case id
  std::unique_ptr<SharedListing> locations_;  // keyed by lower-case id
};

}  // namespace opc::client
