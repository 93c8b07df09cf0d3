// ProviderServer::ReadResource: refreshes a resource's state from the tenant.
#include "provider/framework/server.h"
#include "provider/framework/server_support.h"

namespace opc::framework {

using namespace server_support;  // NOLINT(google-build-using-namespace): the server's own helpers

ProviderServer::ReadResult ProviderServer::ReadResource(const std::string& type_name,
                                                        const Value& current_state,
                                                        const std::string& private_data) {
  ReadResult result;
  Found<Resource> found = FindResource(type_name, result.diagnostics);
  if (found.impl == nullptr) {
    return result;
  }
  Resource* resource = found.impl;
  const Schema& schema = *found.schema;
  Type type = schema.ImpliedType();
  result.new_state = current_state;
  result.private_data = private_data;
  if (!RequireConfigured(result.diagnostics, "Reading " + type_name)) {
    return result;
  }
  if (current_state.IsNull()) {
    result.new_state = Value::Null(type);
    return result;
  }
  ReadRequest req{current_state, private_data, CurrentToken()};
  ReadResponse resp;
  resp.new_state = current_state;
  resp.private_data = private_data;
  Guard(result.diagnostics, "Reading " + type_name, [&] { resource->Read(req, resp); });
  result.diagnostics.Append(resp.diagnostics);
  result.private_data = resp.private_data;
  Value state;
  if (!ConformResult(resp.new_state, type, "state after read", state, result.diagnostics)) {
    return result;
  }
  CheckWhollyKnown(state, "state after read", result.diagnostics);
  if (result.diagnostics.HasError() && !state.IsWhollyKnown()) {
    return result;  // keep the current state
  }
  result.new_state = StripWriteOnly(schema.block, state);
  return result;
}

}  // namespace opc::framework
