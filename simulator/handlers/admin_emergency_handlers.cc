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
#include "simulator/handlers/services.h"

namespace opcsim {
namespace {

using http::Access;
using http::HttpResponse;
using http::RequestContext;

absl::StatusOr<HttpResponse> DriftAddress(Services& services, RequestContext& context) {
  absl::StatusOr<nlohmann::json> body = ParseJsonObject(context.request.body);
  if (!body.ok()) {
    return body.status();
  }
  if (absl::Status checked = CheckAddressDrift(*body); !checked.ok()) {
    return checked;
  }
  const std::string tenant_id = TenantParam(context);
  const std::string id = absl::AsciiStrToLower(context.Param("civicAddressId"));
  nlohmann::json view;
  absl::Status status =
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        absl::StatusOr<std::optional<CivicAddress>> address =
            tables.civic_addresses.Get(tenant_id, id);
        if (!address.ok()) {
          return address.status();
        }
        if (!*address) {
          return NotFoundError(absl::StrCat("Civic address '", id, "' not found."));
        }
        if (absl::Status applied = ApplyAddressDrift(*body, context.now, **address);
            !applied.ok()) {
          return applied;
        }
        // Locations take their country from the address.
        absl::StatusOr<std::vector<Location>> locations = tables.locations.List(tenant_id);
        if (!locations.ok()) {
          return locations.status();
        }
        for (Location& location : *locations) {
          if (location.civic_address_id == id &&
              location.country_or_region != (*address)->country_or_region) {
            location.country_or_region = (*address)->country_or_region;
            if (absl::Status saved = tables.locations.Upsert(tenant_id, location.id, location);
                !saved.ok()) {
              return saved;
            }
          }
        }
        view = CivicAddressView(**address);
        return tables.civic_addresses.Upsert(tenant_id, id, **address);
      });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Json(200, std::move(view));
}

absl::StatusOr<HttpResponse> DeleteAddressOutOfBand(Services& services, RequestContext& context) {
  const std::string tenant_id = TenantParam(context);
  const std::string id = absl::AsciiStrToLower(context.Param("civicAddressId"));
  absl::Status status =
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        absl::StatusOr<bool> deleted = tables.civic_addresses.Delete(tenant_id, id);
        if (!deleted.ok()) {
          return deleted.status();
        }
        if (!*deleted) {
          return NotFoundError(absl::StrCat("Civic address '", id, "' not found."));
        }
        absl::StatusOr<std::vector<Location>> locations = tables.locations.List(tenant_id);
        if (!locations.ok()) {
          return locations.status();
        }
        std::set<std::string> removed;
        for (const Location& location : *locations) {
          if (location.civic_address_id == id) {
            removed.insert(location.id);
            if (absl::StatusOr<bool> gone = tables.locations.Delete(tenant_id, location.id);
                !gone.ok()) {
              return gone.status();
            }
          }
        }
        return DetachNumbersFrom(tables, tenant_id, removed);
      });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Empty(204);
}

absl::StatusOr<HttpResponse> DriftLocation(Services& services, RequestContext& context) {
  absl::StatusOr<nlohmann::json> body = ParseJsonObject(context.request.body);
  if (!body.ok()) {
    return body.status();
  }
  absl::StatusOr<LocationDrift> drift = ParseLocationDrift(*body);
  if (!drift.ok()) {
    return drift.status();
  }
  const std::string tenant_id = TenantParam(context);
  const std::string id = absl::AsciiStrToLower(context.Param("locationId"));
  nlohmann::json view;
  absl::Status status =
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        absl::StatusOr<std::optional<Location>> location = tables.locations.Get(tenant_id, id);
        if (!location.ok()) {
          return location.status();
        }
        if (!*location) {
          return NotFoundError(absl::StrCat("Location '", id, "' not found."));
        }
        ApplyLocationDrift(*drift, **location);
        view = LocationView(**location);
        return tables.locations.Upsert(tenant_id, id, **location);
      });
  if (!status.ok()) {
    return status;
  }
  return HttpResponse::Json(200, std::move(view));
}

absl::StatusOr<HttpResponse> DeleteLocationOutOfBand(Services& services, RequestContext& context) {
  const std::string tenant_id = TenantParam(context);
  const std::string id = absl::AsciiStrToLower(context.Param("locationId"));
  absl::Status status =
      RunForExistingTenant(services, context, [&](store::Tables& tables) -> absl::Status {
        absl::StatusOr<bool> deleted = tables.locations.Delete(tenant_id, id);
        if (!deleted.ok()) {
          return deleted.status();
        }
        if (!*deleted) {
          return NotFoundError(absl::StrCat("Location '", id, "' not found."));
        }
        return DetachNumbersFrom(tables, tenant_id, {id});
      });
  if (!status.ok()) {
    return status;
  }
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
