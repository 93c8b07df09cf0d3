#pragma once

// Parsing and validation of entity input (request bodies, seed file entries) into the model.
// Failures are 400s naming the field.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "simulator/domain/model.h"

namespace opcsim {

// POST (creating: id optional, displayName and offerings required) or PATCH of `op`.
absl::Status ApplyOperatorInput(const nlohmann::json& body, bool creating, Operator& op);

// POST (creating: id optional; userPrincipalName, displayName, accountType, usageLocation
// required) or PATCH of `user`.
absl::Status ApplyUserInput(const nlohmann::json& body, bool creating, User& user);

// ISO alpha-2 codes, normalized to upper case, de-duplicated and sorted; at least one.
absl::StatusOr<std::vector<std::string>> ParseCountries(const nlohmann::json& body,
                                                        absl::string_view field);

// The consent contacts array: at least one; fullName, email, companyName, companySize
// required; telephoneNumber optional (strict E.164).
absl::StatusOr<std::vector<Contact>> ParseContacts(const nlohmann::json& body,
                                                   absl::string_view field);

// The civic address fields present in `body` (null clears an optional field). Checks formats
// only; the create/edit rules live in the handlers. latitude/longitude may be strings or numbers.
absl::Status ApplyCivicAddressFields(const nlohmann::json& body, CivicAddress& address);

// All field names ApplyCivicAddressFields understands.
const std::vector<std::string_view>& CivicAddressFieldNames();

}  // namespace opcsim
