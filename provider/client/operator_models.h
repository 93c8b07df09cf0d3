// Operator catalog and the tenant's consents (its relationship with each enabled operator),
// under /beta/admin/teams/operatorConnect. Field names follow the operator-side consent API.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace opc::client {

namespace offer_type {
inline constexpr std::string_view kCalling = "calling";
inline constexpr std::string_view kConferencing = "conferencing";
inline constexpr std::string_view kTeamsPhoneMobile = "teamsPhoneMobile";
}  // namespace offer_type

namespace consent_status {
inline constexpr std::string_view kActive = "active";
inline constexpr std::string_view kSuspended = "suspended";
}  // namespace consent_status

namespace customer_relationship_status {
inline constexpr std::string_view kConsentAcknowledged = "ConsentAcknowledged";
inline constexpr std::string_view kCustomerContacted = "CustomerContacted";
inline constexpr std::string_view kAgreementSigned = "AgreementSigned";
inline constexpr std::string_view kConsentDeclined = "ConsentDeclined";
inline constexpr std::string_view kContractTerminated = "ContractTerminated";
}  // namespace customer_relationship_status

// Company size bands; the service rejects free text.
namespace company_size {
inline constexpr std::string_view kL1U24 = "L1_U24";
inline constexpr std::string_view kL25U99 = "L25_U99";
inline constexpr std::string_view kL100U249 = "L100_U249";
inline constexpr std::string_view kL250U999 = "L250_U999";
inline constexpr std::string_view kL1000U9999 = "L1000_U9999";
inline constexpr std::string_view kL10000Plus = "L10000_Plus";
}  // namespace company_size

struct Offering {
  std::string offer_type;
  std::vector<std::string> country_codes;  // ISO 3166-1 alpha-2

  friend bool operator==(const Offering&, const Offering&) = default;
};

struct Operator {
  std::string id;
  std::string display_name;
  std::optional<std::string> offer_details_url;
  std::vector<Offering> offerings;
  std::vector<std::string> country_codes;  // union over offerings, sorted
  std::vector<std::string> offer_types;    // union over offerings, sorted

  friend bool operator==(const Operator&, const Operator&) = default;
};

struct Contact {
  std::string full_name;
  std::string email;
  std::optional<std::string> telephone_number;  // E.164 with '+'
  std::string company_name;
  std::string company_size;  // see company_size

  friend bool operator==(const Contact&, const Contact&) = default;
};

// The operator's progress with the tenant; null until the operator acts.
struct CustomerRelationship {
  std::string status;  // see customer_relationship_status
  std::optional<std::string> comment;
  std::optional<std::string> last_modified_date_time;

  friend bool operator==(const CustomerRelationship&, const CustomerRelationship&) = default;
};

// One enabled operator (keyed by operator id).
struct Consent {
  std::string id;  // = operator_id
  std::string operator_id;
  std::optional<std::string> operator_display_name;
  std::string status;                            // see consent_status
  std::vector<std::string> consented_countries;  // upper case, sorted
  std::vector<Contact> contacts;
  bool data_transfer_notice_accepted = false;
  std::optional<std::string> data_transfer_notice_accepted_date_time;
  std::optional<std::string> consented_date_time;
  std::optional<std::string> last_modified_date_time;
  std::optional<CustomerRelationship> customer_relationship;
  // The entity tag ("@odata.etag", or the ETag header of a single-entity response).
  std::optional<std::string> etag;

  friend bool operator==(const Consent&, const Consent&) = default;
};

// POST /consents
struct CreateConsentRequest {
  std::string operator_id;
  std::vector<std::string> consented_countries;
  std::vector<Contact> contacts;
  bool data_transfer_notice_accepted = false;  // must be true for the service to accept

  friend bool operator==(const CreateConsentRequest&, const CreateConsentRequest&) = default;
};

// PATCH /consents/{operatorId}: only the fields that are set are sent.
struct UpdateConsentRequest {
  std::optional<std::vector<std::string>> consented_countries;  // replaces the set
  std::optional<std::vector<Contact>> contacts;                 // replaces the list
  std::optional<std::string> status;                            // active | suspended
  std::optional<bool> data_transfer_notice_accepted;            // only true is accepted

  bool empty() const {
    return !consented_countries && !contacts && !status && !data_transfer_notice_accepted;
  }
  friend bool operator==(const UpdateConsentRequest&, const UpdateConsentRequest&) = default;
};

void to_json(nlohmann::json& j, const Offering& value);
void from_json(const nlohmann::json& j, Offering& value);
void to_json(nlohmann::json& j, const Operator& value);
void from_json(const nlohmann::json& j, Operator& value);
void to_json(nlohmann::json& j, const Contact& value);
void from_json(const nlohmann::json& j, Contact& value);
void to_json(nlohmann::json& j, const CustomerRelationship& value);
void from_json(const nlohmann::json& j, CustomerRelationship& value);
void to_json(nlohmann::json& j, const Consent& value);
void from_json(const nlohmann::json& j, Consent& value);
void to_json(nlohmann::json& j, const CreateConsentRequest& value);
void from_json(const nlohmann::json& j, CreateConsentRequest& value);
void to_json(nlohmann::json& j, const UpdateConsentRequest& value);
void from_json(const nlohmann::json& j, UpdateConsentRequest& value);

}  // namespace opc::client
