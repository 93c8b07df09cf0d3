#include "provider/client/number_models.h"

#include <algorithm>

#include "provider/client/json_fields.h"
#include "provider/client/string_util.h"

namespace opc::client {
namespace {

bool ContainsIgnoreCaseValue(const std::vector<std::string>& values, std::string_view wanted) {
  return std::any_of(values.begin(), values.end(),
                     [&](const std::string& value) { return EqualsIgnoreCase(value, wanted); });
}

}  // namespace

bool NumberAssignment::HasCapability(std::string_view capability) const {
  return ContainsIgnoreCaseValue(capabilities, capability);
}

bool NumberAssignment::SupportsCustomerAction(std::string_view action) const {
  return ContainsIgnoreCaseValue(supported_customer_actions, action);
}

void to_json(nlohmann::json& j, const NumberAssignment& value) {
  j = nlohmann::json::object();
  j["id"] = value.id;
  j["telephoneNumber"] = value.telephone_number;
  WriteOptional(j, "operatorId", value.operator_id);
  j["numberType"] = value.number_type;
  j["activationState"] = value.activation_state;
  j["assignmentStatus"] = value.assignment_status;
  WriteOptional(j, "assignmentCategory", value.assignment_category);
  WriteOptional(j, "assignmentTargetId", value.assignment_target_id);
  j["capabilities"] = value.capabilities;
  j["supportedCustomerActions"] = value.supported_customer_actions;
  j["reverseNumberLookupOptions"] = value.reverse_number_lookup_options;
  WriteOptional(j, "numberSource", value.number_source);
  WriteOptional(j, "portInStatus", value.port_in_status);
  WriteOptional(j, "city", value.city);
  WriteOptional(j, "isoCountryCode", value.iso_country_code);
  WriteOptional(j, "locationId", value.location_id);
  WriteOptional(j, "civicAddressId", value.civic_address_id);
  WriteOptional(j, "networkSiteId", value.network_site_id);
}

void from_json(const nlohmann::json& j, NumberAssignment& value) {
  RequireObject(j, "numberAssignment");
  ReadValue(j, "id", value.id);
  ReadValue(j, "telephoneNumber", value.telephone_number);
  ReadOptional(j, "operatorId", value.operator_id);
  ReadValue(j, "numberType", value.number_type);
  ReadValue(j, "activationState", value.activation_state);
  ReadValue(j, "assignmentStatus", value.assignment_status);
  ReadOptional(j, "assignmentCategory", value.assignment_category);
  ReadOptional(j, "assignmentTargetId", value.assignment_target_id);
  ReadValue(j, "capabilities", value.capabilities);
  ReadValue(j, "supportedCustomerActions", value.supported_customer_actions);
  ReadValue(j, "reverseNumberLookupOptions", value.reverse_number_lookup_options);
  ReadOptional(j, "numberSource", value.number_source);
  ReadOptional(j, "portInStatus", value.port_in_status);
  ReadOptional(j, "city", value.city);
  ReadOptional(j, "isoCountryCode", value.iso_country_code);
  ReadOptional(j, "locationId", value.location_id);
  ReadOptional(j, "civicAddressId", value.civic_address_id);
  ReadOptional(j, "networkSiteId", value.network_site_id);
}

void to_json(nlohmann::json& j, const AssignNumberRequest& value) {
  j = nlohmann::json::object();
  j["telephoneNumber"] = value.telephone_number;
  j["assignmentTargetId"] = value.assignment_target_id;
  j["numberType"] = value.number_type;
  WriteIfSet(j, "assignmentCategory", value.assignment_category);
  WriteIfSet(j, "locationId", value.location_id);
}

void from_json(const nlohmann::json& j, AssignNumberRequest& value) {
  RequireObject(j, "assignNumber request");
  ReadValue(j, "telephoneNumber", value.telephone_number);
  ReadValue(j, "assignmentTargetId", value.assignment_target_id);
  ReadValue(j, "numberType", value.number_type);
  ReadOptional(j, "assignmentCategory", value.assignment_category);
  ReadOptional(j, "locationId", value.location_id);
}

void to_json(nlohmann::json& j, const UnassignNumberRequest& value) {
  j = nlohmann::json::object();
  j["telephoneNumber"] = value.telephone_number;
  j["numberType"] = value.number_type;
}

void from_json(const nlohmann::json& j, UnassignNumberRequest& value) {
  RequireObject(j, "unassignNumber request");
  ReadValue(j, "telephoneNumber", value.telephone_number);
  ReadValue(j, "numberType", value.number_type);
}

void to_json(nlohmann::json& j, const UpdateNumberRequest& value) {
  j = nlohmann::json::object();
  j["telephoneNumber"] = value.telephone_number;
  WriteIfSet(j, "locationId", value.location_id);
  WriteIfSet(j, "networkSiteId", value.network_site_id);
  WriteIfSet(j, "reverseNumberLookupOptions", value.reverse_number_lookup_options);
}

void from_json(const nlohmann::json& j, UpdateNumberRequest& value) {
  RequireObject(j, "updateNumber request");
  ReadValue(j, "telephoneNumber", value.telephone_number);
  ReadOptional(j, "locationId", value.location_id);
  ReadOptional(j, "networkSiteId", value.network_site_id);
  ReadOptional(j, "reverseNumberLookupOptions", value.reverse_number_lookup_options);
}

}  // namespace opc::client
