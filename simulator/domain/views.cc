#include "simulator/domain/views.h"

#include "absl/strings/str_cat.h"
#include "simulator/support/ids.h"

namespace opcsim {
namespace {

nlohmann::json Nullable(const std::optional<std::string>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

}  // namespace

std::string NumberAssignmentId(absl::string_view tenant_id, absl::string_view telephone_number) {
  return Base64UrlEncode(absl::StrCat(tenant_id, "|", telephone_number));
}

std::optional<std::pair<std::string, std::string>> ParseNumberAssignmentId(std::string_view id) {
  std::optional<std::string> decoded = Base64UrlDecode(id);
  if (!decoded) {
    return std::nullopt;
  }
  const size_t bar = decoded->find('|');
  if (bar == std::string::npos) {
    return std::nullopt;
  }
  return std::make_pair(decoded->substr(0, bar), decoded->substr(bar + 1));
}

nlohmann::json NumberView(const NumberAssignment& number) {
  return {
      {"id", NumberAssignmentId(number.tenant_id, number.telephone_number)},
      {"telephoneNumber", number.telephone_number},
      {"operatorId", Nullable(number.operator_id)},
      {"numberType", number.number_type},
      {"activationState", number.activation_state},
      {"assignmentStatus", number.assignment_status},
      {"assignmentCategory", Nullable(number.assignment_category)},
      {"assignmentTargetId", Nullable(number.assignment_target_id)},
      {"capabilities", number.capabilities},
      {"supportedCustomerActions", number.supported_customer_actions},
      {"reverseNumberLookupOptions", number.reverse_number_lookup_options},
      {"numberSource", Nullable(number.number_source)},
      {"portInStatus", Nullable(number.port_in_status)},
      {"city", Nullable(number.city)},
      {"isoCountryCode", Nullable(number.iso_country_code)},
      {"locationId", Nullable(number.location_id)},
      {"civicAddressId", Nullable(number.civic_address_id)},
      {"networkSiteId", Nullable(number.network_site_id)},
  };
}

nlohmann::json OperatorView(const Operator& op) {
  nlohmann::json offerings = nlohmann::json::array();
  for (const Offering& offering : op.offerings) {
    offerings.push_back(
        {{"offerType", offering.offer_type}, {"countryCodes", offering.country_codes}});
  }
  return {{"id", op.id},
          {"displayName", op.display_name},
          {"offerDetailsUrl", Nullable(op.offer_details_url)},
          {"offerings", std::move(offerings)},
          {"countryCodes", op.CountryCodes()},
          {"offerTypes", op.OfferTypes()}};
}

nlohmann::json ConsentView(const Consent& consent, const std::string& operator_display_name) {
  nlohmann::json contacts = nlohmann::json::array();
  for (const Contact& contact : consent.contacts) {
    contacts.push_back({{"fullName", contact.full_name},
                        {"email", contact.email},
                        {"telephoneNumber", Nullable(contact.telephone_number)},
                        {"companyName", contact.company_name},
                        {"companySize", contact.company_size}});
  }
  nlohmann::json relationship;
  if (consent.customer_relationship) {
    relationship = {
        {"status", consent.customer_relationship->status},
        {"comment", Nullable(consent.customer_relationship->comment)},
        {"lastModifiedDateTime", FormatTimestamp(consent.customer_relationship->last_modified_ms)}};
  }
  return {{"id", consent.operator_id},
          {"operatorId", consent.operator_id},
          {"operatorDisplayName", operator_display_name},
          {"status", consent.status},
          {"consentedCountries", consent.consented_countries},
          {"contacts", std::move(contacts)},
          {"dataTransferNoticeAccepted", consent.data_transfer_notice_accepted},
          {"dataTransferNoticeAcceptedDateTime",
           FormatTimestamp(consent.data_transfer_notice_accepted_ms)},
          {"consentedDateTime", FormatTimestamp(consent.consented_ms)},
          {"lastModifiedDateTime", FormatTimestamp(consent.last_modified_ms)},
          {"customerRelationship", std::move(relationship)}};
}

nlohmann::json CivicAddressView(const CivicAddress& address) {
  return {{"id", address.id},
          {"description", Nullable(address.description)},
          {"companyName", address.company_name},
          {"companyTaxId", Nullable(address.company_tax_id)},
          {"houseNumber", Nullable(address.house_number)},
          {"houseNumberSuffix", Nullable(address.house_number_suffix)},
          {"preDirectional", Nullable(address.pre_directional)},
          {"streetName", Nullable(address.street_name)},
          {"streetSuffix", Nullable(address.street_suffix)},
          {"postDirectional", Nullable(address.post_directional)},
          {"city", Nullable(address.city)},
          {"cityAlias", Nullable(address.city_alias)},
          {"stateOrProvince", Nullable(address.state_or_province)},
          {"postalCode", Nullable(address.postal_code)},
          {"countryOrRegion", address.country_or_region},
          {"latitude", Nullable(address.latitude)},
          {"longitude", Nullable(address.longitude)},
          {"elin", Nullable(address.elin)},
          {"defaultLocationId", address.default_location_id},
          {"validationStatus", address.validation_status},
          {"createdDateTime", FormatTimestamp(address.created_ms)},
          {"lastModifiedDateTime", FormatTimestamp(address.last_modified_ms)}};
}

nlohmann::json LocationView(const Location& location) {
  return {{"id", location.id},
          {"civicAddressId", location.civic_address_id},
          {"description", Nullable(location.description)},
          {"elin", Nullable(location.elin)},
          {"isDefault", location.is_default},
          {"countryOrRegion", location.country_or_region}};
}

nlohmann::json TenantView(const Tenant& tenant) {
  return {{"id", tenant.id},
          {"displayName", tenant.display_name},
          {"createdDateTime", FormatTimestamp(tenant.created_ms)}};
}

nlohmann::json ApplicationView(const Application& application) {
  return {{"clientId", application.client_id},
          {"tenantId", application.tenant_id},
          {"displayName", application.display_name},
          {"createdDateTime", FormatTimestamp(application.created_ms)}};
}

nlohmann::json UserView(const User& user) {
  return {{"id", user.id},
          {"userPrincipalName", user.user_principal_name},
          {"displayName", user.display_name},
          {"accountType", user.account_type},
          {"usageLocation", user.usage_location}};
}

nlohmann::json SimOperatorView(const Operator& op) {
  nlohmann::json view = OperatorView(op);
  view["autoAdvanceSeconds"] = op.auto_advance_seconds;
  return view;
}

nlohmann::json SimConsentView(const Consent& consent, const std::string& operator_display_name) {
  nlohmann::json view = ConsentView(consent, operator_display_name);
  view["autoAdvance"] = consent.auto_advance;
  return view;
}

}  // namespace opcsim
