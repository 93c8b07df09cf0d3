// Emergency (E911/LIS) civic addresses and locations under
// /beta/admin/teams/emergencyCalling, with the LIS cmdlets' field names and rules.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "provider/client/json_fields.h"

namespace opc::client {

namespace validation_status {
inline constexpr std::string_view kNotValidated = "notValidated";
inline constexpr std::string_view kValid = "valid";
inline constexpr std::string_view kInvalid = "invalid";
}  // namespace validation_status

struct CivicAddress {
  std::string id;
  std::optional<std::string> description;
  std::string company_name;
  std::optional<std::string> company_tax_id;
  std::optional<std::string> house_number;
  std::optional<std::string> house_number_suffix;
  std::optional<std::string> pre_directional;
  std::optional<std::string> street_name;
  std::optional<std::string> street_suffix;
  std::optional<std::string> post_directional;
  std::optional<std::string> city;
  std::optional<std::string> city_alias;
  std::optional<std::string> state_or_province;
  std::optional<std::string> postal_code;
  std::string country_or_region;         // ISO alpha-2, upper case
  std::optional<std::string> latitude;   // decimal string, e.g. "47.6396"
  std::optional<std::string> longitude;  // decimal string, e.g. "-122.1283"
  std::optional<std::string> elin;
  std::optional<std::string> default_location_id;
  std::optional<std::string> validation_status;
  std::optional<int64_t> number_of_voice_users;
  std::optional<int64_t> number_of_telephone_numbers;
  std::optional<std::string> created_date_time;
  std::optional<std::string> last_modified_date_time;
  std::optional<std::string> etag;

  friend bool operator==(const CivicAddress&, const CivicAddress&) = default;
};

// POST /civicAddresses. companyName and countryOrRegion are required; latitude and longitude
// too, except in AU and JP. Unset optional fields are not sent.
struct CreateCivicAddressRequest {
  std::optional<std::string> description;
  std::string company_name;
  std::optional<std::string> company_tax_id;
  std::optional<std::string> house_number;
  std::optional<std::string> house_number_suffix;
  std::optional<std::string> pre_directional;
  std::optional<std::string> street_name;
  std::optional<std::string> street_suffix;
  std::optional<std::string> post_directional;
  std::optional<std::string> city;
  std::optional<std::string> city_alias;
  std::optional<std::string> state_or_province;
  std::optional<std::string> postal_code;
  std::string country_or_region;
  std::optional<std::string> latitude;
  std::optional<std::string> longitude;
  std::optional<std::string> elin;

  friend bool operator==(const CreateCivicAddressRequest&,
                         const CreateCivicAddressRequest&) = default;
};

// PATCH /civicAddresses/{id}: each field is left unchanged (default), cleared (null) or set.
// The service allows edits only in some countries (409 AddressEditNotSupported otherwise) and
// never a different countryOrRegion.
struct UpdateCivicAddressRequest {
  FieldUpdate<std::string> description;
  FieldUpdate<std::string> company_name;
  FieldUpdate<std::string> company_tax_id;
  FieldUpdate<std::string> house_number;
  FieldUpdate<std::string> house_number_suffix;
  FieldUpdate<std::string> pre_directional;
  FieldUpdate<std::string> street_name;
  FieldUpdate<std::string> street_suffix;
  FieldUpdate<std::string> post_directional;
  FieldUpdate<std::string> city;
  FieldUpdate<std::string> city_alias;
  FieldUpdate<std::string> state_or_province;
  FieldUpdate<std::string> postal_code;
  FieldUpdate<std::string> country_or_region;
  FieldUpdate<std::string> latitude;
  FieldUpdate<std::string> longitude;
  FieldUpdate<std::string> elin;

  friend bool operator==(const UpdateCivicAddressRequest&,
                         const UpdateCivicAddressRequest&) = default;
};

struct EmergencyLocation {
  std::string id;
  std::string civic_address_id;
  std::optional<std::string> description;  // null for an address's default location
  std::optional<std::string> elin;
  bool is_default = false;
  std::optional<std::string> country_or_region;
  std::optional<int64_t> number_of_telephone_numbers;
  std::optional<std::string> etag;

  friend bool operator==(const EmergencyLocation&, const EmergencyLocation&) = default;
};

// POST /locations
struct CreateLocationRequest {
  std::string civic_address_id;
  std::string description;  // non-empty
  std::optional<std::string> elin;

  friend bool operator==(const CreateLocationRequest&, const CreateLocationRequest&) = default;
};

// PATCH /locations/{id}: only set fields are sent. Neither can be cleared (an ELIN never can:
// 400 ElinCannotBeCleared; recreate the location instead).
struct UpdateLocationRequest {
  std::optional<std::string> description;
  std::optional<std::string> elin;

  friend bool operator==(const UpdateLocationRequest&, const UpdateLocationRequest&) = default;
};

void to_json(nlohmann::json& j, const CivicAddress& value);
void from_json(const nlohmann::json& j, CivicAddress& value);
void to_json(nlohmann::json& j, const CreateCivicAddressRequest& value);
void from_json(const nlohmann::json& j, CreateCivicAddressRequest& value);
void to_json(nlohmann::json& j, const UpdateCivicAddressRequest& value);
void to_json(nlohmann::json& j, const EmergencyLocation& value);
void from_json(const nlohmann::json& j, EmergencyLocation& value);
void to_json(nlohmann::json& j, const CreateLocationRequest& value);
void from_json(const nlohmann::json& j, CreateLocationRequest& value);
void to_json(nlohmann::json& j, const UpdateLocationRequest& value);
void from_json(const nlohmann::json& j, UpdateLocationRequest& value);

}  // namespace opc::client
