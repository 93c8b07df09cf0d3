#include "simulator/http/auth.h"

#include <openssl/crypto.h>

#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "simulator/domain/errors.h"
#include "simulator/support/ids.h"
#include "simulator/support/status_macros.h"

namespace opcsim::http {
namespace {

std::optional<std::string> BearerToken(const httplib::Request& request) {
  if (!request.has_header("Authorization")) {
    return std::nullopt;
  }
  const std::string header = request.get_header_value("Authorization");
  absl::string_view value = header;
  value = absl::StripAsciiWhitespace(value);
  if (value.size() < 7 || !absl::StartsWithIgnoreCase(value, "Bearer ")) {
    return std::nullopt;
  }
  absl::string_view token = absl::StripAsciiWhitespace(value.substr(7));
  if (token.empty()) {
    return std::nullopt;
  }
  return std::string(token);
}

}  // namespace

absl::StatusOr<std::string> AuthenticateTenant(const httplib::Request& request, store::Store& store,
                                               SimMillis now) {
  std::optional<std::string> token = BearerToken(request);
  if (!token) {
    return Unauthenticated("Access token is empty.");
  }
  std::string tenant_id;
  RETURN_IF_ERROR(store.Run([&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<store::TokenRecord> record,
                     tables.tokens.Find(Sha256Hex(*token)));
    if (!record) {
      return Unauthenticated("Access token validation failure. Invalid token.");
    }
    if (record->expires_ms <= now) {
      return Unauthenticated("Lifetime validation failed, the token is expired.");
    }
    ASSIGN_OR_RETURN(std::optional<Tenant> tenant, tables.tenants.Get("", record->tenant_id));
    if (!tenant) {
      return Unauthenticated("Access token validation failure. The tenant does not exist.");
    }
    tenant_id = record->tenant_id;
    return absl::OkStatus();
  }));
  return tenant_id;
}

std::optional<std::string> TenantHint(const httplib::Request& request, store::Store& store) {
  if (absl::EndsWith(request.path, "/oauth2/v2.0/token")) {
    std::vector<std::string> parts = absl::StrSplit(request.path, '/', absl::SkipEmpty());
    if (!parts.empty()) {
      return parts.front();
    }
  }
  std::optional<std::string> token = BearerToken(request);
  if (!token) {
    return std::nullopt;
  }
  std::optional<std::string> tenant;
  store
      .Run([&](store::Tables& tables) -> absl::Status {
        absl::StatusOr<std::optional<store::TokenRecord>> record =
            tables.tokens.Find(Sha256Hex(*token));
        if (record.ok() && *record) {
          tenant = (*record)->tenant_id;
        }
        return absl::OkStatus();
      })
      .IgnoreError();
  return tenant;
}

absl::Status CheckAdminKey(const httplib::Request& request, const std::string& admin_key) {
  if (admin_key.empty()) {
    return Forbidden("AdminApiDisabled",
                     "The admin API is disabled: start the simulator with --admin-key or "
                     "OPCSIM_ADMIN_KEY.");
  }
  const std::string given = request.get_header_value(kAdminKeyHeader);
  if (given.size() != admin_key.size() ||
      CRYPTO_memcmp(given.data(), admin_key.data(), admin_key.size()) != 0) {
    return Forbidden("InvalidAdminKey", "Missing or wrong X-Sim-Admin-Key header.");
  }
  return absl::OkStatus();
}

}  // namespace opcsim::http
