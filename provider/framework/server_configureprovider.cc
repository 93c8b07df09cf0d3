// ProviderServer::ValidateProviderConfig and ConfigureProvider: the provider's own configuration.
#include "provider/framework/config_validation.h"
#include "provider/framework/server.h"
#include "provider/framework/server_support.h"

namespace opc::framework {

using namespace server_support;  // NOLINT(google-build-using-namespace): the server's own helpers

Diagnostics ProviderServer::ValidateProviderConfig(const Value& config) {
  Diagnostics diags;
  Guard(diags, "Provider configuration validation",
        [&] { ValidateAgainstSchema(provider_schema_.block, config, diags); });
  Guard(diags, "Provider configuration validation",
        [&] { provider_->ValidateConfig(config, diags); });
  return diags;
}

Diagnostics ProviderServer::ConfigureProvider(const std::string& terraform_version,
                                              const Value& config) {
  Diagnostics diags;
  ConfigureProviderRequest req{terraform_version, config};
  ConfigureProviderResponse resp;
  Guard(diags, "Provider configuration", [&] { provider_->Configure(req, resp); });
  diags.Append(resp.diagnostics);
  if (!diags.HasError()) {
    // Plain pair references, not structured bindings: clang before 16 cannot capture those.
    for (auto& entry : resources_) {
      Resource& resource = *entry.second;
      Guard(diags, "Configuring " + entry.first, [&] { resource.Configure(resp.data, diags); });
    }
    for (auto& entry : data_sources_) {
      DataSource& data_source = *entry.second;
      Guard(diags, "Configuring " + entry.first, [&] { data_source.Configure(resp.data, diags); });
    }
  }
  std::lock_guard lock(mu_);
  configured_ = !diags.HasError();
  return diags;
}

}  // namespace opc::framework
