#include "provider/framework/resource.h"

#include <optional>

#include "provider/framework/codec.h"

namespace opc::framework {

void Resource::ImportState(const ImportRequest& req, ImportResponse& resp) {
  resp.diagnostics.AddError(
      "Resource import not supported",
      "The resource type " + TypeName() + " cannot be imported. Create it with Terraform instead.");
}

void Resource::UpgradeState(const UpgradeStateRequest& req, UpgradeStateResponse& resp) {
  std::optional<Schema> built;
  if (req.schema == nullptr) {
    built = GetSchema();
  }
  const Schema& schema = req.schema != nullptr ? *req.schema : *built;
  if (req.version != schema.version) {
    resp.diagnostics.AddError(
        "Unable to upgrade resource state",
        "The state of this " + TypeName() + " was written with schema version " +
            std::to_string(req.version) + ", but this provider version uses schema version " +
            std::to_string(schema.version) + " and cannot convert from it.");
    return;
  }
  auto state = DecodeJson(req.raw_state, schema.ImpliedType());
  if (!state.ok()) {
    resp.diagnostics.AddStatusError("Unable to read the stored resource state", state.status());
    return;
  }
  resp.state = *std::move(state);
}

}  // namespace opc::framework
