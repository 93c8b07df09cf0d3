// ProviderServer::ReadDataSource: a data source's state from its config.
#include "provider/framework/server.h"
#include "provider/framework/server_support.h"

namespace opc::framework {

using namespace server_support;  // NOLINT(google-build-using-namespace): the server's own helpers

ProviderServer::DataResult ProviderServer::ReadDataSource(const std::string& type_name,
                                                          const Value& config) {
  DataResult result;
  Found<DataSource> found = FindDataSource(type_name, result.diagnostics);
  if (found.impl == nullptr) {
    return result;
  }
  DataSource* data_source = found.impl;
  const Schema& schema = *found.schema;
  Type type = schema.ImpliedType();
  result.state = Value::Null(type);
  if (!RequireConfigured(result.diagnostics, "Reading data source " + type_name)) {
    return result;
  }
  ReadDataRequest req{config, CurrentToken()};
  ReadDataResponse resp;
  Guard(result.diagnostics, "Reading data source " + type_name,
        [&] { data_source->Read(req, resp); });
  result.diagnostics.Append(resp.diagnostics);
  if (result.diagnostics.HasError()) {
    return result;
  }
  Value state;
  if (!ConformResult(resp.state, type, "data source state", state, result.diagnostics)) {
    return result;
  }
  if (state.IsNull()) {
    result.diagnostics.AddError(
        "Provider produced null object",
        "Reading data source " + type_name + " returned no object. This is a bug in the provider.");
    return result;
  }
  CheckWhollyKnown(state, "data source state", result.diagnostics);
  if (!result.diagnostics.HasError()) {
    result.state = StripWriteOnly(schema.block, state);
  }
  return result;
}

}  // namespace opc::framework
