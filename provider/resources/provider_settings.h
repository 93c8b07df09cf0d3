// The provider configuration after environment fallbacks and defaults: what ConfigureProvider
// hands to every resource and data source (as std::shared_ptr<const ProviderSettings> inside
// framework::ProviderData).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace opc::resources {

struct ProviderSettings {
  std::string tenant_id;      // GUID
  std::string client_id;      // GUID of the app registration
  std::string client_secret;  // never logged, never in a diagnostic or in state
  std::string endpoint;       // API base URL without a trailing slash
  std::string authority_url;  // token endpoint base URL without a trailing slash
  std::string ca_file;        // PEM bundle to trust instead of the system store; empty: system
  std::chrono::milliseconds request_timeout{60'000};
  int max_retries = 5;
  // Throttled and unavailable requests are waited out within these (retry_policy.h).
  std::chrono::milliseconds retry_budget{10 * 60'000};
  std::chrono::milliseconds run_retry_budget{60 * 60'000};
  // Budgets against a broken or hostile endpoint: the longest wait for one long-running
  // operation, and the most items one read of a collection returns.
  std::chrono::milliseconds operation_timeout{15 * 60'000};
  int64_t max_list_items = 100'000;
};

inline constexpr char kDefaultEndpoint[] = "https://graph.microsoft.com";
inline constexpr char kDefaultAuthorityUrl[] = "https://login.microsoftonline.com";
inline constexpr char kDefaultRequestTimeout[] = "60s";
inline constexpr int kDefaultMaxRetries = 5;
inline constexpr int kMaxMaxRetries = 20;
inline constexpr char kDefaultRetryBudget[] = "10m";
inline constexpr char kDefaultRunRetryBudget[] = "1h";
inline constexpr char kDefaultOperationTimeout[] = "15m";
inline constexpr int64_t kDefaultMaxListItems = 100'000;
inline constexpr int64_t kMaxMaxListItems = 10'000'000;

}  // namespace opc::resources
