// Graph v1.0 /admin/teams/telephoneNumberManagement/numberAssignments: list, get and the
// assignNumber / unassignNumber / updateNumber actions.

#include <algorithm>
#include <cmath>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/json_fields.h"
#include "simulator/domain/number_rules.h"
#include "simulator/domain/validation.h"
#include "simulator/domain/views.h"
#include "simulator/domain/vocabulary.h"
#include "simulator/handlers/operation_view.h"
#include "simulator/handlers/services.h"
#include "simulator/handlers/world_progress.h"
#include "simulator/http/odata.h"
#include "simulator/support/ids.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

const http::FilterSchema& NumberFilterSchema() {
  static const http::FilterSchema kSchema = [] {
    http::FilterSchema schema;
    schema.push_back({"telephoneNumber", false,
                      [](std::string_view literal) { return NormalizeE164(literal); }});
    for (const char* field :
         {"operatorId", "numberType", "activationState", "assignmentStatus", "assignmentCategory",
          "assignmentTargetId", "isoCountryCode", "locationId", "civicAddressId", "networkSiteId",
          "numberSource", "portInStatus"}) {
      schema.push_back({field, false, nullptr});
    }
    for (const char* field :
         {"capabilities", "supportedCustomerActions", "reverseNumberLookupOptions"}) {
      schema.push_back({field, true, nullptr});
    }
    return schema;
  }();
  return kSchema;
}

absl::StatusOr<std::string> TelephoneNumberField(const nlohmann::json& body) {
  ASSIGN_OR_RETURN(std::string raw, RequiredString(body, "telephoneNumber"));
  std::optional<std::string> normalized = NormalizeE164(raw);
  if (!normalized) {
    return BadRequest(absl::StrCat("Field 'telephoneNumber' value '", raw,
                                   "' is not a valid E.164 telephone number."));
  }
  return *normalized;
}

// The tenant's numbers that can match `query`. Every refresh of an assignment lists with
// `telephoneNumber eq '+...'`: then only that row is read, not the whole inventory.
absl::StatusOr<std::vector<NumberAssignment>> CandidateNumbers(store::Tables& tables,
                                                               const std::string& tenant_id,
                                                               const http::ListQuery& query) {
  const std::optional<std::string> telephone_number =
      query.filter ? query.filter->RequiredValue("telephoneNumber") : std::nullopt;
  if (!telephone_number) {
    return tables.numbers.List(tenant_id);
  }
  ASSIGN_OR_RETURN(std::optional<NumberAssignment> number,
                   tables.numbers.Get(tenant_id, *telephone_number));
  std::vector<NumberAssignment> numbers;
  if (number) {
    numbers.push_back(*std::move(number));
  }
  return numbers;
}

SimMillis CompleteAfterMs(const Services& services) {
  return static_cast<SimMillis>(std::llround(services.settings.operation_complete_seconds * 1000));
}

absl::StatusOr<http::HttpResponse> ListNumbers(Services& services, http::RequestContext& context) {
  ASSIGN_OR_RETURN(http::ListQuery query,
                   http::ParseListQuery(context.request, NumberFilterSchema()));
  std::optional<nlohmann::json> body;
  std::vector<nlohmann::json> views;
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) {
    ASSIGN_OR_RETURN(std::set<std::string> hidden,
                     NumbersHiddenByLag(tables, context.tenant_id, context.now,
                                        CompleteAfterMs(services), services.replication_lag));
    if (!query.filter && hidden.empty()) {
      // The whole inventory, one page at a time: read just this page (and one row to tell
      // whether another follows), so listing N numbers costs O(N), not O(N^2).
      ASSIGN_OR_RETURN(std::vector<NumberAssignment> page,
                       tables.numbers.ListPageById(context.tenant_id, query.options.top + 1,
                                                   query.options.skip));
      const bool more = page.size() > static_cast<size_t>(query.options.top);
      nlohmann::json values = nlohmann::json::array();
      for (size_t i = 0; i < page.size() && i < static_cast<size_t>(query.options.top); ++i) {
        values.push_back(NumberView((page)[i]));
      }
      body = http::PageBody(std::move(values), more, query, context);
      return absl::OkStatus();
    }
    ASSIGN_OR_RETURN(std::vector<NumberAssignment> numbers,
                     CandidateNumbers(tables, context.tenant_id, query));
    std::sort(numbers.begin(), numbers.end(),
              [](const NumberAssignment& a, const NumberAssignment& b) {
                return a.telephone_number < b.telephone_number;
              });
    views.reserve(numbers.size());
    for (const NumberAssignment& number : numbers) {
      if (!hidden.contains(number.telephone_number)) {
        views.push_back(NumberView(number));
      }
    }
    return absl::OkStatus();
  }));
  if (body) {
    return http::HttpResponse::Json(200, *std::move(body));
  }
  return http::HttpResponse::Json(200, http::FilterAndPage(views, query, context));
}

absl::StatusOr<http::HttpResponse> GetNumber(Services& services, http::RequestContext& context) {
  const std::string& id = context.Param("numberAssignmentId");
  auto key = ParseNumberAssignmentId(id);
  const absl::Status not_found =
      NotFoundError(absl::StrCat("numberAssignment '", id, "' not found."));
  if (!key || !EqualsIgnoreCase(key->first, context.tenant_id)) {
    return not_found;
  }
  std::optional<NumberAssignment> number;
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) {
    ASSIGN_OR_RETURN(std::optional<NumberAssignment> found,
                     tables.numbers.Get(context.tenant_id, key->second));
    number = std::move(found);
    if (number) {
      ASSIGN_OR_RETURN(std::set<std::string> hidden,
                       NumbersHiddenByLag(tables, context.tenant_id, context.now,
                                          CompleteAfterMs(services), services.replication_lag));
      if (hidden.contains(number->telephone_number)) {
        number.reset();  // not replicated to the replica that answers yet
      }
    }
    return absl::OkStatus();
  }));
  if (!number) {
    return not_found;
  }
  return http::HttpResponse::Json(200, NumberView(*number));
}

// Records a new operation for one number and answers 202. `precheck` tells whether the
// operation would succeed now; if so the number shows assignmentPending until it completes.
absl::StatusOr<http::HttpResponse> StartOperation(
    Services& services, http::RequestContext& context, const std::string& kind,
    const std::string& telephone_number, nlohmann::json request,
    const std::function<absl::StatusOr<bool>(store::Tables&, const NumberAssignment*)>& precheck) {
  Operation operation;
  operation.tenant_id = context.tenant_id;
  operation.id = NewGuid();
  operation.kind = kind;
  operation.created_ms = context.now;
  operation.request = std::move(request);
  operation.numbers.push_back(
      OperationNumber{telephone_number, "notStarted", std::nullopt, std::nullopt});
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) {
    ASSIGN_OR_RETURN(std::optional<NumberAssignment> number,
                     tables.numbers.Get(context.tenant_id, telephone_number));
    ASSIGN_OR_RETURN(bool would_succeed, precheck(tables, number ? &*number : nullptr));
    if (would_succeed && number) {
      operation.numbers.front().prior_activation_state = number->activation_state;
      number->activation_state = "assignmentPending";
      RETURN_IF_ERROR(tables.numbers.Upsert(context.tenant_id, telephone_number, *number));
    }
    return tables.operations.Insert(context.tenant_id, operation.id, operation);
  }));
  http::HttpResponse response = http::HttpResponse::Empty(202);
  response.WithHeader("Location", OperationLocation(context.base_url, operation.id));
  if (auto retry_after = OperationRetryAfter(operation, context.now, services)) {
    response.WithHeader("Retry-After", std::to_string(*retry_after));
  }
  return response;
}

absl::StatusOr<http::HttpResponse> AssignNumber(Services& services, http::RequestContext& context) {
  ASSIGN_OR_RETURN(
      nlohmann::json body,
      ParseJsonObject(context.request.body, {"telephoneNumber", "assignmentTargetId", "numberType",
                                             "assignmentCategory", "locationId"}));
  AssignRequest request;
  absl::StatusOr<std::string> number = TelephoneNumberField(body);
  absl::StatusOr<std::string> target = RequiredString(body, "assignmentTargetId");
  absl::StatusOr<std::string> type =
      RequiredEnum(body, "numberType", vocab::kNumberTypes, EnumCase::kExact);
  absl::StatusOr<std::optional<std::string>> category =
      OptionalEnum(body, "assignmentCategory", vocab::kAssignmentCategories, EnumCase::kExact);
  absl::StatusOr<std::optional<std::string>> location = OptionalString(body, "locationId");
  for (const absl::Status& status :
       {number.status(), target.status(), type.status(), category.status(), location.status()}) {
    if (!status.ok()) {
      return status;
    }
  }
  request.telephone_number = *number;
  // Object ids are GUIDs, which compare case-insensitively; they are stored in lower case.
  request.assignment_target_id = absl::AsciiStrToLower(*target);
  request.number_type = *type;
  request.assignment_category = category->value_or("primary");
  if (*location && !(*location)->empty()) {
    request.location_id = absl::AsciiStrToLower(**location);
  }
  return StartOperation(
      services, context, "assign", request.telephone_number, request,
      [&](store::Tables& tables, const NumberAssignment* current) -> absl::StatusOr<bool> {
        ASSIGN_OR_RETURN(std::optional<User> user,
                         tables.users.Get(context.tenant_id, request.assignment_target_id));
        std::optional<Location> found_location;
        if (request.location_id) {
          ASSIGN_OR_RETURN(std::optional<Location> found,
                           tables.locations.Get(context.tenant_id, *request.location_id));
          found_location = found;
        }
        return !AssignFailure(request, current, user ? &*user : nullptr,
                              found_location ? &*found_location : nullptr);
      });
}

absl::StatusOr<http::HttpResponse> UnassignNumber(Services& services,
                                                  http::RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body,
                   ParseJsonObject(context.request.body, {"telephoneNumber", "numberType"}));
  ASSIGN_OR_RETURN(std::string number, TelephoneNumberField(body));
  ASSIGN_OR_RETURN(std::string type,
                   RequiredEnum(body, "numberType", vocab::kNumberTypes, EnumCase::kExact));
  UnassignRequest request{number, type};
  return StartOperation(
      services, context, "unassign", request.telephone_number, request,
      [&](store::Tables&, const NumberAssignment* current) -> absl::StatusOr<bool> {
        return !UnassignFailure(request, current);
      });
}

absl::StatusOr<http::HttpResponse> UpdateNumber(Services& services, http::RequestContext& context) {
  ASSIGN_OR_RETURN(
      nlohmann::json body,
      ParseJsonObject(context.request.body, {"telephoneNumber", "locationId", "networkSiteId",
                                             "reverseNumberLookupOptions"}));
  absl::StatusOr<std::string> telephone_number = TelephoneNumberField(body);
  absl::StatusOr<std::optional<std::string>> location_id = OptionalString(body, "locationId");
  absl::StatusOr<std::optional<std::string>> site_id = OptionalString(body, "networkSiteId");
  for (const absl::Status& status :
       {telephone_number.status(), location_id.status(), site_id.status()}) {
    if (!status.ok()) {
      return status;
    }
  }
  std::optional<std::vector<std::string>> lookup_options;
  if (Has(body, "reverseNumberLookupOptions") && !(body)["reverseNumberLookupOptions"].is_null()) {
    ASSIGN_OR_RETURN(std::vector<std::string> options,
                     EnumArray(body, "reverseNumberLookupOptions",
                               vocab::kReverseNumberLookupOptions, EnumCase::kExact));
    lookup_options = options;
  }
  RETURN_IF_ERROR(RunForTenant(services, context, [&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<NumberAssignment> found,
                     tables.numbers.Get(context.tenant_id, *telephone_number));
    if (!found) {
      return NotFoundError(
          absl::StrCat("Telephone number '", *telephone_number, "' is not found in the tenant."));
    }
    NumberAssignment& number = *found;
    if (*location_id) {  // null/absent keeps the location
      if ((*location_id)->empty()) {
        if (number.location_id) {
          RETURN_IF_ERROR(CheckLocationUpdate(number, nullptr));
          number.location_id.reset();
          number.civic_address_id.reset();
        }
      } else if (number.location_id != absl::AsciiStrToLower(**location_id)) {
        ASSIGN_OR_RETURN(
            std::optional<Location> location,
            tables.locations.Get(context.tenant_id, absl::AsciiStrToLower(**location_id)));
        if (!location) {
          return BadRequest("UnknownLocation", absl::StrCat("Emergency location '", **location_id,
                                                            "' was not found in the tenant."));
        }
        RETURN_IF_ERROR(CheckLocationUpdate(number, &*location));
        number.location_id = location->id;
        number.civic_address_id = location->civic_address_id;
      }
    }
    if (*site_id) {
      number.network_site_id =
          (*site_id)->empty() ? std::nullopt : std::optional<std::string>(**site_id);
    }
    if (lookup_options) {
      number.reverse_number_lookup_options = *lookup_options;
    }
    return tables.numbers.Upsert(context.tenant_id, number.telephone_number, number);
  }));
  return http::HttpResponse::Empty(200);
}

}  // namespace

void RegisterNumberRoutes(http::Router& router, Services& services) {
  const std::string base = std::string(kNumberManagementPath) + "/numberAssignments";
  router.Add("GET", base, http::Access::kTenant, Bind(services, ListNumbers));
  router.Add("GET", base + "/{numberAssignmentId}", http::Access::kTenant,
             Bind(services, GetNumber));
  router.Add("POST", base + "/assignNumber", http::Access::kTenant, Bind(services, AssignNumber));
  router.Add("POST", base + "/unassignNumber", http::Access::kTenant,
             Bind(services, UnassignNumber));
  router.Add("POST", base + "/updateNumber", http::Access::kTenant, Bind(services, UpdateNumber));
}

}  // namespace opcsim
