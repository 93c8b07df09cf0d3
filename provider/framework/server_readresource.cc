// ProviderServer::ReadResource: refreshes a resource's state from the tenant.
#include "provider/framework/server.h"
#include "provider/framework/server_support.h"

namespace opc::framework {

using namespace server_support;  // NOLINT(google-build-using-namespace): the server's own helpers

ProviderServer::ReadResult ProviderServer::ReadResource(const std::string& type_name,
                                                        const Value& current_state,
                                                        const std::string& private_data) {
  ReadResult result{current_state, private_data, {}};
  Found<Resource> found = FindResource(type_name, result.diagnostics);
  if (!found || !RequireConfigured(result.diagnostics, "Reading " + type_name)) {
    return result;
  }
  if (current_state.IsNull()) {
    result.new_state = Value::Null(found.type);
    return result;
  }
  ReadRequest req{current_state, private_data, CurrentToken()};
  ReadResponse resp;
  resp.new_state = current_state;
  resp.private_data = private_data;
  Guard(result.diagnostics, "Reading " + type_name, [&] { found.impl->Read(req, resp); });
  result.diagnostics.Append(resp.diagnostics);
  result.private_data = resp.private_data;
  // A state that cannot be stored leaves the current one.
  StorableState(resp.new_state, *found.schema, "state after read", result.new_state,
                result.diagnostics);
  return result;
}

}  // namespace opc::framework
