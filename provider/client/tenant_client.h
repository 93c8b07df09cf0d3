// The client facade the provider configures once (ConfigureProvider) and shares between all
// resources: it owns the transport, the token cache, the retry policy and the typed APIs.
// Thread-safe: Terraform calls resources in parallel, and they all use the same TenantClient.
//
//   ClientConfig config;
//   config.tenant_id = ...; config.client_id = ...; config.client_secret = ...;
//   absl::StatusOr<std::unique_ptr<TenantClient>> client = TenantClient::Create(config);
//   absl::StatusOr<Consent> consent = (*client)->operators().GetConsent(operator_id, cancel);
//   if (absl::IsNotFound(consent.status())) { /* removed out of band: drop from state */ }
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "provider/client/client_logger.h"
#include "provider/client/clock.h"
#include "provider/client/contract_areas.h"
#include "provider/client/emergency_api.h"
#include "provider/client/graph_client.h"
#include "provider/client/http_transport.h"
#include "provider/client/long_running_operation.h"
#include "provider/client/numbers_api.h"
#include "provider/client/operators_api.h"
#include "provider/client/random_source.h"
#include "provider/client/redaction.h"
#include "provider/client/retry_policy.h"
#include "provider/client/token_provider.h"

namespace opc::client {

inline constexpr std::string_view kDefaultEndpoint = "https://graph.microsoft.com";
inline constexpr std::string_view kDefaultUserAgent = "terraform-provider-operatorconnect";

struct ClientConfig {
  std::string tenant_id;      // directory (tenant) id or verified domain
  std::string client_id;      // application (client) id
  std::string client_secret;  // never logged, never in a status message
  // Base URL of the tenant API; the simulator's is "http://127.0.0.1:PORT".
  std::string endpoint{kDefaultEndpoint};
  // Base URL of the token endpoint; for the simulator, the same as `endpoint`.
  std::string authority_url{kDefaultAuthorityUrl};
  // OAuth2 scope; empty means "https://graph.microsoft.com/.default".
  std::string scope;
  // PEM CA bundle used instead of the system store (CURLOPT_CAINFO). TLS is always verified.
  std::string ca_file;
  // Upper bound for one HTTP exchange (one attempt).
  std::chrono::milliseconds request_timeout{std::chrono::minutes(1)};
  // Budget for one API call including all its retries and waits: throttled and unavailable
  // answers (429, 503, 504, dropped connections) are waited out within it (see retry_policy.h).
  std::chrono::milliseconds retry_budget{std::chrono::minutes(10)};
  // Budget for the waits before retries of all calls of this client together (one run).
  std::chrono::milliseconds run_retry_budget{std::chrono::hours(1)};
  // Retries after the first attempt for server errors (500, 502) and connection failures.
  int max_retries = 5;
  // How long a write already on the wire may still be answered after StopProvider
  // (docs/design/interruptions.md).
  std::chrono::milliseconds write_grace{std::chrono::seconds(30)};
  std::string user_agent{kDefaultUserAgent};
  // How long AssignNumber/UnassignNumber wait for their long-running operation (polled at
  // least every minute whatever Retry-After says, see PollOptions).
  std::chrono::milliseconds operation_timeout{std::chrono::minutes(15)};
  // Budgets for reading one collection (see paging.h): the most items one read returns, and
  // the most pages it follows.
  std::size_t max_list_items = 100'000;
  int max_list_pages = 1'000;
  // Poll interval when the service sends no Retry-After.
  std::chrono::milliseconds operation_poll_interval{std::chrono::seconds(2)};
  // Where log lines go (already redacted); null discards them.
  LogSink log_sink;
};

// Checks `config` before any request: required fields, URL shapes (plain http only for
// loopback hosts, since bearer tokens and the secret travel in clear otherwise), bounds.
// InvalidArgument naming the field; never echoes the secret.
absl::Status ValidateClientConfig(const ClientConfig& config);

// Overrides for the client's seams; anything left null uses the real implementation. For
// tests (fake transport and clock) and for embedding.
struct ClientDependencies {
  std::shared_ptr<HttpTransport> transport;  // default: CurlTransport with config.ca_file
  Clock* clock = nullptr;                    // default: SystemClock()
  Sleeper* sleeper = nullptr;                // default: RealSleeper()
  RandomSource* random = nullptr;            // default: DefaultRandomSource()
  // Backoff tuning; max_retries and total_timeout always come from ClientConfig.
  std::optional<RetryOptions> retry;
};

class TenantClient {
 public:
  // Validates `config` and wires everything up. No network traffic happens here: the first
  // token is fetched by the first call that needs it.
  static absl::StatusOr<std::unique_ptr<TenantClient>> Create(ClientConfig config,
                                                              ClientDependencies deps = {});
  ~TenantClient();
  TenantClient(const TenantClient&) = delete;
  TenantClient& operator=(const TenantClient&) = delete;

  const NumbersApi& numbers() const { return *numbers_; }
  const OperatorsApi& operators() const { return *operators_; }
  const EmergencyApi& emergency() const { return *emergency_; }
  // Whether the endpoint serves the contract's own areas (asked once per area and process).
  const ContractProbe& contract() const { return *contract_; }

  // Lower layers, for calls the typed APIs do not cover.
  const GraphClient& graph() const { return *graph_; }
  const OperationPoller& poller() const { return *poller_; }
  TokenProvider& tokens() const { return *tokens_; }
  const ClientLogger& logger() const { return *logger_; }
  const Retrier& retrier() const { return *retrier_; }
  // The time seams the client waits through; callers that poll (a resource waiting for an
  // operator) use the same ones, so tests drive every wait with a fake clock.
  Clock& clock() const { return *clock_; }
  Sleeper& sleeper() const { return *sleeper_; }

  const std::string& tenant_id() const { return tenant_id_; }
  const std::string& endpoint() const { return endpoint_; }

 private:
  TenantClient() = default;

  std::string tenant_id_;
  std::string endpoint_;
  Clock* clock_ = nullptr;
  Sleeper* sleeper_ = nullptr;
  std::shared_ptr<Redactor> redactor_;
  std::unique_ptr<ClientLogger> logger_;
  std::shared_ptr<HttpTransport> transport_;
  std::unique_ptr<Retrier> retrier_;
  std::unique_ptr<TokenProvider> tokens_;
  std::unique_ptr<GraphClient> graph_;
  std::unique_ptr<OperationPoller> poller_;
  std::unique_ptr<NumbersApi> numbers_;
  std::unique_ptr<OperatorsApi> operators_;
  std::unique_ptr<EmergencyApi> emergency_;
  std::unique_ptr<ContractProbe> contract_;
};

}  // namespace opc::client
