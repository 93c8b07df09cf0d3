// /_sim admin API: what happens to a tenant's consents from outside the tenant. The operator
// acts on a consent (its customer relationship), an administrator edits or deletes it out of
// band (drift), or enables an operator as in the Teams admin center.

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "simulator/domain/drift_rules.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/json_fields.h"
#include "simulator/domain/views.h"
#include "simulator/handlers/admin_tenant_scope.h"
#include "simulator/handlers/services.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

using http::Access;
using http::HttpResponse;
using http::RequestContext;

absl::StatusOr<HttpResponse> ListAllConsents(Services& services, RequestContext& context) {
  nlohmann::json values = nlohmann::json::array();
  RETURN_IF_ERROR(RunForExistingTenant(services, context, [&](store::Tables& tables) {
    ASSIGN_OR_RETURN(std::vector<Consent> consents, tables.consents.List(TenantParam(context)));
    for (const Consent& consent : consents) {
      values.push_back(SimConsentView(consent, OperatorName(tables, consent.operator_id)));
    }
    return absl::OkStatus();
  }));
  return HttpResponse::Json(200, {{"value", std::move(values)}});
}

// Loads the consent, applies `change`, saves it and answers with the admin view.
absl::StatusOr<HttpResponse> ChangeConsent(Services& services, RequestContext& context,
                                           bool require_live,
                                           const std::function<absl::Status(Consent&)>& change) {
  const std::string tenant_id = TenantParam(context);
  const std::string operator_id = absl::AsciiStrToLower(context.Param("operatorId"));
  nlohmann::json view;
  RETURN_IF_ERROR(
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<Consent> consent,
                         tables.consents.Get(tenant_id, operator_id));
        if (!consent || (require_live && consent->status == "removed")) {
          return NotFoundError(absl::StrCat("No consent for operator '", operator_id, "'."));
        }
        RETURN_IF_ERROR(change(*consent));
        RETURN_IF_ERROR(tables.consents.Upsert(tenant_id, operator_id, *consent));
        view = SimConsentView(*consent, OperatorName(tables, operator_id));
        return absl::OkStatus();
      }));
  return HttpResponse::Json(200, std::move(view));
}

absl::StatusOr<HttpResponse> OperatorActsOnConsent(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body));
  ASSIGN_OR_RETURN(CustomerRelationship relationship, ParseRelationship(body, context.now));
  return ChangeConsent(services, context, /*require_live=*/true, [&](Consent& consent) {
    consent.customer_relationship = relationship;
    consent.auto_advance = false;
    return absl::OkStatus();
  });
}

absl::StatusOr<HttpResponse> DriftConsent(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body));
  return ChangeConsent(services, context, /*require_live=*/false, [&](Consent& consent) {
    return ApplyConsentDrift(body, context.now, consent);
  });
}

absl::StatusOr<HttpResponse> HardDeleteConsent(Services& services, RequestContext& context) {
  const std::string operator_id = absl::AsciiStrToLower(context.Param("operatorId"));
  RETURN_IF_ERROR(
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        ASSIGN_OR_RETURN(bool deleted, tables.consents.Delete(TenantParam(context), operator_id));
        if (!deleted) {
          return NotFoundError(absl::StrCat("No consent for operator '", operator_id, "'."));
        }
        return absl::OkStatus();
      }));
  return HttpResponse::Empty(204);
}

// The administrator enables an operator in the Teams admin center: the tenant API's consent
// creation, with its rules, for the tenant in the path.
absl::StatusOr<HttpResponse> EnableOperatorInAdminCenter(Services& services,
                                                         RequestContext& context) {
  RETURN_IF_ERROR(
      RunForExistingTenant(services, context, [](store::Tables&) { return absl::OkStatus(); }));
  context.tenant_id = TenantParam(context);
  return EnableOperatorForTenant(services, context);
}

}  // namespace

void RegisterAdminConsentRoutes(http::Router& router, Services& services) {
  const std::string base = kAdminTenantBase;
  const std::string consent = base + "/consents/{operatorId}";
  router.Add("GET", base + "/consents", Access::kAdmin, Bind(services, ListAllConsents));
  router.Add("POST", base + "/consents", Access::kAdmin,
             Bind(services, EnableOperatorInAdminCenter));
  router.Add("PATCH", consent, Access::kAdmin, Bind(services, DriftConsent));
  router.Add("DELETE", consent, Access::kAdmin, Bind(services, HardDeleteConsent));
  router.Add("POST", consent + "/customerRelationship", Access::kAdmin,
             Bind(services, OperatorActsOnConsent));
}

}  // namespace opcsim
