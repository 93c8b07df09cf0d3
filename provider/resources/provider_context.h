// What ConfigureProvider hands to every resource and data source, inside
// framework::ProviderData as std::shared_ptr<const ProviderContext>.
#pragma once

#include <memory>

#include "provider/client/tenant_client.h"
#include "provider/resources/adoption.h"
#include "provider/resources/provider_settings.h"
#include "provider/resources/removal_ledger.h"

namespace opc::resources {

struct ProviderContext {
  std::shared_ptr<const ProviderSettings> settings;
  // Shared by all resources; thread-safe (Terraform calls resources in parallel).
  std::shared_ptr<const client::TenantClient> client;
  // What this process's plan has learnt about removed operator coverage (removal_ledger.h).
  // Terraform starts a provider process per walk, so it holds one plan's facts.
  std::shared_ptr<RemovalLedger> removal_ledger = std::make_shared<RemovalLedger>();
  // What this process created or took over (adoption.h): never two resources on one object.
  std::shared_ptr<AdoptionClaims> adoption_claims = std::make_shared<AdoptionClaims>();
};

}  // namespace opc::resources
