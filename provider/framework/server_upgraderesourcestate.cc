// ProviderServer::UpgradeResourceState: stored state of any schema version into the current one.
#include "provider/framework/server.h"
#include "provider/framework/server_support.h"

namespace opc::framework {

using namespace server_support;  // NOLINT(google-build-using-namespace): the server's own helpers

ProviderServer::UpgradeResult ProviderServer::UpgradeResourceState(
    const std::string& type_name, int64_t version, const nlohmann::json& raw_state) {
  UpgradeResult result;
  Found<Resource> found = FindResource(type_name, result.diagnostics);
  if (!found) {
    return result;
  }
  const Schema& schema = *found.schema;
  result.state = Value::Null(found.type);
  if (version > schema.version) {
    result.diagnostics.AddError(
        "Resource instance managed by newer provider version",
        "The current state of this " + type_name + " was created by a newer provider version (" +
            "schema version " + std::to_string(version) + ", this provider knows up to " +
            std::to_string(schema.version) + "). Upgrade the provider to work with this state.");
    return result;
  }
  UpgradeStateRequest req{version, raw_state, &schema};
  UpgradeStateResponse resp;
  Guard(result.diagnostics, "Upgrading the state of " + type_name,
        [&] { found.impl->UpgradeState(req, resp); });
  result.diagnostics.Append(resp.diagnostics);
  if (!result.diagnostics.HasError()) {
    StorableState(resp.state, schema, "upgraded state", result.state, result.diagnostics);
  }
  return result;
}

}  // namespace opc::framework
