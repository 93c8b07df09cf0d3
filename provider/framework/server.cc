// The framework server's lifetime: building the schemas, finding types, and StopProvider.
// Each RPC lives in its own server_<rpc>.cc (as fwserver's server_planresourcechange.go etc.).
#include "provider/framework/server.h"

#include <utility>

#include "provider/framework/server_support.h"

namespace opc::framework {

using namespace server_support;  // NOLINT(google-build-using-namespace): the server's own helpers

namespace {

// Files each offered implementation and what it declares (schema or definition) under its name.
template <typename T, typename Declared>
void Register(std::vector<std::unique_ptr<T>> offered, std::string (T::*name_of)() const,
              Declared (T::*declare)() const, std::map<std::string, std::unique_ptr<T>>& impls,
              std::map<std::string, Declared>& declared) {
  for (auto& impl : offered) {
    if (!impl) {
      continue;
    }
    std::string name = (impl.get()->*name_of)();
    declared[name] = (impl.get()->*declare)();
    impls[name] = std::move(impl);
  }
}

template <typename Map>
const typename Map::mapped_type* Lookup(const Map& map, std::string_view name) {
  auto it = map.find(std::string(name));
  return it == map.end() ? nullptr : &it->second;
}

}  // namespace

ProviderServer::ProviderServer(std::unique_ptr<Provider> provider)
    : provider_(std::move(provider)), stop_source_(std::make_shared<CancellationSource>()) {
  provider_schema_ = provider_->GetSchema();
  Register(provider_->Resources(), &Resource::TypeName, &Resource::GetSchema, resources_,
           resource_schemas_);
  Register(provider_->DataSources(), &DataSource::TypeName, &DataSource::GetSchema, data_sources_,
           data_source_schemas_);
  Register(provider_->Functions(), &Function::Name, &Function::Definition, functions_,
           function_definitions_);
}

const Schema* ProviderServer::FindResourceSchema(std::string_view type_name) const {
  return Lookup(resource_schemas_, type_name);
}

const Schema* ProviderServer::FindDataSourceSchema(std::string_view type_name) const {
  return Lookup(data_source_schemas_, type_name);
}

template <typename T>
ProviderServer::Found<T> ProviderServer::Find(
    const std::map<std::string, std::unique_ptr<T>>& impls,
    const std::map<std::string, Schema>& schemas, const char* kind, const std::string& type_name,
    Diagnostics& diags) {
  auto it = impls.find(type_name);
  if (it == impls.end()) {
    AddUnknownType(diags, kind, type_name);
    return {};
  }
  const Schema& schema = schemas.at(type_name);
  return {it->second.get(), &schema, schema.ImpliedType()};
}

ProviderServer::Found<Resource> ProviderServer::FindResource(const std::string& type_name,
                                                             Diagnostics& diags) {
  return Find(resources_, resource_schemas_, "resource", type_name, diags);
}

ProviderServer::Found<DataSource> ProviderServer::FindDataSource(const std::string& type_name,
                                                                 Diagnostics& diags) {
  return Find(data_sources_, data_source_schemas_, "data source", type_name, diags);
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
