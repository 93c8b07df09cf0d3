// /_sim admin API: what happens to a tenant's numbers from outside the tenant. Operators upload
// and release them; an administrator edits or deletes any number out of band (drift).

#include <algorithm>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "simulator/domain/drift_rules.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/json_fields.h"
#include "simulator/domain/upload_rules.h"
#include "simulator/domain/validation.h"
#include "simulator/domain/views.h"
#include "simulator/handlers/admin_tenant_scope.h"
#include "simulator/handlers/lookups.h"
#include "simulator/handlers/services.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

using http::Access;
using http::HttpResponse;
using http::RequestContext;

absl::StatusOr<HttpResponse> UploadNumbers(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body));
  using Upload = std::vector<std::pair<std::string, UploadFields>>;
  ASSIGN_OR_RETURN(Upload upload, ParseUpload(body));
  const std::string tenant_id = TenantParam(context);
  const std::string operator_id = absl::AsciiStrToLower(context.Param("operatorId"));
  nlohmann::json values = nlohmann::json::array();
  RETURN_IF_ERROR(
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        ASSIGN_OR_RETURN(Operator op,
                         FindOrNotFound(tables.operators, "", operator_id, "Operator"));
        ASSIGN_OR_RETURN(std::optional<Consent> consent,
                         tables.consents.Get(tenant_id, operator_id));
        std::set<std::string> seen;
        for (const auto& [telephone_number, fields] : upload) {
          if (!seen.insert(telephone_number).second) {
            return BadRequest(absl::StrCat("Telephone number '", telephone_number,
                                           "' appears twice in the upload."));
          }
          std::optional<Location> location;
          if (fields.location_id) {
            ASSIGN_OR_RETURN(std::optional<Location> found,
                             tables.locations.Get(tenant_id, *fields.location_id));
            location = found;
          }
          ASSIGN_OR_RETURN(
              NumberAssignment number,
              UploadedNumber(tenant_id, op, consent.has_value() ? &*consent : nullptr,
                             telephone_number, fields, location ? &*location : nullptr));
          absl::Status inserted = tables.numbers.Insert(tenant_id, telephone_number, number);
          if (absl::IsAlreadyExists(inserted)) {
            return Conflict("NumberExists", absl::StrCat("Telephone number '", telephone_number,
                                                         "' is already in a tenant."));
          }
          if (!inserted.ok()) {
            return inserted;
          }
          values.push_back(NumberView(number));
        }
        return absl::OkStatus();
      }));
  return HttpResponse::Json(201, {{"value", std::move(values)}});
}

absl::StatusOr<HttpResponse> ReleaseNumbers(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body,
                   ParseJsonObject(context.request.body, {"telephoneNumbers"}));
  ASSIGN_OR_RETURN(std::optional<std::vector<std::string>> raw,
                   OptionalStringArray(body, "telephoneNumbers"));
  if (!raw || raw->empty()) {
    return BadRequest("Field 'telephoneNumbers' must list at least one number.");
  }
  std::vector<std::string> numbers;
  for (const std::string& text : *raw) {
    std::optional<std::string> number = NormalizeE164(text);
    if (!number) {
      return BadRequest(absl::StrCat("'", text, "' is not a valid E.164 telephone number."));
    }
    numbers.push_back(*number);
  }
  const std::string tenant_id = TenantParam(context);
  const std::string operator_id = absl::AsciiStrToLower(context.Param("operatorId"));
  RETURN_IF_ERROR(
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        std::vector<std::string> assigned;
        for (const std::string& telephone_number : numbers) {
          ASSIGN_OR_RETURN(std::optional<NumberAssignment> number,
                           tables.numbers.Get(tenant_id, telephone_number));
          if (!number || number->operator_id != operator_id) {
            return NotFoundError(absl::StrCat("Telephone number '", telephone_number,
                                              "' is not this operator's number in the tenant."));
          }
          if (number->IsAssigned()) {
            assigned.push_back(telephone_number);
          }
        }
        if (!assigned.empty()) {
          return Conflict("NumbersAssigned",
                          absl::StrCat("Only unassigned numbers can be released; assigned: ",
                                       absl::StrJoin(assigned, ", "), "."));
        }
        for (const std::string& telephone_number : numbers) {
          RETURN_IF_ERROR(tables.numbers.Delete(tenant_id, telephone_number).status());
        }
        return absl::OkStatus();
      }));
  return HttpResponse::Json(200, {{"released", numbers}});
}

absl::StatusOr<HttpResponse> ListAllNumbers(Services& services, RequestContext& context) {
  nlohmann::json values = nlohmann::json::array();
  RETURN_IF_ERROR(RunForExistingTenant(services, context, [&](store::Tables& tables) {
    ASSIGN_OR_RETURN(std::vector<NumberAssignment> numbers,
                     tables.numbers.List(TenantParam(context)));
    std::sort(numbers.begin(), numbers.end(),
              [](const NumberAssignment& a, const NumberAssignment& b) {
                return a.telephone_number < b.telephone_number;
              });
    for (const NumberAssignment& number : numbers) {
      values.push_back(NumberView(number));
    }
    return absl::OkStatus();
  }));
  return HttpResponse::Json(200, {{"value", std::move(values)}});
}

absl::StatusOr<HttpResponse> DriftNumber(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body));
  std::optional<std::string> telephone_number = NormalizeE164(context.Param("telephoneNumber"));
  if (!telephone_number) {
    return BadRequest("The path does not name a valid E.164 telephone number.");
  }
  const std::string tenant_id = TenantParam(context);
  nlohmann::json view;
  RETURN_IF_ERROR(
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        ASSIGN_OR_RETURN(std::optional<NumberAssignment> number,
                         tables.numbers.Get(tenant_id, *telephone_number));
        if (!number) {
          return NotFoundError(
              absl::StrCat("Telephone number '", *telephone_number, "' is not in the tenant."));
        }
        auto address_of =
            [&](const std::string& location_id) -> absl::StatusOr<std::optional<std::string>> {
          ASSIGN_OR_RETURN(std::optional<Location> location,
                           tables.locations.Get(tenant_id, location_id));
          if (!location) {
            return std::nullopt;
          }
          return location->civic_address_id;
        };
        RETURN_IF_ERROR(ApplyNumberDrift(body, address_of, *number));
        RETURN_IF_ERROR(tables.numbers.Upsert(tenant_id, *telephone_number, *number));
        view = NumberView(*number);
        return absl::OkStatus();
      }));
  return HttpResponse::Json(200, std::move(view));
}

absl::StatusOr<HttpResponse> DeleteNumber(Services& services, RequestContext& context) {
  std::optional<std::string> telephone_number = NormalizeE164(context.Param("telephoneNumber"));
  if (!telephone_number) {
    return BadRequest("The path does not name a valid E.164 telephone number.");
  }
  RETURN_IF_ERROR(
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        ASSIGN_OR_RETURN(bool deleted,
                         tables.numbers.Delete(TenantParam(context), *telephone_number));
        if (!deleted) {
          return NotFoundError(
              absl::StrCat("Telephone number '", *telephone_number, "' is not in the tenant."));
        }
        return absl::OkStatus();
      }));
  return HttpResponse::Empty(204);
}

}  // namespace

void RegisterAdminNumberRoutes(http::Router& router, Services& services) {
  const std::string base = kAdminTenantBase;
  const std::string operator_numbers = base + "/operators/{operatorId}/numbers";
  router.Add("POST", operator_numbers, Access::kAdmin, Bind(services, UploadNumbers));
  router.Add("POST", operator_numbers + "/release", Access::kAdmin, Bind(services, ReleaseNumbers));
  router.Add("GET", base + "/numbers", Access::kAdmin, Bind(services, ListAllNumbers));
  router.Add("PATCH", base + "/numbers/{telephoneNumber}", Access::kAdmin,
             Bind(services, DriftNumber));
  router.Add("DELETE", base + "/numbers/{telephoneNumber}", Access::kAdmin,
             Bind(services, DeleteNumber));
}

}  // namespace opcsim
