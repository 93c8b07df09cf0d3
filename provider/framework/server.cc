// The framework server's lifetime: building the schemas, finding types, and StopProvider.
// Each RPC lives in its own server_<rpc>.cc (as fwserver's server_planresourcechange.go etc.).
#include "provider/framework/server.h"

#include <utility>

#include "provider/framework/server_support.h"

namespace opc::framework {

using namespace server_support;  // NOLINT(google-build-using-namespace): the server's own helpers

ProviderServer::ProviderServer(std::unique_ptr<Provider> provider)
    : provider_(std::move(provider)), stop_source_(std::make_shared<CancellationSource>()) {
  provider_schema_ = provider_->GetSchema();
  for (auto& resource : provider_->Resources()) {
    if (!resource) {
      continue;
    }
    std::string name = resource->TypeName();
    resource_schemas_[name] = resource->GetSchema();
    resources_[name] = std::move(resource);
  }
  for (auto& data_source : provider_->DataSources()) {
    if (!data_source) {
      continue;
    }
    std::string name = data_source->TypeName();
    data_source_schemas_[name] = data_source->GetSchema();
    data_sources_[name] = std::move(data_source);
  }
  for (auto& function : provider_->Functions()) {
    if (!function) {
      continue;
    }
    std::string name = function->Name();
    function_definitions_[name] = function->Definition();
    functions_[name] = std::move(function);
  }
}

const Schema* ProviderServer::FindResourceSchema(std::string_view type_name) const {
  auto it = resource_schemas_.find(std::string(type_name));
  return it == resource_schemas_.end() ? nullptr : &it->second;
}

const Schema* ProviderServer::FindDataSourceSchema(std::string_view type_name) const {
  auto it = data_source_schemas_.find(std::string(type_name));
  return it == data_source_schemas_.end() ? nullptr : &it->second;
}

ProviderServer::Found<Resource> ProviderServer::FindResource(const std::string& type_name,
                                                             Diagnostics& diags) {
  auto it = resources_.find(type_name);
  if (it == resources_.end()) {
    AddUnknownType(diags, "resource", type_name);
    return {};
  }
  return {it->second.get(), &resource_schemas_.at(type_name)};
}

ProviderServer::Found<DataSource> ProviderServer::FindDataSource(const std::string& type_name,
                                                                 Diagnostics& diags) {
  auto it = data_sources_.find(type_name);
  if (it == data_sources_.end()) {
    AddUnknownType(diags, "data source", type_name);
    return {};
  }
  return {it->second.get(), &data_source_schemas_.at(type_name)};
}

CancellationToken ProviderServer::CurrentToken() {
  std::lock_guard lock(mu_);
  return stop_source_->Token();
}

void ProviderServer::Stop() {
  std::lock_guard lock(mu_);
  stop_source_->Cancel();
  stop_source_ = std::make_shared<CancellationSource>();
}

bool ProviderServer::RequireConfigured(Diagnostics& diags, const std::string& operation) {
  std::lock_guard lock(mu_);
  if (!configured_) {
    AddNotConfigured(diags, operation);
  }
  return configured_;
}

}  // namespace opc::framework
