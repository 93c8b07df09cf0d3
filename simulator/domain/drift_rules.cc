#include "simulator/domain/drift_rules.h"

#include <algorithm>
#include <span>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/inputs.h"
#include "simulator/domain/vocabulary.h"
#include "simulator/support/status_macros.h"

namespace opcsim {

absl::StatusOr<CustomerRelationship> ParseRelationship(const nlohmann::json& body, SimMillis now) {
  RETURN_IF_ERROR(RejectUnknownFields(body, {"status", "comment"}));
  absl::StatusOr<std::string> status =
      RequiredEnum(body, "status", vocab::kCustomerRelationshipStatuses);
  absl::StatusOr<std::optional<std::string>> comment = OptionalString(body, "comment");
  if (!status.ok()) {
    return status.status();
  }
  if (!comment.ok()) {
    return comment.status();
  }
  if ((*status == "ConsentDeclined" || *status == "ContractTerminated") &&
      (!*comment || (*comment)->empty())) {
    return BadRequest(absl::StrCat("Field 'comment' is required for ", *status,
                                   " (the operator must give a reason)."));
  }
  return CustomerRelationship{*status, *comment, now};
}

absl::Status ApplyConsentDrift(const nlohmann::json& body, SimMillis now, Consent& consent) {
  RETURN_IF_ERROR(
      RejectUnknownFields(body, {"consentedCountries", "contacts", "status",
                                 "dataTransferNoticeAccepted", "customerRelationship"}));
  if (Has(body, "consentedCountries")) {
    ASSIGN_OR_RETURN(std::vector<std::string> countries,
                     ParseCountries(body, "consentedCountries"));
    consent.consented_countries = countries;
  }
  if (Has(body, "contacts")) {
    ASSIGN_OR_RETURN(std::vector<Contact> contacts, ParseContacts(body, "contacts"));
    consent.contacts = contacts;
  }
  ASSIGN_OR_RETURN(std::optional<std::string> status,
                   OptionalEnum(body, "status", vocab::kConsentStatuses));
  if (status) {
    consent.status = *status;
  }
  ASSIGN_OR_RETURN(std::optional<bool> notice, OptionalBool(body, "dataTransferNoticeAccepted"));
  if (notice) {
    consent.data_transfer_notice_accepted = *notice;
  }
  if (Has(body, "customerRelationship")) {
    const nlohmann::json& value = body["customerRelationship"];
    if (value.is_null()) {
      consent.customer_relationship.reset();
    } else if (!value.is_object()) {
      return BadRequest("Field 'customerRelationship' must be an object or null.");
    } else {
      ASSIGN_OR_RETURN(CustomerRelationship relationship, ParseRelationship(value, now));
      consent.customer_relationship = relationship;
    }
    consent.auto_advance = false;
  }
  consent.last_modified_ms = now;
  return absl::OkStatus();
}

absl::Status ApplyNumberDrift(const nlohmann::json& body, const CivicAddressOfLocation& address_of,
                              NumberAssignment& number) {
  if (absl::Status status = RejectUnknownFields(
          body,
          {"operatorId", "numberType", "activationState", "assignmentStatus", "assignmentCategory",
           "assignmentTargetId", "capabilities", "supportedCustomerActions",
           "reverseNumberLookupOptions", "numberSource", "portInStatus", "city", "isoCountryCode",
           "locationId", "civicAddressId", "networkSiteId"});
      !status.ok()) {
    return status;
  }
  struct EnumField {
    const char* name;
    std::span<const std::string_view> vocabulary;
    std::string NumberAssignment::*member;
  };
  for (const EnumField& field :
       {EnumField{"numberType", vocab::kNumberTypes, &NumberAssignment::number_type},
        EnumField{"activationState", vocab::kActivationStates, &NumberAssignment::activation_state},
        EnumField{"assignmentStatus", vocab::kAssignmentStatuses,
                  &NumberAssignment::assignment_status}}) {
    if (Has(body, field.name)) {
      ASSIGN_OR_RETURN(std::string value, RequiredEnum(body, field.name, field.vocabulary));
      number.*field.member = value;
    }
  }
  struct NullableEnumField {
    const char* name;
    std::span<const std::string_view> vocabulary;
    std::optional<std::string> NumberAssignment::*member;
  };
  for (const NullableEnumField& field :
       {NullableEnumField{"assignmentCategory", vocab::kAssignmentCategories,
                          &NumberAssignment::assignment_category},
        NullableEnumField{"numberSource", vocab::kNumberSources, &NumberAssignment::number_source},
        NullableEnumField{"portInStatus", vocab::kPortInStatuses,
                          &NumberAssignment::port_in_status}}) {
    if (Has(body, field.name)) {
      ASSIGN_OR_RETURN(std::optional<std::string> value,
                       OptionalEnum(body, field.name, field.vocabulary));
      number.*field.member = value;
    }
  }
  struct ListField {
    const char* name;
    std::span<const std::string_view> vocabulary;
    std::vector<std::string> NumberAssignment::*member;
  };
  for (const ListField& field :
       {ListField{"capabilities", vocab::kCapabilities, &NumberAssignment::capabilities},
        ListField{"supportedCustomerActions", vocab::kCustomerActions,
                  &NumberAssignment::supported_customer_actions},
        ListField{"reverseNumberLookupOptions", vocab::kReverseNumberLookupOptions,
                  &NumberAssignment::reverse_number_lookup_options}}) {
    if (Has(body, field.name)) {
      ASSIGN_OR_RETURN(std::vector<std::string> value,
                       EnumArray(body, field.name, field.vocabulary));
      number.*field.member = value;
    }
  }
  struct TextField {
    const char* name;
    std::optional<std::string> NumberAssignment::*member;
  };
  for (const TextField& field :
       {TextField{"operatorId", &NumberAssignment::operator_id},
        TextField{"assignmentTargetId", &NumberAssignment::assignment_target_id},
        TextField{"city", &NumberAssignment::city},
        TextField{"isoCountryCode", &NumberAssignment::iso_country_code},
        TextField{"locationId", &NumberAssignment::location_id},
        TextField{"civicAddressId", &NumberAssignment::civic_address_id},
        TextField{"networkSiteId", &NumberAssignment::network_site_id}}) {
    if (Has(body, field.name)) {
      ASSIGN_OR_RETURN(std::optional<std::string> value, OptionalString(body, field.name));
      number.*field.member = value && !value->empty() ? value : std::nullopt;
    }
  }
  if (Has(body, "locationId") && !Has(body, "civicAddressId")) {
    number.civic_address_id.reset();
    if (number.location_id) {
      ASSIGN_OR_RETURN(std::optional<std::string> address, address_of(*number.location_id));
      number.civic_address_id = address;
    }
  }
  return absl::OkStatus();
}

absl::Status CheckAddressDrift(const nlohmann::json& body) {
  const auto& names = CivicAddressFieldNames();
  for (const auto& [key, value] : body.items()) {
    if (key != "validationStatus" && std::find(names.begin(), names.end(), key) == names.end()) {
      return BadRequest(absl::StrCat("Field '", key, "' is not a civic address field."));
    }
  }
  return OptionalEnum(body, "validationStatus", vocab::kValidationStatuses).status();
}

absl::Status ApplyAddressDrift(const nlohmann::json& body, SimMillis now, CivicAddress& address) {
  RETURN_IF_ERROR(CheckAddressDrift(body));
  RETURN_IF_ERROR(ApplyCivicAddressFields(body, address));
  absl::StatusOr<std::optional<std::string>> validation =
      OptionalEnum(body, "validationStatus", vocab::kValidationStatuses);
  if (*validation) {
    address.validation_status = **validation;
  }
  address.last_modified_ms = now;
  return absl::OkStatus();
}

absl::StatusOr<LocationDrift> ParseLocationDrift(const nlohmann::json& body) {
  RETURN_IF_ERROR(RejectUnknownFields(body, {"description", "elin"}));
  ASSIGN_OR_RETURN(StringPatch description, PatchString(body, "description"));
  ASSIGN_OR_RETURN(StringPatch elin, PatchString(body, "elin"));
  return LocationDrift{description, elin};
}

void ApplyLocationDrift(const LocationDrift& drift, Location& location) {
  if (drift.description.present) {
    location.description = drift.description.value;
  }
  if (drift.elin.present) {
    location.elin =
        drift.elin.value && !drift.elin.value->empty() ? drift.elin.value : std::nullopt;
  }
}

}  // namespace opcsim
