#include "provider/resources/emergency_location_resource.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "provider/resources/adoption.h"
#include "provider/resources/contract_guard.h"
#include "provider/resources/elin.h"

namespace opc::resources {

using client::EmergencyLocation;
using client::UpdateLocationRequest;
using framework::Attribute;
using framework::Diagnostics;
using framework::Type;
using framework::Value;

bool ElinChangeNeedsReplacement(const framework::ReplaceContext& context) {
  // An unknown ELIN may turn out null at apply, so it replaces too (the plan must not promise
  // an update the service cannot make).
  return context.prior.IsKnown() && !context.prior.IsNull() &&
         (context.planned.IsNull() || context.planned.IsUnknown());
}

const StateMapping<EmergencyLocationModel>& EmergencyLocationMapping() {
  using M = EmergencyLocationModel;
  static const auto* mapping = &(*new StateMapping<M>())
                                    .String("id", &M::id)
                                    .String("civic_address_id", &M::civic_address_id)
                                    .String("description", &M::description)
                                    .String("elin", &M::elin)
                                    .String("country", &M::country)
                                    .Bool("is_default", &M::is_default);
  return *mapping;
}

Value EmergencyLocationState(const EmergencyLocation& location, const Value& prior,
                             const Type& type) {
  const EmergencyLocationModel before = EmergencyLocationMapping().Read(prior);
  EmergencyLocationModel state;
  state.id = location.id;
  // The service writes ids in lower case: keep the configured spelling of the same id.
  state.civic_address_id =
      before.civic_address_id &&
              absl::EqualsIgnoreCase(*before.civic_address_id, location.civic_address_id)
          ? before.civic_address_id
          : location.civic_address_id;
  state.description = location.description;
  state.elin = location.elin;
  state.country = location.country_or_region;
  state.is_default = location.is_default;
  return EmergencyLocationMapping().Write(state, type);
}

UpdateLocationRequest EmergencyLocationUpdateRequest(const EmergencyLocation& current,
                                                     const Value& planned) {
  const EmergencyLocationModel plan = EmergencyLocationMapping().Read(planned);
  UpdateLocationRequest update;
  if (plan.description && plan.description != current.description) {
    update.description = plan.description;
  }
  if (plan.elin && plan.elin != current.elin) {
    update.elin = plan.elin;
  }
  return update;
}

framework::Schema EmergencyLocationResource::GetSchema() const {
  framework::Schema schema;
  schema.block.description =
      "An emergency location (a floor, a room) within a civic address, assignable to phone "
      "numbers. The address's default location is created with the address (see "
      "`operatorconnect_emergency_address.default_location_id`) and is not managed here. "
      "Import with the location ID." +
      std::string(kUnpublishedApiNote) +
      "\n\n**Safe to repeat.** When an interrupted run left this place behind, the next apply "
      "takes over the place of the same address with the same description and ELIN instead of "
      "creating a second one.";

  Attribute id = framework::ComputedString("id", "The location ID.");
  id.plan_modifiers.push_back(framework::planmodifier::UseStateForUnknown());

  Attribute address = framework::RequiredString(
      "civic_address_id",
      "ID of the civic address the location belongs to. Changing it replaces the location.");
  address.plan_modifiers.push_back(framework::planmodifier::RequiresReplace());
  address.semantic_equality = EqualIgnoringCase;
  address.validators.push_back(framework::validators::LengthBetween(1, 256));

  Attribute description = framework::RequiredString(
      "description", "Name of the place within the address, e.g. `Floor 3`. Changed in place.");
  description.validators.push_back(framework::validators::LengthBetween(1, 1024));

  Attribute elin = framework::OptionalString(
      "elin",
      "Emergency Location Identification Number, for ELIN gateways (Direct Routing): the number "
      "sent to emergency services, digits only (at most 15) with an optional leading `+`, e.g. "
      "`4255550100`. Set or "
      "changed in place; the service cannot clear an ELIN, so removing it replaces the "
      "location.");
  elin.plan_modifiers.push_back(framework::planmodifier::RequiresReplaceIf(
      ElinChangeNeedsReplacement, "Removing the ELIN replaces the location."));
  elin.validators.push_back(framework::validators::LengthBetween(1, 256));
  elin.validators.push_back(ElinValidator());

  Attribute country = framework::ComputedString(
      "country", "ISO 3166-1 alpha-2 country of the location (that of its address).");
  country.plan_modifiers.push_back(framework::planmodifier::UseStateForUnknown());

  Attribute is_default;
  is_default.name = "is_default";
  is_default.type = Type::Bool();
  is_default.computed = true;
  is_default.plan_modifiers.push_back(framework::planmodifier::UseStateForUnknown());
  is_default.description =
      "Whether this is its address's default location (never, for "
      "locations created by this resource).";

  schema.block.attributes = {id, address, description, elin, country, is_default};
  return schema;
}

void EmergencyLocationResource::Configure(const framework::ProviderData& data, Diagnostics& diags) {
  client_.Configure(data);
}

void EmergencyLocationResource::ModifyPlan(const framework::ModifyPlanRequest& req,
                                           framework::ModifyPlanResponse& resp) {
  RequireContractAreaAtPlan(client_, client::ContractArea::kEmergencyCalling, TypeName(), req,
                            resp);
}

void EmergencyLocationResource::Create(const framework::CreateRequest& req,
                                       framework::CreateResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  const EmergencyLocationModel plan = EmergencyLocationMapping().Read(req.planned);
  client::CreateLocationRequest request;
  request.civic_address_id = plan.civic_address_id.value_or("");
  request.description = plan.description.value_or("");
  request.elin = plan.elin;
  // Safe to repeat: an identical place left by an interrupted run is taken over.
  absl::StatusOr<EmergencyLocation> created =
      CreateOrAdoptLocation(*client, client.adoption_claims(), request, req.cancel);
  if (!created.ok()) {
    AddApiError(resp.diagnostics, "Creating the emergency location", created.status());
    return;
  }
  resp.new_state = EmergencyLocationState(*created, req.planned, req.planned.type());
}

void EmergencyLocationResource::Read(const framework::ReadRequest& req,
                                     framework::ReadResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr || !RequireContractArea(*client, client::ContractArea::kEmergencyCalling,
                                                TypeName(), req.cancel, resp.diagnostics)) {
    return;
  }
  const std::string id = EmergencyLocationMapping().Read(req.current_state).id.value_or("");
  // A refresh: many of them share one listing of the locations (see ReadLocation).
  absl::StatusOr<EmergencyLocation> location = client->emergency().ReadLocation(id, req.cancel);
  if (absl::IsNotFound(location.status())) {
    resp.new_state = Value::Null(req.current_state.type());  // deleted outside Terraform
    return;
  }
  if (!location.ok()) {
    AddApiError(resp.diagnostics, "Reading emergency location " + id, location.status());
    return;
  }
  resp.new_state = EmergencyLocationState(*location, req.current_state, req.current_state.type());
}

void EmergencyLocationResource::Update(const framework::UpdateRequest& req,
                                       framework::UpdateResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  const std::string id = EmergencyLocationMapping().Read(req.prior).id.value_or("");
  const EmergencyLocationModel plan = EmergencyLocationMapping().Read(req.planned);
  for (int attempt = 0;; ++attempt) {
    absl::StatusOr<EmergencyLocation> current = client->emergency().GetLocation(id, req.cancel);
    if (!current.ok()) {
      AddApiError(resp.diagnostics, "Reading emergency location " + id + " before updating it",
                  current.status());
      return;
    }
    if (!plan.elin && current->elin) {
      // Only drift between plan and apply gets here: a cleared ELIN plans a replacement.
      resp.new_state = EmergencyLocationState(*current, req.prior, req.prior.type());
      resp.diagnostics.AddError("Emergency location changed outside Terraform",
                                "Location " + id +
                                    " has an ELIN again, and the service cannot clear it. Run "
                                    "`terraform plan` again: it will plan a replacement.",
                                framework::AttributePath::Root("elin"));
      return;
    }
    UpdateLocationRequest update = EmergencyLocationUpdateRequest(*current, req.planned);
    if (update == UpdateLocationRequest{}) {
      resp.new_state = EmergencyLocationState(*current, req.planned, req.planned.type());
      return;
    }
    absl::StatusOr<EmergencyLocation> updated =
        client->emergency().UpdateLocation(id, update, current->etag, req.cancel);
    if (absl::IsAborted(updated.status()) && attempt == 0) {
      continue;  // 412: changed between our read and our write
    }
    if (!updated.ok()) {
      AddApiError(resp.diagnostics, "Updating emergency location " + id, updated.status());
      resp.new_state = EmergencyLocationState(*current, req.prior, req.prior.type());
      return;
    }
    resp.new_state = EmergencyLocationState(*updated, req.planned, req.planned.type());
    return;
  }
}

void EmergencyLocationResource::Delete(const framework::DeleteRequest& req,
                                       framework::DeleteResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  const std::string id = EmergencyLocationMapping().Read(req.prior).id.value_or("");
  absl::Status status = client->emergency().DeleteLocation(id, std::nullopt, req.cancel);
  // Gone already (e.g. with its address): nothing left to do.
  if (!status.ok() && !absl::IsNotFound(status)) {
    AddApiError(resp.diagnostics, "Deleting emergency location " + id, status);
  }
}

void EmergencyLocationResource::ImportState(const framework::ImportRequest& req,
                                            framework::ImportResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr || !RequireContractArea(*client, client::ContractArea::kEmergencyCalling,
                                                TypeName(), req.cancel, resp.diagnostics)) {
    return;
  }
  absl::StatusOr<EmergencyLocation> location = client->emergency().GetLocation(req.id, req.cancel);
  if (!location.ok()) {
    AddApiError(resp.diagnostics, "Importing emergency location \"" + req.id + "\"",
                location.status());
    return;
  }
  if (location->is_default) {
    resp.diagnostics.AddError(
        "Cannot import a default location",
        "Location " + location->id + " is the default location of civic address " +
            location->civic_address_id +
            ", which the service creates and deletes with the address. Manage it through "
            "operatorconnect_emergency_address (its default_location_id) instead.");
    return;
  }
  EmergencyLocationModel imported;
  imported.id = location->id;
  resp.state = EmergencyLocationMapping().Write(imported, GetSchema().ImpliedType());
}

}  // namespace opc::resources
