#include "simulator/domain/upload_rules.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/json_fields.h"
#include "simulator/domain/validation.h"
#include "simulator/domain/vocabulary.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

// Applies the upload fields present in `object` over `defaults`.
absl::StatusOr<UploadFields> ReadUploadFields(const nlohmann::json& object, UploadFields defaults) {
  ASSIGN_OR_RETURN(std::optional<std::string> country, OptionalString(object, "isoCountryCode"));
  if (country) {
    std::optional<std::string> normalized = NormalizeCountry(*country);
    if (!normalized) {
      return BadRequest("Field 'isoCountryCode' must be an ISO 3166-1 alpha-2 country code.");
    }
    defaults.iso_country_code = *normalized;
  }
  ASSIGN_OR_RETURN(std::optional<std::string> type,
                   OptionalEnum(object, "numberType", vocab::kNumberTypes));
  if (type) {
    defaults.number_type = *type;
  }
  if (Has(object, "capabilities")) {
    ASSIGN_OR_RETURN(std::vector<std::string> values,
                     EnumArray(object, "capabilities", vocab::kCapabilities));
    defaults.capabilities = values;
  }
  if (Has(object, "supportedCustomerActions")) {
    ASSIGN_OR_RETURN(std::vector<std::string> values,
                     EnumArray(object, "supportedCustomerActions", vocab::kCustomerActions));
    defaults.supported_customer_actions = values;
  }
  for (const auto& [field, member] :
       {std::pair<const char*, std::optional<std::string> UploadFields::*>{"city",
                                                                           &UploadFields::city},
        {"locationId", &UploadFields::location_id}}) {
    if (Has(object, field)) {
      ASSIGN_OR_RETURN(std::optional<std::string> value, OptionalString(object, field));
      defaults.*member = value && !value->empty() ? value : std::nullopt;
    }
  }
  return defaults;
}

}  // namespace

// "+441632960000" + 1 -> "+441632960001" (decimal increment of the digits).
std::optional<std::string> NextNumber(const std::string& e164) {
  std::string next = e164;
  for (size_t i = next.size(); i-- > 1;) {
    if (next[i] < '9') {
      ++next[i];
      return next;
    }
    next[i] = '0';
  }
  return std::nullopt;  // would overflow the number's length
}

// The numbers an upload request describes, before any rule that needs the store.
absl::StatusOr<std::vector<std::pair<std::string, UploadFields>>> ParseUpload(
    const nlohmann::json& body) {
  RETURN_IF_ERROR(RejectUnknownFields(
      body, {"isoCountryCode", "numberType", "capabilities", "supportedCustomerActions", "city",
             "locationId", "numbers", "range"}));
  ASSIGN_OR_RETURN(UploadFields defaults, ReadUploadFields(body, UploadFields{}));
  std::vector<std::pair<std::string, UploadFields>> out;
  if (Has(body, "numbers")) {
    const nlohmann::json& items = body["numbers"];
    if (!items.is_array()) {
      return BadRequest("Field 'numbers' must be an array.");
    }
    for (const nlohmann::json& item : items) {
      nlohmann::json object = item.is_string() ? nlohmann::json{{"telephoneNumber", item}} : item;
      if (!object.is_object()) {
        return BadRequest("Field 'numbers' must contain objects or strings.");
      }
      RETURN_IF_ERROR(RejectUnknownFields(
          object, {"telephoneNumber", "isoCountryCode", "numberType", "capabilities",
                   "supportedCustomerActions", "city", "locationId"}));
      ASSIGN_OR_RETURN(std::string raw, RequiredString(object, "telephoneNumber"));
      std::optional<std::string> number = NormalizeE164(raw);
      if (!number) {
        return BadRequest(absl::StrCat("'", raw, "' is not a valid E.164 telephone number."));
      }
      ASSIGN_OR_RETURN(UploadFields fields, ReadUploadFields(object, defaults));
      out.emplace_back(*number, fields);
    }
  }
  if (Has(body, "range")) {
    const nlohmann::json& range = body["range"];
    if (!range.is_object()) {
      return BadRequest("Field 'range' must be an object {start, count}.");
    }
    absl::StatusOr<std::string> start = RequiredString(range, "start");
    absl::StatusOr<std::optional<int64_t>> count = OptionalInteger(range, "count");
    if (!start.ok()) {
      return start.status();
    }
    if (!count.ok()) {
      return count.status();
    }
    std::optional<std::string> number = NormalizeE164(*start);
    if (!number) {
      return BadRequest("Field 'range.start' is not a valid E.164 telephone number.");
    }
    if (!*count || **count < 1 || **count > kMaxUploadSize) {
      return BadRequest(
          absl::StrCat("Field 'range.count' must be between 1 and ", kMaxUploadSize, "."));
    }
    for (int64_t i = 0; i < **count; ++i) {
      if (!number) {
        return BadRequest("Field 'range' runs past the largest number of that length.");
      }
      out.emplace_back(*number, defaults);
      number = NextNumber(*number);
    }
  }
  if (out.empty()) {
    return BadRequest("Nothing to upload: give 'numbers' and/or 'range'.");
  }
  if (out.size() > kMaxUploadSize) {
    return BadRequest(absl::StrCat("At most ", kMaxUploadSize, " numbers per upload."));
  }
  return out;
}

absl::StatusOr<NumberAssignment> UploadedNumber(const std::string& tenant_id, const Operator& op,
                                                const Consent* consent,
                                                const std::string& telephone_number,
                                                const UploadFields& fields,
                                                const Location* location) {
  NumberAssignment number;
  number.tenant_id = tenant_id;
  number.telephone_number = telephone_number;
  number.operator_id = op.id;
  number.number_type = fields.number_type;
  number.capabilities = fields.capabilities;
  number.supported_customer_actions = fields.supported_customer_actions;
  number.city = fields.city;
  number.iso_country_code =
      fields.iso_country_code ? fields.iso_country_code : CountryForCallingCode(telephone_number);
  if (!number.iso_country_code) {
    return BadRequest(absl::StrCat("Field 'isoCountryCode' is required for '", telephone_number,
                                   "' (its calling code does not name one country)."));
  }
  if (number.capabilities.empty()) {
    return BadRequest(
        absl::StrCat("Field 'capabilities' is required for '", telephone_number, "'."));
  }
  if (number.number_type == "operatorConnect") {
    if (consent == nullptr || consent->status == "removed") {
      return Conflict("CountryNotConsented",
                      absl::StrCat("The tenant has not enabled operator '", op.display_name, "'."));
    }
    if (consent->status != "active") {
      return Conflict("ConsentNotActive",
                      absl::StrCat("The tenant's consent for operator '", op.display_name, "' is ",
                                   consent->status, "."));
    }
    const auto& countries = consent->consented_countries;
    if (std::find(countries.begin(), countries.end(), *number.iso_country_code) ==
        countries.end()) {
      return Conflict(
          "CountryNotConsented",
          absl::StrCat("The tenant has not consented to operator '", op.display_name, "' in ",
                       *number.iso_country_code, " (number '", telephone_number, "')."));
    }
  }
  if (fields.location_id) {
    if (location == nullptr) {
      return BadRequest(
          absl::StrCat("Location '", *fields.location_id, "' was not found in the tenant."));
    }
    if (location->country_or_region != *number.iso_country_code) {
      return BadRequest(absl::StrCat("Location '", *fields.location_id, "' is in ",
                                     location->country_or_region, ", number '", telephone_number,
                                     "' in ", *number.iso_country_code, "."));
    }
    number.location_id = location->id;
    number.civic_address_id = location->civic_address_id;
  }
  return number;
}

}  // namespace opcsim
