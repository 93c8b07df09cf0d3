// The world around the seeded tenant, as the suites set it up before Terraform runs: operators
// the tenant enables, numbers operators upload, users, emergency addresses and places, and
// out-of-band edits of numbers. One wording of each admin call, so the suites hold only what
// their scenario needs.
//
//   static void SetUpTestSuite() {
//     ASSERT_NO_FATAL_FAILURE(StartSimulator());
//     ASSERT_NO_FATAL_FAILURE(TenantSeed(*sim_)
//                                 .Consent(kBluefin, {"GB"})
//                                 .Upload(kBluefin, TenantSeed::NumberRange("GB", "+442079460001",
//                                 10)));
//   }
//
// Every call checks the simulator's answer with a fatal failure: wrap the seeding in
// ASSERT_NO_FATAL_FAILURE to stop there.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "simulator_process.h"

namespace opc::e2e {

// Ids of the seed (schemas/seed/default.json) that the suites name. Bluefin signs a new
// relationship by itself (auto-advance); the other operators act only when told to.
inline constexpr char kBluefin[] = "fb450e35-d758-4caa-b81c-c98f93176c14";      // GB IE US
inline constexpr char kPolaris[] = "2a6ce803-132d-40fd-acd8-21593a052a1b";      // GB DE FR NL IE
inline constexpr char kOrchid[] = "d81de5bb-572b-4a1a-a604-50d52da00ef9";       // FR ES IT PT
inline constexpr char kHarbourline[] = "586a019d-1ce5-4b1f-a6ee-a2d7e162518e";  // US CA
inline constexpr char kMeridian[] = "e5c65ec6-3f0c-476e-9e83-2c160da29ea2";     // AU JP SG
inline constexpr char kAlice[] = "a0e118f7-4ff5-40de-86ed-6d26030fd1b8";        // user, GB
inline constexpr char kCarla[] = "f4e2d592-7f02-4682-af22-009fe843a33b";        // user, US
inline constexpr char kIeUser[] = "76631884-3699-41df-b4f6-aefa89d1149f";       // user, IE
inline constexpr char kDesk[] = "d8e4eb4d-11ac-4b59-b56f-5dac62e3844b";         // resource account

class TenantSeed {
 public:
  explicit TenantSeed(const SimulatorProcess& sim) : sim_(sim) {}

  // A consent as the tenant's admin gives it: Alice Hughes of Fernleaf Outfitters as the
  // contact, the data transfer notice accepted.
  static nlohmann::json ConsentBody(const std::string& operator_id,
                                    const std::vector<std::string>& countries);
  // An upload (admin API) of `count` numbers from `first` for user assignment, whose location
  // the customer may update and which it may release.
  static nlohmann::json NumberRange(const std::string& country, const std::string& first,
                                    int count);
  // The same for the numbers listed.
  static nlohmann::json NumberList(const std::string& country,
                                   const std::vector<std::string>& numbers);

  // The address of Fernleaf's London office (221 Baker Street), as the tenant API takes it.
  static nlohmann::json LondonOffice();

  // The tenant enables the operator (tenant API, as Terraform would).
  const TenantSeed& Consent(const std::string& operator_id,
                            const std::vector<std::string>& countries) const;
  const TenantSeed& Consent(const nlohmann::json& body) const;
  // The same through the admin API (the Teams admin center), e.g. for a simulator that serves
  // only Graph's published paths.
  const TenantSeed& ConsentInAdminCenter(const std::string& operator_id,
                                         const std::vector<std::string>& countries) const;
  // The operator signs now, which stops its simulated progress: the relationship then changes
  // only when the provider writes.
  const TenantSeed& Sign(const std::string& operator_id) const;
  // The tenant removes the operator again; the numbers it uploaded stay.
  const TenantSeed& RemoveConsent(const std::string& operator_id) const;
  // The operator uploads numbers (`body`: NumberRange(), NumberList() or the admin API's own).
  const TenantSeed& Upload(const std::string& operator_id, const nlohmann::json& body) const;
  // A user of the tenant.
  const TenantSeed& User(const std::string& id, const std::string& principal_name,
                         const std::string& display_name, const std::string& usage_location) const;
  // Sets a number's fields directly in the tenant (`number` as the admin path takes it).
  const TenantSeed& EditNumber(const std::string& number, const nlohmann::json& body) const;

  // An emergency address (tenant API): its id and its default location's id.
  struct Address {
    std::string id;
    std::string default_location;
  };
  Address AddAddress(const nlohmann::json& body) const;
  // A place at an address (tenant API): its id. `elin` empty: none.
  std::string AddPlace(const std::string& address_id, const std::string& description,
                       const std::string& elin = "") const;

 private:
  const SimulatorProcess& sim_;
};

}  // namespace opc::e2e
