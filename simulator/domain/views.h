#pragma once

// API representations (camelCase, unset strings as null) of the stored entities. ETags and
// derived counters are added by the handlers, which know the request.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "absl/strings/string_view.h"
#include "simulator/domain/model.h"

namespace opcsim {

// numberAssignment id: base64url("{tenantId}|+E164"), no padding.
std::string NumberAssignmentId(absl::string_view tenant_id, absl::string_view telephone_number);
// The (tenant id, telephone number) an id encodes, if it is one.
std::optional<std::pair<std::string, std::string>> ParseNumberAssignmentId(std::string_view id);

nlohmann::json NumberView(const NumberAssignment& number);
nlohmann::json OperatorView(const Operator& op);
nlohmann::json ConsentView(const Consent& consent, const std::string& operator_display_name);
nlohmann::json CivicAddressView(const CivicAddress& address);
nlohmann::json LocationView(const Location& location);

// Admin API views.
nlohmann::json TenantView(const Tenant& tenant);
nlohmann::json ApplicationView(const Application& application);
nlohmann::json UserView(const User& user);
nlohmann::json SimOperatorView(const Operator& op);
nlohmann::json SimConsentView(const Consent& consent, const std::string& operator_display_name);

}  // namespace opcsim
