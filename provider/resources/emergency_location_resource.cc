#include "provider/resources/emergency_location_resource.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "provider/resources/contract_guard.h"

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

Value EmergencyLocationState(const EmergencyLocation& location, const Value& prior,
                             const Type& type) {
  Value address_id = Value::String(location.civic_address_id);
  if (EqualIgnoringCase(prior.GetAttr("civic_address_id"), address_id)) {
    address_id = prior.GetAttr("civic_address_id");
  }
  return Value::Object(type, {{"id", Value::String(location.id)},
                              {"civic_address_id", std::move(address_id)},
                              {"description", StringOrNull(location.description)},
                              {"elin", StringOrNull(location.elin)},
                              {"country", StringOrNull(location.country_or_region)},
                              {"is_default", Value::Bool(location.is_default)}});
}

UpdateLocationRequest EmergencyLocationUpdateRequest(const EmergencyLocation& current,
                                                     const Value& planned) {
  UpdateLocationRequest update;
  std::optional<std::string> description = OptionalString(planned.GetAttr("description"));
  if (description && description != current.description) {
    update.description = description;
  }
  std::optional<std::string> elin = OptionalString(planned.GetAttr("elin"));
  if (elin && elin != current.elin) {
    update.elin = elin;
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
      std::string(kUnpublishedApiNote);

  Attribute id = framework::ComputedString("id", "The location ID.");
  id.use_state_for_unknown = true;

  Attribute address = framework::RequiredString(
      "civic_address_id",
      "ID of the civic address the location belongs to. Changing it replaces the location.");
  address.requires_replace = true;
  address.semantic_equality = EqualIgnoringCase;
  address.validators.push_back(framework::validators::LengthBetween(1, 256));

  Attribute description = framework::RequiredString(
      "description", "Name of the place within the address, e.g. `Floor 3`. Changed in place.");
  description.validators.push_back(framework::validators::LengthBetween(1, 1024));

  Attribute elin = framework::OptionalString(
      "elin",
      "Emergency Location Identification Number, for ELIN gateways (Direct Routing). Set or "
      "changed in place; the service cannot clear an ELIN, so removing it replaces the "
      "location.");
  elin.requires_replace_if = ElinChangeNeedsReplacement;
  elin.validators.push_back(framework::validators::LengthBetween(1, 256));

  Attribute country = framework::ComputedString(
      "country", "ISO 3166-1 alpha-2 country of the location (that of its address).");
  country.use_state_for_unknown = true;

  Attribute is_default;
  is_default.name = "is_default";
  is_default.type = Type::Bool();
  is_default.computed = true;
  is_default.use_state_for_unknown = true;
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
  Diagnostics unconfigured;  // the framework plans only once the provider is configured
  const client::TenantClient* client = client_.Get(unconfigured);
  if (client != nullptr) {
    RequireContractArea(*client, client::ContractArea::kEmergencyCalling, TypeName(),
                        CancellationToken(), resp.diagnostics);
  }
}

void EmergencyLocationResource::Create(const framework::CreateRequest& req,
                                       framework::CreateResponse& resp) {
  const client::TenantClient* client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  client::CreateLocationRequest request;
  request.civic_address_id = StringOr(req.planned.GetAttr("civic_address_id"));
  request.description = StringOr(req.planned.GetAttr("description"));
  request.elin = OptionalString(req.planned.GetAttr("elin"));
  absl::StatusOr<EmergencyLocation> created =
      client->emergency().CreateLocation(request, req.cancel);
  if (!created.ok()) {
    AddApiError(resp.diagnostics, "Creating the emergency location", created.status());
    return;
  }
  resp.new_state = EmergencyLocationState(*created, req.planned, req.planned.type());
}

void EmergencyLocationResource::Read(const framework::ReadRequest& req,
                                     framework::ReadResponse& resp) {
  const client::TenantClient* client = client_.Get(resp.diagnostics);
  if (client == nullptr || !RequireContractArea(*client, client::ContractArea::kEmergencyCalling,
                                                TypeName(), req.cancel, resp.diagnostics)) {
    return;
  }
  const std::string id = StringOr(req.current_state.GetAttr("id"));
  absl::StatusOr<EmergencyLocation> location = client->emergency().GetLocation(id, req.cancel);
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
  const client::TenantClient* client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  const std::string id = StringOr(req.prior.GetAttr("id"));
  for (int attempt = 0;; ++attempt) {
    absl::StatusOr<EmergencyLocation> current = client->emergency().GetLocation(id, req.cancel);
    if (!current.ok()) {
      AddApiError(resp.diagnostics, "Reading emergency location " + id + " before updating it",
                  current.status());
      return;
    }
    if (req.planned.GetAttr("elin").IsNull() && current->elin) {
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
  const client::TenantClient* client = client_.Get(resp.diagnostics);
  if (client == nullptr) {
    return;
  }
  const std::string id = StringOr(req.prior.GetAttr("id"));
  absl::Status status = client->emergency().DeleteLocation(id, std::nullopt, req.cancel);
  // Gone already (e.g. with its address): nothing left to do.
  if (!status.ok() && !absl::IsNotFound(status)) {
    AddApiError(resp.diagnostics, "Deleting emergency location " + id, status);
  }
}

void EmergencyLocationResource::ImportState(const framework::ImportRequest& req,
                                            framework::ImportResponse& resp) {
  const client::TenantClient* client = client_.Get(resp.diagnostics);
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
  resp.state = Value::Object(GetSchema().ImpliedType(), {{"id", Value::String(location->id)}});
}

}  // namespace opc::resources
