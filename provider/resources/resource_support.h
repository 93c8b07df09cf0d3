// Small helpers every resource and data source uses: reaching the tenant client, moving values
// between Terraform values and client models, and turning API failures into diagnostics.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "provider/client/tenant_client.h"
#include "provider/framework/diagnostics.h"
#include "provider/framework/resource.h"
#include "provider/framework/value.h"
#include "provider/resources/provider_context.h"
#include "provider/resources/resource_diagnostics.h"
#include "provider/resources/semantic_equality.h"
#include "provider/resources/validators.h"

namespace opc::resources {

// Keeps the tenant client that ConfigureProvider produced. Resources hold one and ask it for
// the client at the start of each call.
class ClientSlot {
 public:
  void Configure(const framework::ProviderData& data);
  // The client, or nullptr after adding a "provider not configured" error to `diags`.
  const client::TenantClient* Get(framework::Diagnostics& diags) const;
  // This plan's removal ledger; nullptr until the provider is configured.
  RemovalLedger* removal_ledger() const {
    return context_ == nullptr ? nullptr : context_->removal_ledger.get();
  }

 private:
  std::shared_ptr<const ProviderContext> context_;
};

// Value -> native. Null and unknown give nullopt / empty.
std::optional<std::string> OptionalString(const framework::Value& value);
std::string StringOr(const framework::Value& value, std::string_view fallback = "");
std::optional<bool> OptionalBool(const framework::Value& value);
std::vector<std::string> Strings(const framework::Value& list_or_set);

// Native -> value.
framework::Value StringOrNull(const std::optional<std::string>& text);
framework::Value StringSet(const std::vector<std::string>& items);
framework::Value StringList(const std::vector<std::string>& items);

}  // namespace opc::resources
