// operatorconnect_emergency_location: a place (floor, room) within a civic address. The service
// can set or change a location's ELIN but never clear it, so clearing plans a replacement.
#pragma once

#include <optional>
#include <string>

#include "provider/client/emergency_models.h"
#include "provider/framework/resource.h"
#include "provider/resources/resource_support.h"
#include "provider/resources/state_model.h"

namespace opc::resources {

// The resource's state, declared once (EmergencyLocationMapping() names each attribute).
struct EmergencyLocationModel {
  std::optional<std::string> id;
  std::optional<std::string> civic_address_id;
  std::optional<std::string> description;
  std::optional<std::string> elin;
  std::optional<std::string> country;
  std::optional<bool> is_default;
};
const StateMapping<EmergencyLocationModel>& EmergencyLocationMapping();

// Replace rule of `elin`: clearing a set ELIN (prior non-null, planned null or unknown)
// replaces.
bool ElinChangeNeedsReplacement(const framework::ReplaceContext& context);

// The model of `location`. The civic address id keeps `before`'s spelling when it differs only
// in case (the service writes ids in lower case).
EmergencyLocationModel EmergencyLocationModelOf(const client::EmergencyLocation& location,
                                                const EmergencyLocationModel& before = {});
// The same as a state value of `type`, keeping `prior`'s spelling.
framework::Value EmergencyLocationState(const client::EmergencyLocation& location,
                                        const framework::Value& prior, const framework::Type& type);
// The PATCH that turns `current` into `planned`: only differing fields are set.
client::UpdateLocationRequest EmergencyLocationUpdateRequest(
    const client::EmergencyLocation& current, const framework::Value& planned);

class EmergencyLocationResource : public framework::Resource {
 public:
  std::string TypeName() const override { return "operatorconnect_emergency_location"; }
  framework::Schema GetSchema() const override;
  void Configure(const framework::ProviderData& data, framework::Diagnostics& diags) override;
  // Refuses at plan where the endpoint does not serve emergency places (contract_guard.h).
  void ModifyPlan(const framework::ModifyPlanRequest& req,
                  framework::ModifyPlanResponse& resp) override;

  void Create(const framework::CreateRequest& req, framework::CreateResponse& resp) override;
  void Read(const framework::ReadRequest& req, framework::ReadResponse& resp) override;
  void Update(const framework::UpdateRequest& req, framework::UpdateResponse& resp) override;
  void Delete(const framework::DeleteRequest& req, framework::DeleteResponse& resp) override;
  void ImportState(const framework::ImportRequest& req, framework::ImportResponse& resp) override;

 private:
  ClientSlot client_;
};

}  // namespace opc::resources
