// The contract every managed resource implements. The framework runs the generic planner and
// the lifecycle checks; a resource adds only what is special to it.
#pragma once

#include <any>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "provider/common/cancellation.h"
#include "provider/framework/attribute_path.h"
#include "provider/framework/diagnostics.h"
#include "provider/framework/schema.h"
#include "provider/framework/value.h"

namespace opc::framework {

// What ConfigureProvider produced (for this provider: the tenant API client), handed to every
// resource and data source. Empty until the provider is configured.
using ProviderData = std::any;

struct CreateRequest {
  Value config;
  Value planned;  // may contain unknowns for computed attributes
  std::string planned_private;
  CancellationToken cancel;
};
struct CreateResponse {
  Value new_state;  // wholly known; on failure, the partial object if it exists, else null
  std::string private_data;
  Diagnostics diagnostics;
};

struct ReadRequest {
  Value current_state;
  std::string private_data;
  CancellationToken cancel;
};
struct ReadResponse {
  Value new_state;  // null: the object is gone (Terraform plans its creation again)
  std::string private_data;
  Diagnostics diagnostics;
};

struct UpdateRequest {
  Value config;
  Value prior;
  Value planned;
  std::string planned_private;
  CancellationToken cancel;
};
struct UpdateResponse {
  Value new_state;
  std::string private_data;
  Diagnostics diagnostics;
};

struct DeleteRequest {
  Value prior;
  std::string private_data;
  CancellationToken cancel;
};
struct DeleteResponse {
  Diagnostics diagnostics;
};

struct ImportRequest {
  std::string id;
  CancellationToken cancel;
};
struct ImportResponse {
  // A state with at least the identifying attributes set (others null); the framework then
  // calls Read to fill it, so an import is always a real read of the tenant.
  Value state;
  Diagnostics diagnostics;
};

// Runs after the generic planner, for rules that depend on several attributes or on the
// service (e.g. "country change in a country that forbids edits means replace"). Called on
// destroy plans too (config, proposed and the planned state null): the planned state stays null
// whatever the resource returns; it may only add diagnostics.
struct ModifyPlanRequest {
  Value config;              // null on destroy
  Value prior;               // null on create
  Value proposed;            // Terraform's proposed new state; null on destroy
  CancellationToken cancel;  // StopProvider: a service call made here should give up
};
struct ModifyPlanResponse {
  Value planned;                                // in: the generic plan; out: the final plan
  std::vector<AttributePath> requires_replace;  // in/out
  std::string planned_private;
  Diagnostics diagnostics;
};

// A destroy being planned (Terraform sends a null proposed state): the planned state is null
// whatever the resource says; it may only refuse, with a diagnostic.
struct PlanDestroyRequest {
  Value prior;
};
struct PlanDestroyResponse {
  Diagnostics diagnostics;
};

struct UpgradeStateRequest {
  int64_t version;           // the schema version the state was written with
  nlohmann::json raw_state;  // the state's attributes object
  // The resource's schema as the server built it once for the process (null: build it). A
  // refresh upgrades every instance's state, and building a schema compiles its validators.
  const Schema* schema = nullptr;
};
struct UpgradeStateResponse {
  Value state;
  Diagnostics diagnostics;
};

class Resource {
 public:
  virtual ~Resource() = default;

  virtual std::string TypeName() const = 0;  // e.g. "operatorconnect_emergency_address"
  virtual Schema GetSchema() const = 0;

  virtual void Configure(const ProviderData& data, Diagnostics& diags) {}
  // Cross-attribute checks on a config that may contain unknowns. Per-attribute validators in
  // the schema run before this.
  virtual void ValidateConfig(const Value& config, Diagnostics& diags) {}
  virtual void ModifyPlan(const ModifyPlanRequest& req, ModifyPlanResponse& resp) {}
  virtual void PlanDestroy(const PlanDestroyRequest& req, PlanDestroyResponse& resp) {}

  virtual void Create(const CreateRequest& req, CreateResponse& resp) = 0;
  virtual void Read(const ReadRequest& req, ReadResponse& resp) = 0;
  virtual void Update(const UpdateRequest& req, UpdateResponse& resp) = 0;
  virtual void Delete(const DeleteRequest& req, DeleteResponse& resp) = 0;

  // Import by natural id. The default says the resource cannot be imported.
  virtual void ImportState(const ImportRequest& req, ImportResponse& resp);
  // The default accepts state written at the current schema version and decodes it.
  virtual void UpgradeState(const UpgradeStateRequest& req, UpgradeStateResponse& resp);

 protected:
  Resource() = default;
};

}  // namespace opc::framework
