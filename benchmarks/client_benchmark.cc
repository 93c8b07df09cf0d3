// The tenant API client against the simulator over real loopback HTTP: listing an inventory
// (paging 1,000 numbers a request, what operatorconnect_phone_numbers and every number refresh
// cost) and one GET round trip (token cached), the floor under every resource's Read.

#include <benchmark/benchmark.h>
#include <httplib.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "provider/client/tenant_client.h"
#include "simulator/sim_server.h"

namespace opc::benchmarks {
namespace {

// Ids and credentials from schemas/seed/default.json.
constexpr char kTenantId[] = "3a840088-465d-4709-a9d1-2c216f0cf1fa";
constexpr char kClientId[] = "27f773e2-051f-4a1d-95a2-97a031009885";
constexpr char kClientSecret[] = "sim-only-secret-fernleaf-0001";
constexpr char kHarbourline[] = "586a019d-1ce5-4b1f-a6ee-a2d7e162518e";  // US, CA
constexpr char kAdminKey[] = "benchmark-admin-key";

void Require(bool ok, const std::string& what) {
  if (!ok) {
    std::cerr << "client_benchmark: " << what << "\n";
    std::abort();
  }
}

// A simulator with `numbers` US numbers provisioned by an enabled operator.
class Tenant {
 public:
  explicit Tenant(int numbers) {
    dir_ = std::filesystem::temp_directory_path() /
           ("opc-bench-" + std::to_string(getpid()) + "-" + std::to_string(numbers));
    std::filesystem::create_directories(dir_);
    opcsim::SimOptions options;
    options.db_path = (dir_ / "tenant.db").string();
    options.seed_path = OPC_SIM_SEED;
    options.admin_key = kAdminKey;
    auto server = opcsim::SimServer::Create(std::move(options));
    Require(server.ok(), "simulator: " + std::string(server.status().message()));
    server_ = *std::move(server);
    Require(server_->Start().ok(), "simulator did not start");

    client::ClientConfig config;
    config.tenant_id = kTenantId;
    config.client_id = kClientId;
    config.client_secret = kClientSecret;
    config.endpoint = server_->base_url();
    config.authority_url = server_->base_url();
    auto tenant_client = client::TenantClient::Create(config);
    Require(tenant_client.ok(), "client: " + std::string(tenant_client.status().message()));
    client_ = *std::move(tenant_client);
    Provision(numbers);
  }
  ~Tenant() {
    client_.reset();
    server_->Stop();
    std::filesystem::remove_all(dir_);
  }

  const client::TenantClient& client() const { return *client_; }

 private:
  void Provision(int numbers) {
    // The consent goes through the client (as the provider does); the upload is the operator's
    // part, through the simulator's admin API.
    client::CreateConsentRequest consent;
    consent.operator_id = kHarbourline;
    consent.consented_countries = {"US"};
    consent.data_transfer_notice_accepted = true;
    client::Contact contact;
    contact.full_name = "Pat Doe";
    contact.email = "pat.doe@fernleaf.example";
    contact.telephone_number = "+442079460000";
    contact.company_name = "Fernleaf Outfitters";
    contact.company_size = "L250_U999";
    consent.contacts = {contact};
    Require(client_->operators().CreateConsent(consent, CancellationToken()).ok(), "consent");

    httplib::Client admin(server_->base_url());
    const nlohmann::json body = {{"isoCountryCode", "US"},
                                 {"capabilities", {"userAssignment"}},
                                 {"range", {{"start", "+12065550000"}, {"count", numbers}}}};
    auto reply = admin.Post(
        std::string("/_sim/tenants/") + kTenantId + "/operators/" + kHarbourline + "/numbers",
        {{"X-Sim-Admin-Key", kAdminKey}}, body.dump(), "application/json");
    Require(reply && reply->status == 201,
            "number upload: " + (reply ? std::to_string(reply->status) + " " + reply->body
                                       : httplib::to_string(reply.error())));
  }

  std::filesystem::path dir_;
  std::unique_ptr<opcsim::SimServer> server_;
  std::unique_ptr<client::TenantClient> client_;
};

void BM_ListInventory(benchmark::State& state) {
  const int numbers = static_cast<int>(state.range(0));
  Tenant tenant(numbers);
  for (auto _ : state) {
    auto listed = tenant.client().numbers().ListNumberAssignments({}, CancellationToken());
    Require(listed.ok() && listed->size() == static_cast<size_t>(numbers), "listing");
    benchmark::DoNotOptimize(listed);
  }
  state.SetItemsProcessed(state.iterations() * numbers);
}

void BM_GetConsentRoundTrip(benchmark::State& state) {
  Tenant tenant(1);
  for (auto _ : state) {
    auto consent = tenant.client().operators().GetConsent(kHarbourline, CancellationToken());
    Require(consent.ok(), "get consent");
    benchmark::DoNotOptimize(consent);
  }
}

BENCHMARK(BM_ListInventory)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_GetConsentRoundTrip)->Unit(benchmark::kMicrosecond)->UseRealTime();

}  // namespace
}  // namespace opc::benchmarks

BENCHMARK_MAIN();
