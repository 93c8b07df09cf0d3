// The place-versus-number check of a phone number assignment, made at plan: Teams requires "users,
// phone numbers, and emergency locations all ... in the same country" (Microsoft Learn, "Manage
// emergency addresses and locations"), and the service refuses a foreign location only after the
// assignment's long-running operation. When both the number and its location_id are known at
// plan, this reads them (reads only, nothing is written) and refuses:
//   - a location_id that names no emergency location of the tenant ("Emergency location not
//     found");
//   - a location in another country than the number ("Emergency location in another country").
// Anything it cannot learn (an endpoint without the emergency-calling API, a number not in the
// inventory, a read that fails) is left to apply, which reports it as before.
#pragma once

#include <string_view>

#include "provider/client/tenant_client.h"
#include "provider/common/cancellation.h"
#include "provider/framework/diagnostics.h"

namespace opc::resources {

// Errors go on the attribute `location_id`.
void CheckLocationCountry(const client::TenantClient& client, std::string_view telephone_number,
                          std::string_view location_id, const CancellationToken& cancel,
                          framework::Diagnostics& diags);

}  // namespace opc::resources
