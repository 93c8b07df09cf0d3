// Creates that are safe to repeat: when an interrupted or failed run left an object behind in
// the tenant, the next create finds it and takes it over instead of making a second one, but
// only if it is exactly what the configuration asks for (docs/design/interruptions.md).
//
// The matching rules, one per resource:
// - emergency address: same country and every configurable field equal (an unset field equals
//   an empty one; latitude/longitude compared as numbers). Addresses have no natural key, so a
//   merely similar address is never taken: a new one is created.
// - emergency location: same civic address, same description and same ELIN.
// - operator relationship: the operator id is the key (one consent per operator); the consent
//   is taken over only if countries and contact equal the configuration, otherwise the create
//   fails naming the first differing attribute and the import command.
// - number assignment: the number is the key; an assignment already in place to the same
//   target is taken over only if category and number type equal the configuration.
#pragma once

#include <array>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "provider/client/emergency_models.h"
#include "provider/client/number_models.h"
#include "provider/client/operator_models.h"
#include "provider/client/tenant_client.h"
#include "provider/framework/diagnostics.h"

namespace opc::resources {

// The objects this provider process has created or taken over, so that two resources never
// end up with one object; and locks that serialise creates of identical objects (two identical
// addresses in one run would otherwise both find the one the other just made). Thread-safe.
class AdoptionClaims {
 public:
  // False if `id` was claimed already (by a create or a takeover in this process).
  bool Claim(const std::string& id);
  std::vector<std::string> Claimed() const;
  // The lock for creates whose natural key is `key` (e.g. the address's fields).
  std::mutex& LockFor(const std::string& key);

 private:
  mutable std::mutex mu_;
  std::set<std::string> claimed_;
  std::array<std::mutex, 64> stripes_;
};

// The key under which identical address creates are serialised.
std::string CivicAddressKey(const client::CreateCivicAddressRequest& wanted);

// The Terraform attribute of the first field in which `existing` differs from `wanted`, or
// nullopt when it is the same address.
std::optional<std::string> CivicAddressDifference(const client::CivicAddress& existing,
                                                  const client::CreateCivicAddressRequest& wanted);

// The first identical address in `candidates`, skipping the ids in `taken`.
std::optional<client::CivicAddress> FindIdenticalCivicAddress(
    const std::vector<client::CivicAddress>& candidates,
    const client::CreateCivicAddressRequest& wanted, const std::vector<std::string>& taken);

std::optional<std::string> LocationDifference(const client::EmergencyLocation& existing,
                                              const client::CreateLocationRequest& wanted);

// The first differing attribute (`countries`, `contact.<field>`), or nullopt.
std::optional<std::string> ConsentDifference(const client::Consent& existing,
                                             const client::CreateConsentRequest& wanted);

// The first differing attribute of an assignment already in place (`assignment_target_id`,
// `assignment_category`, `number_type`), or nullopt. `category`/`number_type` unset in the
// configuration match anything.
std::optional<std::string> AssignmentDifference(const client::NumberAssignment& existing,
                                                const std::string& target_id,
                                                const std::optional<std::string>& category,
                                                const std::optional<std::string>& number_type);

// "The tenant already holds <what>, and it differs from the configuration in <attribute>":
// an error on that attribute that says how to take the object over by hand.
void AddNotAdoptedError(framework::Diagnostics& diags, const std::string& what,
                        const std::string& attribute, const std::string& resource_type,
                        const std::string& import_id);

// Creates the address, or takes over an identical one that no resource of this process holds.
// `claims` may be null (unconfigured tests): then it always creates.
absl::StatusOr<client::CivicAddress> CreateOrAdoptCivicAddress(
    const client::TenantClient& client, AdoptionClaims* claims,
    const client::CreateCivicAddressRequest& wanted, const CancellationToken& cancel);

// Creates the place, or takes over an identical one of the same address.
absl::StatusOr<client::EmergencyLocation> CreateOrAdoptLocation(
    const client::TenantClient& client, AdoptionClaims* claims,
    const client::CreateLocationRequest& wanted, const CancellationToken& cancel);

}  // namespace opc::resources
