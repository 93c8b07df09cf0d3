// The tenant simulator as the resource end-to-end tests use it: the real operatorconnect-sim
// binary on 127.0.0.1 port 0 with its own database, the seed's tenant credentials handed to the
// provider through its environment variables, and the admin API for the world around the
// tenant (operators acting, numbers uploaded, out-of-band edits that create drift).
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "child_process.h"

namespace opc::e2e {

// The seeded tenant (schemas/seed/default.json).
inline constexpr char kSeedTenantId[] = "3a840088-465d-4709-a9d1-2c216f0cf1fa";
inline constexpr char kSeedClientId[] = "27f773e2-051f-4a1d-95a2-97a031009885";
inline constexpr char kSeedClientSecret[] = "sim-only-secret-fernleaf-0001";

class SimulatorProcess {
 public:
  struct Options {
    std::filesystem::path binary;  // empty: $OPC_SIM_BINARY, else the path CMake compiled in
    std::filesystem::path seed;    // empty: the repository's schemas/seed/default.json
    std::filesystem::path db;      // empty: a file in a fresh temporary directory
    // Simulator seconds per real second of waiting: small values make operations and operator
    // delays short.
    double time_scale = 0.05;
    std::string admin_key = "e2e-admin-key";
    // More flags, e.g. {"--graph-public-only"}.
    std::vector<std::string> extra_args;
  };

  struct Reply {
    int status = 0;  // 0 when the request could not be sent
    nlohmann::json body;
    std::string error;  // transport error, if any
  };

  // Starts the simulator and waits for its "listening on" line; nullptr (with *error) on failure.
  static std::unique_ptr<SimulatorProcess> Start(Options options, std::string* error);
  ~SimulatorProcess();  // SIGTERM, then kill if it lingers

  SimulatorProcess(const SimulatorProcess&) = delete;
  SimulatorProcess& operator=(const SimulatorProcess&) = delete;

  const std::string& base_url() const { return base_url_; }

  // Stops the simulator (SIGTERM) and returns everything it printed; later calls return the
  // same. The destructor then has nothing left to stop.
  const ProcessResult& Stop();

  // OPERATORCONNECT_* variables that point the provider at this simulator as the seed's app.
  Environment ProviderEnvironment() const;

  // Admin API call (X-Sim-Admin-Key added); `path` starts with "/_sim/".
  Reply Admin(const std::string& method, const std::string& path,
              const nlohmann::json& body = nullptr) const;
  // Admin call under the seeded tenant: "/_sim/tenants/<tenant>" + `tenant_path`.
  Reply AdminTenant(const std::string& method, const std::string& tenant_path,
                    const nlohmann::json& body = nullptr) const;
  // Tenant API call as the seeded app (token fetched and cached on first use), e.g.
  // Graph("GET", "/beta/admin/teams/emergencyCalling/civicAddresses/<id>").
  Reply Graph(const std::string& method, const std::string& path,
              const nlohmann::json& body = nullptr) const;

 private:
  SimulatorProcess() = default;
  Reply Send(const std::string& method, const std::string& path, const nlohmann::json& body,
             const std::string& auth_header_name, const std::string& auth_header_value) const;

  Options options_;
  std::filesystem::path temp_dir_;
  std::unique_ptr<ChildProcess> process_;
  std::string base_url_;
  std::string host_;
  int port_ = 0;
  mutable std::string token_;
  std::optional<ProcessResult> stopped_;
};

// The repository's default seed file.
std::filesystem::path DefaultSeedFile();

}  // namespace opc::e2e
