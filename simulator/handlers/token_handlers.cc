// POST /{tenantId}/oauth2/v2.0/token: the Microsoft identity platform's client-credentials
// grant, with its (non-Graph) error format.

#include <cctype>
#include <fstream>
#include <map>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "simulator/domain/errors.h"
#include "simulator/handlers/services.h"
#include "simulator/support/ids.h"

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

std::string AadTimestamp(SimMillis now) {
  std::string iso = FormatTimestamp(now);  // 2026-11-25T03:04:05Z -> 2026-11-25 03:04:05Z
  iso[10] = ' ';
  return iso;
}

http::HttpResponse TokenError(int status, const std::string& error, int aadsts,
                              const std::string& description, SimMillis now) {
  const std::string trace_id = NewGuid();
  const std::string correlation_id = NewGuid();
  const std::string timestamp = AadTimestamp(now);
  return http::HttpResponse::Json(
             status,
             {{"error", error},
              {"error_description",
               absl::StrCat("AADSTS", aadsts, ": ", description, "\r\nTrace ID: ", trace_id,
                            "\r\nCorrelation ID: ", correlation_id, "\r\nTimestamp: ", timestamp)},
              {"error_codes", {aadsts}},
              {"timestamp", timestamp},
              {"trace_id", trace_id},
              {"correlation_id", correlation_id}})
      .WithHeader("Cache-Control", "no-store");
}

http::HttpResponse MissingParameter(const std::string& name, SimMillis now) {
  return TokenError(
      400, "invalid_request", 900144,
      absl::StrCat("The request body must contain the following parameter: '", name, "'."), now);
}

absl::StatusOr<http::HttpResponse> IssueToken(Services& services, http::RequestContext& context) {
  const SimMillis now = context.now;
  const std::string tenant_path = context.Param("tenantId");
  const std::map<std::string, std::string> form = ParseForm(context.request.body);
  auto field = [&](const char* name) -> std::string {
    auto it = form.find(name);
    return it == form.end() ? std::string() : it->second;
  };
  for (const char* required : {"grant_type", "client_id", "client_secret", "scope"}) {
    if (field(required).empty()) {
      return MissingParameter(required, now);
    }
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
  absl::Status status = services.store.Run([&](store::Tables& tables) -> absl::Status {
    absl::StatusOr<std::optional<Tenant>> tenant = tables.tenants.Get("", tenant_path);
    if (!tenant.ok()) {
      return tenant.status();
    }
    if (!*tenant) {
      refusal = TokenError(400, "invalid_request", 90002,
                           "Tenant '" + tenant_path +
                               "' not found. Check to make sure you have "
                               "the correct tenant ID and are signing into the correct cloud.",
                           now);
      return absl::OkStatus();
    }
    absl::StatusOr<std::optional<Application>> app = tables.applications.Get("", client_id);
    if (!app.ok()) {
      return app.status();
    }
    if (!*app) {
      refusal = TokenError(400, "invalid_client", 700016,
                           "Application with identifier '" + client_id +
                               "' was not found in the directory '" + tenant_path + "'.",
                           now);
      return absl::OkStatus();
    }
    if ((*app)->tenant_id != tenant_path) {
      refusal = TokenError(400, "unauthorized_client", 700016,
                           "Application with identifier '" + client_id +
                               "' is not registered in the directory '" + tenant_path + "'.",
                           now);
      return absl::OkStatus();
    }
    if (SaltedSecretHash((*app)->secret_salt, secret) != (*app)->secret_hash) {
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
    if (absl::Status cleaned = tables.tokens.DeleteExpired(now); !cleaned.ok()) {
      return cleaned;
    }
    return tables.tokens.Insert(
        Sha256Hex(token),
        store::TokenRecord{tenant_path, client_id,
                           now + static_cast<SimMillis>(lifetime_sim_seconds * 1000)});
  });
  if (!status.ok()) {
    return status;
  }
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
