// The emergency-calling compliance assessment behind operatorconnect_emergency_compliance: a
// pure function of what the tenant holds (numbers, consents, addresses, locations), so that
// every rule is unit-tested without a tenant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "provider/client/emergency_models.h"
#include "provider/client/number_models.h"
#include "provider/client/operator_models.h"

namespace opc::resources {

// What to look at. Unset fields do not filter. Upper-case country, any-case operator id.
struct ComplianceScope {
  std::optional<std::string> country;
  std::optional<std::string> operator_id;
};

// A number whose emergency location is in another country than the number.
struct ForeignLocation {
  std::string telephone_number;
  std::string number_country;
  std::string location_id;
  std::string location_country;
  friend bool operator==(const ForeignLocation&, const ForeignLocation&) = default;
};

struct UnusedAddress {
  std::string id;
  std::optional<std::string> description;
  std::string country;
  friend bool operator==(const UnusedAddress&, const UnusedAddress&) = default;
};

// Every list is sorted and free of duplicates.
struct ComplianceReport {
  int64_t assigned_numbers = 0;  // assigned numbers in scope, the ones checked
  // Assigned numbers with no emergency location, or with one the tenant no longer has.
  std::vector<std::string> numbers_without_location;
  std::vector<ForeignLocation> numbers_with_foreign_location;
  // Countries with assigned numbers in scope but no emergency address at all.
  std::vector<std::string> countries_without_address;
  // Countries the tenant has consented to (its operator relationships, in scope) with no
  // emergency address: numbers assigned there later would have nowhere to point.
  std::vector<std::string> consented_countries_without_address;
  // Addresses (in the country scope) that no assigned number of the tenant uses, whatever its
  // operator. Housekeeping: they do not make the tenant non-compliant.
  std::vector<UnusedAddress> unused_addresses;

  // No number without a location or with a foreign one, and an address in every country with
  // numbers or consent.
  bool compliant() const {
    return numbers_without_location.empty() && numbers_with_foreign_location.empty() &&
           countries_without_address.empty() && consented_countries_without_address.empty();
  }
  // One line per kind of gap, for check blocks and logs; "" when compliant with no unused
  // addresses.
  std::string Summary() const;
};

ComplianceReport AssessCompliance(const ComplianceScope& scope,
                                  const std::vector<client::NumberAssignment>& numbers,
                                  const std::vector<client::Consent>& consents,
                                  const std::vector<client::CivicAddress>& addresses,
                                  const std::vector<client::EmergencyLocation>& locations);

}  // namespace opc::resources
