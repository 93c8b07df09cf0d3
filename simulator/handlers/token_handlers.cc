// POST /{tenantId}/oauth2/v2.0/token: the Microsoft identity platform's client-credentials
// grant, with its (non-Graph) error format.

#include <cctype>
#include <fstream>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/escaping.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "simulator/domain/errors.h"
#include "simulator/handlers/services.h"
#include "simulator/http/identity_error.h"
#include "simulator/support/ids.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

int HexValue(char c) {
  return std::isdigit(static_cast<unsigned char>(c))
             ? c - '0'
             : std::tolower(static_cast<unsigned char>(c)) - 'a' + 10;
}

std::string DecodeFormComponent(absl::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '+') {
      out.push_back(' ');
    } else if (text[i] == '%' && i + 2 < text.size() &&
               std::isxdigit(static_cast<unsigned char>(text[i + 1])) &&
               std::isxdigit(static_cast<unsigned char>(text[i + 2]))) {
      out.push_back(static_cast<char>(HexValue(text[i + 1]) * 16 + HexValue(text[i + 2])));
      i += 2;
    } else {
      out.push_back(text[i]);
    }
  }
  return out;
}

std::map<std::string, std::string> ParseForm(absl::string_view body) {
  std::map<std::string, std::string> fields;
  for (absl::string_view pair : absl::StrSplit(body, '&', absl::SkipEmpty())) {
    std::pair<absl::string_view, absl::string_view> kv =
        absl::StrSplit(pair, absl::MaxSplits('=', 1));
    fields.emplace(DecodeFormComponent(kv.first), DecodeFormComponent(kv.second));
  }
  return fields;
}

http::HttpResponse TokenError(int status, const std::string& error, int aadsts,
                              const std::string& description, SimMillis now) {
  return http::HttpResponse::Json(status, http::IdentityErrorBody(error, aadsts, description, now))
      .WithHeader("Cache-Control", "no-store");
}

http::HttpResponse MissingParameter(const std::string& name, SimMillis now) {
  return TokenError(
      400, "invalid_request", 900144,
      absl::StrCat("The request body must contain the following parameter: '", name, "'."), now);
}

// Client credentials from an HTTP Basic header (RFC 6749 §2.3.1: each part form-encoded, then
// "id:secret" in base64), which the identity platform accepts instead of body parameters.
// nullopt without a Basic header or when it cannot be read.
std::optional<std::pair<std::string, std::string>> BasicCredentials(
    const httplib::Request& request) {
  const std::string header = request.get_header_value("Authorization");
  constexpr absl::string_view kScheme = "basic ";
  if (header.size() <= kScheme.size() ||
      !absl::EqualsIgnoreCase(absl::string_view(header).substr(0, kScheme.size()), kScheme)) {
    return std::nullopt;
  }
  std::string decoded;
  if (!absl::Base64Unescape(absl::StripAsciiWhitespace(header.substr(kScheme.size())), &decoded)) {
    return std::nullopt;
  }
  const size_t colon = decoded.find(':');
  if (colon == std::string::npos) {
    return std::nullopt;
  }
  return std::make_pair(DecodeFormComponent(decoded.substr(0, colon)),
                        DecodeFormComponent(decoded.substr(colon + 1)));
}

absl::StatusOr<http::HttpResponse> IssueToken(Services& services, http::RequestContext& context) {
  const SimMillis now = context.now;
  const std::string tenant_path = context.Param("tenantId");
  std::map<std::string, std::string> form = ParseForm(context.request.body);
  if (std::optional<std::pair<std::string, std::string>> basic =
          BasicCredentials(context.request)) {
    form.try_emplace("client_id", basic->first);
    form["client_secret"] = basic->second;
  }
  auto field = [&](const char* name) -> std::string {
    auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
  };
  for (const char* required : {"grant_type", "client_id", "scope"}) {
    if (field(required).empty()) {
      return MissingParameter(required, now);
    }
  }
  if (field("client_secret").empty()) {
    // A confidential client without a credential: invalid_client, as the identity platform
    // answers it (not invalid_request).
    return TokenError(401, "invalid_client", 7000218,
                      "The request body must contain the following parameter: "
                      "'client_assertion' or 'client_secret'.",
                      now);
  }
  if (field("grant_type") != "client_credentials") {
    return TokenError(400, "unsupported_grant_type", 70003,
                      "The app requested an unsupported grant type '" + field("grant_type") + "'.",
                      now);
  }
  if (!absl::EndsWith(field("scope"), "/.default")) {
    return TokenError(400, "invalid_scope", 70011,
                      "The provided value for the input parameter 'scope' is not valid. The "
                      "scope " +
                          field("scope") + " is not valid; use <resource>/.default.",
                      now);
  }
  const std::string client_id = field("client_id");
  const std::string secret = field("client_secret");
  std::optional<http::HttpResponse> refusal;
  std::string token;
  RETURN_IF_ERROR(services.store.Run([&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<Tenant> tenant, tables.tenants.Get("", tenant_path));
    if (!tenant) {
      refusal = TokenError(400, "invalid_request", 90002,
                           "Tenant '" + tenant_path +
                               "' not found. Check to make sure you have "
                               "the correct tenant ID and are signing into the correct cloud.",
                           now);
      return absl::OkStatus();
    }
    ASSIGN_OR_RETURN(std::optional<Application> app, tables.applications.Get("", client_id));
    if (!app) {
      refusal = TokenError(400, "invalid_client", 700016,
                           "Application with identifier '" + client_id +
                               "' was not found in the directory '" + tenant_path + "'.",
                           now);
      return absl::OkStatus();
    }
    if (app->tenant_id != tenant_path) {
      refusal = TokenError(400, "unauthorized_client", 700016,
                           "Application with identifier '" + client_id +
                               "' is not registered in the directory '" + tenant_path + "'.",
                           now);
      return absl::OkStatus();
    }
    if (SaltedSecretHash(app->secret_salt, secret) != app->secret_hash) {
      refusal = TokenError(401, "invalid_client", 7000215,
                           "Invalid client secret provided. Ensure the secret being sent in the "
                           "request is the client secret value, not the client secret ID, for "
                           "a secret added to app '" +
                               client_id + "'.",
                           now);
      return absl::OkStatus();
    }
    token = RandomToken(32);
    const double lifetime_sim_seconds =
        services.settings.token_lifetime_seconds / services.clock.time_scale();
    RETURN_IF_ERROR(tables.tokens.DeleteExpired(now));
    return tables.tokens.Insert(
        Sha256Hex(token),
        store::TokenRecord{tenant_path, client_id,
                           now + static_cast<SimMillis>(lifetime_sim_seconds * 1000)});
  }));
  if (refusal) {
    return *refusal;
  }
  if (!services.settings.issued_token_log.empty()) {
    std::ofstream(services.settings.issued_token_log, std::ios::app) << token << "\n";
  }
  const int lifetime = services.settings.token_lifetime_seconds;
  return http::HttpResponse::Json(200, {{"token_type", "Bearer"},
                                        {"expires_in", lifetime},
                                        {"ext_expires_in", lifetime},
                                        {"access_token", token}})
      .WithHeader("Cache-Control", "no-store");
}

}  // namespace

void RegisterTokenRoutes(http::Router& router, Services& services) {
  router.Add("POST", "/{tenantId}/oauth2/v2.0/token", http::Access::kPublic,
             [&services](http::RequestContext& context) { return IssueToken(services, context); });
}

}  // namespace opcsim
