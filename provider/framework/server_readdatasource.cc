// ProviderServer::ReadDataSource: a data source's state from its config.
#include "provider/framework/server.h"
#include "provider/framework/server_support.h"

namespace opc::framework {

using namespace server_support;  // NOLINT(google-build-using-namespace): the server's own helpers

ProviderServer::DataResult ProviderServer::ReadDataSource(const std::string& type_name,
                                                          const Value& config) {
  DataResult result;
  Found<DataSource> found = FindDataSource(type_name, result.diagnostics);
  if (!found) {
    return result;
  }
  result.state = Value::Null(found.type);
  if (!RequireConfigured(result.diagnostics, "Reading data source " + type_name)) {
    return result;
  }
  ReadDataRequest req{config, CurrentToken()};
  ReadDataResponse resp;
  Guard(result.diagnostics, "Reading data source " + type_name,
        [&] { found.impl->Read(req, resp); });
  result.diagnostics.Append(resp.diagnostics);
  Value state;
  if (result.diagnostics.HasError() ||
      !StorableState(resp.state, *found.schema, "data source state", state, result.diagnostics)) {
    return result;
  }
  if (state.IsNull()) {
    result.diagnostics.AddError(
        "Provider produced null object",
        "Reading data source " + type_name + " returned no object. This is a bug in the provider.");
    return result;
  }
  result.state = state;
  return result;
}

}  // namespace opc::framework
