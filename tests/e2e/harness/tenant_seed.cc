#include "tenant_seed.h"

#include <gtest/gtest.h>

#include "output_text.h"

namespace opc::e2e {
namespace {

using nlohmann::json;

constexpr char kConsentsPath[] = "/beta/admin/teams/operatorConnect/consents";
constexpr char kAddressesPath[] = "/beta/admin/teams/emergencyCalling/civicAddresses";
constexpr char kLocationsPath[] = "/beta/admin/teams/emergencyCalling/locations";

// A fatal failure (in a void helper, so that value-returning calls can report one too).
void ExpectStatus(const SimulatorProcess::Reply& reply, int expected, const std::string& what) {
  ASSERT_EQ(reply.status, expected) << what << ": " << Describe(reply);
}

void ExpectSuccess(const SimulatorProcess::Reply& reply, const std::string& what) {
  ASSERT_EQ(reply.status / 100, 2) << what << ": " << Describe(reply);
}

// A fatal failure unless the created object's `key` is a string (its id, say).
void ExpectStringField(const SimulatorProcess::Reply& reply, const char* key) {
  ASSERT_TRUE(reply.body.is_object() && reply.body.contains(key) && reply.body[key].is_string())
      << "no " << key << " in " << Describe(reply);
}

json UploadBody(const std::string& country) {
  return {{"isoCountryCode", country},
          {"capabilities", {"userAssignment"}},
          {"supportedCustomerActions", {"locationUpdate", "release"}}};
}

}  // namespace

json TenantSeed::ConsentBody(const std::string& operator_id,
                             const std::vector<std::string>& countries) {
  return {{"operatorId", operator_id},
          {"consentedCountries", countries},
          {"contacts",
           {{{"fullName", "Alice Hughes"},
             {"email", "alice.hughes@fernleaf.example"},
             {"companyName", "Fernleaf Outfitters"},
             {"companySize", "L250_U999"}}}},
          {"dataTransferNoticeAccepted", true}};
}

json TenantSeed::NumberRange(const std::string& country, const std::string& first, int count) {
  json body = UploadBody(country);
  body["range"] = {{"start", first}, {"count", count}};
  return body;
}

json TenantSeed::NumberList(const std::string& country, const std::vector<std::string>& numbers) {
  json body = UploadBody(country);
  body["numbers"] = json::array();
  for (const std::string& number : numbers) {
    body["numbers"].push_back({{"telephoneNumber", number}});
  }
  return body;
}

json TenantSeed::LondonOffice() {
  return {{"companyName", "Fernleaf Outfitters"},
          {"countryOrRegion", "GB"},
          {"description", "London office"},
          {"houseNumber", "221"},
          {"streetName", "Baker Street"},
          {"city", "London"},
          {"postalCode", "NW1 6XE"},
          {"latitude", "51.5237"},
          {"longitude", "-0.1585"}};
}

const TenantSeed& TenantSeed::Consent(const std::string& operator_id,
                                      const std::vector<std::string>& countries) const {
  return Consent(ConsentBody(operator_id, countries));
}

const TenantSeed& TenantSeed::Consent(const json& body) const {
  ExpectStatus(sim_.Graph("POST", kConsentsPath, body), 201, "consent");
  return *this;
}

const TenantSeed& TenantSeed::ConsentInAdminCenter(
    const std::string& operator_id, const std::vector<std::string>& countries) const {
  ExpectStatus(sim_.AdminTenant("POST", "/consents", ConsentBody(operator_id, countries)), 201,
               "consent in the admin center");
  return *this;
}

const TenantSeed& TenantSeed::Sign(const std::string& operator_id) const {
  ExpectSuccess(sim_.AdminTenant("POST", "/consents/" + operator_id + "/customerRelationship",
                                 {{"status", "AgreementSigned"}}),
                "signing");
  return *this;
}

const TenantSeed& TenantSeed::RemoveConsent(const std::string& operator_id) const {
  ExpectStatus(sim_.AdminTenant("DELETE", "/consents/" + operator_id), 204, "consent removal");
  return *this;
}

const TenantSeed& TenantSeed::Upload(const std::string& operator_id, const json& body) const {
  ExpectStatus(sim_.AdminTenant("POST", "/operators/" + operator_id + "/numbers", body), 201,
               "upload");
  return *this;
}

const TenantSeed& TenantSeed::User(const std::string& id, const std::string& principal_name,
                                   const std::string& display_name,
                                   const std::string& usage_location) const {
  ExpectStatus(sim_.AdminTenant("POST", "/users",
                                {{"id", id},
                                 {"userPrincipalName", principal_name},
                                 {"displayName", display_name},
                                 {"accountType", "user"},
                                 {"usageLocation", usage_location}}),
               201, "user");
  return *this;
}

const TenantSeed& TenantSeed::EditNumber(const std::string& number, const json& body) const {
  ExpectStatus(sim_.AdminTenant("PATCH", "/numbers/" + number, body), 200, "number " + number);
  return *this;
}

TenantSeed::Address TenantSeed::AddAddress(const json& body) const {
  SimulatorProcess::Reply reply = sim_.Graph("POST", kAddressesPath, body);
  ExpectStatus(reply, 201, "address");
  ExpectStringField(reply, "id");
  ExpectStringField(reply, "defaultLocationId");
  return {reply.body.value("id", ""), reply.body.value("defaultLocationId", "")};
}

std::string TenantSeed::AddPlace(const std::string& address_id, const std::string& description,
                                 const std::string& elin) const {
  json body = {{"civicAddressId", address_id}, {"description", description}};
  if (!elin.empty()) {
    body["elin"] = elin;
  }
  SimulatorProcess::Reply reply = sim_.Graph("POST", kLocationsPath, body);
  ExpectStatus(reply, 201, "place");
  ExpectStringField(reply, "id");
  return reply.body.value("id", "");
}

}  // namespace opc::e2e
