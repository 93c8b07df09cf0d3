#include "simulator/domain/number_rules.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/validation.h"

namespace opcsim {
namespace {

bool Contains(const std::vector<std::string>& values, std::string_view wanted) {
  return std::find(values.begin(), values.end(), wanted) != values.end();
}

std::optional<std::string> NumberTypeFailure(const std::string& telephone_number,
                                             const std::string& number_type,
                                             const NumberAssignment* number) {
  if (number == nullptr) {
    return absl::StrCat("Telephone number '", telephone_number, "' is not found in the tenant.");
  }
  if (number->number_type != number_type) {
    return absl::StrCat("Telephone number '", telephone_number, "' of type '", number_type,
                        "' is not found in the tenant (the number is of type '",
                        number->number_type, "').");
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string> AssignFailure(const AssignRequest& request,
                                         const NumberAssignment* number, const User* target,
                                         const Location* location) {
  if (auto failure = NumberTypeFailure(request.telephone_number, request.number_type, number)) {
    return failure;
  }
  if (target == nullptr) {
    return absl::StrCat("Assignment target '", request.assignment_target_id,
                        "' was not found in the tenant.");
  }
  const std::string_view capability = RequiredCapability(target->account_type);
  if (!Contains(number->capabilities, capability)) {
    return absl::StrCat("Telephone number '", request.telephone_number, "' lacks the '",
                        std::string(capability), "' capability needed to assign it to a ",
                        target->account_type == "resourceAccount" ? "resource account" : "user",
                        ".");
  }
  if (number->IsAssigned() && number->assignment_target_id != request.assignment_target_id) {
    return absl::StrCat("Telephone number '", request.telephone_number,
                        "' is already assigned to another target ('",
                        number->assignment_target_id.value_or("unknown"), "').");
  }
  const std::string number_country = number->iso_country_code.value_or("");
  if (target->usage_location != number_country) {
    return absl::StrCat("The usage location of '", target->id, "' (", target->usage_location,
                        ") does not match the country of telephone number '",
                        request.telephone_number, "' (", number_country,
                        "); users, numbers and locations must be in the same country.");
  }
  if (request.location_id) {
    if (location == nullptr) {
      return absl::StrCat("Emergency location '", *request.location_id,
                          "' was not found in the tenant.");
    }
    if (location->country_or_region != number_country) {
      return absl::StrCat("Emergency location '", location->id, "' is in ",
                          location->country_or_region, " but telephone number '",
                          request.telephone_number, "' is in ", number_country,
                          "; users, numbers and locations must be in the same country.");
    }
    if (number->location_id != request.location_id &&
        !Contains(number->supported_customer_actions, "locationUpdate")) {
      return absl::StrCat("The operator of telephone number '", request.telephone_number,
                          "' does not allow the tenant to change its emergency location.");
    }
  }
  return std::nullopt;
}

void ApplyAssign(const AssignRequest& request, const User& target, const Location* location,
                 NumberAssignment& number) {
  number.assignment_target_id = target.id;
  number.assignment_status = std::string(AssignedStatusFor(target.account_type));
  number.assignment_category = request.assignment_category;
  number.activation_state = "activated";
  if (request.location_id && location != nullptr) {
    number.location_id = location->id;
    number.civic_address_id = location->civic_address_id;
  }
}

std::optional<std::string> UnassignFailure(const UnassignRequest& request,
                                           const NumberAssignment* number) {
  return NumberTypeFailure(request.telephone_number, request.number_type, number);
}

void ApplyUnassign(NumberAssignment& number) {
  number.assignment_target_id.reset();
  number.assignment_category.reset();
  number.assignment_status = "unassigned";
  number.activation_state = "activated";
}

absl::Status CheckLocationUpdate(const NumberAssignment& number, const Location* location) {
  if (!Contains(number.supported_customer_actions, "locationUpdate")) {
    return Forbidden("LocationUpdateNotSupported",
                     absl::StrCat("The operator of telephone number '", number.telephone_number,
                                  "' does not allow the tenant to change its emergency location "
                                  "(no 'locationUpdate' in supportedCustomerActions)."));
  }
  if (location != nullptr && location->country_or_region != number.iso_country_code.value_or("")) {
    return BadRequest(
        "CountryMismatch",
        absl::StrCat("Emergency location '", location->id, "' is in ", location->country_or_region,
                     " but telephone number '", number.telephone_number, "' is in ",
                     number.iso_country_code.value_or("no country"),
                     "; numbers and locations must be in the same country."));
  }
  return absl::OkStatus();
}

}  // namespace opcsim
