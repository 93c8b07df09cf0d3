// operatorconnect_operator_relationship: the tenant's relationship with one operator ("My
// operators" in the Teams admin center), i.e. its consent for a set of countries, the contact
// the operator reaches out to, and whether it is suspended. Import id: the operator id.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "provider/client/operator_models.h"
#include "provider/framework/resource.h"
#include "provider/framework/schema.h"
#include "provider/framework/value.h"
#include "provider/resources/resource_support.h"
#include "provider/resources/state_model.h"

namespace opc::resources {

inline constexpr char kOperatorRelationshipType[] = "operatorconnect_operator_relationship";
// relationship_status while the operator has not acted yet (customerRelationship is null).
inline constexpr char kRelationshipPending[] = "Pending";
inline constexpr char kDefaultAgreementTimeout[] = "30m";

// How often wait_for_agreement polls: the first wait, doubled after each poll up to the cap.
struct AgreementPolling {
  std::chrono::milliseconds first_interval{std::chrono::seconds(1)};
  std::chrono::milliseconds max_interval{std::chrono::seconds(15)};
  // How long a destroy waits, polling at the same pace, while the service refuses it with 409
  // NumbersAssigned: the same run is usually unassigning those numbers in parallel (when the
  // assignments carry no depends_on on the relationship).
  std::chrono::milliseconds numbers_assigned_wait{std::chrono::minutes(5)};
  // The wait ends sooner when the refusal has not changed (the same numbers still assigned) for
  // this long: nothing in this run is unassigning them, so waiting longer cannot help.
  std::chrono::milliseconds numbers_no_progress_wait{std::chrono::minutes(1)};
};

// The resource's state, declared once (OperatorRelationshipMapping() names each attribute).
struct RelationshipContactModel {
  std::optional<std::string> full_name;
  std::optional<std::string> email;
  std::optional<std::string> telephone_number;
  std::optional<std::string> company_name;
  std::optional<std::string> company_size;
};
struct OperatorRelationshipModel {
  std::optional<std::string> id;
  std::optional<std::string> operator_id;
  std::optional<std::vector<std::string>> countries;
  std::optional<RelationshipContactModel> contact;
  std::optional<bool> data_transfer_notice_accepted;
  std::optional<bool> suspended;
  std::optional<bool> wait_for_agreement;
  std::optional<std::string> agreement_timeout;
  std::optional<std::string> operator_name;
  std::optional<std::string> status;
  std::optional<std::string> relationship_status;
  std::optional<std::string> relationship_comment;
  std::optional<std::string> consented_at;
};
const StateMapping<OperatorRelationshipModel>& OperatorRelationshipMapping();

class OperatorRelationshipResource : public framework::Resource {
 public:
  explicit OperatorRelationshipResource(AgreementPolling polling = {});

  std::string TypeName() const override { return kOperatorRelationshipType; }
  framework::Schema GetSchema() const override;
  void Configure(const framework::ProviderData& data, framework::Diagnostics& diags) override;
  void ModifyPlan(const framework::ModifyPlanRequest& req,
                  framework::ModifyPlanResponse& resp) override;
  // Refuses a destroy that would strand assigned numbers kept by this plan (removal_ledger.h).
  void PlanDestroy(const framework::PlanDestroyRequest& req,
                   framework::PlanDestroyResponse& resp) override;

  void Create(const framework::CreateRequest& req, framework::CreateResponse& resp) override;
  void Read(const framework::ReadRequest& req, framework::ReadResponse& resp) override;
  void Update(const framework::UpdateRequest& req, framework::UpdateResponse& resp) override;
  void Delete(const framework::DeleteRequest& req, framework::DeleteResponse& resp) override;
  void ImportState(const framework::ImportRequest& req, framework::ImportResponse& resp) override;

 private:
  // Polls the consent until the operator has signed. On return `consent` holds the last read.
  absl::Status WaitForAgreement(const client::TenantClient& client, const std::string& operator_id,
                                const OperatorRelationshipModel& planned,
                                const CancellationToken& cancel, client::Consent& consent) const;

  // Records the countries this plan stops covering in the removal ledger and refuses the plan
  // when kept assignments of the operator's numbers are there. `whole`: destroy or replace.
  void RefuseStrandedNumbers(const framework::Value& prior, const framework::Value& planned,
                             bool whole, framework::Diagnostics& diags) const;

  AgreementPolling polling_;
  framework::Type type_;
  ClientSlot client_;
};

// The state for `consent`. `reference` (the prior state or the plan) supplies the configured
// spelling where the service only normalized a value (telephone number, GUID case) and the
// provider-side settings (wait_for_agreement, agreement_timeout), which default when null.
framework::Value RelationshipStateFromConsent(const client::Consent& consent,
                                              const framework::Value& reference,
                                              const framework::Type& type);

// The contact the config asks for, with the telephone number in E.164 form.
client::Contact ContactFromValue(const framework::Value& contact);

}  // namespace opc::resources
