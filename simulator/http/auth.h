#pragma once

#include <httplib.h>

#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "simulator/clock.h"
#include "simulator/store/store.h"

namespace opcsim::http {

inline constexpr char kAdminKeyHeader[] = "X-Sim-Admin-Key";

// The tenant of a valid bearer token; 401 InvalidAuthenticationToken when the token is
// missing, unknown or expired, or its tenant or app no longer exists.
absl::StatusOr<std::string> AuthenticateTenant(const httplib::Request& request, store::Store& store,
                                               SimMillis now);

// The tenant a request is about, best effort and without failing (for tenant-scoped faults):
// the bearer token's tenant, or the tenant in a token-endpoint path.
std::optional<std::string> TenantHint(const httplib::Request& request, store::Store& store);

// 403 AdminApiDisabled without a configured key; 403 InvalidAdminKey for a wrong or missing one.
absl::Status CheckAdminKey(const httplib::Request& request, const std::string& admin_key);

}  // namespace opcsim::http
