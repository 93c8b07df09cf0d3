#include "simulator/store/seed_loader.h"

#include <fstream>
#include <sstream>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "simulator/domain/inputs.h"
#include "simulator/domain/json_fields.h"
#include "simulator/support/ids.h"
#include "simulator/support/status_macros.h"

namespace opcsim::store {
namespace {

absl::Status Annotate(const absl::Status& status, absl::string_view where) {
  if (status.ok()) {
    return status;
  }
  return absl::InvalidArgumentError(absl::StrCat("seed ", where, ": ", status.message()));
}

const nlohmann::json& ArrayOrEmpty(const nlohmann::json& object, const char* field) {
  static const nlohmann::json kEmpty = nlohmann::json::array();
  auto it = object.find(field);
  return it != object.end() && it->is_array() ? *it : kEmpty;
}

// A string field, or `fallback` when absent or not a string (nlohmann's value() would throw).
std::string StringOr(const nlohmann::json& object, const char* field, const char* fallback) {
  auto it = object.find(field);
  return it != object.end() && it->is_string() ? it->get<std::string>() : fallback;
}

absl::Status InsertIfAbsent(absl::Status inserted) {
  return absl::IsAlreadyExists(inserted) ? absl::OkStatus() : inserted;
}

absl::Status SeedOperators(Tables& tables, const nlohmann::json& seed) {
  for (const nlohmann::json& item : ArrayOrEmpty(seed, "operators")) {
    Operator op;
    if (!item.is_object() || !Has(item, "id")) {
      return absl::InvalidArgumentError("seed operators[]: each needs an 'id'");
    }
    if (absl::Status status = ApplyOperatorInput(item, /*creating=*/true, op); !status.ok()) {
      return Annotate(status, absl::StrCat("operator ", StringOr(item, "displayName", "?")));
    }
    RETURN_IF_ERROR(InsertIfAbsent(tables.operators.Insert("", op.id, op)));
  }
  return absl::OkStatus();
}

absl::Status SeedTenant(Tables& tables, const nlohmann::json& item, SimMillis now) {
  absl::StatusOr<std::string> id = RequiredString(item, "id");
  absl::StatusOr<std::string> name = RequiredString(item, "displayName");
  if (!id.ok() || !name.ok() || !IsGuid(*id)) {
    return absl::InvalidArgumentError("seed tenants[]: each needs a GUID 'id' and 'displayName'");
  }
  const std::string tenant_id = absl::AsciiStrToLower(*id);
  Tenant tenant{tenant_id, *name, now};
  RETURN_IF_ERROR(InsertIfAbsent(tables.tenants.Insert("", tenant_id, tenant)));
  for (const nlohmann::json& app_item : ArrayOrEmpty(item, "applications")) {
    absl::StatusOr<std::string> client_id = RequiredString(app_item, "clientId");
    absl::StatusOr<std::string> secret = RequiredString(app_item, "clientSecret");
    if (!client_id.ok() || !secret.ok() || !IsGuid(*client_id)) {
      return absl::InvalidArgumentError(
          "seed applications[]: each needs a GUID 'clientId' and a 'clientSecret'");
    }
    Application app;
    app.client_id = absl::AsciiStrToLower(*client_id);
    app.tenant_id = tenant_id;
    app.display_name = StringOr(app_item, "displayName", "seeded app");
    app.secret_salt = RandomToken(16);
    app.secret_hash = SaltedSecretHash(app.secret_salt, *secret);
    app.created_ms = now;
    RETURN_IF_ERROR(InsertIfAbsent(tables.applications.Insert("", app.client_id, app)));
  }
  for (const nlohmann::json& user_item : ArrayOrEmpty(item, "users")) {
    User user;
    if (!user_item.is_object() || !Has(user_item, "id")) {
      return absl::InvalidArgumentError("seed users[]: each needs an 'id'");
    }
    if (absl::Status status = ApplyUserInput(user_item, /*creating=*/true, user); !status.ok()) {
      return Annotate(status, absl::StrCat("user ", StringOr(user_item, "userPrincipalName", "?")));
    }
    RETURN_IF_ERROR(InsertIfAbsent(tables.users.Insert(tenant_id, user.id, user)));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ApplySeed(Store& store, const nlohmann::json& seed, SimMillis now) {
  if (!seed.is_object()) {
    return absl::InvalidArgumentError("seed: the document must be a JSON object");
  }
  return store.Run([&](Tables& tables) -> absl::Status {
    RETURN_IF_ERROR(SeedOperators(tables, seed));
    for (const nlohmann::json& tenant : ArrayOrEmpty(seed, "tenants")) {
      RETURN_IF_ERROR(SeedTenant(tables, tenant, now));
    }
    return absl::OkStatus();
  });
}

absl::Status ApplySeedFile(Store& store, const std::string& path, SimMillis now) {
  std::ifstream file(path);
  if (!file) {
    return absl::NotFoundError(absl::StrCat("cannot read seed file ", path));
  }
  std::stringstream text;
  text << file.rdbuf();
  nlohmann::json seed = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (seed.is_discarded()) {
    return absl::InvalidArgumentError(absl::StrCat("seed file ", path, " is not valid JSON"));
  }
  return ApplySeed(store, seed, now);
}

}  // namespace opcsim::store
