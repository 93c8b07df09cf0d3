// Small helpers every resource and data source uses: reaching the tenant client, moving values
// between Terraform values and client models, and turning API failures into diagnostics.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/status/status.h"
#include "absl/synchronization/mutex.h"
#include "provider/client/tenant_client.h"
#include "provider/framework/diagnostics.h"
#include "provider/framework/resource.h"
#include "provider/framework/value.h"
#include "provider/resources/provider_context.h"
#include "provider/resources/resource_diagnostics.h"
#include "provider/resources/semantic_equality.h"
#include "provider/resources/validators.h"

namespace opc::resources {

// One request's hold on what ConfigureProvider produced. The context stays alive for the whole
// request even when the provider is configured again meanwhile; reads like a client pointer.
class RequestContext {
 public:
  RequestContext() = default;
  explicit RequestContext(std::shared_ptr<const ProviderContext> context)
      : context_(std::move(context)) {}

  bool operator==(std::nullptr_t) const { return client() == nullptr; }
  const client::TenantClient& operator*() const { return *client(); }
  const client::TenantClient* operator->() const { return client(); }
  // The resolved provider settings; null until the provider is configured.
  const ProviderSettings* settings() const {
    return context_ == nullptr ? nullptr : context_->settings.get();
  }
  // This plan's removal ledger; null until the provider is configured.
  RemovalLedger* removal_ledger() const {
    return context_ == nullptr ? nullptr : context_->removal_ledger.get();
  }
  // This process's adoption claims (adoption.h); nullptr until the provider is configured.
  AdoptionClaims* adoption_claims() const {
    return context_ == nullptr ? nullptr : context_->adoption_claims.get();
  }

 private:
  const client::TenantClient* client() const {
    return context_ == nullptr ? nullptr : context_->client.get();
  }
  std::shared_ptr<const ProviderContext> context_;
};

// Where a resource keeps what ConfigureProvider produced. Configure may run while other RPC
// threads serve requests, so each request takes its own RequestContext under the lock.
class ClientSlot {
 public:
  void Configure(const framework::ProviderData& data) ABSL_LOCKS_EXCLUDED(mu_);
  // This request's context; one that compares equal to nullptr after adding a "provider not
  // configured" error to `diags`.
  RequestContext Get(framework::Diagnostics& diags) const ABSL_LOCKS_EXCLUDED(mu_);
  // The same without a diagnostic, for plan-time checks that skip an unconfigured provider.
  RequestContext Peek() const ABSL_LOCKS_EXCLUDED(mu_);

 private:
  mutable absl::Mutex mu_;
  std::shared_ptr<const ProviderContext> context_ ABSL_GUARDED_BY(mu_);
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
