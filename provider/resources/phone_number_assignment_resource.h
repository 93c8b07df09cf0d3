// operatorconnect_phone_number_assignment: assigns an operator-provided number to a user or
// resource account (assignNumber / unassignNumber, both long-running operations) and keeps its
// emergency location (updateNumber, in place). The number is the natural id.
#pragma once

#include <string>
#include <string_view>

#include "provider/client/number_models.h"
#include "provider/framework/resource.h"
#include "provider/resources/resource_support.h"
#include "provider/resources/state_model.h"

namespace opc::resources {

// The resource's state, declared once (PhoneNumberAssignmentMapping() names each attribute).
struct PhoneNumberAssignmentModel {
  std::optional<std::string> id;
  std::optional<std::string> telephone_number;
  std::optional<std::string> assignment_target_id;
  std::optional<std::string> assignment_category;
  std::optional<std::string> number_type;
  std::optional<std::string> location_id;
  std::optional<std::string> operator_id;
  std::optional<std::string> country;
  std::optional<std::string> civic_address_id;
  std::optional<std::string> activation_state;
  std::optional<std::string> assignment_status;
  std::optional<std::vector<std::string>> capabilities;

  // The telephone number to act on: as configured or stored, else the id.
  std::string TelephoneNumber() const { return telephone_number.value_or(id.value_or("")); }
};
const StateMapping<PhoneNumberAssignmentModel>& PhoneNumberAssignmentMapping();

inline constexpr char kPhoneNumberAssignmentTypeName[] = "operatorconnect_phone_number_assignment";

class PhoneNumberAssignmentResource final : public framework::Resource {
 public:
  std::string TypeName() const override { return kPhoneNumberAssignmentTypeName; }
  framework::Schema GetSchema() const override;
  void Configure(const framework::ProviderData& data, framework::Diagnostics& diags) override;
  void ModifyPlan(const framework::ModifyPlanRequest& req,
                  framework::ModifyPlanResponse& resp) override;
  void Create(const framework::CreateRequest& req, framework::CreateResponse& resp) override;
  void Read(const framework::ReadRequest& req, framework::ReadResponse& resp) override;
  void Update(const framework::UpdateRequest& req, framework::UpdateResponse& resp) override;
  void Delete(const framework::DeleteRequest& req, framework::DeleteResponse& resp) override;
  void ImportState(const framework::ImportRequest& req, framework::ImportResponse& resp) override;

 private:
  // Records the number as kept in the removal ledger; refuses the plan when a relationship
  // planned in the same run stops covering its operator and country.
  void RefuseIfCoverageRemoved(const framework::Value& prior, framework::Diagnostics& diags) const;

  ClientSlot client_;
};

// The pieces below are exposed for unit tests.

// The resource state for a number the tenant reports as assigned. `reference` is the prior
// state or the plan (may be null or hold unknowns): where it holds a spelling the service only
// normalized (the number's formatting, the case of an id or enum), that spelling is kept so
// that Terraform shows no diff.
framework::Value AssignmentState(const framework::Type& type,
                                 const client::NumberAssignment& number,
                                 const framework::Value& reference);

// Whether the tenant's number counts as "this assignment exists" (assigned to some target).
// Unassigned numbers and numbers without a target do not.
bool IsAssigned(const client::NumberAssignment& number);

}  // namespace opc::resources
