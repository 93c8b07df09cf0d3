// /beta/admin/teams/emergencyCalling: civic addresses and their locations, with the LIS
// cmdlets' rules.

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/inputs.h"
#include "simulator/domain/json_fields.h"
#include "simulator/domain/validation.h"
#include "simulator/domain/views.h"
#include "simulator/handlers/entity_tags.h"
#include "simulator/handlers/lookups.h"
#include "simulator/handlers/services.h"
#include "simulator/handlers/world_progress.h"
#include "simulator/http/etag.h"
#include "simulator/http/odata.h"
#include "simulator/support/ids.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

constexpr char kAddressesPath[] = "/beta/admin/teams/emergencyCalling/civicAddresses";
constexpr char kLocationsPath[] = "/beta/admin/teams/emergencyCalling/locations";

// How the tenant's numbers use its addresses and locations.
struct Usage {
  std::map<std::string, int64_t> numbers_by_location;
  std::map<std::string, int64_t> numbers_by_address;
  std::map<std::string, std::set<std::string>> voice_users_by_address;
};

// What `numbers` say about the addresses and locations they use.
Usage UsageOf(const std::vector<NumberAssignment>& numbers);

absl::StatusOr<Usage> LoadUsage(store::Tables& tables, const std::string& tenant) {
  ASSIGN_OR_RETURN(std::vector<NumberAssignment> numbers, tables.numbers.List(tenant));
  return UsageOf(numbers);
}

// The usage of one address or location: only the numbers that point at it are read (indexed),
// so reading one object costs O(its numbers), not O(the inventory).
absl::StatusOr<Usage> LoadUsageWhere(store::Tables& tables, const std::string& tenant,
                                     std::string_view json_path, const std::string& id) {
  ASSIGN_OR_RETURN(std::vector<NumberAssignment> numbers,
                   tables.numbers.ListWhereField(tenant, json_path, id));
  return UsageOf(numbers);
}

Usage UsageOf(const std::vector<NumberAssignment>& numbers) {
  Usage usage;
  for (const NumberAssignment& number : numbers) {
    if (number.location_id) {
      ++usage.numbers_by_location[*number.location_id];
    }
    if (number.civic_address_id) {
      ++usage.numbers_by_address[*number.civic_address_id];
      if (number.assignment_status == "userAssigned" && number.assignment_target_id) {
        usage.voice_users_by_address[*number.civic_address_id].insert(*number.assignment_target_id);
      }
    }
  }
  return usage;
}

int64_t CountOf(const std::map<std::string, int64_t>& counts, const std::string& key) {
  auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}

nlohmann::json AddressRepresentation(const CivicAddress& address, const Usage& usage,
                                     std::string* tag) {
  nlohmann::json view = CivicAddressView(address);
  *tag = AttachEtag(view);
  view["numberOfTelephoneNumbers"] = CountOf(usage.numbers_by_address, address.id);
  auto users = usage.voice_users_by_address.find(address.id);
  view["numberOfVoiceUsers"] =
      users == usage.voice_users_by_address.end() ? 0 : users->second.size();
  return view;
}

nlohmann::json LocationRepresentation(const Location& location, const Usage& usage,
                                      std::string* tag) {
  nlohmann::json view = LocationView(location);
  *tag = AttachEtag(view);
  view["numberOfTelephoneNumbers"] = CountOf(usage.numbers_by_location, location.id);
  return view;
}

absl::StatusOr<CivicAddress> FindAddress(store::Tables& tables, const std::string& tenant,
                                         const std::string& id) {
  return FindOrNotFound(tables.civic_addresses, tenant, id, "Civic address");
}

absl::StatusOr<Location> FindLocation(store::Tables& tables, const std::string& tenant,
                                      const std::string& id) {
  return FindOrNotFound(tables.locations, tenant, id, "Location");
}

// Latitude and longitude: both or neither, and both where the country needs a geocode.
absl::Status CheckGeocode(const CivicAddress& address) {
  if (address.latitude.has_value() != address.longitude.has_value()) {
    return BadRequest(absl::StrCat("Field '", address.latitude ? "longitude" : "latitude",
                                   "' is required together with '",
                                   address.latitude ? "latitude" : "longitude", "'."));
  }
  if (!address.latitude && GeocodeRequired(address.country_or_region)) {
    return BadRequest(
        absl::StrCat("Field 'latitude' is required (with 'longitude') for "
                     "addresses in ",
                     address.country_or_region, "; only AU and JP addresses may omit them."));
  }
  return absl::OkStatus();
}

absl::Status RejectUnknownAddressFields(const nlohmann::json& body) {
  for (const auto& [key, value] : body.items()) {
    if (key.rfind("@odata.", 0) == 0) {
      continue;
    }
    const auto& names = CivicAddressFieldNames();
    if (std::find(names.begin(), names.end(), key) == names.end()) {
      return BadRequest(absl::StrCat("Field '", key, "' is not supported or is read-only."));
    }
  }
  return absl::OkStatus();
}

// ---- civic addresses ----

// Lists the tenant's objects of one kind (`table`) in order (`before`), as representations with
// their usage counts, then filters and pages them.
template <typename T>
absl::StatusOr<http::HttpResponse> ListWithUsage(Services& services, http::RequestContext& context,
                                                 store::DocTable<T> store::Tables::*table,
                                                 bool (*before)(const T&, const T&),
                                                 nlohmann::json (*represent)(const T&, const Usage&,
                                                                             std::string*),
                                                 const http::FilterSchema& schema) {
  std::vector<nlohmann::json> views;
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) {
    ASSIGN_OR_RETURN(std::vector<T> objects, (tables.*table).List(context.tenant_id));
    ASSIGN_OR_RETURN(Usage usage, LoadUsage(tables, context.tenant_id));
    std::sort(objects.begin(), objects.end(), before);
    for (const T& object : objects) {
      std::string tag;
      views.push_back(represent(object, usage, &tag));
    }
    return absl::OkStatus();
  }));
  ASSIGN_OR_RETURN(nlohmann::json page, http::FilterAndPage(views, schema, context));
  return http::HttpResponse::Json(200, std::move(page));
}

// One object (`find`, 404 if absent) with the usage of numbers whose `usage_field` names it,
// answered with its ETag (304 for a matching If-None-Match).
template <typename T>
absl::StatusOr<http::HttpResponse> GetWithUsage(
    Services& services, http::RequestContext& context, const std::string& id,
    absl::StatusOr<T> (*find)(store::Tables&, const std::string&, const std::string&),
    const char* usage_field, nlohmann::json (*represent)(const T&, const Usage&, std::string*)) {
  nlohmann::json view;
  std::string tag;
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) {
    ASSIGN_OR_RETURN(T object, find(tables, context.tenant_id, id));
    ASSIGN_OR_RETURN(Usage usage, LoadUsageWhere(tables, context.tenant_id, usage_field, id));
    view = represent(object, usage, &tag);
    return absl::OkStatus();
  }));
  return ConditionalGetResponse(context, std::move(view), tag);
}

const http::FilterSchema& AddressFilterSchema() {
  static const http::FilterSchema kSchema = {{"countryOrRegion", false, nullptr},
                                             {"description", false, nullptr},
                                             {"city", false, nullptr},
                                             {"companyName", false, nullptr},
                                             {"validationStatus", false, nullptr}};
  return kSchema;
}

bool AddressBefore(const CivicAddress& a, const CivicAddress& b) {
  return std::tie(a.created_ms, a.id) < std::tie(b.created_ms, b.id);
}

absl::StatusOr<http::HttpResponse> ListAddresses(Services& services,
                                                 http::RequestContext& context) {
  return ListWithUsage(services, context, &store::Tables::civic_addresses, AddressBefore,
                       AddressRepresentation, AddressFilterSchema());
}

absl::StatusOr<http::HttpResponse> GetAddress(Services& services, http::RequestContext& context) {
  return GetWithUsage(services, context, absl::AsciiStrToLower(context.Param("civicAddressId")),
                      FindAddress, "$.civic_address_id", AddressRepresentation);
}

absl::StatusOr<http::HttpResponse> CreateAddress(Services& services,
                                                 http::RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body));
  RETURN_IF_ERROR(RejectUnknownAddressFields(body));
  for (const char* required : {"companyName", "countryOrRegion"}) {
    RETURN_IF_ERROR(RequiredString(body, required).status());
  }
  CivicAddress address;
  RETURN_IF_ERROR(ApplyCivicAddressFields(body, address));
  RETURN_IF_ERROR(CheckGeocode(address));
  address.tenant_id = context.tenant_id;
  address.id = NewGuid();
  address.default_location_id = NewGuid();
  address.created_ms = context.now;
  address.last_modified_ms = context.now;
  Location default_location;
  default_location.tenant_id = context.tenant_id;
  default_location.id = address.default_location_id;
  default_location.civic_address_id = address.id;
  default_location.elin = address.elin;
  default_location.is_default = true;
  default_location.country_or_region = address.country_or_region;
  default_location.created_ms = context.now;
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) {
    RETURN_IF_ERROR(tables.civic_addresses.Insert(context.tenant_id, address.id, address));
    return tables.locations.Insert(context.tenant_id, default_location.id, default_location);
  }));
  std::string tag;
  nlohmann::json view = AddressRepresentation(address, Usage{}, &tag);
  return EntityResponse(201, std::move(view), tag)
      .WithHeader("Location", absl::StrCat(context.base_url, kAddressesPath, "/", address.id));
}

absl::StatusOr<http::HttpResponse> UpdateAddress(Services& services,
                                                 http::RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body));
  RETURN_IF_ERROR(RejectUnknownAddressFields(body));
  const std::string id = absl::AsciiStrToLower(context.Param("civicAddressId"));
  nlohmann::json view;
  std::string tag;
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(CivicAddress address, FindAddress(tables, context.tenant_id, id));
    RETURN_IF_ERROR(http::CheckIfMatch(context.request, http::EtagOf(CivicAddressView(address))));
    CivicAddress updated = address;
    RETURN_IF_ERROR(ApplyCivicAddressFields(body, updated));
    if (CivicAddressView(updated) != CivicAddressView(address)) {
      if (updated.country_or_region != address.country_or_region) {
        return Conflict("AddressEditNotSupported",
                        "The country of a civic address cannot be changed; delete and recreate "
                        "the address.");
      }
      if (!CivicAddressEditAllowed(address.country_or_region)) {
        return Conflict("AddressEditNotSupported",
                        absl::StrCat("Civic addresses in ", address.country_or_region,
                                     " cannot be edited; delete and recreate the address."));
      }
      RETURN_IF_ERROR(CheckGeocode(updated));
      updated.last_modified_ms = context.now;
      RETURN_IF_ERROR(tables.civic_addresses.Upsert(context.tenant_id, id, updated));
    }
    ASSIGN_OR_RETURN(Usage usage, LoadUsage(tables, context.tenant_id));
    view = AddressRepresentation(updated, usage, &tag);
    return absl::OkStatus();
  }));
  return EntityResponse(200, std::move(view), tag);
}

absl::StatusOr<http::HttpResponse> DeleteAddress(Services& services,
                                                 http::RequestContext& context) {
  const std::string id = absl::AsciiStrToLower(context.Param("civicAddressId"));
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(CivicAddress address, FindAddress(tables, context.tenant_id, id));
    RETURN_IF_ERROR(http::CheckIfMatch(context.request, http::EtagOf(CivicAddressView(address))));
    ASSIGN_OR_RETURN(std::vector<Location> locations, tables.locations.List(context.tenant_id));
    ASSIGN_OR_RETURN(Usage usage, LoadUsage(tables, context.tenant_id));
    for (const Location& location : locations) {
      if (location.civic_address_id == id && CountOf(usage.numbers_by_location, location.id) > 0) {
        return Conflict(
            "InUse",
            absl::StrCat("Civic address '", id, "' cannot be deleted: its location '", location.id,
                         "' is used by ", CountOf(usage.numbers_by_location, location.id),
                         " telephone number(s)."));
      }
    }
    for (const Location& location : locations) {
      if (location.civic_address_id == id) {
        RETURN_IF_ERROR(tables.locations.Delete(context.tenant_id, location.id).status());
      }
    }
    return tables.civic_addresses.Delete(context.tenant_id, id).status();
  }));
  return http::HttpResponse::Empty(204);
}

// ---- locations ----

const http::FilterSchema& LocationFilterSchema() {
  static const http::FilterSchema kSchema = {{"civicAddressId", false, nullptr},
                                             {"description", false, nullptr},
                                             {"countryOrRegion", false, nullptr},
                                             {"elin", false, nullptr}};
  return kSchema;
}

// Grouped by address, each address's default location first.
bool LocationBefore(const Location& a, const Location& b) {
  return std::make_tuple(a.civic_address_id, !a.is_default, a.id) <
         std::make_tuple(b.civic_address_id, !b.is_default, b.id);
}

absl::StatusOr<http::HttpResponse> ListLocations(Services& services,
                                                 http::RequestContext& context) {
  return ListWithUsage(services, context, &store::Tables::locations, LocationBefore,
                       LocationRepresentation, LocationFilterSchema());
}

absl::StatusOr<http::HttpResponse> GetLocation(Services& services, http::RequestContext& context) {
  return GetWithUsage(services, context, absl::AsciiStrToLower(context.Param("locationId")),
                      FindLocation, "$.location_id", LocationRepresentation);
}

absl::StatusOr<http::HttpResponse> CreateLocation(Services& services,
                                                  http::RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body,
                                                        {"civicAddressId", "description", "elin"}));
  absl::StatusOr<std::string> address_id = RequiredString(body, "civicAddressId");
  absl::StatusOr<std::string> description = RequiredString(body, "description");
  absl::StatusOr<std::optional<std::string>> elin = OptionalString(body, "elin");
  for (const absl::Status& status : {address_id.status(), description.status(), elin.status()}) {
    if (!status.ok()) {
      return status;
    }
  }
  Location location;
  location.tenant_id = context.tenant_id;
  location.id = NewGuid();
  location.civic_address_id = absl::AsciiStrToLower(*address_id);
  location.description = *description;
  if (*elin && !(*elin)->empty()) {
    location.elin = **elin;
  }
  location.created_ms = context.now;
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<CivicAddress> address,
                     tables.civic_addresses.Get(context.tenant_id, location.civic_address_id));
    if (!address) {
      return BadRequest(absl::StrCat("Field 'civicAddressId': civic address '", *address_id,
                                     "' was not found in the tenant."));
    }
    location.country_or_region = address->country_or_region;
    return tables.locations.Insert(context.tenant_id, location.id, location);
  }));
  std::string tag;
  nlohmann::json view = LocationRepresentation(location, Usage{}, &tag);
  return EntityResponse(201, std::move(view), tag)
      .WithHeader("Location", absl::StrCat(context.base_url, kLocationsPath, "/", location.id));
}

absl::StatusOr<http::HttpResponse> UpdateLocation(Services& services,
                                                  http::RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body,
                   ParseJsonObject(context.request.body, {"description", "elin"}));
  std::optional<std::string> description;
  if (Has(body, "description")) {
    ASSIGN_OR_RETURN(std::string value, RequiredString(body, "description"));
    description = value;
  }
  std::optional<std::string> elin;
  if (Has(body, "elin")) {
    ASSIGN_OR_RETURN(std::optional<std::string> value, OptionalString(body, "elin"));
    if (!value || value->empty()) {
      return BadRequest("ElinCannotBeCleared",
                        "An ELIN can be set or changed but not cleared; delete and recreate the "
                        "location to remove it.");
    }
    elin = *value;
  }
  const std::string id = absl::AsciiStrToLower(context.Param("locationId"));
  nlohmann::json view;
  std::string tag;
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(Location location, FindLocation(tables, context.tenant_id, id));
    RETURN_IF_ERROR(http::CheckIfMatch(context.request, http::EtagOf(LocationView(location))));
    if (description) {
      location.description = *description;
    }
    if (elin) {
      location.elin = *elin;
    }
    RETURN_IF_ERROR(tables.locations.Upsert(context.tenant_id, id, location));
    ASSIGN_OR_RETURN(Usage usage, LoadUsage(tables, context.tenant_id));
    view = LocationRepresentation(location, usage, &tag);
    return absl::OkStatus();
  }));
  return EntityResponse(200, std::move(view), tag);
}

absl::StatusOr<http::HttpResponse> DeleteLocation(Services& services,
                                                  http::RequestContext& context) {
  const std::string id = absl::AsciiStrToLower(context.Param("locationId"));
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(Location location, FindLocation(tables, context.tenant_id, id));
    RETURN_IF_ERROR(http::CheckIfMatch(context.request, http::EtagOf(LocationView(location))));
    if (location.is_default) {
      return Conflict("DefaultLocation",
                      "The default location of a civic address cannot be deleted; delete the "
                      "address instead.");
    }
    ASSIGN_OR_RETURN(Usage usage, LoadUsage(tables, context.tenant_id));
    if (const int64_t used = CountOf(usage.numbers_by_location, id); used > 0) {
      return Conflict(
          "InUse", absl::StrCat("Location '", id, "' is used by ", used, " telephone number(s)."));
    }
    return tables.locations.Delete(context.tenant_id, id).status();
  }));
  return http::HttpResponse::Empty(204);
}

}  // namespace

void RegisterEmergencyRoutes(http::Router& router, Services& services) {
  const std::string address = std::string(kAddressesPath) + "/{civicAddressId}";
  const std::string location = std::string(kLocationsPath) + "/{locationId}";
  router.Add("GET", kAddressesPath, http::Access::kTenant, Bind(services, ListAddresses));
  router.Add("POST", kAddressesPath, http::Access::kTenant, Bind(services, CreateAddress));
  router.Add("GET", address, http::Access::kTenant, Bind(services, GetAddress));
  router.Add("PATCH", address, http::Access::kTenant, Bind(services, UpdateAddress));
  router.Add("DELETE", address, http::Access::kTenant, Bind(services, DeleteAddress));
  router.Add("GET", kLocationsPath, http::Access::kTenant, Bind(services, ListLocations));
  router.Add("POST", kLocationsPath, http::Access::kTenant, Bind(services, CreateLocation));
  router.Add("GET", location, http::Access::kTenant, Bind(services, GetLocation));
  router.Add("PATCH", location, http::Access::kTenant, Bind(services, UpdateLocation));
  router.Add("DELETE", location, http::Access::kTenant, Bind(services, DeleteLocation));
}

}  // namespace opcsim
