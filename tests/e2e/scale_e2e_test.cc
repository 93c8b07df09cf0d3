// Scale with the real terraform against the simulator, judged by the requests the simulator
// counted (never by timings): a refresh of 2,500 managed numbers lists the inventory instead of
// reading each number, a refresh of 5 numbers of a 2,500-number tenant stays at 5 requests at
// most, drift is still found exactly, and a read right after a create that 404s under
// simulated replication lag is retried until it succeeds. Relationships (consents), emergency
// addresses and locations share listings the same way.
//
// The 2,500 assignments are seeded as already assigned (admin API) and adopted with one
// `import` block over a map, so no test waits for 2,500 long-running operations.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/e2e_fixture.h"
#include "harness/output_text.h"
#include "harness/tenant_seed.h"

namespace opc::e2e {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

constexpr int kTenantNumbers = 2500;
constexpr char kNumbersRoute[] = "/v1.0/admin/teams/telephoneNumberManagement/numberAssignments";
constexpr char kFreshNumber[] = "+442079469999";  // unassigned, for the replication-lag test

std::string NumberAt(int i) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "+44207946%04d", i);
  return buffer;
}

// The simulator's request counts since the last reset.
struct Counts {
  json body;
  // Requests to routes under `prefix` + "/" (one object each).
  int64_t Under(const std::string& method, const std::string& prefix) const {
    int64_t total = 0;
    for (const json& entry : body.value("routes", json::array())) {
      if (entry["method"] == method &&
          entry["route"].get<std::string>().starts_with(prefix + "/")) {
        total += entry["count"].get<int64_t>();
      }
    }
    return total;
  }
  int64_t Of(const std::string& method, const std::string& route) const {
    for (const json& entry : body.value("routes", json::array())) {
      if (entry["method"] == method && entry["route"] == route) {
        return entry["count"].get<int64_t>();
      }
    }
    return 0;
  }
  // Tenant-API requests other than token requests.
  int64_t Graph() const {
    int64_t total = 0;
    for (const json& entry : body.value("routes", json::array())) {
      if (entry["route"].get<std::string>().find("oauth2") == std::string::npos) {
        total += entry["count"].get<int64_t>();
      }
    }
    return total;
  }
};

class ScaleE2ETest : public SimulatorTest {
 protected:
  // Applying and refreshing thousands of numbers takes longer than the default command timeout.
  ScaleE2ETest() : SimulatorTest(CommandTimeout(std::chrono::minutes(5))) {}

  static void SetUpTestSuite() {
    ASSERT_NO_FATAL_FAILURE(StartSimulator());
    ASSERT_NO_FATAL_FAILURE(
        TenantSeed(*sim_)
            .Consent(kBluefin, {"GB"})
            .Upload(kBluefin, TenantSeed::NumberRange("GB", NumberAt(0), kTenantNumbers))
            .Upload(kBluefin, {{"isoCountryCode", "GB"},
                               {"capabilities", {"userAssignment"}},
                               {"numbers", {{{"telephoneNumber", kFreshNumber}}}}}));
    // Already assigned, as in a tenant that adopts Terraform late.
    for (int i = 0; i < kTenantNumbers; ++i) {
      ASSERT_NO_FATAL_FAILURE(SetAssigned(NumberAt(i), true));
    }
  }

  static void SetAssigned(const std::string& number, bool assigned) {
    TenantSeed(*sim_).EditNumber(
        number, assigned ? json{{"assignmentStatus", "userAssigned"},
                                {"assignmentTargetId", kAlice},
                                {"assignmentCategory", "primary"}}
                         : json{{"assignmentStatus", "unassigned"}, {"assignmentTargetId", ""}});
  }

  static void ResetCounts() {
    auto reply = sim_->Admin("DELETE", "/_sim/requestCounts");
    ASSERT_EQ(reply.status, 204) << Describe(reply);
  }
  static Counts ReadCounts() { return Counts{sim_->Admin("GET", "/_sim/requestCounts").body}; }

  // Assignments of `count` numbers from the `first` (count over a list: the shape that plans
  // fast), adopted by one import block.
  void WriteManaged(int count, int first) {
    json numbers = json::array();
    for (int i = first; i < first + count; ++i) {
      numbers.push_back(NumberAt(i));
    }
    tf_.WriteFile("terraform.tfvars.json", json{{"numbers", numbers}}.dump());
    tf_.WriteConfig(std::string(R"(provider "operatorconnect" {}

variable "numbers" { type = list(string) }

resource "operatorconnect_phone_number_assignment" "n" {
  count                = length(var.numbers)
  telephone_number     = var.numbers[count.index]
  assignment_target_id = ")") +
                    kAlice + R"("
}

import {
  for_each = { for i, n in var.numbers : n => i }
  to       = operatorconnect_phone_number_assignment.n[each.value]
  id       = each.key
}
)");
  }

  void InitAndAdopt(int count, int first = 0) {
    WriteManaged(count, first);
    ProcessResult init = tf_.Init();
    ASSERT_EQ(init.exit_code, 0) << Describe(init);
    ProcessResult apply = tf_.Apply();
    ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
    EXPECT_THAT(apply.stdout_text,
                HasSubstr(std::to_string(count) + " imported, 0 added, 0 changed, 0 destroyed"));
  }
};

TEST_F(ScaleE2ETest, RefreshingManyManagedNumbersListsTheInventoryAndFindsDriftExactly) {
  ASSERT_NO_FATAL_FAILURE(InitAndAdopt(kTenantNumbers));

  ASSERT_NO_FATAL_FAILURE(ResetCounts());
  ProcessResult plan = tf_.Run({"plan", "-detailed-exitcode", "-input=false"});
  EXPECT_EQ(plan.exit_code, 0) << Describe(plan);
  Counts counts = ReadCounts();
  EXPECT_LE(counts.Of("GET", kNumbersRoute), 3) << counts.body.dump();
  EXPECT_GE(counts.Of("GET", kNumbersRoute), 3) << counts.body.dump();  // the whole inventory
  EXPECT_EQ(counts.Of("GET", std::string(kNumbersRoute) + "/{numberAssignmentId}"), 0);
  EXPECT_EQ(counts.Graph(), counts.Of("GET", kNumbersRoute)) << counts.body.dump();
  std::printf("refresh of %d managed numbers: %s\n", kTenantNumbers, counts.body.dump().c_str());

  // Drift out of band is still found, exactly: one number unassigned, one plan to assign it.
  ASSERT_NO_FATAL_FAILURE(SetAssigned(NumberAt(1234), false));
  ProcessResult drift = tf_.Run({"plan", "-detailed-exitcode", "-input=false", "-no-color"});
  EXPECT_EQ(drift.exit_code, 2) << Describe(drift);
  EXPECT_THAT(drift.stdout_text, HasSubstr("operatorconnect_phone_number_assignment.n[1234] will "
                                           "be created"));
  EXPECT_THAT(drift.stdout_text, HasSubstr("Plan: 1 to add, 0 to change, 0 to destroy"));
  ASSERT_NO_FATAL_FAILURE(SetAssigned(NumberAt(1234), true));
}

TEST_F(ScaleE2ETest, RefreshingAFewNumbersOfALargeTenantStaysWithinAFewRequests) {
  // The last five: in the inventory's last page, the worst case for a shared listing.
  ASSERT_NO_FATAL_FAILURE(InitAndAdopt(5, kTenantNumbers - 5));

  ASSERT_NO_FATAL_FAILURE(ResetCounts());
  ProcessResult plan = tf_.Run({"plan", "-detailed-exitcode", "-input=false"});
  EXPECT_EQ(plan.exit_code, 0) << Describe(plan);
  Counts counts = ReadCounts();
  EXPECT_LE(counts.Graph(), 5) << counts.body.dump();
  EXPECT_GE(counts.Graph(), 1) << counts.body.dump();
  std::printf("refresh of 5 of %d numbers: %s\n", kTenantNumbers, counts.body.dump().c_str());
}

TEST_F(ScaleE2ETest, AReadRightAfterACreateIsRetriedThroughReplicationLag) {
  // 40 simulated seconds: 2 s of real time at the harness's time scale of 0.05.
  auto lag = sim_->Admin("PUT", "/_sim/replicationLag", {{"seconds", 40}});
  ASSERT_EQ(lag.status, 200) << Describe(lag);
  tf_.WriteConfig(std::string(R"(provider "operatorconnect" {}

resource "operatorconnect_phone_number_assignment" "fresh" {
  telephone_number     = ")") +
                  kFreshNumber + R"("
  assignment_target_id = ")" +
                  kAlice + R"("
}
)");
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  ASSERT_NO_FATAL_FAILURE(ResetCounts());
  ProcessResult apply = tf_.Apply();
  sim_->Admin("PUT", "/_sim/replicationLag", {{"seconds", 0}});
  ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
  Counts counts = ReadCounts();
  // The read after the assignment 404ed (the number was invisible) and was asked again.
  EXPECT_GE(counts.Of("GET", kNumbersRoute), 2) << counts.body.dump();
  json state = tf_.ShowJson();
  json values = state["values"]["root_module"]["resources"][0]["values"];
  EXPECT_EQ(values["assignment_target_id"], kAlice) << state.dump();
  EXPECT_EQ(values["id"], kFreshNumber);
}

TEST_F(ScaleE2ETest, RefreshingRelationshipsAddressesAndLocationsSharesOneListingOfEach) {
  constexpr char kConsents[] = "/beta/admin/teams/operatorConnect/consents";
  constexpr char kAddresses[] = "/beta/admin/teams/emergencyCalling/civicAddresses";
  constexpr char kLocations[] = "/beta/admin/teams/emergencyCalling/locations";
  constexpr int kSites = 12;
  json sites = json::array();
  for (int i = 0; i < kSites; ++i) {
    sites.push_back("Site " + std::to_string(i));
  }
  tf_.WriteFile("terraform.tfvars.json", json{{"sites", sites}}.dump());
  tf_.WriteConfig(R"(provider "operatorconnect" {}

variable "sites" { type = list(string) }

locals {
  operators = {
    "b55be82f-ecbe-4d7f-8ae7-6f7b10be9729" = "DE" # Kestrel Networks
    "510977db-9138-4306-8897-fdc404764f24" = "SE" # Northgate Communications
    "cc405028-096a-4421-9e83-4a93bb6ddcff" = "CH" # Tidewater Telecom
    "e5c65ec6-3f0c-476e-9e83-2c160da29ea2" = "AU" # Meridian Carrier
  }
}

resource "operatorconnect_operator_relationship" "op" {
  for_each                      = local.operators
  operator_id                   = each.key
  countries                     = [each.value]
  data_transfer_notice_accepted = true
  contact = {
    full_name    = "Alice Hughes"
    email        = "alice.hughes@fernleaf.example"
    company_name = "Fernleaf Outfitters"
    company_size = "L250_U999"
  }
}

resource "operatorconnect_emergency_address" "site" {
  count        = length(var.sites)
  country      = "US"
  company_name = "Fernleaf Outfitters"
  description  = var.sites[count.index]
  street_name  = "Microsoft Way"
  city         = "Redmond"
  latitude     = 47.6396
  longitude    = -122.1283
}

resource "operatorconnect_emergency_location" "floor" {
  count            = length(var.sites)
  civic_address_id = operatorconnect_emergency_address.site[count.index].id
  description      = "Floor 1"
}
)");
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  ProcessResult apply = tf_.Apply();
  ASSERT_EQ(apply.exit_code, 0) << Describe(apply);

  ASSERT_NO_FATAL_FAILURE(ResetCounts());
  ProcessResult plan = tf_.Run({"plan", "-detailed-exitcode", "-input=false"});
  EXPECT_EQ(plan.exit_code, 0) << Describe(plan);
  Counts counts = ReadCounts();
  std::printf("refresh of 4 relationships, %d addresses, %d locations: %s\n", kSites, kSites,
              counts.body.dump().c_str());
  // Before: one GET per object (4 + 12 + 12). Now no object is read on its own; each list
  // route has the listing (one page) and at most the contract probe of its area ($top=1).
  EXPECT_EQ(counts.Under("GET", kConsents), 0) << counts.body.dump();
  EXPECT_EQ(counts.Under("GET", kAddresses), 0) << counts.body.dump();
  EXPECT_EQ(counts.Under("GET", kLocations), 0) << counts.body.dump();
  EXPECT_GE(counts.Of("GET", kConsents), 1) << counts.body.dump();
  EXPECT_LE(counts.Of("GET", kConsents), 2) << counts.body.dump();
  EXPECT_GE(counts.Of("GET", kAddresses), 1) << counts.body.dump();
  EXPECT_LE(counts.Of("GET", kAddresses), 2) << counts.body.dump();
  EXPECT_GE(counts.Of("GET", kLocations), 1) << counts.body.dump();
  EXPECT_LE(counts.Of("GET", kLocations), 2) << counts.body.dump();

  // Drift is still exact: an address deleted out of band (with its location) is planned back.
  json state = tf_.ShowJson();
  std::string deleted_id;
  for (const json& resource : state["values"]["root_module"]["resources"]) {
    if (resource["address"] == "operatorconnect_emergency_address.site[7]") {
      deleted_id = resource["values"]["id"].get<std::string>();
    }
  }
  ASSERT_FALSE(deleted_id.empty()) << state.dump();
  auto gone = sim_->AdminTenant("DELETE", "/civicAddresses/" + deleted_id);
  ASSERT_LT(gone.status, 300) << Describe(gone);
  ProcessResult drift = tf_.Run({"plan", "-detailed-exitcode", "-input=false", "-no-color"});
  EXPECT_EQ(drift.exit_code, 2) << Describe(drift);
  EXPECT_THAT(drift.stdout_text,
              HasSubstr("operatorconnect_emergency_address.site[7] will be created"));
  EXPECT_THAT(drift.stdout_text,
              HasSubstr("operatorconnect_emergency_location.floor[7] will be created"));
  EXPECT_THAT(drift.stdout_text, HasSubstr("Plan: 2 to add, 0 to change, 0 to destroy"));

  ProcessResult destroy = tf_.Run({"destroy", "-auto-approve", "-input=false"});
  EXPECT_EQ(destroy.exit_code, 0) << Describe(destroy);
}

}  // namespace
}  // namespace opc::e2e
