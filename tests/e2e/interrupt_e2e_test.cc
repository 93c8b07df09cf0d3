// Interruptions with the real terraform against the tenant simulator (issue 8,
// docs/design/interruptions.md): applies that create, update and destroy addresses, places, a
// relationship and number assignments are stopped with SIGINT (Ctrl-C) at random, seeded
// points, and three more are killed outright (SIGKILL of terraform and the provider: state may
// lag the tenant). After each, the same apply is run again: it must converge, plan nothing more,
// and the tenant must hold exactly the configuration (no duplicates, no orphans), counted
// through the simulator's API.
//
// OPC_INTERRUPT_SEED=<n> replays a run; the seed is printed either way.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "harness/child_process.h"
#include "harness/config_text.h"
#include "harness/e2e_fixture.h"
#include "harness/output_text.h"
#include "harness/tenant_listing.h"
#include "harness/tenant_seed.h"

namespace opc::e2e {
namespace {

using json = nlohmann::json;

constexpr char kUser[] = "5d0c6a8e-2b1f-4c3d-9e8f-0a1b2c3d4e77";  // created here, GB
constexpr char kAddressesPath[] = "/beta/admin/teams/emergencyCalling/civicAddresses";
constexpr char kLocationsPath[] = "/beta/admin/teams/emergencyCalling/locations";
constexpr char kDescriptionPrefix[] = "intr-";
constexpr char kFirstNumber[] = "+442079461001";
constexpr int kNumbersUploaded = 6;

std::string Number(int i) { return "+44207946100" + std::to_string(1 + i); }

// What one configuration declares; `present` false is the empty configuration (destroy all).
struct Shape {
  bool present = true;
  int version = 1;  // 1 or 2: version 2 updates in place, replaces and adds

  std::vector<std::string> countries() const {
    return version == 1 ? std::vector<std::string>{"GB", "US"}
                        : std::vector<std::string>{"GB", "IE", "US"};
  }
  // Address descriptions: two GB addresses (their places hold the numbers) and a US address
  // whose description changes in place.
  std::vector<std::string> addresses() const {
    return {"intr-gb-0", "intr-gb-1", "intr-us v" + std::to_string(version)};
  }
  std::map<std::string, std::string> place_elins() const {  // place description -> ELIN
    return {{"Floor 0", "42555501" + std::to_string(10 + version)}, {"Floor 1", "4255550111"}};
  }
  int assignments() const { return version == 1 ? 3 : 4; }
  std::string Describe() const {
    return present ? "v" + std::to_string(version) : std::string("empty");
  }
};

std::string Config(const Shape& shape) {
  std::string out = "provider \"operatorconnect\" {}\n";
  if (!shape.present) {
    return out;
  }
  out += RelationshipConfig("bluefin", kBluefin, HclStrings(shape.countries()));
  const std::vector<std::string> addresses = shape.addresses();
  for (int i = 0; i < 2; ++i) {
    out += "\nresource \"operatorconnect_emergency_address\" \"gb" + std::to_string(i) +
           "\" {\n  country      = \"GB\"\n  company_name = \"Fernleaf Outfitters\"\n"
           "  description  = \"" +
           addresses[i] + "\"\n  house_number = \"" + std::to_string(10 + i) +
           "\"\n  street_name  = \"Baker Street\"\n  city         = \"London\"\n"
           "  postal_code  = \"NW1 6XE\"\n  latitude     = 51.5237\n  longitude    = -0.1585\n}\n";
  }
  out +=
      "\nresource \"operatorconnect_emergency_address\" \"us\" {\n  country      = \"US\"\n"
      "  company_name = \"Fernleaf Outfitters\"\n  description  = \"" +
      addresses[2] +
      "\"\n  house_number = \"1\"\n  street_name  = \"Main Street\"\n"
      "  city         = \"Redmond\"\n  state_or_province = \"WA\"\n"
      "  postal_code  = \"98052\"\n  latitude     = 47.6396\n  longitude    = -122.1283\n}\n";
  int i = 0;
  for (const auto& [description, elin] : shape.place_elins()) {
    out += "\nresource \"operatorconnect_emergency_location\" \"floor" + std::to_string(i) +
           "\" {\n  civic_address_id = operatorconnect_emergency_address.gb" + std::to_string(i) +
           ".id\n  description      = \"" + description + "\"\n  elin             = \"" + elin +
           "\"\n}\n";
    ++i;
  }
  // No depends_on on the relationship: destroying everything must still work in one run.
  for (int n = 0; n < shape.assignments(); ++n) {
    out += "\nresource \"operatorconnect_phone_number_assignment\" \"n" + std::to_string(n) +
           "\" {\n  telephone_number     = \"" + Number(n) + "\"\n  assignment_target_id = \"" +
           kUser + "\"\n  location_id          = operatorconnect_emergency_location.floor" +
           std::to_string(n % 2) + ".id\n}\n";
  }
  return out;
}

int ResourceCount(const Shape& shape) {
  return shape.present ? 1 + 3 + 2 + shape.assignments() : 0;
}

class InterruptE2ETest : public SimulatorTest {
 protected:
  static void SetUpTestSuite() {
    SimulatorProcess::Options options;
    options.time_scale = 0.02;  // operations and operator delays take a fraction of a second
    ASSERT_NO_FATAL_FAILURE(StartSimulator(options));
    // An operator uploads numbers only into an active relationship: enable it for the upload,
    // then remove it again (the numbers stay), so that Terraform creates it in the runs.
    ASSERT_NO_FATAL_FAILURE(
        TenantSeed(*sim_)
            .User(kUser, "ivy.interrupt@fernleaf.example", "Ivy Interrupt", "GB")
            .Consent(kBluefin, {"GB"})
            .Upload(kBluefin, TenantSeed::NumberRange("GB", kFirstNumber, kNumbersUploaded))
            .RemoveConsent(kBluefin));
  }

  // The tenant holds exactly `shape`: counted through the simulator's API.
  static void ExpectTenantHolds(const Shape& shape, const std::string& when) {
    SCOPED_TRACE(when);
    std::multiset<std::string> descriptions;
    std::set<std::string> gb_ids;
    for (const json& address : ListAll(*sim_, kAddressesPath)) {
      std::string description = StringField(address, "description");
      if (description.rfind(kDescriptionPrefix, 0) == 0) {
        descriptions.insert(description);
        if (StringField(address, "countryOrRegion") == "GB") {
          gb_ids.insert(StringField(address, "id"));
        }
      }
    }
    std::multiset<std::string> expected_addresses;
    if (shape.present) {
      for (const std::string& description : shape.addresses()) {
        expected_addresses.insert(description);
      }
    }
    EXPECT_EQ(descriptions, expected_addresses) << "addresses (duplicates or orphans)";

    std::multiset<std::string> places;
    for (const json& location : ListAll(*sim_, kLocationsPath)) {
      if (gb_ids.count(StringField(location, "civicAddressId")) > 0 &&
          !location.value("isDefault", false)) {
        places.insert(StringField(location, "description") + "/" + StringField(location, "elin"));
      }
    }
    std::multiset<std::string> expected_places;
    if (shape.present) {
      for (const auto& [description, elin] : shape.place_elins()) {
        expected_places.insert(description + "/" + elin);
      }
    }
    EXPECT_EQ(places, expected_places) << "places (duplicates or orphans)";

    SimulatorProcess::Reply consent =
        sim_->Graph("GET", std::string("/beta/admin/teams/operatorConnect/consents/") + kBluefin);
    if (shape.present) {
      ASSERT_EQ(consent.status, 200) << Describe(consent);
      EXPECT_EQ(consent.body.value("consentedCountries", json::array()), json(shape.countries()));
    } else {
      EXPECT_EQ(consent.status, 404) << "relationship left behind: " << Describe(consent);
    }

    std::set<std::string> assigned;
    SimulatorProcess::Reply numbers = sim_->AdminTenant("GET", "/numbers");
    for (const json& number : numbers.body.value("value", json::array())) {
      const std::string e164 = StringField(number, "telephoneNumber");
      if (e164.rfind("+4420794610", 0) == 0 && StringField(number, "assignmentTargetId") == kUser &&
          !StringField(number, "assignmentStatus").empty() &&
          StringField(number, "assignmentStatus") != "unassigned") {
        assigned.insert(e164);
      }
    }
    std::set<std::string> expected_numbers;
    for (int n = 0; shape.present && n < shape.assignments(); ++n) {
      expected_numbers.insert(Number(n));
    }
    EXPECT_EQ(assigned, expected_numbers) << "assigned numbers";
  }

  // Starts `terraform apply`, waits until it is applying (a "...ing..." progress line), lets it
  // run for `delay`, then sends `signo` (SIGKILL: to terraform and the provider alike).
  // Returns what terraform printed.
  std::string InterruptedApply(int signo, std::chrono::milliseconds delay) {
    ChildProcess::Options options;
    options.argv = {tf_.binary(), "apply", "-auto-approve", "-no-color", "-input=false"};
    options.env = tf_.BaseEnvironment();
    options.cwd = tf_.work_dir();
    std::string error;
    std::unique_ptr<ChildProcess> apply = ChildProcess::Start(options, &error);
    EXPECT_NE(apply, nullptr) << error;
    if (apply == nullptr) {
      return "";
    }
    std::optional<std::string> applying = apply->WaitForStdoutLine(
        [](const std::string& line) {
          return line.find("Creating...") != std::string::npos ||
                 line.find("Modifying...") != std::string::npos ||
                 line.find("Destroying...") != std::string::npos;
        },
        std::chrono::seconds(90));
    if (applying) {
      std::this_thread::sleep_for(delay);  // the random point within the apply
      if (signo == SIGKILL) {
        ::kill(-apply->pid(), SIGKILL);  // the whole group: terraform and its provider
      } else {
        apply->Signal(signo);
      }
    }
    ProcessResult result = apply->Wait(std::chrono::minutes(3));
    EXPECT_FALSE(result.timed_out) << "terraform did not stop: " << Describe(result);
    return result.stdout_text + result.stderr_text;
  }
};

TEST_F(InterruptE2ETest, InterruptedAppliesConvergeWithoutDuplicatesOrOrphans) {
  const char* seed_text = std::getenv("OPC_INTERRUPT_SEED");
  const unsigned seed = seed_text != nullptr
                            ? static_cast<unsigned>(std::strtoul(seed_text, nullptr, 10))
                            : static_cast<unsigned>(std::random_device{}());
  std::cout << "[interrupt] seed " << seed << " (OPC_INTERRUPT_SEED=" << seed << " replays it)"
            << std::endl;
  RecordProperty("seed", std::to_string(seed));
  std::mt19937 random(seed);
  std::uniform_int_distribution<int> delay_ms(0, 2500);

  const auto start = std::chrono::steady_clock::now();
  // Killed providers leave their socket files; TearDown counts the live processes.
  ExpectKilledProvidersToExitWithin(std::chrono::seconds(45));
  tf_.WriteConfig(Config(Shape{false, 1}));
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);

  // 10 Ctrl-C runs, then 3 kills, cycling create (v1) -> update (v2) -> destroy (empty).
  const Shape cycle[] = {{true, 1}, {true, 2}, {false, 1}};
  int interrupted = 0;
  int killed = 0;
  for (int run = 0; run < 13; ++run) {
    const Shape shape = cycle[run % 3];
    const int signo = run < 10 ? SIGINT : SIGKILL;
    const auto delay = std::chrono::milliseconds(delay_ms(random));
    const std::string label = std::string(signo == SIGINT ? "SIGINT" : "SIGKILL") + " run " +
                              std::to_string(run) + " (" + shape.Describe() + ", after " +
                              std::to_string(delay.count()) + "ms)";
    std::cout << "[interrupt] " << label << std::endl;
    SCOPED_TRACE(label);
    tf_.WriteConfig(Config(shape));
    std::string output = InterruptedApply(signo, delay);
    (signo == SIGINT ? interrupted : killed) += 1;
    EXPECT_THAT(output, ::testing::Not(::testing::HasSubstr("panic"))) << output;
    // Stopped mid-operation, the provider still answers with a valid state (and a warning):
    // never one that Terraform or the provider's own checks call a provider bug.
    EXPECT_THAT(output, ::testing::Not(::testing::HasSubstr("bug in the provider"))) << output;

    // The same apply again converges, and then nothing is left to do.
    ProcessResult converge = tf_.Apply();
    ASSERT_EQ(converge.exit_code, 0) << "after " << label << ":\n"
                                     << output << "\n---\n"
                                     << Describe(converge);
    ExpectEmptyPlan(label);
    ExpectTenantHolds(shape, label);
    // State holds one object per configured resource.
    EXPECT_EQ(StateResourceCount(tf_), static_cast<size_t>(ResourceCount(shape)));
    if (HasFatalFailure()) {
      return;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "[interrupt] " << interrupted << " SIGINT runs, " << killed
            << " SIGKILL runs, all converged; wall time " << seconds << "s" << std::endl;
  RecordProperty("sigint_runs", std::to_string(interrupted));
  RecordProperty("sigkill_runs", std::to_string(killed));
  RecordProperty("wall_seconds", std::to_string(static_cast<int>(seconds)));
  // A provider whose terraform was killed notices it is orphaned and exits, but a write it had
  // on the wire first gets its grace (30 s, docs/design/interruptions.md): TearDown waits 45 s.
}

}  // namespace
}  // namespace opc::e2e
