#pragma once

// Shared test support: a simulator started in-process on port 0 with its own temp database and
// the default seed, and a small JSON-over-HTTP client for it.

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "simulator/sim_server.h"

namespace opcsim::testing {

// Ids and credentials from schemas/seed/default.json.
inline constexpr char kTenantId[] = "3a840088-465d-4709-a9d1-2c216f0cf1fa";
inline constexpr char kClientId[] = "27f773e2-051f-4a1d-95a2-97a031009885";
inline constexpr char kClientSecret[] = "sim-only-secret-fernleaf-0001";
inline constexpr char kBluefin[] = "fb450e35-d758-4caa-b81c-c98f93176c14";  // GB IE US, auto 10 s
inline constexpr char kHarbourline[] = "586a019d-1ce5-4b1f-a6ee-a2d7e162518e";  // US CA
inline constexpr char kKestrel[] = "b55be82f-ecbe-4d7f-8ae7-6f7b10be9729";      // DE FR NL ES
inline constexpr char kMeridian[] = "e5c65ec6-3f0c-476e-9e83-2c160da29ea2";     // AU JP SG
inline constexpr char kAlice[] = "a0e118f7-4ff5-40de-86ed-6d26030fd1b8";        // user GB
inline constexpr char kBruno[] = "e7291fc4-a4a6-4505-801b-f7d1884d250d";        // user DE
inline constexpr char kCarla[] = "f4e2d592-7f02-4682-af22-009fe843a33b";        // user US
inline constexpr char kReceptionAa[] = "d8e4eb4d-11ac-4b59-b56f-5dac62e3844b";  // resource GB
inline constexpr char kAdminKey[] = "test-admin-key";

inline constexpr char kNumbersPath[] =
    "/v1.0/admin/teams/telephoneNumberManagement/numberAssignments";
inline constexpr char kConsentsPath[] = "/beta/admin/teams/operatorConnect/consents";
inline constexpr char kOperatorsPath[] = "/beta/admin/teams/operatorConnect/operators";
inline constexpr char kAddressesPath[] = "/beta/admin/teams/emergencyCalling/civicAddresses";
inline constexpr char kLocationsPath[] = "/beta/admin/teams/emergencyCalling/locations";

struct Reply {
  int status = 0;  // 0: no response (transport error)
  nlohmann::json body;
  httplib::Headers headers;
  std::string Header(const std::string& name) const;
  // error.code of a Graph envelope ("" if none).
  std::string ErrorCode() const;
};

// A fresh directory under $TMPDIR, removed on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class SimClient {
 public:
  explicit SimClient(int port);

  void set_bearer(std::optional<std::string> token) { bearer_ = std::move(token); }

  // Tenant API (bearer token if set).
  Reply Get(const std::string& path, const httplib::Headers& headers = {});
  Reply Post(const std::string& path, const nlohmann::json& body,
             const httplib::Headers& headers = {});
  Reply PostRaw(const std::string& path, const std::string& body, const std::string& type,
                const httplib::Headers& headers = {});
  Reply Patch(const std::string& path, const nlohmann::json& body,
              const httplib::Headers& headers = {});
  Reply Delete(const std::string& path, const httplib::Headers& headers = {});

  // Admin API (X-Sim-Admin-Key).
  Reply AdminGet(const std::string& path);
  Reply AdminPost(const std::string& path, const nlohmann::json& body);
  Reply AdminPatch(const std::string& path, const nlohmann::json& body);
  Reply AdminPut(const std::string& path, const nlohmann::json& body);
  Reply AdminDelete(const std::string& path);

  // POST to the token endpoint; the access token on success.
  Reply RequestToken(const std::string& tenant, const std::string& client_id,
                     const std::string& secret,
                     const std::string& scope = "https://graph.microsoft.com/.default");
  std::string TokenFor(const std::string& tenant, const std::string& client_id,
                       const std::string& secret);

  httplib::Client& raw() { return client_; }

 private:
  httplib::Headers WithAuth(httplib::Headers headers) const;
  httplib::Headers Admin() const;

  httplib::Client client_;
  std::optional<std::string> bearer_;
};

Reply ToReply(const httplib::Result& result);

// A percent-encoded query value.
std::string Q(const std::string& value);

// The default seed file shipped in schemas/seed/.
std::string DefaultSeedPath();

// In-process simulator with the default seed; the client holds a token of the seeded tenant.
// A frozen clock at time scale 1: time moves only with Advance(), never with the wall clock.
class SimTest : public ::testing::Test {
 public:
  // A valid consent contact.
  static nlohmann::json ContactJson();

 protected:
  void SetUp() override;
  void TearDown() override;

  // Restarts the server on the same database (a new port).
  void Restart();
  void Advance(double seconds);

  // Enables `operator_id` for the seeded tenant in `countries`.
  void Consent(const std::string& operator_id, const std::vector<std::string>& countries);
  // The operator uploads numbers (admin API); returns the reply.
  Reply Upload(const std::string& operator_id, const nlohmann::json& body);
  // Starts assignNumber and returns the operation id (from Location).
  std::string StartAssign(const nlohmann::json& body);
  // Moves time past an operation's completion and returns its final representation.
  nlohmann::json Finish(const std::string& operation_id);
  // A civic address (lat/long included) in `country`; returns the created representation.
  nlohmann::json CreateAddress(const std::string& country);

  TempDir dir_;
  SimOptions options_;
  std::unique_ptr<SimServer> server_;
  std::unique_ptr<SimClient> client_;
};

}  // namespace opcsim::testing
