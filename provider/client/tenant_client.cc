#include "provider/client/tenant_client.h"

#include "provider/client/curl_transport.h"
#include "provider/client/string_util.h"
#include "provider/common/status_macros.h"

namespace opc::client {
namespace {

constexpr int kMaxRetriesLimit = 20;

bool IsLoopbackHost(std::string_view origin) {
  // origin is "scheme://host:port" (see UrlOrigin).
  std::string_view rest = origin.substr(origin.find("://") + 3);
  std::string_view host = rest.substr(0, rest.rfind(':'));
  return host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host.starts_with("127.");
}

absl::Status ValidateBaseUrl(std::string_view field, std::string_view url) {
  std::string origin = UrlOrigin(url);
  if (origin.empty()) {
    return absl::InvalidArgumentError(StrCat(field, " '", url, "' is not an absolute http(s) URL"));
  }
  if (StartsWithIgnoreCase(url, "http://") && !IsLoopbackHost(origin)) {
    return absl::InvalidArgumentError(
        StrCat(field, " '", url,
               "' uses plain http: use https (http is only allowed for loopback addresses, "
               "e.g. a local simulator)"));
  }
  if (url.find_first_of("?#") != std::string_view::npos) {
    return absl::InvalidArgumentError(
        StrCat(field, " '", url, "' must not have a query or fragment"));
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateClientConfig(const ClientConfig& config) {
  if (StripWhitespace(config.tenant_id).empty()) {
    return absl::InvalidArgumentError("tenant_id is required");
  }
  for (char c : config.tenant_id) {
    if (!(IsAsciiAlnum(c) || c == '-' || c == '.' || c == '_')) {
      return absl::InvalidArgumentError(
          StrCat("tenant_id '", config.tenant_id, "' must be a tenant id (GUID) or a domain name"));
    }
  }
  if (StripWhitespace(config.client_id).empty()) {
    return absl::InvalidArgumentError("client_id is required");
  }
  if (config.client_secret.empty()) {
    return absl::InvalidArgumentError("client_secret is required");
  }
  RETURN_IF_ERROR(ValidateBaseUrl("endpoint", config.endpoint));
  RETURN_IF_ERROR(ValidateBaseUrl("authority_url", config.authority_url));
  if (!config.scope.empty() && !config.scope.ends_with("/.default")) {
    return absl::InvalidArgumentError(
        StrCat("scope '", config.scope, "' must end in /.default (client-credentials grant)"));
  }
  if (config.request_timeout <= std::chrono::milliseconds(0)) {
    return absl::InvalidArgumentError("request_timeout must be positive");
  }
  if (config.retry_budget <= std::chrono::milliseconds(0) ||
      config.run_retry_budget <= std::chrono::milliseconds(0)) {
    return absl::InvalidArgumentError("retry_budget and run_retry_budget must be positive");
  }
  if (config.max_retries < 0 || config.max_retries > kMaxRetriesLimit) {
    return absl::InvalidArgumentError(StrCat("max_retries must be between 0 and ", kMaxRetriesLimit,
                                             ", got ", config.max_retries));
  }
  if (config.operation_timeout <= std::chrono::milliseconds(0)) {
    return absl::InvalidArgumentError("operation_timeout must be positive");
  }
  if (config.max_list_items < 1) {
    return absl::InvalidArgumentError("max_list_items must be positive");
  }
  if (config.max_list_pages < 1) {
    return absl::InvalidArgumentError("max_list_pages must be positive");
  }
  if (config.operation_poll_interval < std::chrono::milliseconds(0)) {
    return absl::InvalidArgumentError("operation_poll_interval must not be negative");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<TenantClient>> TenantClient::Create(ClientConfig config,
                                                                   ClientDependencies deps) {
  RETURN_IF_ERROR(ValidateClientConfig(config));
  std::unique_ptr<TenantClient> client(new TenantClient());
  client->tenant_id_ = config.tenant_id;
  client->endpoint_ = config.endpoint;
  client->redactor_ = std::make_shared<Redactor>();
  client->redactor_->AddSecret(config.client_secret);
  client->logger_ = std::make_unique<ClientLogger>(config.log_sink, client->redactor_);

  if (deps.transport) {
    client->transport_ = std::move(deps.transport);
  } else {
    CurlTransportOptions options;
    options.ca_file = config.ca_file;
    client->transport_ = std::make_shared<CurlTransport>(std::move(options));
  }
  Clock& clock = deps.clock != nullptr ? *deps.clock : SystemClock();
  Sleeper& sleeper = deps.sleeper != nullptr ? *deps.sleeper : RealSleeper();
  client->clock_ = &clock;
  client->sleeper_ = &sleeper;
  RandomSource& random = deps.random != nullptr ? *deps.random : DefaultRandomSource();

  RetryOptions retry = deps.retry.value_or(RetryOptions{});
  retry.max_retries = config.max_retries;
  retry.total_timeout = config.retry_budget;
  retry.run_wait_budget = config.run_retry_budget;
  retry.attempt_timeout = config.request_timeout;
  client->retrier_ = std::make_unique<Retrier>(retry, clock, sleeper, random, *client->logger_);

  ClientCredentialsOptions credentials;
  credentials.authority_url = config.authority_url;
  credentials.tenant_id = config.tenant_id;
  credentials.client_id = config.client_id;
  credentials.client_secret = config.client_secret;
  if (!config.scope.empty()) {
    credentials.scope = config.scope;
  }
  credentials.user_agent = config.user_agent;
  client->tokens_ = std::make_unique<ClientCredentialsTokenProvider>(
      std::move(credentials), *client->transport_, *client->retrier_, clock, *client->logger_);

  GraphClientOptions graph;
  graph.endpoint = config.endpoint;
  graph.user_agent = config.user_agent;
  graph.max_list_items = config.max_list_items;
  graph.max_list_pages = config.max_list_pages;
  graph.write_grace = config.write_grace;
  client->graph_ = std::make_unique<GraphClient>(
      std::move(graph), *client->transport_, *client->tokens_, *client->retrier_, *client->logger_);
  PollOptions poll;
  poll.timeout = config.operation_timeout;
  poll.default_interval = config.operation_poll_interval;
  client->poller_ = std::make_unique<OperationPoller>(*client->graph_, clock, sleeper, poll);
  client->numbers_ =
      std::make_unique<NumbersApi>(*client->graph_, *client->poller_, clock, sleeper);
  client->operators_ = std::make_unique<OperatorsApi>(*client->graph_, clock);
  client->emergency_ = std::make_unique<EmergencyApi>(*client->graph_, clock);
  client->contract_ = std::make_unique<ContractProbe>(*client->graph_);
  return client;
}

TenantClient::~TenantClient() = default;

}  // namespace opc::client
