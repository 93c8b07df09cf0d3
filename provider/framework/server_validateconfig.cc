// ProviderServer::ValidateConfig: ValidateResourceConfig and ValidateDataResourceConfig, which
// differ only in where the type is looked up.
#include "provider/framework/config_validation.h"
#include "provider/framework/server.h"
#include "provider/framework/server_support.h"

namespace opc::framework {

using namespace server_support;  // NOLINT(google-build-using-namespace): the server's own helpers

namespace {

// The schema's checks, then the type's own hook.
template <typename Type>
Diagnostics Validate(const Schema& schema, Type& validated, const std::string& type_name,
                     const Value& config) {
  Diagnostics diags;
  Guard(diags, "Validating " + type_name,
        [&] { ValidateAgainstSchema(schema.block, config, diags); });
  Guard(diags, "Validating " + type_name, [&] { validated.ValidateConfig(config, diags); });
  return diags;
}

}  // namespace

Diagnostics ProviderServer::ValidateConfig(ConfigOf of, const std::string& type_name,
                                           const Value& config) {
  if (of == ConfigOf::kResource) {
    auto it = resources_.find(type_name);
    if (it == resources_.end()) {
      Diagnostics diags;
      AddUnknownType(diags, "resource", type_name);
      return diags;
    }
    return Validate(resource_schemas_.at(type_name), *it->second, type_name, config);
  }
  auto it = data_sources_.find(type_name);
  if (it == data_sources_.end()) {
    Diagnostics diags;
    AddUnknownType(diags, "data source", type_name);
    return diags;
  }
  return Validate(data_source_schemas_.at(type_name), *it->second, type_name, config);
}

}  // namespace opc::framework
