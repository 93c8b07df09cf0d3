// operatorconnect_emergency_address: a civic address (LIS) of the tenant. Where the service
// forbids edits (most countries), every change plans a replacement; the plan says which fields
// force it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "provider/client/emergency_models.h"
#include "provider/framework/resource.h"
#include "provider/framework/value.h"
#include "provider/resources/resource_support.h"
#include "provider/resources/state_model.h"

namespace opc::resources {

// The resource's state, declared once (EmergencyAddressMapping() names each attribute).
struct EmergencyAddressModel {
  std::optional<std::string> id;
  std::optional<std::string> country;
  std::optional<std::string> company_name;
  std::optional<std::string> description;
  std::optional<std::string> company_tax_id;
  std::optional<std::string> house_number;
  std::optional<std::string> house_number_suffix;
  std::optional<std::string> pre_directional;
  std::optional<std::string> street_name;
  std::optional<std::string> street_suffix;
  std::optional<std::string> post_directional;
  std::optional<std::string> city;
  std::optional<std::string> city_alias;
  std::optional<std::string> state_or_province;
  std::optional<std::string> postal_code;
  std::optional<std::string> elin;
  // Numbers, kept as values (the mapping has no number kind): a coordinate keeps the form the
  // configuration wrote it in, and ValidateConfig tells an unknown one from a null one.
  framework::Value latitude;
  framework::Value longitude;
  std::optional<std::string> default_location_id;
  std::optional<std::string> validation_status;

  bool operator==(const EmergencyAddressModel&) const = default;
};
const StateMapping<EmergencyAddressModel>& EmergencyAddressMapping();

// Countries whose civic addresses the service lets the tenant edit in place.
bool CivicAddressEditAllowed(std::string_view country);
// Whether addresses in `country` need latitude and longitude (all but AU and JP).
bool CivicAddressGeocodeRequired(std::string_view country);

// Mapping between Terraform values (of the resource's schema type) and the client models;
// exposed for unit tests.
client::CreateCivicAddressRequest CivicAddressCreateRequest(const framework::Value& planned);
// The PATCH that turns `current` (a fresh read) into `planned`; only differing fields are set.
client::UpdateCivicAddressRequest CivicAddressUpdateRequest(const client::CivicAddress& current,
                                                            const framework::Value& planned);
// True when the PATCH would change nothing.
bool IsEmptyUpdate(const client::UpdateCivicAddressRequest& update);
// The state for `address`. Values the service only normalized (a coordinate written "47.60620"
// vs 47.6062) keep `prior`'s form. Adds an error if the service sent a malformed coordinate.
framework::Value CivicAddressState(const client::CivicAddress& address,
                                   const framework::Value& prior, const framework::Type& type,
                                   framework::Diagnostics& diags);

class EmergencyAddressResource : public framework::Resource {
 public:
  std::string TypeName() const override { return "operatorconnect_emergency_address"; }
  framework::Schema GetSchema() const override;
  void Configure(const framework::ProviderData& data, framework::Diagnostics& diags) override;
  void ValidateConfig(const framework::Value& config, framework::Diagnostics& diags) override;
  // Refuses at plan where the endpoint does not serve emergency addresses (contract_guard.h).
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
