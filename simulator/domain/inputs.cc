#include "simulator/domain/inputs.h"

#include <algorithm>
#include <set>

#include "absl/strings/str_cat.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/json_fields.h"
#include "simulator/domain/validation.h"
#include "simulator/domain/vocabulary.h"
#include "simulator/support/ids.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

absl::Status RequireGuidOrAbsent(const nlohmann::json& body, absl::string_view field,
                                 std::string& out) {
  ASSIGN_OR_RETURN(std::optional<std::string> value, OptionalString(body, field));
  if (!value) {
    return absl::OkStatus();
  }
  if (!IsGuid(*value)) {
    return BadRequest(absl::StrCat("Field '", field, "' must be a GUID."));
  }
  out = *value;
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return absl::OkStatus();
}

// A number or a decimal string, returned as the string the API shows.
absl::StatusOr<std::optional<std::string>> Coordinate(const nlohmann::json& body,
                                                      absl::string_view field, bool latitude) {
  auto it = body.find(std::string(field));
  if (it == body.end() || it->is_null()) {
    return std::optional<std::string>();
  }
  std::string text;
  if (it->is_number()) {
    text = it->dump();
  } else if (it->is_string()) {
    text = it->get<std::string>();
    if (text.empty()) {
      return std::optional<std::string>();  // "" unsets, like null
    }
  } else {
    return BadRequest(absl::StrCat("Field '", field, "' must be a decimal number."));
  }
  const bool valid = latitude ? ParseLatitude(text).has_value() : ParseLongitude(text).has_value();
  if (!valid) {
    return BadRequest(absl::StrCat("Field '", field, "' must be a decimal number between ",
                                   latitude ? "-90 and 90" : "-180 and 180", "; got '", text,
                                   "'."));
  }
  return std::optional<std::string>(text);
}

}  // namespace

absl::Status ApplyOperatorInput(const nlohmann::json& body, bool creating, Operator& op) {
  RETURN_IF_ERROR(RejectUnknownFields(
      body, {"id", "displayName", "offerDetailsUrl", "offerings", "autoAdvanceSeconds"}));
  if (creating) {
    op.id = NewGuid();
    RETURN_IF_ERROR(RequireGuidOrAbsent(body, "id", op.id));
  } else if (Has(body, "id")) {
    return BadRequest("Field 'id' cannot be changed.");
  }
  if (creating || Has(body, "displayName")) {
    ASSIGN_OR_RETURN(std::string name, RequiredString(body, "displayName"));
    op.display_name = name;
  }
  if (Has(body, "offerDetailsUrl")) {
    ASSIGN_OR_RETURN(std::optional<std::string> url, OptionalString(body, "offerDetailsUrl"));
    op.offer_details_url = url;
  }
  if (creating || Has(body, "offerings")) {
    const auto it = body.find("offerings");
    if (it == body.end() || !it->is_array() || it->empty()) {
      return BadRequest("Field 'offerings' must be a non-empty array.");
    }
    std::vector<Offering> offerings;
    for (const nlohmann::json& item : *it) {
      if (!item.is_object()) {
        return BadRequest("Field 'offerings' must contain objects.");
      }
      RETURN_IF_ERROR(RejectUnknownFields(item, {"offerType", "countryCodes"}));
      ASSIGN_OR_RETURN(std::string type, RequiredEnum(item, "offerType", vocab::kOfferTypes));
      ASSIGN_OR_RETURN(std::vector<std::string> countries, ParseCountries(item, "countryCodes"));
      offerings.push_back(Offering{type, countries});
    }
    op.offerings = std::move(offerings);
  }
  if (Has(body, "autoAdvanceSeconds")) {
    ASSIGN_OR_RETURN(std::optional<double> seconds, OptionalNumber(body, "autoAdvanceSeconds"));
    if (seconds.value_or(0) < 0) {
      return BadRequest("Field 'autoAdvanceSeconds' must not be negative.");
    }
    op.auto_advance_seconds = seconds.value_or(0);
  }
  return absl::OkStatus();
}

absl::Status ApplyUserInput(const nlohmann::json& body, bool creating, User& user) {
  RETURN_IF_ERROR(RejectUnknownFields(
      body, {"id", "userPrincipalName", "displayName", "accountType", "usageLocation"}));
  if (creating) {
    user.id = NewGuid();
    RETURN_IF_ERROR(RequireGuidOrAbsent(body, "id", user.id));
  } else if (Has(body, "id")) {
    return BadRequest("Field 'id' cannot be changed.");
  }
  if (creating || Has(body, "userPrincipalName")) {
    ASSIGN_OR_RETURN(std::string upn, RequiredString(body, "userPrincipalName"));
    if (!IsEmailAddress(upn)) {
      return BadRequest("Field 'userPrincipalName' must look like name@domain.");
    }
    user.user_principal_name = upn;
  }
  if (creating || Has(body, "displayName")) {
    ASSIGN_OR_RETURN(std::string name, RequiredString(body, "displayName"));
    user.display_name = name;
  }
  if (creating || Has(body, "accountType")) {
    ASSIGN_OR_RETURN(std::string type, RequiredEnum(body, "accountType", vocab::kAccountTypes));
    user.account_type = type;
  }
  if (creating || Has(body, "usageLocation")) {
    ASSIGN_OR_RETURN(std::string country, RequiredString(body, "usageLocation"));
    std::optional<std::string> normalized = NormalizeCountry(country);
    if (!normalized) {
      return BadRequest("Field 'usageLocation' must be an ISO 3166-1 alpha-2 country code.");
    }
    user.usage_location = *normalized;
  }
  return absl::OkStatus();
}

absl::StatusOr<std::vector<std::string>> ParseCountries(const nlohmann::json& body,
                                                        absl::string_view field) {
  ASSIGN_OR_RETURN(std::optional<std::vector<std::string>> values,
                   OptionalStringArray(body, field));
  if (!values || values->empty()) {
    return BadRequest(absl::StrCat("Field '", field, "' must list at least one country."));
  }
  std::set<std::string> countries;
  for (const std::string& value : *values) {
    std::optional<std::string> country = NormalizeCountry(value);
    if (!country) {
      return BadRequest(absl::StrCat("Field '", field, "' contains '", value,
                                     "', which is not an ISO 3166-1 alpha-2 country code."));
    }
    countries.insert(*country);
  }
  return std::vector<std::string>(countries.begin(), countries.end());
}

absl::StatusOr<std::vector<Contact>> ParseContacts(const nlohmann::json& body,
                                                   absl::string_view field) {
  const auto it = body.find(std::string(field));
  if (it == body.end() || !it->is_array() || it->empty()) {
    return BadRequest(absl::StrCat("Field '", field, "' must be a non-empty array of contacts."));
  }
  std::vector<Contact> contacts;
  for (size_t i = 0; i < it->size(); ++i) {
    const nlohmann::json& item = (*it)[i];
    const std::string prefix = absl::StrCat(field, "[", i, "].");
    if (!item.is_object()) {
      return BadRequest(absl::StrCat("Field '", field, "' must contain objects."));
    }
    if (absl::Status status = RejectUnknownFields(
            item, {"fullName", "email", "telephoneNumber", "companyName", "companySize"});
        !status.ok()) {
      return BadRequest(absl::StrCat(prefix, " ", status.message()));
    }
    Contact contact;
    absl::StatusOr<std::string> full_name = RequiredString(item, "fullName");
    absl::StatusOr<std::string> email = RequiredString(item, "email");
    absl::StatusOr<std::string> company = RequiredString(item, "companyName");
    absl::StatusOr<std::string> size = RequiredEnum(item, "companySize", vocab::kCompanySizes);
    absl::StatusOr<std::optional<std::string>> phone = OptionalString(item, "telephoneNumber");
    for (const absl::Status& status :
         {full_name.status(), email.status(), company.status(), size.status(), phone.status()}) {
      if (!status.ok()) {
        return BadRequest(absl::StrCat(prefix, " ", status.message()));
      }
    }
    if (!IsEmailAddress(*email)) {
      return BadRequest(absl::StrCat("Field '", prefix, "email' is not an email address."));
    }
    if (*phone && !phone->value().empty() && !IsStrictE164(**phone)) {
      return BadRequest(absl::StrCat("Field '", prefix,
                                     "telephoneNumber' must be in E.164 form (+ and digits)."));
    }
    contact.full_name = *full_name;
    contact.email = *email;
    contact.company_name = *company;
    contact.company_size = *size;
    if (*phone && !phone->value().empty()) {
      contact.telephone_number = **phone;
    }
    contacts.push_back(std::move(contact));
  }
  return contacts;
}

const std::vector<std::string_view>& CivicAddressFieldNames() {
  static const std::vector<std::string_view> kNames = {"description",
                                                       "companyName",
                                                       "companyTaxId",
                                                       "houseNumber",
                                                       "houseNumberSuffix",
                                                       "preDirectional",
                                                       "streetName",
                                                       "streetSuffix",
                                                       "postDirectional",
                                                       "city",
                                                       "cityAlias",
                                                       "stateOrProvince",
                                                       "postalCode",
                                                       "countryOrRegion",
                                                       "latitude",
                                                       "longitude",
                                                       "elin"};
  return kNames;
}

absl::Status ApplyCivicAddressFields(const nlohmann::json& body, CivicAddress& address) {
  struct OptionalField {
    const char* name;
    std::optional<std::string> CivicAddress::*member;
  };
  static constexpr OptionalField kOptionalFields[] = {
      {"description", &CivicAddress::description},
      {"companyTaxId", &CivicAddress::company_tax_id},
      {"houseNumber", &CivicAddress::house_number},
      {"houseNumberSuffix", &CivicAddress::house_number_suffix},
      {"preDirectional", &CivicAddress::pre_directional},
      {"streetName", &CivicAddress::street_name},
      {"streetSuffix", &CivicAddress::street_suffix},
      {"postDirectional", &CivicAddress::post_directional},
      {"city", &CivicAddress::city},
      {"cityAlias", &CivicAddress::city_alias},
      {"stateOrProvince", &CivicAddress::state_or_province},
      {"postalCode", &CivicAddress::postal_code},
      {"elin", &CivicAddress::elin},
  };
  for (const OptionalField& field : kOptionalFields) {
    ASSIGN_OR_RETURN(StringPatch patch, PatchString(body, field.name));
    if (patch.present) {
      // An empty string means "unset", as the cmdlets treat it.
      address.*field.member = patch.value && !patch.value->empty() ? patch.value : std::nullopt;
    }
  }
  if (Has(body, "companyName")) {
    ASSIGN_OR_RETURN(std::string company, RequiredString(body, "companyName"));
    address.company_name = company;
  }
  if (Has(body, "countryOrRegion")) {
    ASSIGN_OR_RETURN(std::string country, RequiredString(body, "countryOrRegion"));
    std::optional<std::string> normalized = NormalizeCountry(country);
    if (!normalized) {
      return BadRequest("Field 'countryOrRegion' must be an ISO 3166-1 alpha-2 country code.");
    }
    address.country_or_region = *normalized;
  }
  for (const auto& [name, is_latitude] :
       {std::pair<const char*, bool>{"latitude", true}, {"longitude", false}}) {
    if (!Has(body, name)) {
      continue;
    }
    ASSIGN_OR_RETURN(std::optional<std::string> value, Coordinate(body, name, is_latitude));
    (is_latitude ? address.latitude : address.longitude) = value;
  }
  return absl::OkStatus();
}

}  // namespace opcsim
