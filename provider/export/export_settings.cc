#include "provider/export/export_settings.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "provider/resources/provider_settings.h"
#include "provider/resources/settings_rules.h"

namespace opc::exporter {
namespace {

namespace rules = resources::rules;

struct Found {
  std::string value;
  std::string variable;
};

// The first of `variables` that is set and not empty (the provider's order of precedence).
std::optional<Found> FirstSet(const opc::EnvLookup& env,
                              const std::vector<std::string>& variables) {
  for (const std::string& variable : variables) {
    std::optional<std::string> value = env(variable);
    if (value && !value->empty()) {
      return Found{*std::move(value), variable};
    }
  }
  return std::nullopt;
}

absl::Status Missing(const char* setting, const std::vector<std::string>& variables) {
  std::string names;
  for (size_t i = 0; i < variables.size(); ++i) {
    names += (i == 0 ? "" : " or ") + variables[i];
  }
  return absl::InvalidArgumentError(std::string("Missing ") + setting +
                                    ": set the environment variable " + names + ".");
}

absl::Status Invalid(const char* setting, const Found& found, const absl::Status& status) {
  return absl::InvalidArgumentError(std::string("Invalid ") + setting + " (from " + found.variable +
                                    "): " + std::string(status.message()));
}

std::string WithoutTrailingSlash(std::string url) {
  while (!url.empty() && url.back() == '/') {
    url.pop_back();
  }
  return url;
}

}  // namespace

absl::StatusOr<client::ClientConfig> ClientConfigFromEnvironment(const opc::EnvLookup& env) {
  client::ClientConfig config;
  const std::vector<std::string> tenant_vars = {"ARM_TENANT_ID", "OPERATORCONNECT_TENANT_ID"};
  const std::vector<std::string> client_vars = {"ARM_CLIENT_ID", "OPERATORCONNECT_CLIENT_ID"};
  const std::vector<std::string> secret_vars = {"ARM_CLIENT_SECRET",
                                                "OPERATORCONNECT_CLIENT_SECRET"};

  std::optional<Found> tenant = FirstSet(env, tenant_vars);
  if (!tenant) {
    return Missing("tenant_id", tenant_vars);
  }
  if (absl::Status status = rules::CheckGuid(tenant->value); !status.ok()) {
    return Invalid("tenant_id", *tenant, status);
  }
  config.tenant_id = tenant->value;

  std::optional<Found> client_id = FirstSet(env, client_vars);
  if (!client_id) {
    return Missing("client_id", client_vars);
  }
  if (absl::Status status = rules::CheckGuid(client_id->value); !status.ok()) {
    return Invalid("client_id", *client_id, status);
  }
  config.client_id = client_id->value;

  std::optional<Found> secret = FirstSet(env, secret_vars);
  if (!secret) {
    return Missing("client_secret", secret_vars);
  }
  config.client_secret = secret->value;

  config.endpoint = resources::kDefaultEndpoint;
  if (std::optional<Found> endpoint = FirstSet(env, {"OPERATORCONNECT_ENDPOINT"})) {
    if (absl::Status status = rules::CheckServiceUrl(endpoint->value); !status.ok()) {
      return Invalid("endpoint", *endpoint, status);
    }
    config.endpoint = WithoutTrailingSlash(endpoint->value);
  }
  config.authority_url = resources::kDefaultAuthorityUrl;
  if (std::optional<Found> authority = FirstSet(env, {"OPERATORCONNECT_AUTHORITY_URL"})) {
    if (absl::Status status = rules::CheckServiceUrl(authority->value); !status.ok()) {
      return Invalid("authority_url", *authority, status);
    }
    config.authority_url = WithoutTrailingSlash(authority->value);
  }
  if (std::optional<Found> ca_file = FirstSet(env, {"OPERATORCONNECT_CA_CERTIFICATE_FILE"})) {
    if (absl::Status status = rules::CheckCaFile(ca_file->value); !status.ok()) {
      return Invalid("ca_certificate_file", *ca_file, status);
    }
    config.ca_file = ca_file->value;
  }
  config.request_timeout = *rules::ParseDuration(resources::kDefaultRequestTimeout);
  if (std::optional<Found> timeout = FirstSet(env, {"OPERATORCONNECT_REQUEST_TIMEOUT"})) {
    absl::StatusOr<std::chrono::milliseconds> parsed = rules::ParseDuration(timeout->value);
    if (!parsed.ok()) {
      return Invalid("request_timeout", *timeout, parsed.status());
    }
    config.request_timeout = *parsed;
  }
  config.max_retries = resources::kDefaultMaxRetries;
  if (std::optional<Found> retries = FirstSet(env, {"OPERATORCONNECT_MAX_RETRIES"})) {
    absl::StatusOr<int> parsed = rules::ParseMaxRetries(retries->value);
    if (!parsed.ok()) {
      return Invalid("max_retries", *retries, parsed.status());
    }
    config.max_retries = *parsed;
  }
  if (absl::Status status = client::ValidateClientConfig(config); !status.ok()) {
    return absl::InvalidArgumentError(std::string(status.message()));
  }
  return config;
}

}  // namespace opc::exporter
