// GET .../telephoneNumberManagement/operations/{id} and operations('{id}').

#include "absl/strings/str_cat.h"
#include "simulator/domain/errors.h"
#include "simulator/handlers/operation_view.h"
#include "simulator/handlers/services.h"
#include "simulator/handlers/world_progress.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

absl::StatusOr<http::HttpResponse> GetOperation(Services& services, http::RequestContext& context) {
  const std::string& id = context.Param("operationId");
  std::optional<Operation> operation;
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) {
    ASSIGN_OR_RETURN(std::optional<Operation> found, tables.operations.Get(context.tenant_id, id));
    operation = std::move(found);
    return absl::OkStatus();
  }));
  if (!operation) {
    return NotFoundError(absl::StrCat("Operation '", id, "' not found."));
  }
  http::HttpResponse response = http::HttpResponse::Json(
      200, OperationView(*operation, context.now, services.settings, context.base_url));
  if (auto retry_after = OperationRetryAfter(*operation, context.now, services)) {
    response.WithHeader("Retry-After", std::to_string(*retry_after));
  }
  return response;
}

}  // namespace

void RegisterOperationRoutes(http::Router& router, Services& services) {
  const std::string base = std::string(kNumberManagementPath) + "/operations";
  router.Add("GET", base + "/{operationId}", http::Access::kTenant, Bind(services, GetOperation));
  router.Add("GET", base + "('{operationId}')", http::Access::kTenant,
             Bind(services, GetOperation));
}

}  // namespace opcsim
