// ProviderServer::ImportResourceState: an existing object by id, read back in full.
#include "provider/framework/server.h"
#include "provider/framework/server_support.h"

namespace opc::framework {

using namespace server_support;  // NOLINT(google-build-using-namespace): the server's own helpers

ProviderServer::ImportResult ProviderServer::ImportResourceState(const std::string& type_name,
                                                                 const std::string& id) {
  ImportResult result;
  Found<Resource> found = FindResource(type_name, result.diagnostics);
  if (!found || !RequireConfigured(result.diagnostics, "Importing " + type_name)) {
    return result;
  }
  Resource* resource = found.impl;
  CancellationToken cancel = CurrentToken();
  ImportRequest import_req{id, cancel};
  ImportResponse import_resp;
  Guard(result.diagnostics, "Importing " + type_name,
        [&] { resource->ImportState(import_req, import_resp); });
  result.diagnostics.Append(import_resp.diagnostics);
  if (result.diagnostics.HasError()) {
    return result;
  }
  Value state;
  if (!ConformResult(import_resp.state, found.type, "imported state", state, result.diagnostics)) {
    return result;
  }
  if (state.IsNull()) {
    result.diagnostics.AddError("Provider returned no state for import",
                                "Importing " + type_name + " \"" + id +
                                    "\" produced no state. This is a bug in the provider.");
    return result;
  }

  // Always read: an import brings in what the tenant really holds.
  ReadRequest read_req{state, "", cancel};
  ReadResponse read_resp;
  read_resp.new_state = state;
  Guard(result.diagnostics, "Reading " + type_name, [&] { resource->Read(read_req, read_resp); });
  result.diagnostics.Append(read_resp.diagnostics);
  if (result.diagnostics.HasError()) {
    return result;
  }
  Value read_state;
  if (!StorableState(read_resp.new_state, *found.schema, "imported state", read_state,
                     result.diagnostics)) {
    return result;
  }
  if (read_state.IsNull()) {
    result.diagnostics.AddError(
        "Cannot import non-existent remote object",
        "While attempting to import an existing object to " + type_name +
            ", the provider detected that no object exists with the given id \"" + id +
            "\". Only pre-existing objects can be imported; check that the id is correct.");
    return result;
  }
  result.imported.push_back(ImportedResource{type_name, read_state, read_resp.private_data});
  return result;
}

}  // namespace opc::framework
