#include "provider/client/operator_models.h"

#include "provider/client/json_fields.h"

namespace opc::client {

void to_json(nlohmann::json& j, const Offering& value) {
  j = nlohmann::json::object();
  j["offerType"] = value.offer_type;
  j["countryCodes"] = value.country_codes;
}

void from_json(const nlohmann::json& j, Offering& value) {
  RequireObject(j, "offering");
  ReadValue(j, "offerType", value.offer_type);
  ReadValue(j, "countryCodes", value.country_codes);
}

void to_json(nlohmann::json& j, const Operator& value) {
  j = nlohmann::json::object();
  j["id"] = value.id;
  j["displayName"] = value.display_name;
  WriteOptional(j, "offerDetailsUrl", value.offer_details_url);
  j["offerings"] = value.offerings;
  j["countryCodes"] = value.country_codes;
  j["offerTypes"] = value.offer_types;
}

void from_json(const nlohmann::json& j, Operator& value) {
  RequireObject(j, "operator");
  ReadValue(j, "id", value.id);
  ReadValue(j, "displayName", value.display_name);
  ReadOptional(j, "offerDetailsUrl", value.offer_details_url);
  ReadValue(j, "offerings", value.offerings);
  ReadValue(j, "countryCodes", value.country_codes);
  ReadValue(j, "offerTypes", value.offer_types);
}

void to_json(nlohmann::json& j, const Contact& value) {
  j = nlohmann::json::object();
  j["fullName"] = value.full_name;
  j["email"] = value.email;
  WriteOptional(j, "telephoneNumber", value.telephone_number);
  j["companyName"] = value.company_name;
  j["companySize"] = value.company_size;
}

void from_json(const nlohmann::json& j, Contact& value) {
  RequireObject(j, "contact");
  ReadValue(j, "fullName", value.full_name);
  ReadValue(j, "email", value.email);
  ReadOptional(j, "telephoneNumber", value.telephone_number);
  ReadValue(j, "companyName", value.company_name);
  ReadValue(j, "companySize", value.company_size);
}

void to_json(nlohmann::json& j, const CustomerRelationship& value) {
  j = nlohmann::json::object();
  j["status"] = value.status;
  WriteOptional(j, "comment", value.comment);
  WriteOptional(j, "lastModifiedDateTime", value.last_modified_date_time);
}

void from_json(const nlohmann::json& j, CustomerRelationship& value) {
  RequireObject(j, "customerRelationship");
  ReadValue(j, "status", value.status);
  ReadOptional(j, "comment", value.comment);
  ReadOptional(j, "lastModifiedDateTime", value.last_modified_date_time);
}

void to_json(nlohmann::json& j, const Consent& value) {
  j = nlohmann::json::object();
  j["id"] = value.id;
  j["operatorId"] = value.operator_id;
  WriteOptional(j, "operatorDisplayName", value.operator_display_name);
  j["status"] = value.status;
  j["consentedCountries"] = value.consented_countries;
  j["contacts"] = value.contacts;
  j["dataTransferNoticeAccepted"] = value.data_transfer_notice_accepted;
  WriteOptional(j, "dataTransferNoticeAcceptedDateTime",
                value.data_transfer_notice_accepted_date_time);
  WriteOptional(j, "consentedDateTime", value.consented_date_time);
  WriteOptional(j, "lastModifiedDateTime", value.last_modified_date_time);
  WriteOptional(j, "customerRelationship", value.customer_relationship);
  WriteIfSet(j, "@odata.etag", value.etag);
}

void from_json(const nlohmann::json& j, Consent& value) {
  RequireObject(j, "consent");
  ReadValue(j, "id", value.id);
  ReadValue(j, "operatorId", value.operator_id);
  ReadOptional(j, "operatorDisplayName", value.operator_display_name);
  ReadValue(j, "status", value.status);
  ReadValue(j, "consentedCountries", value.consented_countries);
  ReadValue(j, "contacts", value.contacts);
  ReadValue(j, "dataTransferNoticeAccepted", value.data_transfer_notice_accepted);
  ReadOptional(j, "dataTransferNoticeAcceptedDateTime",
               value.data_transfer_notice_accepted_date_time);
  ReadOptional(j, "consentedDateTime", value.consented_date_time);
  ReadOptional(j, "lastModifiedDateTime", value.last_modified_date_time);
  ReadOptional(j, "customerRelationship", value.customer_relationship);
  ReadOptional(j, "@odata.etag", value.etag);
}

void to_json(nlohmann::json& j, const CreateConsentRequest& value) {
  j = nlohmann::json::object();
  j["operatorId"] = value.operator_id;
  j["consentedCountries"] = value.consented_countries;
  j["contacts"] = value.contacts;
  j["dataTransferNoticeAccepted"] = value.data_transfer_notice_accepted;
}

void from_json(const nlohmann::json& j, CreateConsentRequest& value) {
  RequireObject(j, "consent request");
  ReadValue(j, "operatorId", value.operator_id);
  ReadValue(j, "consentedCountries", value.consented_countries);
  ReadValue(j, "contacts", value.contacts);
  ReadValue(j, "dataTransferNoticeAccepted", value.data_transfer_notice_accepted);
}

void to_json(nlohmann::json& j, const UpdateConsentRequest& value) {
  j = nlohmann::json::object();
  WriteIfSet(j, "consentedCountries", value.consented_countries);
  WriteIfSet(j, "contacts", value.contacts);
  WriteIfSet(j, "status", value.status);
  WriteIfSet(j, "dataTransferNoticeAccepted", value.data_transfer_notice_accepted);
}

void from_json(const nlohmann::json& j, UpdateConsentRequest& value) {
  RequireObject(j, "consent update");
  ReadOptional(j, "consentedCountries", value.consented_countries);
  ReadOptional(j, "contacts", value.contacts);
  ReadOptional(j, "status", value.status);
  ReadOptional(j, "dataTransferNoticeAccepted", value.data_transfer_notice_accepted);
}

}  // namespace opc::client
