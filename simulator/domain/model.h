#pragma once

// The simulator's entities as stored. Enum-like fields hold the canonical camelCase strings
// (see vocabulary.h); timestamps are simulator milliseconds. The API representations are
// built in views.h; storage uses the snake_case JSON defined at the bottom of this file.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "simulator/clock.h"
#include "simulator/domain/json_optional.h"

namespace opcsim {

struct Tenant {
  std::string id;
  std::string display_name;
  SimMillis created_ms = 0;
};

struct Application {
  std::string client_id;
  std::string tenant_id;
  std::string display_name;
  std::string secret_salt;
  std::string secret_hash;  // Sha256Hex(salt + secret); the secret itself is never stored
  SimMillis created_ms = 0;
};

struct User {
  std::string id;
  std::string user_principal_name;
  std::string display_name;
  std::string account_type;    // user | resourceAccount
  std::string usage_location;  // ISO alpha-2
};

struct Offering {
  std::string offer_type;  // calling | conferencing | teamsPhoneMobile
  std::vector<std::string> country_codes;
};

struct Operator {
  std::string id;
  std::string display_name;
  std::optional<std::string> offer_details_url;
  std::vector<Offering> offerings;
  double auto_advance_seconds = 0;  // 0: the operator only acts through the admin API

  // Unions over the offerings, sorted.
  std::vector<std::string> CountryCodes() const;
  std::vector<std::string> OfferTypes() const;
};

struct Contact {
  std::string full_name;
  std::string email;
  std::optional<std::string> telephone_number;
  std::string company_name;
  std::string company_size;
};

struct CustomerRelationship {
  std::string status;  // ConsentAcknowledged | CustomerContacted | AgreementSigned | ...
  std::optional<std::string> comment;
  SimMillis last_modified_ms = 0;
};

struct Consent {
  std::string tenant_id;
  std::string operator_id;
  std::string status = "active";  // active | suspended | removed
  std::vector<std::string> consented_countries;
  std::vector<Contact> contacts;
  bool data_transfer_notice_accepted = true;
  SimMillis data_transfer_notice_accepted_ms = 0;
  SimMillis consented_ms = 0;
  SimMillis last_modified_ms = 0;
  std::optional<CustomerRelationship> customer_relationship;
  // The operator advances the relationship by itself until someone sets it explicitly.
  bool auto_advance = true;
};

struct NumberAssignment {
  std::string tenant_id;
  std::string telephone_number;  // +E164
  std::optional<std::string> operator_id;
  std::string number_type = "operatorConnect";
  std::string activation_state = "activated";
  std::string assignment_status = "unassigned";
  std::optional<std::string> assignment_category;
  std::optional<std::string> assignment_target_id;
  std::vector<std::string> capabilities;
  std::vector<std::string> supported_customer_actions;
  std::vector<std::string> reverse_number_lookup_options;
  std::optional<std::string> number_source = "online";
  std::optional<std::string> port_in_status;
  std::optional<std::string> city;
  std::optional<std::string> iso_country_code;
  std::optional<std::string> location_id;
  std::optional<std::string> civic_address_id;
  std::optional<std::string> network_site_id;

  bool IsAssigned() const { return assignment_status != "unassigned"; }
};

struct OperationNumber {
  std::string telephone_number;
  std::string status = "notStarted";  // final status once the operation has settled
  std::optional<std::string> status_detail;
  // The number's activationState before the operation marked it pending (restored on failure).
  std::optional<std::string> prior_activation_state;
};

struct Operation {
  std::string tenant_id;
  std::string id;
  std::string kind;  // assign | unassign
  SimMillis created_ms = 0;
  bool settled = false;
  std::string final_status;  // succeeded | failed, once settled
  nlohmann::json request;    // the validated request body (canonical values)
  std::vector<OperationNumber> numbers;
};

struct CivicAddress {
  std::string tenant_id;
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
  std::string country_or_region;
  std::optional<std::string> latitude;
  std::optional<std::string> longitude;
  std::optional<std::string> elin;
  std::string default_location_id;
  std::string validation_status = "notValidated";
  SimMillis created_ms = 0;
  SimMillis last_modified_ms = 0;
};

struct Location {
  std::string tenant_id;
  std::string id;
  std::string civic_address_id;
  std::optional<std::string> description;
  std::optional<std::string> elin;
  bool is_default = false;
  std::string country_or_region;
  SimMillis created_ms = 0;
};

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Tenant, id, display_name, created_ms)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Application, client_id, tenant_id, display_name,
                                                secret_salt, secret_hash, created_ms)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(User, id, user_principal_name, display_name,
                                                account_type, usage_location)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Offering, offer_type, country_codes)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Operator, id, display_name, offer_details_url,
                                                offerings, auto_advance_seconds)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Contact, full_name, email, telephone_number,
                                                company_name, company_size)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CustomerRelationship, status, comment,
                                                last_modified_ms)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Consent, tenant_id, operator_id, status,
                                                consented_countries, contacts,
                                                data_transfer_notice_accepted,
                                                data_transfer_notice_accepted_ms, consented_ms,
                                                last_modified_ms, customer_relationship,
                                                auto_advance)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(
    NumberAssignment, tenant_id, telephone_number, operator_id, number_type, activation_state,
    assignment_status, assignment_category, assignment_target_id, capabilities,
    supported_customer_actions, reverse_number_lookup_options, number_source, port_in_status, city,
    iso_country_code, location_id, civic_address_id, network_site_id)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(OperationNumber, telephone_number, status,
                                                status_detail, prior_activation_state)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Operation, tenant_id, id, kind, created_ms, settled,
                                                final_status, request, numbers)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CivicAddress, tenant_id, id, description,
                                                company_name, company_tax_id, house_number,
                                                house_number_suffix, pre_directional, street_name,
                                                street_suffix, post_directional, city, city_alias,
                                                state_or_province, postal_code, country_or_region,
                                                latitude, longitude, elin, default_location_id,
                                                validation_status, created_ms, last_modified_ms)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Location, tenant_id, id, civic_address_id,
                                                description, elin, is_default, country_or_region,
                                                created_ms)

}  // namespace opcsim
