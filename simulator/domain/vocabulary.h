#pragma once

// Enum vocabularies, exactly as Graph / the operator consent API spell them.

#include <array>
#include <string_view>

namespace opcsim::vocab {

inline constexpr std::array<std::string_view, 3> kNumberTypes = {"operatorConnect", "callingPlan",
                                                                 "directRouting"};
inline constexpr std::array<std::string_view, 5> kActivationStates = {
    "activated", "assignmentPending", "assignmentFailed", "updatePending", "updateFailed"};
inline constexpr std::array<std::string_view, 7> kAssignmentStatuses = {"unassigned",
                                                                        "internalError",
                                                                        "userAssigned",
                                                                        "conferenceAssigned",
                                                                        "voiceApplicationAssigned",
                                                                        "thirdPartyAppAssigned",
                                                                        "policyAssigned"};
inline constexpr std::array<std::string_view, 3> kAssignmentCategories = {"primary", "private",
                                                                          "alternate"};
inline constexpr std::array<std::string_view, 4> kCapabilities = {
    "userAssignment", "voiceApplicationAssignment", "conferenceAssignment", "teamsPhoneMobile"};
inline constexpr std::array<std::string_view, 2> kCustomerActions = {"locationUpdate", "release"};
inline constexpr std::array<std::string_view, 1> kReverseNumberLookupOptions = {"skipInternalVoip"};
inline constexpr std::array<std::string_view, 2> kNumberSources = {"online", "onPremises"};
inline constexpr std::array<std::string_view, 2> kPortInStatuses = {"completed",
                                                                    "firmOrderCommitmentAccepted"};
inline constexpr std::array<std::string_view, 3> kOfferTypes = {"calling", "conferencing",
                                                                "teamsPhoneMobile"};
inline constexpr std::array<std::string_view, 2> kAccountTypes = {"user", "resourceAccount"};
// Statuses the tenant may set; "removed" is reached only by deleting (or by drift).
inline constexpr std::array<std::string_view, 2> kTenantConsentStatuses = {"active", "suspended"};
inline constexpr std::array<std::string_view, 3> kConsentStatuses = {"active", "suspended",
                                                                     "removed"};
inline constexpr std::array<std::string_view, 5> kCustomerRelationshipStatuses = {
    "ConsentAcknowledged", "CustomerContacted", "AgreementSigned", "ConsentDeclined",
    "ContractTerminated"};
inline constexpr std::array<std::string_view, 6> kCompanySizes = {
    "L1_U24", "L25_U99", "L100_U249", "L250_U999", "L1000_U9999", "L10000_Plus"};
inline constexpr std::array<std::string_view, 3> kValidationStatuses = {"notValidated", "valid",
                                                                        "invalid"};

}  // namespace opcsim::vocab
