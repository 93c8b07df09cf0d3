#include "simulator/handlers/admin_tenant_scope.h"

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "simulator/domain/errors.h"
#include "simulator/handlers/lookups.h"
#include "simulator/handlers/world_progress.h"
#include "simulator/support/status_macros.h"

namespace opcsim {

using http::RequestContext;

std::string TenantParam(const RequestContext& context) {
  return absl::AsciiStrToLower(context.Param("tenantId"));
}

// Runs `body` for an existing tenant, caught up to now.
absl::Status RunForExistingTenant(Services& services, const RequestContext& context,
                                  const std::function<absl::Status(store::Tables&)>& body) {
  const std::string tenant_id = TenantParam(context);
  return RunForTenant(services, tenant_id, context.now, [&](store::Tables& tables) -> absl::Status {
    RETURN_IF_ERROR(FindOrNotFound(tables.tenants, "", tenant_id, "Tenant").status());
    return body(tables);
  });
}

std::string OperatorName(store::Tables& tables, const std::string& operator_id) {
  absl::StatusOr<std::optional<Operator>> op = tables.operators.Get("", operator_id);
  return op.ok() && *op ? (*op)->display_name : "(removed operator)";
}

// Numbers that lose their location when locations disappear out of band.
absl::Status DetachNumbersFrom(store::Tables& tables, const std::string& tenant,
                               const std::set<std::string>& location_ids) {
  ASSIGN_OR_RETURN(std::vector<NumberAssignment> numbers, tables.numbers.List(tenant));
  for (NumberAssignment& number : numbers) {
    if (number.location_id && location_ids.contains(*number.location_id)) {
      number.location_id.reset();
      number.civic_address_id.reset();
      RETURN_IF_ERROR(tables.numbers.Upsert(tenant, number.telephone_number, number));
    }
  }
  return absl::OkStatus();
}

}  // namespace opcsim
