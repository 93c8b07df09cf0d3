// What ConfigureProvider hands to every resource and data source, inside
// framework::ProviderData as std::shared_ptr<const ProviderContext>.
#pragma once

#include <memory>

#include "provider/client/tenant_client.h"
#include "provider/resources/provider_settings.h"

namespace opc::resources {

struct ProviderContext {
  std::shared_ptr<const ProviderSettings> settings;
  // Shared by all resources; thread-safe (Terraform calls resources in parallel).
  std::shared_ptr<const client::TenantClient> client;
};

}  // namespace opc::resources
