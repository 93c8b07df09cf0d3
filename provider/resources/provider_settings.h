// The provider configuration after environment fallbacks and defaults: what ConfigureProvider
// hands to every resource and data source (as std::shared_ptr<const ProviderSettings> inside
// framework::ProviderData).
#pragma once

#include <chrono>
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
};

inline constexpr char kDefaultEndpoint[] = "https://graph.microsoft.com";
inline constexpr char kDefaultAuthorityUrl[] = "https://login.microsoftonline.com";
inline constexpr char kDefaultRequestTimeout[] = "60s";
inline constexpr int kDefaultMaxRetries = 5;
inline constexpr int kMaxMaxRetries = 20;

}  // namespace opc::resources
