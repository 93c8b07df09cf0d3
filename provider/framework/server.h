// The framework server: every provider RPC in framework-native terms. The protocol layer
// decodes requests into these calls and encodes the results; nothing here knows protobuf.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "provider/common/cancellation.h"
#include "provider/framework/attribute_path.h"
#include "provider/framework/data_source.h"
#include "provider/framework/diagnostics.h"
#include "provider/framework/function.h"
#include "provider/framework/provider.h"
#include "provider/framework/resource.h"
#include "provider/framework/schema.h"
#include "provider/framework/value.h"

namespace opc::framework {

class ProviderServer {
 public:
  explicit ProviderServer(std::unique_ptr<Provider> provider);

  const Provider& provider() const { return *provider_; }
  const Schema& ProviderSchema() const { return provider_schema_; }
  const std::map<std::string, Schema>& ResourceSchemas() const { return resource_schemas_; }
  const std::map<std::string, Schema>& DataSourceSchemas() const { return data_source_schemas_; }
  // nullptr when the type is not offered.
  const Schema* FindResourceSchema(std::string_view type_name) const;
  const Schema* FindDataSourceSchema(std::string_view type_name) const;
  const std::map<std::string, FunctionDefinition>& FunctionDefinitions() const {
    return function_definitions_;
  }
  const FunctionDefinition* FindFunction(std::string_view name) const;

  Diagnostics ValidateProviderConfig(const Value& config);
  Diagnostics ConfigureProvider(const std::string& terraform_version, const Value& config);
  // ValidateResourceConfig and ValidateDataResourceConfig: the schema's checks, then the
  // type's own ValidateConfig hook.
  enum class ConfigOf { kResource, kDataSource };
  Diagnostics ValidateConfig(ConfigOf of, const std::string& type_name, const Value& config);

  struct UpgradeResult {
    Value state;
    Diagnostics diagnostics;
  };
  UpgradeResult UpgradeResourceState(const std::string& type_name, int64_t version,
                                     const nlohmann::json& raw_state);

  // A resource's state (and private data) after an RPC that may change it.
  struct StateResult {
    Value new_state;
    std::string private_data;
    Diagnostics diagnostics;
  };
  using ReadResult = StateResult;
  ReadResult ReadResource(const std::string& type_name, const Value& current_state,
                          const std::string& private_data);

  struct PlanResult {
    Value planned_state;
    std::vector<AttributePath> requires_replace;
    std::string planned_private;
    Diagnostics diagnostics;
  };
  PlanResult PlanResourceChange(const std::string& type_name, const Value& prior,
                                const Value& proposed, const Value& config,
                                const std::string& prior_private);

  using ApplyResult = StateResult;
  ApplyResult ApplyResourceChange(const std::string& type_name, const Value& prior,
                                  const Value& planned, const Value& config,
                                  const std::string& planned_private);

  struct ImportedResource {
    std::string type_name;
    Value state;
    std::string private_data;
  };
  struct ImportResult {
    std::vector<ImportedResource> imported;
    Diagnostics diagnostics;
  };
  ImportResult ImportResourceState(const std::string& type_name, const std::string& id);

  struct DataResult {
    Value state;
    Diagnostics diagnostics;
  };
  DataResult ReadDataSource(const std::string& type_name, const Value& config);

  // CallFunction (server_functions.cc): checks the arguments against the definition (count,
  // nulls, unknowns) and runs the function. Works whether or not the provider is configured.
  struct FunctionResult {
    Value result;
    std::optional<FunctionError> error;
  };
  FunctionResult CallFunction(const std::string& name, const std::vector<Value>& arguments);

  // StopProvider: cancels every call in flight; later calls run normally.
  void Stop();

 private:
  // The one lookup every RPC starts with: a type the provider offers, its schema and the
  // schema's type; empty (and diags say "Unknown ... type") when it offers none of that name.
  template <typename T>
  struct Found {
    T* impl = nullptr;
    const Schema* schema = nullptr;
    Type type;
    explicit operator bool() const { return impl != nullptr; }
  };
  template <typename T>
  static Found<T> Find(const std::map<std::string, std::unique_ptr<T>>& impls,
                       const std::map<std::string, Schema>& schemas, const char* kind,
                       const std::string& type_name, Diagnostics& diags);
  Found<Resource> FindResource(const std::string& type_name, Diagnostics& diags);
  Found<DataSource> FindDataSource(const std::string& type_name, Diagnostics& diags);

  CancellationToken CurrentToken();
  // False (with a "provider not configured" error naming `operation`) before ConfigureProvider.
  bool RequireConfigured(Diagnostics& diags, const std::string& operation);

  std::unique_ptr<Provider> provider_;
  Schema provider_schema_;
  std::map<std::string, std::unique_ptr<Resource>> resources_;
  std::map<std::string, std::unique_ptr<DataSource>> data_sources_;
  std::map<std::string, Schema> resource_schemas_;
  std::map<std::string, Schema> data_source_schemas_;
  std::map<std::string, std::unique_ptr<Function>> functions_;
  std::map<std::string, FunctionDefinition> function_definitions_;

  std::mutex mu_;
  std::shared_ptr<CancellationSource> stop_source_;  // replaced after each Stop
  bool configured_ = false;
};

}  // namespace opc::framework
