#include "provider/client/emergency_models.h"

namespace opc::client {
namespace {

// The writable address fields, shared by the entity, the create body and the patch body.
template <typename Address, typename Visitor>
void VisitAddressOptionals(Address& a, Visitor&& visit) {
  visit("description", a.description);
  visit("companyTaxId", a.company_tax_id);
  visit("houseNumber", a.house_number);
  visit("houseNumberSuffix", a.house_number_suffix);
  visit("preDirectional", a.pre_directional);
  visit("streetName", a.street_name);
  visit("streetSuffix", a.street_suffix);
  visit("postDirectional", a.post_directional);
  visit("city", a.city);
  visit("cityAlias", a.city_alias);
  visit("stateOrProvince", a.state_or_province);
  visit("postalCode", a.postal_code);
  visit("elin", a.elin);
}

}  // namespace

void to_json(nlohmann::json& j, const CivicAddress& value) {
  j = nlohmann::json::object();
  j["id"] = value.id;
  j["companyName"] = value.company_name;
  j["countryOrRegion"] = value.country_or_region;
  VisitAddressOptionals(value, [&](std::string_view key, const std::optional<std::string>& field) {
    WriteOptional(j, key, field);
  });
  WriteOptional(j, "latitude", value.latitude);
  WriteOptional(j, "longitude", value.longitude);
  WriteOptional(j, "defaultLocationId", value.default_location_id);
  WriteOptional(j, "validationStatus", value.validation_status);
  WriteOptional(j, "numberOfVoiceUsers", value.number_of_voice_users);
  WriteOptional(j, "numberOfTelephoneNumbers", value.number_of_telephone_numbers);
  WriteOptional(j, "createdDateTime", value.created_date_time);
  WriteOptional(j, "lastModifiedDateTime", value.last_modified_date_time);
  WriteIfSet(j, "@odata.etag", value.etag);
}

void from_json(const nlohmann::json& j, CivicAddress& value) {
  RequireObject(j, "civicAddress");
  ReadValue(j, "id", value.id);
  ReadValue(j, "companyName", value.company_name);
  ReadValue(j, "countryOrRegion", value.country_or_region);
  VisitAddressOptionals(value, [&](std::string_view key, std::optional<std::string>& field) {
    ReadOptional(j, key, field);
  });
  ReadOptionalNumericString(j, "latitude", value.latitude);
  ReadOptionalNumericString(j, "longitude", value.longitude);
  ReadOptional(j, "defaultLocationId", value.default_location_id);
  ReadOptional(j, "validationStatus", value.validation_status);
  ReadOptional(j, "numberOfVoiceUsers", value.number_of_voice_users);
  ReadOptional(j, "numberOfTelephoneNumbers", value.number_of_telephone_numbers);
  ReadOptional(j, "createdDateTime", value.created_date_time);
  ReadOptional(j, "lastModifiedDateTime", value.last_modified_date_time);
  ReadOptional(j, "@odata.etag", value.etag);
}

void to_json(nlohmann::json& j, const CreateCivicAddressRequest& value) {
  j = nlohmann::json::object();
  j["companyName"] = value.company_name;
  j["countryOrRegion"] = value.country_or_region;
  VisitAddressOptionals(value, [&](std::string_view key, const std::optional<std::string>& field) {
    WriteIfSet(j, key, field);
  });
  WriteIfSet(j, "latitude", value.latitude);
  WriteIfSet(j, "longitude", value.longitude);
}

void from_json(const nlohmann::json& j, CreateCivicAddressRequest& value) {
  RequireObject(j, "civicAddress request");
  ReadValue(j, "companyName", value.company_name);
  ReadValue(j, "countryOrRegion", value.country_or_region);
  VisitAddressOptionals(value, [&](std::string_view key, std::optional<std::string>& field) {
    ReadOptional(j, key, field);
  });
  ReadOptionalNumericString(j, "latitude", value.latitude);
  ReadOptionalNumericString(j, "longitude", value.longitude);
}

void to_json(nlohmann::json& j, const UpdateCivicAddressRequest& value) {
  j = nlohmann::json::object();
  value.company_name.WriteTo(j, "companyName");
  value.country_or_region.WriteTo(j, "countryOrRegion");
  VisitAddressOptionals(value, [&](std::string_view key, const FieldUpdate<std::string>& field) {
    field.WriteTo(j, key);
  });
  value.latitude.WriteTo(j, "latitude");
  value.longitude.WriteTo(j, "longitude");
}

void to_json(nlohmann::json& j, const EmergencyLocation& value) {
  j = nlohmann::json::object();
  j["id"] = value.id;
  j["civicAddressId"] = value.civic_address_id;
  WriteOptional(j, "description", value.description);
  WriteOptional(j, "elin", value.elin);
  j["isDefault"] = value.is_default;
  WriteOptional(j, "countryOrRegion", value.country_or_region);
  WriteOptional(j, "numberOfTelephoneNumbers", value.number_of_telephone_numbers);
  WriteIfSet(j, "@odata.etag", value.etag);
}

void from_json(const nlohmann::json& j, EmergencyLocation& value) {
  RequireObject(j, "location");
  ReadValue(j, "id", value.id);
  ReadValue(j, "civicAddressId", value.civic_address_id);
  ReadOptional(j, "description", value.description);
  ReadOptional(j, "elin", value.elin);
  ReadValue(j, "isDefault", value.is_default);
  ReadOptional(j, "countryOrRegion", value.country_or_region);
  ReadOptional(j, "numberOfTelephoneNumbers", value.number_of_telephone_numbers);
  ReadOptional(j, "@odata.etag", value.etag);
}

void to_json(nlohmann::json& j, const CreateLocationRequest& value) {
  j = nlohmann::json::object();
  j["civicAddressId"] = value.civic_address_id;
  j["description"] = value.description;
  WriteIfSet(j, "elin", value.elin);
}

void from_json(const nlohmann::json& j, CreateLocationRequest& value) {
  RequireObject(j, "location request");
  ReadValue(j, "civicAddressId", value.civic_address_id);
  ReadValue(j, "description", value.description);
  ReadOptional(j, "elin", value.elin);
}

void to_json(nlohmann::json& j, const UpdateLocationRequest& value) {
  j = nlohmann::json::object();
  WriteIfSet(j, "description", value.description);
  WriteIfSet(j, "elin", value.elin);
}

void from_json(const nlohmann::json& j, UpdateLocationRequest& value) {
  RequireObject(j, "location update");
  ReadOptional(j, "description", value.description);
  ReadOptional(j, "elin", value.elin);
}

}  // namespace opc::client
