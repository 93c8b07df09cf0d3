#pragma once

// What the /_sim/tenants/{tenantId}/... handlers share: the tenant from the path, a transaction
// on an existing tenant, and the clean-up when locations disappear out of band.

#include <functional>
#include <set>
#include <string>

#include "absl/status/status.h"
#include "simulator/handlers/services.h"
#include "simulator/http/request_context.h"
#include "simulator/store/store.h"

namespace opcsim {

inline constexpr char kAdminTenantBase[] = "/_sim/tenants/{tenantId}";

// The {tenantId} path parameter, lower-cased.
std::string TenantParam(const http::RequestContext& context);

// Runs `body` in one transaction for the path's tenant, caught up to now; 404 if the tenant
// does not exist.
absl::Status RunForExistingTenant(Services& services, const http::RequestContext& context,
                                  const std::function<absl::Status(store::Tables&)>& body);

// The operator's display name, or "(removed operator)".
std::string OperatorName(store::Tables& tables, const std::string& operator_id);

// Numbers lose their location (and address) when those locations disappear out of band.
absl::Status DetachNumbersFrom(store::Tables& tables, const std::string& tenant,
                               const std::set<std::string>& location_ids);

}  // namespace opcsim
