#pragma once

// Things that happen by themselves as simulator time passes, applied lazily: every request
// touching a tenant first catches the tenant up to "now", so lists and gets always agree.

#include <functional>
#include <string>

#include "absl/status/status.h"
#include "simulator/clock.h"
#include "simulator/handlers/services.h"
#include "simulator/http/request_context.h"
#include "simulator/store/store.h"

namespace opcsim {

// Settles the tenant's operations that are due (in submission order) and moves consents
// whose operator advances by itself.
absl::Status CatchUp(store::Tables& tables, const std::string& tenant_id, SimMillis now,
                     const SimSettings& settings);

// Runs `body` in one transaction after catching `tenant_id` up to `now`.
absl::Status RunForTenant(Services& services, const std::string& tenant_id, SimMillis now,
                          const std::function<absl::Status(store::Tables&)>& body);

// The same for the authenticated tenant of a tenant-API request.
absl::Status RunForTenant(Services& services, const http::RequestContext& context,
                          const std::function<absl::Status(store::Tables&)>& body);

}  // namespace opcsim
