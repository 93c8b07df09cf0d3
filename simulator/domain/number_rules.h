#pragma once

// The business rules of assignNumber / unassignNumber / updateNumber. Pure: the caller looks
// the objects up and persists the result.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "simulator/domain/json_optional.h"
#include "simulator/domain/model.h"

namespace opcsim {

struct AssignRequest {
  std::string telephone_number;  // +E164
  std::string assignment_target_id;
  std::string number_type;
  std::string assignment_category = "primary";
  std::optional<std::string> location_id;
};

struct UnassignRequest {
  std::string telephone_number;
  std::string number_type;
};

// Why the assignment cannot happen (the operation's statusDetail), or nullopt if it can.
// `number`, `target` and `location` are the looked-up objects (null when not found); `location`
// is only consulted when the request names one.
std::optional<std::string> AssignFailure(const AssignRequest& request,
                                         const NumberAssignment* number, const User* target,
                                         const Location* location);
void ApplyAssign(const AssignRequest& request, const User& target, const Location* location,
                 NumberAssignment& number);

std::optional<std::string> UnassignFailure(const UnassignRequest& request,
                                           const NumberAssignment* number);
void ApplyUnassign(NumberAssignment& number);

// updateNumber's location rule: the operator must allow location updates (403
// LocationUpdateNotSupported) and the location must be in the number's country (400
// CountryMismatch). `location` null means clearing.
absl::Status CheckLocationUpdate(const NumberAssignment& number, const Location* location);

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(AssignRequest, telephone_number,
                                                assignment_target_id, number_type,
                                                assignment_category, location_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(UnassignRequest, telephone_number, number_type)

}  // namespace opcsim
