#include "provider/resources/operatorconnect_provider.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "provider/client/tenant_client.h"
#include "provider/common/logger.h"
#include "provider/resources/provider_context.h"
#include "provider/resources/provider_settings.h"
#include "provider/resources/registry.h"
#include "provider/resources/settings_rules.h"

#ifndef OPC_PROVIDER_VERSION
#error "OPC_PROVIDER_VERSION must be set by the build"
#endif

namespace opc::resources {
namespace {

using framework::AttributePath;
using framework::Diagnostics;
using framework::Value;

// One provider setting: its attribute, the environment variables it falls back to (in order),
// and its default when neither is set.
struct Setting {
  const char* attribute;
  std::vector<std::string> env_vars;
  std::optional<std::string> default_text;
  bool required = false;
};

const Setting kTenantId{"tenant_id", {"ARM_TENANT_ID", "OPERATORCONNECT_TENANT_ID"}, {}, true};
const Setting kClientId{"client_id", {"ARM_CLIENT_ID", "OPERATORCONNECT_CLIENT_ID"}, {}, true};
const Setting kClientSecret{
    "client_secret", {"ARM_CLIENT_SECRET", "OPERATORCONNECT_CLIENT_SECRET"}, {}, true};
const Setting kEndpoint{"endpoint", {"OPERATORCONNECT_ENDPOINT"}, kDefaultEndpoint};
const Setting kAuthorityUrl{
    "authority_url", {"OPERATORCONNECT_AUTHORITY_URL"}, kDefaultAuthorityUrl};
const Setting kCaFile{"ca_certificate_file", {"OPERATORCONNECT_CA_CERTIFICATE_FILE"}, {}};
const Setting kRequestTimeout{
    "request_timeout", {"OPERATORCONNECT_REQUEST_TIMEOUT"}, kDefaultRequestTimeout};
const Setting kMaxRetries{
    "max_retries", {"OPERATORCONNECT_MAX_RETRIES"}, std::to_string(kDefaultMaxRetries)};
const Setting kRetryBudget{"retry_budget", {"OPERATORCONNECT_RETRY_BUDGET"}, kDefaultRetryBudget};
const Setting kRunRetryBudget{
    "run_retry_budget", {"OPERATORCONNECT_RUN_RETRY_BUDGET"}, kDefaultRunRetryBudget};
const Setting kOperationTimeout{
    "operation_timeout", {"OPERATORCONNECT_OPERATION_TIMEOUT"}, kDefaultOperationTimeout};
const Setting kMaxListItems{
    "max_list_items", {"OPERATORCONNECT_MAX_LIST_ITEMS"}, std::to_string(kDefaultMaxListItems)};

const Setting* const kAllSettings[] = {&kTenantId,       &kClientId,         &kClientSecret,
                                       &kEndpoint,       &kAuthorityUrl,     &kCaFile,
                                       &kRequestTimeout, &kMaxRetries,       &kRetryBudget,
                                       &kRunRetryBudget, &kOperationTimeout, &kMaxListItems};

// A setting's value and where it came from (named in diagnostics).
struct Resolved {
  enum class Origin { kUnset, kUnknown, kConfig, kEnvironment, kDefault };
  Origin origin = Origin::kUnset;
  std::string text;
  std::string env_var;
};

// Config values as text (an empty string, refused by name before this, gives nullopt).
std::optional<std::string> ConfigText(const Value& value) {
  if (!value.IsKnown()) {
    return std::nullopt;
  }
  std::string text;
  if (value.type().kind() == framework::Type::Kind::kNumber) {
    text = value.AsNumber().ToString();
  } else if (value.type().kind() == framework::Type::Kind::kString) {
    text = value.AsString();
  }
  if (text.empty()) {
    return std::nullopt;
  }
  return text;
}

Resolved Resolve(const Setting& setting, const Value& config, const opc::EnvLookup& env) {
  Resolved out;
  const Value& value = config.GetAttr(setting.attribute);
  if (value.IsUnknown()) {
    out.origin = Resolved::Origin::kUnknown;
    return out;
  }
  if (std::optional<std::string> text = ConfigText(value)) {
    out.origin = Resolved::Origin::kConfig;
    out.text = *std::move(text);
    return out;
  }
  for (const std::string& var : setting.env_vars) {
    std::optional<std::string> text = env(var);
    if (text.has_value() && !text->empty()) {
      out.origin = Resolved::Origin::kEnvironment;
      out.text = *std::move(text);
      out.env_var = var;
      return out;
    }
  }
  if (setting.default_text.has_value()) {
    out.origin = Resolved::Origin::kDefault;
    out.text = *setting.default_text;
  }
  return out;
}

// Applies the setting's rule; the secret has none (and its value must never be quoted).
absl::Status Check(const Setting& setting, const std::string& text) {
  if (&setting == &kTenantId || &setting == &kClientId) {
    return rules::CheckGuid(text);
  }
  if (&setting == &kEndpoint || &setting == &kAuthorityUrl) {
    return rules::CheckServiceUrl(text);
  }
  if (&setting == &kCaFile) {
    return rules::CheckCaFile(text);
  }
  if (&setting == &kRequestTimeout) {
    return rules::ParseDuration(text).status();
  }
  if (&setting == &kMaxRetries) {
    return rules::ParseMaxRetries(text).status();
  }
  if (&setting == &kOperationTimeout || &setting == &kRetryBudget || &setting == &kRunRetryBudget) {
    return rules::ParseDuration(text).status();
  }
  if (&setting == &kMaxListItems) {
    return rules::ParseMaxListItems(text).status();
  }
  return absl::OkStatus();
}

void AddInvalid(const Setting& setting, const Resolved& resolved, const absl::Status& status,
                Diagnostics& diags) {
  std::string detail(status.message());
  if (resolved.origin == Resolved::Origin::kEnvironment) {
    absl::StrAppend(&detail, " The value comes from the environment variable ", resolved.env_var,
                    ".");
  }
  diags.AddError(absl::StrCat("Invalid ", setting.attribute), detail,
                 AttributePath::Root(setting.attribute));
}

// `tenant_id = ""` is a mistake (an empty variable, a typo), not a wish for the environment's
// value: falling back silently could act on another tenant, so it is refused by name.
bool IsEmptyString(const Value& value) {
  return value.IsKnown() && !value.IsNull() &&
         value.type().kind() == framework::Type::Kind::kString && value.AsString().empty();
}

void AddEmpty(const Setting& setting, Diagnostics& diags) {
  std::string detail = absl::StrCat("`", setting.attribute, "` is set to an empty string. ");
  if (setting.env_vars.empty()) {
    absl::StrAppend(&detail, "Give it a value or remove it.");
  } else {
    absl::StrAppend(&detail, "Give it a value, or remove it to use the ",
                    absl::StrJoin(setting.env_vars, " or "), " environment variable",
                    setting.default_text ? " or the default." : ".");
  }
  diags.AddError(absl::StrCat("Empty ", setting.attribute), detail,
                 AttributePath::Root(setting.attribute));
}

void AddMissing(const Setting& setting, Diagnostics& diags) {
  diags.AddError(absl::StrCat("Missing ", setting.attribute),
                 absl::StrCat("The provider needs ", setting.attribute, ". Set `",
                              setting.attribute, "` in the provider block, or the ",
                              absl::StrJoin(setting.env_vars, " or "), " environment variable."),
                 AttributePath::Root(setting.attribute));
}

std::string WithoutTrailingSlash(std::string url) {
  while (!url.empty() && url.back() == '/') {
    url.pop_back();
  }
  return url;
}

framework::Attribute StringSetting(const char* name, std::string description) {
  framework::Attribute attr;
  attr.name = name;
  attr.type = framework::Type::String();
  attr.description = std::move(description);
  attr.optional = true;
  return attr;
}

}  // namespace

std::string ProviderVersion() { return OPC_PROVIDER_VERSION; }

OperatorConnectProvider::OperatorConnectProvider(opc::EnvLookup env) : env_(std::move(env)) {}

framework::Schema OperatorConnectProvider::GetSchema() const {
  framework::Schema schema;
  schema.block.description =
      "The Operator Connect provider manages a Microsoft Teams Phone tenant's Operator Connect "
      "setup (operator consents, emergency addresses, phone number assignments) through the "
      "tenant API. It authenticates as an app registration with a client secret.";
  std::vector<framework::Attribute>& attrs = schema.block.attributes;
  attrs.push_back(StringSetting(
      "tenant_id",
      "The Microsoft Entra tenant (directory) ID, a GUID. Falls back to the `ARM_TENANT_ID`, "
      "then `OPERATORCONNECT_TENANT_ID` environment variable. Required in one of these places."));
  attrs.push_back(StringSetting(
      "client_id",
      "The application (client) ID of the app registration, a GUID. Falls back to "
      "`ARM_CLIENT_ID`, then `OPERATORCONNECT_CLIENT_ID`. Required in one of these places."));
  framework::Attribute secret = StringSetting(
      "client_secret",
      "A client secret of the app registration. Falls back to `ARM_CLIENT_SECRET`, then "
      "`OPERATORCONNECT_CLIENT_SECRET`. Required in one of these places; prefer the environment "
      "so the secret stays out of configuration files.");
  secret.sensitive = true;
  attrs.push_back(std::move(secret));
  attrs.push_back(StringSetting(
      "endpoint",
      absl::StrCat("Base URL of the tenant API. Defaults to `", kDefaultEndpoint,
                   "`; falls back to `OPERATORCONNECT_ENDPOINT`. Must be https, except for a "
                   "loopback host such as a local simulator (`http://127.0.0.1:PORT`).")));
  attrs.push_back(StringSetting(
      "authority_url",
      absl::StrCat("Base URL of the token endpoint (`{authority_url}/{tenant_id}/oauth2/v2.0/"
                   "token`). Defaults to `",
                   kDefaultAuthorityUrl,
                   "`; falls back to `OPERATORCONNECT_AUTHORITY_URL`. Must be https, except for "
                   "a loopback host.")));
  attrs.push_back(StringSetting(
      "ca_certificate_file",
      "Path to a PEM file of CA certificates to trust for both URLs instead of the system "
      "store. Falls back to `OPERATORCONNECT_CA_CERTIFICATE_FILE`."));
  attrs.push_back(StringSetting(
      "request_timeout",
      absl::StrCat("Timeout of one HTTP request, as a duration such as `30s` or `2m`. Defaults "
                   "to `",
                   kDefaultRequestTimeout, "`; falls back to `OPERATORCONNECT_REQUEST_TIMEOUT`.")));
  framework::Attribute retries;
  retries.name = "max_retries";
  retries.type = framework::Type::Number();
  retries.description = absl::StrCat(
      "How many times a request that fails with a server error (500, 502), cannot connect or "
      "times out is retried, 0 to ",
      kMaxMaxRetries,
      ". Throttled (429) and unavailable (503, 504, dropped connection) requests "
      "are not counted: they are waited out within `retry_budget`. Defaults to ",
      kDefaultMaxRetries, "; falls back to `OPERATORCONNECT_MAX_RETRIES`.");
  retries.optional = true;
  attrs.push_back(std::move(retries));
  attrs.push_back(StringSetting(
      "retry_budget",
      absl::StrCat("How long one request may take in all, attempts and waits included, while "
                   "the service throttles it (429) or is unavailable (503, 504, dropped "
                   "connection): the provider waits as long as `Retry-After` asks (or backs off "
                   "exponentially, at most 30s between attempts) and retries until this is "
                   "spent, as Microsoft's SDKs do. A duration such as `5m`, at most `24h`. "
                   "Defaults to `",
                   kDefaultRetryBudget, "`; falls back to `OPERATORCONNECT_RETRY_BUDGET`.")));
  attrs.push_back(StringSetting(
      "run_retry_budget",
      absl::StrCat("How long all requests of one Terraform run (one plan, apply or destroy) may "
                   "spend waiting to be retried, added up. Once spent, a throttled request fails "
                   "instead of waiting, so a tenant that throttles everything ends the run. A "
                   "duration such as `30m`, at most `24h`. Defaults to `",
                   kDefaultRunRetryBudget,
                   "`; falls back to `OPERATORCONNECT_RUN_RETRY_BUDGET`.")));
  attrs.push_back(StringSetting(
      "operation_timeout",
      absl::StrCat("How long assigning or unassigning a phone number waits for its long-running "
                   "operation to finish, as a duration such as `5m`, at most `24h`. The "
                   "operation is polled when the service's `Retry-After` says (at once for "
                   "`0`; a service that keeps answering `0` is polled after 25 ms, then twice "
                   "as long each time up to 2 s), and at least every minute. Defaults to `",
                   kDefaultOperationTimeout,
                   "`; falls back to `OPERATORCONNECT_OPERATION_TIMEOUT`.")));
  framework::Attribute list_items;
  list_items.name = "max_list_items";
  list_items.type = framework::Type::Number();
  list_items.description = absl::StrCat(
      "The most items one read of a collection (e.g. the phone number inventory) may return, 1 "
      "to ",
      kMaxMaxListItems,
      ". A read that would return more fails instead of using unbounded time "
      "and memory; so does one that follows more than 1000 pages. Defaults to ",
      kDefaultMaxListItems, "; falls back to `OPERATORCONNECT_MAX_LIST_ITEMS`.");
  list_items.optional = true;
  attrs.push_back(std::move(list_items));
  return schema;
}

void OperatorConnectProvider::ValidateConfig(const Value& config, Diagnostics& diags) {
  for (const Setting* setting : kAllSettings) {
    if (IsEmptyString(config.GetAttr(setting->attribute))) {
      AddEmpty(*setting, diags);
      continue;
    }
    std::optional<std::string> text = ConfigText(config.GetAttr(setting->attribute));
    if (!text.has_value()) {
      continue;  // unset or unknown: Configure decides once the value is known
    }
    Resolved resolved{Resolved::Origin::kConfig, *text, {}};
    if (absl::Status status = Check(*setting, *text); !status.ok()) {
      AddInvalid(*setting, resolved, status, diags);
    }
  }
}

namespace {

// The client logs through the provider's hclog logger (already redacted by the client).
client::ClientConfig ClientConfigFrom(const ProviderSettings& settings) {
  client::ClientConfig config;
  config.tenant_id = settings.tenant_id;
  config.client_id = settings.client_id;
  config.client_secret = settings.client_secret;
  config.endpoint = settings.endpoint;
  config.authority_url = settings.authority_url;
  config.ca_file = settings.ca_file;
  config.request_timeout = settings.request_timeout;
  config.max_retries = settings.max_retries;
  config.retry_budget = settings.retry_budget;
  config.run_retry_budget = settings.run_retry_budget;
  config.operation_timeout = settings.operation_timeout;
  config.max_list_items = static_cast<std::size_t>(settings.max_list_items);
  config.user_agent = "terraform-provider-operatorconnect/" + ProviderVersion();
  config.log_sink = [log = opc::ProcessLogger().Named("client")](client::LogLevel level,
                                                                 std::string_view message) {
    switch (level) {
      case client::LogLevel::kDebug:
        log.Debug(message);
        break;
      case client::LogLevel::kInfo:
        log.Info(message);
        break;
      case client::LogLevel::kWarning:
        log.Warn(message);
        break;
      case client::LogLevel::kError:
        log.Error(message);
        break;
    }
  };
  return config;
}

}  // namespace

void OperatorConnectProvider::Configure(const framework::ConfigureProviderRequest& req,
                                        framework::ConfigureProviderResponse& resp) {
  const opc::Logger log = opc::ProcessLogger().Named("provider");
  Diagnostics& diags = resp.diagnostics;
  bool has_unknown = false;
  ProviderSettings settings;
  for (const Setting* setting : kAllSettings) {
    if (IsEmptyString(req.config.GetAttr(setting->attribute))) {
      AddEmpty(*setting, diags);  // known only now (e.g. from a resource): same rule
      continue;
    }
    Resolved resolved = Resolve(*setting, req.config, env_);
    if (resolved.origin == Resolved::Origin::kUnknown) {
      has_unknown = true;
      continue;
    }
    if (resolved.origin == Resolved::Origin::kUnset) {
      if (setting->required) {
        AddMissing(*setting, diags);
      }
      continue;
    }
    if (absl::Status status = Check(*setting, resolved.text); !status.ok()) {
      AddInvalid(*setting, resolved, status, diags);
      continue;
    }
    const std::string& text = resolved.text;
    if (setting == &kTenantId) {
      settings.tenant_id = text;
    } else if (setting == &kClientId) {
      settings.client_id = text;
    } else if (setting == &kClientSecret) {
      settings.client_secret = text;
    } else if (setting == &kEndpoint) {
      settings.endpoint = WithoutTrailingSlash(text);
    } else if (setting == &kAuthorityUrl) {
      settings.authority_url = WithoutTrailingSlash(text);
    } else if (setting == &kCaFile) {
      settings.ca_file = text;
    } else if (setting == &kRequestTimeout) {
      settings.request_timeout = *rules::ParseDuration(text);
    } else if (setting == &kMaxRetries) {
      settings.max_retries = *rules::ParseMaxRetries(text);
    } else if (setting == &kRetryBudget) {
      settings.retry_budget = *rules::ParseDuration(text);
    } else if (setting == &kRunRetryBudget) {
      settings.run_retry_budget = *rules::ParseDuration(text);
    } else if (setting == &kOperationTimeout) {
      settings.operation_timeout = *rules::ParseDuration(text);
    } else if (setting == &kMaxListItems) {
      settings.max_list_items = *rules::ParseMaxListItems(text);
    }
  }
  if (diags.HasError()) {
    return;
  }
  if (has_unknown) {
    log.Debug("provider configuration depends on values not known yet; not configured");
    return;
  }
  log.Info("provider configured", {{"terraform_version", req.terraform_version},
                                   {"tenant_id", settings.tenant_id},
                                   {"client_id", settings.client_id},
                                   {"endpoint", settings.endpoint},
                                   {"authority_url", settings.authority_url},
                                   {"ca_certificate_file", settings.ca_file},
                                   {"request_timeout_ms", settings.request_timeout.count()},
                                   {"max_retries", settings.max_retries},
                                   {"retry_budget_ms", settings.retry_budget.count()},
                                   {"run_retry_budget_ms", settings.run_retry_budget.count()},
                                   {"operation_timeout_ms", settings.operation_timeout.count()},
                                   {"max_list_items", settings.max_list_items}});
  auto shared_settings = std::make_shared<const ProviderSettings>(std::move(settings));
  absl::StatusOr<std::unique_ptr<client::TenantClient>> tenant_client =
      client::TenantClient::Create(ClientConfigFrom(*shared_settings));
  if (!tenant_client.ok()) {
    diags.AddError("Invalid provider configuration", std::string(tenant_client.status().message()));
    return;
  }
  auto context = std::make_shared<ProviderContext>();
  context->settings = shared_settings;
  context->client = std::move(*tenant_client);
  resp.data = std::shared_ptr<const ProviderContext>(std::move(context));
}

std::vector<std::unique_ptr<framework::Resource>> OperatorConnectProvider::Resources() {
  return AllResources();
}

std::vector<std::unique_ptr<framework::DataSource>> OperatorConnectProvider::DataSources() {
  return AllDataSources();
}

std::vector<std::unique_ptr<framework::Function>> OperatorConnectProvider::Functions() {
  return AllFunctions();
}

}  // namespace opc::resources
