// Fault soak with the real terraform against the tenant simulator (issue 8,
// docs/design/interruptions.md): 500 emergency addresses are applied, refreshed and destroyed
// while the simulator answers 20% of the tenant API's requests with 429/503 and Retry-After,
// drops 5% of the connections and slows others down. Every command must succeed in one run
// (throttling is waited out within the retry budget), state must equal the tenant, and nothing
// may be duplicated or left behind. The figures (faults fired, retries, wall time) are printed.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "harness/e2e_fixture.h"
#include "harness/tenant_listing.h"

namespace opc::e2e {
namespace {

using json = nlohmann::json;

constexpr int kObjects = 500;
constexpr char kAddressesPath[] = "/beta/admin/teams/emergencyCalling/civicAddresses";
constexpr char kPrefix[] = "soak-";

std::string Config() {
  return std::string("provider \"operatorconnect\" {}\n\n") +
         "resource \"operatorconnect_emergency_address\" \"soak\" {\n"
         "  count        = " +
         std::to_string(kObjects) +
         "\n"
         "  country      = \"US\"\n"
         "  company_name = \"Fernleaf Outfitters\"\n"
         "  description  = \"" +
         kPrefix +
         "${count.index}\"\n"
         "  house_number = \"${count.index + 1}\"\n"
         "  street_name  = \"Main Street\"\n"
         "  city         = \"Redmond\"\n"
         "  postal_code  = \"98052\"\n"
         "  latitude     = 47.6396\n"
         "  longitude    = -122.1283\n"
         "}\n";
}

class SoakE2ETest : public FreshSimulatorTest {
 protected:
  SoakE2ETest() : FreshSimulatorTest(CommandTimeout(std::chrono::minutes(6))) {}
  SimulatorProcess::Options SimulatorOptions() const override {
    SimulatorProcess::Options options;
    options.time_scale = 0.02;
    return options;
  }

  void SetUp() override {
    ASSERT_NO_FATAL_FAILURE(FreshSimulatorTest::SetUp());
    // The provider's warnings (one per retry) go to a file that the test counts.
    tf_.SetEnv("TF_LOG_PROVIDER", "WARN");
    tf_.SetEnv("TF_LOG_PATH", (tf_.root() / "provider.log").string());
  }

  // Addresses of the tenant whose description starts with the prefix, by description. The test
  // reads through the same faults as the provider: a dropped, throttled or unavailable page is
  // asked again.
  static std::multiset<std::string> TenantAddresses() {
    std::multiset<std::string> out;
    for (const json& address : ListAll(*sim_, kAddressesPath, /*attempts=*/50)) {
      if (StringField(address, "description").rfind(kPrefix, 0) == 0) {
        out.insert(StringField(address, "description"));
      }
    }
    return out;
  }

  static void AddFault(const json& rule) {
    SimulatorProcess::Reply reply = sim_->Admin("POST", "/_sim/faults", rule);
    ASSERT_EQ(reply.status, 201) << reply.body.dump() << reply.error;
  }

  int RetriesLogged() const {
    std::ifstream log(tf_.root() / "provider.log");
    std::string line;
    int retries = 0;
    while (std::getline(log, line)) {
      if (line.find("retrying in") != std::string::npos) {
        ++retries;
      }
    }
    return retries;
  }
};

TEST_F(SoakE2ETest, FiveHundredObjectsConvergeUnderThrottlingDropsAndLatency) {
  tf_.WriteConfig(Config());
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);

  // Only the tenant API (the token endpoint is the identity platform's, not under test here).
  const std::string api = "^/(beta|v1\\.0)/";
  AddFault({{"pathPattern", api},
            {"kind", "throttle"},
            {"probability", 0.10},
            {"retryAfterSeconds", 1},
            {"seed", 11}});
  AddFault({{"pathPattern", api},
            {"kind", "unavailable"},
            {"probability", 0.11},
            {"retryAfterSeconds", 1},
            {"seed", 12}});
  AddFault({{"pathPattern", api}, {"kind", "drop"}, {"probability", 0.05}, {"seed", 13}});
  AddFault({{"pathPattern", api},
            {"kind", "latency"},
            {"probability", 0.10},
            {"latencyMs", 300},
            {"seed", 14}});

  const auto start = std::chrono::steady_clock::now();
  const std::vector<std::string> parallel = {"-parallelism=20"};
  std::vector<std::string> apply = {"apply", "-auto-approve", "-no-color", "-input=false"};
  apply.insert(apply.end(), parallel.begin(), parallel.end());
  ProcessResult applied = tf_.Run(apply);
  ASSERT_EQ(applied.exit_code, 0) << Describe(applied);

  std::multiset<std::string> expected;
  for (int i = 0; i < kObjects; ++i) {
    expected.insert(kPrefix + std::to_string(i));
  }
  EXPECT_EQ(TenantAddresses(), expected) << "duplicates or missing addresses after apply";
  EXPECT_EQ(StateResourceCount(tf_), static_cast<size_t>(kObjects));

  // A refresh under the same faults finds nothing to change.
  ProcessResult planned = DetailedPlan(parallel);
  EXPECT_EQ(planned.exit_code, 0) << Describe(planned);

  std::vector<std::string> destroy = {"destroy", "-auto-approve", "-no-color", "-input=false"};
  destroy.insert(destroy.end(), parallel.begin(), parallel.end());
  ProcessResult destroyed = tf_.Run(destroy);
  EXPECT_EQ(destroyed.exit_code, 0) << Describe(destroyed);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  EXPECT_TRUE(TenantAddresses().empty()) << "addresses left behind after destroy";
  EXPECT_EQ(StateResourceCount(tf_), 0u);

  std::map<std::string, int64_t> fired;
  SimulatorProcess::Reply faults = sim_->Admin("GET", "/_sim/faults");
  for (const json& rule : faults.body.value("value", json::array())) {
    fired[StringField(rule, "kind")] += rule.value("fired", int64_t{0});
  }
  const int retries = RetriesLogged();
  std::ostringstream figures;
  figures << "[soak] " << kObjects << " objects applied, refreshed, destroyed in " << seconds
          << "s; faults fired: throttle " << fired["throttle"] << ", unavailable "
          << fired["unavailable"] << ", drop " << fired["drop"] << ", latency " << fired["latency"]
          << "; retries " << retries;
  std::cout << figures.str() << std::endl;
  RecordProperty("wall_seconds", std::to_string(static_cast<int>(seconds)));
  RecordProperty("faults_throttle", std::to_string(fired["throttle"]));
  RecordProperty("faults_unavailable", std::to_string(fired["unavailable"]));
  RecordProperty("faults_drop", std::to_string(fired["drop"]));
  RecordProperty("faults_latency", std::to_string(fired["latency"]));
  RecordProperty("retries", std::to_string(retries));
  EXPECT_GT(fired["throttle"] + fired["unavailable"] + fired["drop"], 0);
  EXPECT_GT(retries, 0);
}

}  // namespace
}  // namespace opc::e2e
