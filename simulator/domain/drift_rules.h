#pragma once

// Out-of-band edits (drift) and operator actions that the admin API applies to a tenant's
// objects, bypassing the tenant API's rules. Pure: the handler looks the object up, applies the
// change and stores it. Every function answers 400 naming the field on bad input.

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "simulator/clock.h"
#include "simulator/domain/json_fields.h"
#include "simulator/domain/model.h"

namespace opcsim {

// The operator's pipeline state {status, comment}: a reason (comment) is required to decline or
// terminate.
absl::StatusOr<CustomerRelationship> ParseRelationship(const nlohmann::json& body, SimMillis now);

// PATCH of a consent: consentedCountries, contacts, status, dataTransferNoticeAccepted,
// customerRelationship (null clears it; setting it stops the operator's auto-advance).
absl::Status ApplyConsentDrift(const nlohmann::json& body, SimMillis now, Consent& consent);

// The civic address a location belongs to (nullopt for an unknown location).
using CivicAddressOfLocation =
    std::function<absl::StatusOr<std::optional<std::string>>(const std::string& location_id)>;

// PATCH of a number: any field of the Graph representation, enums from their vocabularies. A
// new locationId without a civicAddressId takes the location's address.
absl::Status ApplyNumberDrift(const nlohmann::json& body, const CivicAddressOfLocation& address_of,
                              NumberAssignment& number);

// PATCH of a civic address: its fields plus validationStatus. Check first (before the lookup),
// then apply.
absl::Status CheckAddressDrift(const nlohmann::json& body);
absl::Status ApplyAddressDrift(const nlohmann::json& body, SimMillis now, CivicAddress& address);

// PATCH of a location: description and elin (null or "" clears the ELIN, which the tenant API
// cannot do).
struct LocationDrift {
  StringPatch description;
  StringPatch elin;
};
absl::StatusOr<LocationDrift> ParseLocationDrift(const nlohmann::json& body);
void ApplyLocationDrift(const LocationDrift& drift, Location& location);

}  // namespace opcsim
