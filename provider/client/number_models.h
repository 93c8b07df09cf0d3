// Graph v1.0 number management models (microsoft.graph.teamsAdministration.numberAssignment
// and the action bodies). Enum-like fields are strings, so a value the service adds later
// ("unknownFutureValue" and beyond) never breaks decoding; compare them case-insensitively.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opc::client {

namespace number_type {
inline constexpr std::string_view kOperatorConnect = "operatorConnect";
inline constexpr std::string_view kCallingPlan = "callingPlan";
inline constexpr std::string_view kDirectRouting = "directRouting";
}  // namespace number_type

namespace activation_state {
inline constexpr std::string_view kActivated = "activated";
inline constexpr std::string_view kAssignmentPending = "assignmentPending";
inline constexpr std::string_view kAssignmentFailed = "assignmentFailed";
inline constexpr std::string_view kUpdatePending = "updatePending";
inline constexpr std::string_view kUpdateFailed = "updateFailed";
}  // namespace activation_state

namespace assignment_status {
inline constexpr std::string_view kUnassigned = "unassigned";
inline constexpr std::string_view kUserAssigned = "userAssigned";
inline constexpr std::string_view kConferenceAssigned = "conferenceAssigned";
inline constexpr std::string_view kVoiceApplicationAssigned = "voiceApplicationAssigned";
inline constexpr std::string_view kThirdPartyAppAssigned = "thirdPartyAppAssigned";
inline constexpr std::string_view kPolicyAssigned = "policyAssigned";
}  // namespace assignment_status

namespace assignment_category {
inline constexpr std::string_view kPrimary = "primary";
inline constexpr std::string_view kPrivate = "private";
inline constexpr std::string_view kAlternate = "alternate";
}  // namespace assignment_category

namespace number_capability {
inline constexpr std::string_view kUserAssignment = "userAssignment";
inline constexpr std::string_view kVoiceApplicationAssignment = "voiceApplicationAssignment";
inline constexpr std::string_view kConferenceAssignment = "conferenceAssignment";
inline constexpr std::string_view kTeamsPhoneMobile = "teamsPhoneMobile";
}  // namespace number_capability

namespace customer_action {
inline constexpr std::string_view kLocationUpdate = "locationUpdate";
inline constexpr std::string_view kRelease = "release";
}  // namespace customer_action

// One number of the tenant's inventory. Unset strings are null in the service's JSON.
struct NumberAssignment {
  std::string id;                // opaque
  std::string telephone_number;  // +E164
  std::optional<std::string> operator_id;
  std::string number_type;
  std::string activation_state;
  std::string assignment_status;
  std::optional<std::string> assignment_category;
  std::optional<std::string> assignment_target_id;
  std::vector<std::string> capabilities;
  std::vector<std::string> supported_customer_actions;
  std::vector<std::string> reverse_number_lookup_options;
  std::optional<std::string> number_source;
  std::optional<std::string> port_in_status;
  std::optional<std::string> city;
  std::optional<std::string> iso_country_code;
  std::optional<std::string> location_id;
  std::optional<std::string> civic_address_id;
  std::optional<std::string> network_site_id;

  // Case-insensitive membership tests on the lists above.
  bool HasCapability(std::string_view capability) const;
  bool SupportsCustomerAction(std::string_view action) const;

  friend bool operator==(const NumberAssignment&, const NumberAssignment&) = default;
};

// POST .../numberAssignments/assignNumber
struct AssignNumberRequest {
  std::string telephone_number;
  std::string assignment_target_id;  // object id of a user or resource account
  std::string number_type;
  std::optional<std::string> assignment_category;  // the service's default: primary
  std::optional<std::string> location_id;          // absent keeps the current location

  friend bool operator==(const AssignNumberRequest&, const AssignNumberRequest&) = default;
};

// POST .../numberAssignments/unassignNumber
struct UnassignNumberRequest {
  std::string telephone_number;
  std::string number_type;

  friend bool operator==(const UnassignNumberRequest&, const UnassignNumberRequest&) = default;
};

// POST .../numberAssignments/updateNumber. For location_id and network_site_id: nullopt keeps
// the current value, "" clears it, anything else sets it.
struct UpdateNumberRequest {
  std::string telephone_number;
  std::optional<std::string> location_id;
  std::optional<std::string> network_site_id;
  std::optional<std::vector<std::string>> reverse_number_lookup_options;  // replaces the list

  friend bool operator==(const UpdateNumberRequest&, const UpdateNumberRequest&) = default;
};

void to_json(nlohmann::json& j, const NumberAssignment& value);
void from_json(const nlohmann::json& j, NumberAssignment& value);
void to_json(nlohmann::json& j, const AssignNumberRequest& value);
void from_json(const nlohmann::json& j, AssignNumberRequest& value);
void to_json(nlohmann::json& j, const UnassignNumberRequest& value);
void from_json(const nlohmann::json& j, UnassignNumberRequest& value);
void to_json(nlohmann::json& j, const UpdateNumberRequest& value);
void from_json(const nlohmann::json& j, UpdateNumberRequest& value);

}  // namespace opc::client
