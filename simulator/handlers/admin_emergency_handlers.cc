// /_sim admin API: out-of-band edits (drift) and deletions of a tenant's emergency civic
// addresses and locations, bypassing the tenant API's rules.

#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "simulator/domain/drift_rules.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/json_fields.h"
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

absl::StatusOr<HttpResponse> DriftAddress(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body));
  RETURN_IF_ERROR(CheckAddressDrift(body));
  const std::string tenant_id = TenantParam(context);
  const std::string id = absl::AsciiStrToLower(context.Param("civicAddressId"));
  nlohmann::json view;
  RETURN_IF_ERROR(
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        ASSIGN_OR_RETURN(CivicAddress address,
                         FindOrNotFound(tables.civic_addresses, tenant_id, id, "Civic address"));
        RETURN_IF_ERROR(ApplyAddressDrift(body, context.now, address));
        // Locations take their country from the address.
        ASSIGN_OR_RETURN(std::vector<Location> locations, tables.locations.List(tenant_id));
        for (Location& location : locations) {
          if (location.civic_address_id == id &&
              location.country_or_region != address.country_or_region) {
            location.country_or_region = address.country_or_region;
            RETURN_IF_ERROR(tables.locations.Upsert(tenant_id, location.id, location));
          }
        }
        view = CivicAddressView(address);
        return tables.civic_addresses.Upsert(tenant_id, id, address);
      }));
  return HttpResponse::Json(200, std::move(view));
}

absl::StatusOr<HttpResponse> DeleteAddressOutOfBand(Services& services, RequestContext& context) {
  const std::string tenant_id = TenantParam(context);
  const std::string id = absl::AsciiStrToLower(context.Param("civicAddressId"));
  RETURN_IF_ERROR(
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        RETURN_IF_ERROR(DeleteOrNotFound(tables.civic_addresses, tenant_id, id, "Civic address"));
        ASSIGN_OR_RETURN(std::vector<Location> locations, tables.locations.List(tenant_id));
        std::set<std::string> removed;
        for (const Location& location : locations) {
          if (location.civic_address_id == id) {
            removed.insert(location.id);
            RETURN_IF_ERROR(tables.locations.Delete(tenant_id, location.id).status());
          }
        }
        return DetachNumbersFrom(tables, tenant_id, removed);
      }));
  return HttpResponse::Empty(204);
}

absl::StatusOr<HttpResponse> DriftLocation(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body));
  ASSIGN_OR_RETURN(LocationDrift drift, ParseLocationDrift(body));
  const std::string tenant_id = TenantParam(context);
  const std::string id = absl::AsciiStrToLower(context.Param("locationId"));
  nlohmann::json view;
  RETURN_IF_ERROR(
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        ASSIGN_OR_RETURN(Location location,
                         FindOrNotFound(tables.locations, tenant_id, id, "Location"));
        ApplyLocationDrift(drift, location);
        view = LocationView(location);
        return tables.locations.Upsert(tenant_id, id, location);
      }));
  return HttpResponse::Json(200, std::move(view));
}

absl::StatusOr<HttpResponse> DeleteLocationOutOfBand(Services& services, RequestContext& context) {
  const std::string tenant_id = TenantParam(context);
  const std::string id = absl::AsciiStrToLower(context.Param("locationId"));
  RETURN_IF_ERROR(
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        RETURN_IF_ERROR(DeleteOrNotFound(tables.locations, tenant_id, id, "Location"));
        return DetachNumbersFrom(tables, tenant_id, {id});
      }));
  return HttpResponse::Empty(204);
}

}  // namespace

void RegisterAdminEmergencyRoutes(http::Router& router, Services& services) {
  const std::string base = kAdminTenantBase;
  router.Add("PATCH", base + "/civicAddresses/{civicAddressId}", Access::kAdmin,
             Bind(services, DriftAddress));
  router.Add("DELETE", base + "/civicAddresses/{civicAddressId}", Access::kAdmin,
             Bind(services, DeleteAddressOutOfBand));
  router.Add("PATCH", base + "/locations/{locationId}", Access::kAdmin,
             Bind(services, DriftLocation));
  router.Add("DELETE", base + "/locations/{locationId}", Access::kAdmin,
             Bind(services, DeleteLocationOutOfBand));
}

}  // namespace opcsim
