// /_sim admin API, part 1: the world around tenants (health, clock, faults, tenants, app
// registrations, users, the operator catalog).

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/inputs.h"
#include "simulator/domain/json_fields.h"
#include "simulator/domain/views.h"
#include "simulator/handlers/lookups.h"
#include "simulator/handlers/services.h"
#include "simulator/support/ids.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

using http::Access;
using http::HttpResponse;
using http::RequestContext;

absl::Status RequireTenant(store::Tables& tables, const std::string& tenant_id) {
  return FindOrNotFound(tables.tenants, "", tenant_id, "Tenant").status();
}

HttpResponse ValueList(nlohmann::json values) {
  return HttpResponse::Json(200, {{"value", std::move(values)}});
}

// Every object of a table that belongs to no tenant (tenants, the operator catalog), each as
// `view` renders it.
template <typename T>
absl::StatusOr<HttpResponse> ListGlobal(Services& services,
                                        store::DocTable<T> store::Tables::*table,
                                        nlohmann::json (*view)(const T&)) {
  nlohmann::json values = nlohmann::json::array();
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(std::vector<T> objects, (tables.*table).List(""));
    for (const T& object : objects) {
      values.push_back(view(object));
    }
    return absl::OkStatus();
  }));
  return ValueList(std::move(values));
}

// ---- clock ----

HttpResponse ClockView(Services& services) {
  return HttpResponse::Json(200, {{"now", FormatTimestamp(services.clock.Now())},
                                  {"nowMilliseconds", services.clock.Now()},
                                  {"timeScale", services.clock.time_scale()}});
}

absl::StatusOr<HttpResponse> GetClock(Services& services, RequestContext&) {
  return ClockView(services);
}

absl::StatusOr<HttpResponse> SetTimeScale(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(double scale, SingleNumberBody(context.request.body, "timeScale", 0.0001, 1000));
  services.clock.SetTimeScale(scale);
  return ClockView(services);
}

absl::StatusOr<HttpResponse> AdvanceClock(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body, {"seconds"}));
  ASSIGN_OR_RETURN(std::optional<double> seconds, OptionalNumber(body, "seconds"));
  if (!seconds || *seconds < 0 || *seconds > 10.0 * 365 * 24 * 3600) {
    return BadRequest("Field 'seconds' must be a non-negative number (at most ten years).");
  }
  services.clock.Advance(static_cast<SimMillis>(*seconds * 1000));
  // Persist so a restart never moves the clock backwards past what clients have seen.
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) {
    return tables.meta.Set(store::kClockMetaKey, std::to_string(services.clock.Now()));
  }));
  return ClockView(services);
}

// ---- faults ----

absl::StatusOr<HttpResponse> ListFaults(Services& services, RequestContext&) {
  return ValueList(services.faults.List());
}

absl::StatusOr<HttpResponse> CreateFault(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body));
  ASSIGN_OR_RETURN(nlohmann::json rule, services.faults.Add(body));
  return HttpResponse::Json(201, std::move(rule));
}

absl::StatusOr<HttpResponse> ClearFaults(Services& services, RequestContext&) {
  services.faults.Clear();
  return HttpResponse::Empty(204);
}

absl::StatusOr<HttpResponse> DeleteFault(Services& services, RequestContext& context) {
  if (!services.faults.Remove(context.Param("faultId"))) {
    return NotFoundError(absl::StrCat("Fault rule '", context.Param("faultId"), "' not found."));
  }
  return HttpResponse::Empty(204);
}

// ---- tenants ----

absl::StatusOr<HttpResponse> ListTenants(Services& services, RequestContext&) {
  return ListGlobal(services, &store::Tables::tenants, TenantView);
}

absl::StatusOr<HttpResponse> CreateTenant(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body,
                   ParseJsonObject(context.request.body, {"id", "displayName"}));
  absl::StatusOr<std::string> name = RequiredString(body, "displayName");
  absl::StatusOr<std::optional<std::string>> id = OptionalString(body, "id");
  for (const absl::Status& status : {name.status(), id.status()}) {
    if (!status.ok()) {
      return status;
    }
  }
  if (*id && !IsGuid(**id)) {
    return BadRequest("Field 'id' must be a GUID.");
  }
  Tenant tenant{*id ? absl::AsciiStrToLower(**id) : NewGuid(), *name, context.now};
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) -> absl::Status {
    absl::Status inserted = tables.tenants.Insert("", tenant.id, tenant);
    if (absl::IsAlreadyExists(inserted)) {
      return Conflict("Conflict", absl::StrCat("Tenant '", tenant.id, "' already exists."));
    }
    return inserted;
  }));
  return HttpResponse::Json(201, TenantView(tenant));
}

absl::StatusOr<HttpResponse> GetTenant(Services& services, RequestContext& context) {
  const std::string id = absl::AsciiStrToLower(context.Param("tenantId"));
  std::optional<Tenant> tenant;
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) {
    ASSIGN_OR_RETURN(std::optional<Tenant> found, tables.tenants.Get("", id));
    tenant = found;
    return absl::OkStatus();
  }));
  if (!tenant) {
    return NotFoundError(absl::StrCat("Tenant '", id, "' not found."));
  }
  return HttpResponse::Json(200, TenantView(*tenant));
}

absl::StatusOr<HttpResponse> DeleteTenant(Services& services, RequestContext& context) {
  const std::string id = absl::AsciiStrToLower(context.Param("tenantId"));
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) -> absl::Status {
    RETURN_IF_ERROR(RequireTenant(tables, id));
    ASSIGN_OR_RETURN(std::vector<Application> apps, tables.applications.List(""));
    for (const Application& app : apps) {
      if (app.tenant_id == id) {
        RETURN_IF_ERROR(tables.applications.Delete("", app.client_id).status());
      }
    }
    for (absl::Status deleted :
         {tables.tokens.DeleteForTenant(id), tables.users.DeleteScope(id),
          tables.consents.DeleteScope(id), tables.numbers.DeleteScope(id),
          tables.operations.DeleteScope(id), tables.civic_addresses.DeleteScope(id),
          tables.locations.DeleteScope(id), tables.tenants.Delete("", id).status()}) {
      if (!deleted.ok()) {
        return deleted;
      }
    }
    return absl::OkStatus();
  }));
  return HttpResponse::Empty(204);
}

// ---- app registrations ----

absl::StatusOr<HttpResponse> ListApplications(Services& services, RequestContext& context) {
  const std::string tenant_id = absl::AsciiStrToLower(context.Param("tenantId"));
  nlohmann::json values = nlohmann::json::array();
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) -> absl::Status {
    RETURN_IF_ERROR(RequireTenant(tables, tenant_id));
    ASSIGN_OR_RETURN(std::vector<Application> apps, tables.applications.List(""));
    for (const Application& app : apps) {
      if (app.tenant_id == tenant_id) {
        values.push_back(ApplicationView(app));
      }
    }
    return absl::OkStatus();
  }));
  return ValueList(std::move(values));
}

absl::StatusOr<HttpResponse> CreateApplication(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(
      nlohmann::json body,
      ParseJsonObject(context.request.body, {"displayName", "clientId", "clientSecret"}));
  absl::StatusOr<std::string> name = RequiredString(body, "displayName");
  absl::StatusOr<std::optional<std::string>> client_id = OptionalString(body, "clientId");
  absl::StatusOr<std::optional<std::string>> secret = OptionalString(body, "clientSecret");
  for (const absl::Status& status : {name.status(), client_id.status(), secret.status()}) {
    if (!status.ok()) {
      return status;
    }
  }
  if (*client_id && !IsGuid(**client_id)) {
    return BadRequest("Field 'clientId' must be a GUID.");
  }
  if (*secret && (*secret)->size() < 8) {
    return BadRequest("Field 'clientSecret' must be at least 8 characters.");
  }
  const std::string tenant_id = absl::AsciiStrToLower(context.Param("tenantId"));
  const std::string plain_secret = secret->value_or(RandomToken(30));
  Application app;
  app.client_id = *client_id ? absl::AsciiStrToLower(**client_id) : NewGuid();
  app.tenant_id = tenant_id;
  app.display_name = *name;
  app.secret_salt = RandomToken(16);
  app.secret_hash = SaltedSecretHash(app.secret_salt, plain_secret);
  app.created_ms = context.now;
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) -> absl::Status {
    RETURN_IF_ERROR(RequireTenant(tables, tenant_id));
    absl::Status inserted = tables.applications.Insert("", app.client_id, app);
    if (absl::IsAlreadyExists(inserted)) {
      return Conflict("Conflict", absl::StrCat("Client id '", app.client_id, "' is taken."));
    }
    return inserted;
  }));
  nlohmann::json view = ApplicationView(app);
  view["clientSecret"] = plain_secret;  // shown once, never stored
  return HttpResponse::Json(201, std::move(view));
}

absl::StatusOr<HttpResponse> DeleteApplication(Services& services, RequestContext& context) {
  const std::string tenant_id = absl::AsciiStrToLower(context.Param("tenantId"));
  const std::string client_id = absl::AsciiStrToLower(context.Param("clientId"));
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<Application> app, tables.applications.Get("", client_id));
    if (!app || app->tenant_id != tenant_id) {
      return NotFoundError(absl::StrCat("Application '", client_id, "' not found in tenant."));
    }
    RETURN_IF_ERROR(tables.tokens.DeleteForClient(client_id));
    return tables.applications.Delete("", client_id).status();
  }));
  return HttpResponse::Empty(204);
}

// ---- users and resource accounts ----

absl::StatusOr<HttpResponse> ListUsers(Services& services, RequestContext& context) {
  const std::string tenant_id = absl::AsciiStrToLower(context.Param("tenantId"));
  nlohmann::json values = nlohmann::json::array();
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) -> absl::Status {
    RETURN_IF_ERROR(RequireTenant(tables, tenant_id));
    ASSIGN_OR_RETURN(std::vector<User> users, tables.users.List(tenant_id));
    std::sort(users.begin(), users.end(), [](const User& a, const User& b) {
      return a.user_principal_name < b.user_principal_name;
    });
    for (const User& user : users) {
      values.push_back(UserView(user));
    }
    return absl::OkStatus();
  }));
  return ValueList(std::move(values));
}

absl::StatusOr<HttpResponse> CreateUser(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body));
  User user;
  RETURN_IF_ERROR(ApplyUserInput(body, /*creating=*/true, user));
  const std::string tenant_id = absl::AsciiStrToLower(context.Param("tenantId"));
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) -> absl::Status {
    RETURN_IF_ERROR(RequireTenant(tables, tenant_id));
    absl::Status inserted = tables.users.Insert(tenant_id, user.id, user);
    if (absl::IsAlreadyExists(inserted)) {
      return Conflict("Conflict", absl::StrCat("User '", user.id, "' already exists."));
    }
    return inserted;
  }));
  return HttpResponse::Json(201, UserView(user));
}

absl::StatusOr<HttpResponse> ReadOrUpdateUser(Services& services, RequestContext& context,
                                              const nlohmann::json* patch) {
  const std::string tenant_id = absl::AsciiStrToLower(context.Param("tenantId"));
  const std::string user_id = absl::AsciiStrToLower(context.Param("userId"));
  std::optional<User> user;
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<User> found, tables.users.Get(tenant_id, user_id));
    if (!found) {
      return NotFoundError(absl::StrCat("User '", user_id, "' not found in tenant."));
    }
    user = *found;
    if (patch == nullptr) {
      return absl::OkStatus();
    }
    RETURN_IF_ERROR(ApplyUserInput(*patch, /*creating=*/false, *user));
    return tables.users.Upsert(tenant_id, user_id, *user);
  }));
  return HttpResponse::Json(200, UserView(*user));
}

absl::StatusOr<HttpResponse> GetUser(Services& services, RequestContext& context) {
  return ReadOrUpdateUser(services, context, nullptr);
}

absl::StatusOr<HttpResponse> UpdateUser(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body));
  return ReadOrUpdateUser(services, context, &body);
}

absl::StatusOr<HttpResponse> DeleteUser(Services& services, RequestContext& context) {
  const std::string tenant_id = absl::AsciiStrToLower(context.Param("tenantId"));
  const std::string user_id = absl::AsciiStrToLower(context.Param("userId"));
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(bool deleted, tables.users.Delete(tenant_id, user_id));
    if (!deleted) {
      return NotFoundError(absl::StrCat("User '", user_id, "' not found in tenant."));
    }
    return absl::OkStatus();
  }));
  return HttpResponse::Empty(204);
}

// ---- operator catalog ----

absl::StatusOr<HttpResponse> ListSimOperators(Services& services, RequestContext&) {
  return ListGlobal(services, &store::Tables::operators, SimOperatorView);
}

absl::StatusOr<HttpResponse> CreateOperator(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body));
  Operator op;
  RETURN_IF_ERROR(ApplyOperatorInput(body, /*creating=*/true, op));
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) -> absl::Status {
    absl::Status inserted = tables.operators.Insert("", op.id, op);
    if (absl::IsAlreadyExists(inserted)) {
      return Conflict("Conflict", absl::StrCat("Operator '", op.id, "' already exists."));
    }
    return inserted;
  }));
  return HttpResponse::Json(201, SimOperatorView(op));
}

absl::StatusOr<HttpResponse> ReadOrUpdateOperator(Services& services, RequestContext& context,
                                                  const nlohmann::json* patch) {
  const std::string id = absl::AsciiStrToLower(context.Param("operatorId"));
  std::optional<Operator> op;
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<Operator> found, tables.operators.Get("", id));
    if (!found) {
      return NotFoundError(absl::StrCat("Operator '", id, "' not found."));
    }
    op = *found;
    if (patch == nullptr) {
      return absl::OkStatus();
    }
    RETURN_IF_ERROR(ApplyOperatorInput(*patch, /*creating=*/false, *op));
    return tables.operators.Upsert("", id, *op);
  }));
  return HttpResponse::Json(200, SimOperatorView(*op));
}

absl::StatusOr<HttpResponse> GetSimOperator(Services& services, RequestContext& context) {
  return ReadOrUpdateOperator(services, context, nullptr);
}

absl::StatusOr<HttpResponse> UpdateOperator(Services& services, RequestContext& context) {
  ASSIGN_OR_RETURN(nlohmann::json body, ParseJsonObject(context.request.body));
  return ReadOrUpdateOperator(services, context, &body);
}

}  // namespace

void RegisterAdminRoutes(http::Router& router, Services& services) {
  router.Add("GET", "/_sim/health", Access::kPublic, [](RequestContext&) {
    return absl::StatusOr<HttpResponse>(HttpResponse::Json(200, {{"status", "ok"}}));
  });
  router.Add("GET", "/_sim/clock", Access::kAdmin, Bind(services, GetClock));
  router.Add("PATCH", "/_sim/clock", Access::kAdmin, Bind(services, SetTimeScale));
  router.Add("POST", "/_sim/clock/advance", Access::kAdmin, Bind(services, AdvanceClock));

  router.Add("GET", "/_sim/faults", Access::kAdmin, Bind(services, ListFaults));
  router.Add("POST", "/_sim/faults", Access::kAdmin, Bind(services, CreateFault));
  router.Add("DELETE", "/_sim/faults", Access::kAdmin, Bind(services, ClearFaults));
  router.Add("DELETE", "/_sim/faults/{faultId}", Access::kAdmin, Bind(services, DeleteFault));

  router.Add("GET", "/_sim/tenants", Access::kAdmin, Bind(services, ListTenants));
  router.Add("POST", "/_sim/tenants", Access::kAdmin, Bind(services, CreateTenant));
  router.Add("GET", "/_sim/tenants/{tenantId}", Access::kAdmin, Bind(services, GetTenant));
  router.Add("DELETE", "/_sim/tenants/{tenantId}", Access::kAdmin, Bind(services, DeleteTenant));

  const std::string apps = "/_sim/tenants/{tenantId}/applications";
  router.Add("GET", apps, Access::kAdmin, Bind(services, ListApplications));
  router.Add("POST", apps, Access::kAdmin, Bind(services, CreateApplication));
  router.Add("DELETE", apps + "/{clientId}", Access::kAdmin, Bind(services, DeleteApplication));

  const std::string users = "/_sim/tenants/{tenantId}/users";
  router.Add("GET", users, Access::kAdmin, Bind(services, ListUsers));
  router.Add("POST", users, Access::kAdmin, Bind(services, CreateUser));
  router.Add("GET", users + "/{userId}", Access::kAdmin, Bind(services, GetUser));
  router.Add("PATCH", users + "/{userId}", Access::kAdmin, Bind(services, UpdateUser));
  router.Add("DELETE", users + "/{userId}", Access::kAdmin, Bind(services, DeleteUser));

  router.Add("GET", "/_sim/operators", Access::kAdmin, Bind(services, ListSimOperators));
  router.Add("POST", "/_sim/operators", Access::kAdmin, Bind(services, CreateOperator));
  router.Add("GET", "/_sim/operators/{operatorId}", Access::kAdmin, Bind(services, GetSimOperator));
  router.Add("PATCH", "/_sim/operators/{operatorId}", Access::kAdmin,
             Bind(services, UpdateOperator));

  RegisterAdminConsentRoutes(router, services);
  RegisterAdminNumberRoutes(router, services);
  RegisterAdminEmergencyRoutes(router, services);
}

}  // namespace opcsim
