// ProviderServer::ApplyResourceChange: create, update or delete, and the result checked against the
// plan.
#include "provider/framework/objchange_compatible.h"
#include "provider/framework/server.h"
#include "provider/framework/server_support.h"

namespace opc::framework {

using namespace server_support;  // NOLINT(google-build-using-namespace): the server's own helpers

ProviderServer::ApplyResult ProviderServer::ApplyResourceChange(
    const std::string& type_name, const Value& prior, const Value& planned, const Value& config,
    const std::string& planned_private) {
  ApplyResult result{prior, planned_private, {}};
  Found<Resource> found = FindResource(type_name, result.diagnostics);
  if (!found || !RequireConfigured(result.diagnostics, "Applying changes to " + type_name)) {
    return result;
  }
  const Schema& schema = *found.schema;
  const Type& type = found.type;
  Resource& resource = *found.impl;
  CancellationToken cancel = CurrentToken();

  if (planned.IsNull()) {
    if (prior.IsNull()) {
      result.new_state = Value::Null(type);
      return result;
    }
    DeleteRequest req{prior, planned_private, cancel};
    DeleteResponse resp;
    Guard(result.diagnostics, "Deleting " + type_name, [&] { resource.Delete(req, resp); });
    result.diagnostics.Append(resp.diagnostics);
    // On failure the object still exists, so the prior state stays.
    result.new_state = result.diagnostics.HasError() ? prior : Value::Null(type);
    return result;
  }

  Value new_state;
  std::string private_data = planned_private;
  bool create = prior.IsNull();
  if (create) {
    CreateRequest req{config, planned, planned_private, cancel};
    CreateResponse resp;
    resp.new_state = Value::Null(type);
    resp.private_data = planned_private;
    Guard(result.diagnostics, "Creating " + type_name, [&] { resource.Create(req, resp); });
    result.diagnostics.Append(resp.diagnostics);
    new_state = resp.new_state;
    private_data = resp.private_data;
  } else {
    UpdateRequest req{config, prior, planned, planned_private, cancel};
    UpdateResponse resp;
    resp.new_state = prior;
    resp.private_data = planned_private;
    Guard(result.diagnostics, "Updating " + type_name, [&] { resource.Update(req, resp); });
    result.diagnostics.Append(resp.diagnostics);
    new_state = resp.new_state;
    private_data = resp.private_data;
  }
  result.private_data = private_data;

  Value state;
  if (!ConformResult(new_state, type, "state after apply", state, result.diagnostics)) {
    result.new_state = create ? Value::Null(type) : prior;
    return result;
  }
  state = StripWriteOnly(schema.block, state);
  if (result.diagnostics.HasError()) {
    // Partial state of an object that exists (or null): Terraform saves it as is.
    result.new_state = NullUnknowns(state);
    return result;
  }
  if (state.IsNull()) {
    result.diagnostics.AddError("Provider returned no state after apply",
                                "The " + std::string(create ? "create" : "update") + " of " +
                                    type_name +
                                    " succeeded without returning the object's state. This is "
                                    "a bug in the provider.");
    result.new_state = create ? state : prior;
    return result;
  }
  CheckAppliedAgainstPlan(planned, state, result.diagnostics);
  result.new_state = NullUnknowns(state);
  return result;
}

}  // namespace opc::framework
