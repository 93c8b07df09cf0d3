// ProviderServer::ValidateConfig: ValidateResourceConfig and ValidateDataResourceConfig, which
// differ only in where the type is looked up.
#include "provider/framework/config_validation.h"
#include "provider/framework/server.h"
#include "provider/framework/server_support.h"

namespace opc::framework {

using namespace server_support;  // NOLINT(google-build-using-namespace): the server's own helpers

namespace {

// The schema's checks, then the type's own hook.
template <typename Checked>
Diagnostics Validate(const Schema& schema, Checked& validated, const std::string& type_name,
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
  Diagnostics diags;
  if (of == ConfigOf::kResource) {
    Found<Resource> found = FindResource(type_name, diags);
    return found.impl ? Validate(*found.schema, *found.impl, type_name, config) : diags;
  }
  Found<DataSource> found = FindDataSource(type_name, diags);
  return found.impl ? Validate(*found.schema, *found.impl, type_name, config) : diags;
}

}  // namespace opc::framework
