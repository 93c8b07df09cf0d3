// operatorconnect_emergency_address and operatorconnect_emergency_location with the real
// terraform against the tenant simulator: create, empty re-plan, in-place update, replacement,
// the latitude/longitude rule at plan time, drift made through the simulator admin API,
// import (CLI and `import {}` block) and destroy.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "harness/e2e_fixture.h"
#include "harness/output_text.h"

namespace opc::e2e {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kAddressesPath[] = "/beta/admin/teams/emergencyCalling/civicAddresses/";
constexpr char kLocationsPath[] = "/beta/admin/teams/emergencyCalling/locations/";
constexpr char kSeedOperator[] = "fb450e35-d758-4caa-b81c-c98f93176c14";  // Bluefin Telecom

class EmergencyE2ETest : public SimulatorTest {
 protected:
  static int GraphStatus(const std::string& path) { return sim_->Graph("GET", path).status; }
};

struct AddressSpec {
  std::string name;
  std::string country;
  std::string street;
  std::string city;
  std::string latitude = "47.63960";  // written with a trailing zero on purpose
  std::string longitude = "-122.1283";
};

std::string AddressBlock(const AddressSpec& a) {
  std::string out = "resource \"operatorconnect_emergency_address\" \"" + a.name + "\" {\n" +
                    "  country      = \"" + a.country + "\"\n" + "  company_name = \"Contoso\"\n" +
                    "  description  = \"e2e " + a.name + "\"\n" + "  house_number = \"1\"\n" +
                    "  street_name  = \"" + a.street + "\"\n" + "  city         = \"" + a.city +
                    "\"\n" + "  postal_code  = \"98052\"\n";
  if (!a.latitude.empty()) {
    out += "  latitude     = " + a.latitude + "\n";
  }
  if (!a.longitude.empty()) {
    out += "  longitude    = " + a.longitude + "\n";
  }
  return out + "}\n\n";
}

std::string AddressConfig(const std::vector<AddressSpec>& specs) {
  std::string out;
  for (const auto& spec : specs) {
    out += AddressBlock(spec);
  }
  return out;
}

TEST_F(EmergencyE2ETest, AddressLifecycle) {
  AddressSpec us{"us", "US", "Microsoft Way", "Redmond"};
  AddressSpec gb{"gb", "GB", "Baker Street", "London", "51.5237", "-0.1585"};
  AddressSpec moving{"moving", "US", "Main St", "Buffalo"};
  ASSERT_NO_FATAL_FAILURE(WriteAndInit(AddressConfig({us, gb, moving})));
  ASSERT_NO_FATAL_FAILURE(ApplyOk());
  const std::string us_id = StateValues(tf_, "operatorconnect_emergency_address.us")["id"];
  const std::string default_location =
      StateValues(tf_, "operatorconnect_emergency_address.us")["default_location_id"];
  EXPECT_EQ(StateValues(tf_, "operatorconnect_emergency_address.us")["latitude"], 47.6396);
  EXPECT_EQ(GraphStatus(kAddressesPath + us_id), 200);
  EXPECT_EQ(GraphStatus(kLocationsPath + default_location), 200);
  ExpectEmptyPlan("after create");

  // In place where the country allows edits; replacement where it does not (GB), and for a
  // country change anywhere.
  us.city = "Seattle";
  gb.street = "Abbey Road";
  moving.country = "CA";
  tf_.WriteConfig("provider \"operatorconnect\" {}\n\n" + AddressConfig({us, gb, moving}));
  SavedPlan plan = PlanToFile(tf_);
  EXPECT_THAT(plan.actions["operatorconnect_emergency_address.us"], ElementsAre("update"));
  EXPECT_THAT(plan.actions["operatorconnect_emergency_address.gb"],
              ElementsAre("delete", "create"));
  EXPECT_THAT(plan.actions["operatorconnect_emergency_address.moving"],
              ElementsAre("delete", "create"));
  EXPECT_THAT(plan.text, HasSubstr("\"Baker Street\" -> \"Abbey Road\" # forces replacement"));
  EXPECT_THAT(plan.text, HasSubstr("\"US\" -> \"CA\" # forces replacement"));
  EXPECT_THAT(plan.text, HasSubstr("\"Redmond\" -> \"Seattle\"\n"));
  ProcessResult apply = tf_.Run({"apply", "-no-color", "-input=false", "p.tfplan"});
  ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
  EXPECT_EQ(StateValues(tf_, "operatorconnect_emergency_address.us")["id"], us_id);
  ExpectEmptyPlan("after update and replacement");
  nlohmann::json tenant_us = sim_->Graph("GET", kAddressesPath + us_id).body;
  EXPECT_EQ(tenant_us["city"], "Seattle");

  // Drift: an edit and a delete made outside Terraform.
  const std::string gb_id = StateValues(tf_, "operatorconnect_emergency_address.gb")["id"];
  SimulatorProcess::Reply drift =
      sim_->AdminTenant("PATCH", "/civicAddresses/" + us_id, {{"city", "Bellevue"}});
  ASSERT_EQ(drift.status, 200) << Describe(drift);
  SimulatorProcess::Reply gone = sim_->AdminTenant("DELETE", "/civicAddresses/" + gb_id);
  ASSERT_EQ(gone.status, 204) << Describe(gone);
  ProcessResult drifted = DetailedPlan(tf_);
  EXPECT_EQ(drifted.exit_code, 2) << Describe(drifted);
  EXPECT_THAT(drifted.stdout_text, HasSubstr("\"Bellevue\" -> \"Seattle\""));
  EXPECT_THAT(drifted.stdout_text,
              HasSubstr("operatorconnect_emergency_address.gb will be created"));
  ProcessResult refresh = DetailedPlan(tf_, {"-refresh-only"});
  EXPECT_EQ(refresh.exit_code, 2) << Describe(refresh);
  EXPECT_THAT(refresh.stdout_text, HasSubstr("\"Bellevue\""));
  EXPECT_THAT(refresh.stdout_text, HasSubstr("operatorconnect_emergency_address.gb"));
  ASSERT_NO_FATAL_FAILURE(ApplyOk());
  ExpectEmptyPlan("after repairing the drift");
  EXPECT_EQ(sim_->Graph("GET", kAddressesPath + us_id).body["city"], "Seattle");

  // The latitude rule fails the plan, naming the attribute, before anything is created.
  AddressSpec no_latitude{"nolat", "GB", "Downing Street", "London", "", "-0.1276"};
  tf_.WriteConfig("provider \"operatorconnect\" {}\n\n" +
                  AddressConfig({us, gb, moving, no_latitude}));
  ProcessResult bad = tf_.Plan();
  EXPECT_EQ(bad.exit_code, 1) << Describe(bad);
  EXPECT_THAT(bad.stderr_text, HasSubstr("Missing latitude"));
  EXPECT_THAT(bad.stderr_text, HasSubstr("latitude is required for emergency addresses in GB"));
  EXPECT_THAT(bad.stderr_text, HasSubstr("with operatorconnect_emergency_address.nolat"));
  tf_.WriteConfig("provider \"operatorconnect\" {}\n\n" + AddressConfig({us, gb, moving}));

  // Import into a fresh state: one with the CLI, the others with import blocks.
  const std::string new_gb_id = StateValues(tf_, "operatorconnect_emergency_address.gb")["id"];
  const std::string moving_id = StateValues(tf_, "operatorconnect_emergency_address.moving")["id"];
  TerraformRunner& fresh = NewRunner();
  ASSERT_NO_FATAL_FAILURE(WriteAndInit(fresh, AddressConfig({us, gb, moving})));
  ProcessResult imported = fresh.Run(
      {"import", "-no-color", "-input=false", "operatorconnect_emergency_address.us", us_id});
  ASSERT_EQ(imported.exit_code, 0) << Describe(imported);
  fresh.WriteConfig(
      "provider \"operatorconnect\" {}\n\n" + AddressConfig({us, gb, moving}) +
      "import {\n  to = operatorconnect_emergency_address.gb\n  id = \"" + new_gb_id +
      "\"\n}\n\nimport {\n  to = operatorconnect_emergency_address.moving\n  id = \"" + moving_id +
      "\"\n}\n");
  ProcessResult import_plan = fresh.Plan();
  EXPECT_EQ(import_plan.exit_code, 0) << Describe(import_plan);
  EXPECT_THAT(import_plan.stdout_text,
              HasSubstr("Plan: 2 to import, 0 to add, 0 to change, 0 to destroy."));
  ASSERT_NO_FATAL_FAILURE(ApplyOk(fresh));
  ExpectEmptyPlan(fresh, "after import");

  // Destroy: the tenant no longer holds the addresses nor their default locations.
  ProcessResult destroy = fresh.Destroy();
  ASSERT_EQ(destroy.exit_code, 0) << Describe(destroy);
  for (const std::string& id : {us_id, new_gb_id, moving_id}) {
    EXPECT_EQ(GraphStatus(kAddressesPath + id), 404) << id;
  }
  EXPECT_EQ(GraphStatus(kLocationsPath + default_location), 404);
}

std::string LocationConfig(const std::string& floor_description, const std::string& floor_elin,
                           const std::string& lobby_elin) {
  std::string out =
      "resource \"operatorconnect_emergency_address\" \"hq\" {\n"
      "  country      = \"US\"\n"
      "  company_name = \"Contoso\"\n"
      "  street_name  = \"Microsoft Way\"\n"
      "  city         = \"Redmond\"\n"
      "  latitude     = 47.6396\n"
      "  longitude    = -122.1283\n"
      "}\n\n"
      "resource \"operatorconnect_emergency_location\" \"floor\" {\n"
      "  civic_address_id = operatorconnect_emergency_address.hq.id\n"
      "  description      = \"" +
      floor_description + "\"\n";
  if (!floor_elin.empty()) {
    out += "  elin             = \"" + floor_elin + "\"\n";
  }
  out +=
      "}\n\n"
      "resource \"operatorconnect_emergency_location\" \"lobby\" {\n"
      "  civic_address_id = operatorconnect_emergency_address.hq.id\n"
      "  description      = \"Lobby\"\n";
  if (!lobby_elin.empty()) {
    out += "  elin             = \"" + lobby_elin + "\"\n";
  }
  out +=
      "}\n\n"
      "data \"operatorconnect_emergency_locations\" \"hq\" {\n"
      "  civic_address_id = operatorconnect_emergency_address.hq.id\n"
      "  depends_on       = [operatorconnect_emergency_location.floor, "
      "operatorconnect_emergency_location.lobby]\n"
      "}\n\n"
      "output \"hq_location_count\" {\n"
      "  value = length(data.operatorconnect_emergency_locations.hq.locations)\n"
      "}\n";
  return out;
}

TEST_F(EmergencyE2ETest, LocationLifecycle) {
  ASSERT_NO_FATAL_FAILURE(WriteAndInit(LocationConfig("Floor 3", "2065550101", "")));
  ASSERT_NO_FATAL_FAILURE(ApplyOk());
  nlohmann::json floor = StateValues(tf_, "operatorconnect_emergency_location.floor");
  const std::string floor_id = floor["id"];
  const std::string lobby_id = StateValues(tf_, "operatorconnect_emergency_location.lobby")["id"];
  const std::string address_id = StateValues(tf_, "operatorconnect_emergency_address.hq")["id"];
  EXPECT_EQ(floor["country"], "US");
  EXPECT_EQ(floor["is_default"], false);
  EXPECT_EQ(tf_.ShowJson()["values"]["outputs"]["hq_location_count"]["value"], 3)
      << "the data source lists the default location and both new ones";
  EXPECT_EQ(sim_->Graph("GET", kLocationsPath + floor_id).body["elin"], "2065550101");
  ExpectEmptyPlan("after create");

  // In place: a new description, an ELIN set where there was none.
  tf_.WriteConfig("provider \"operatorconnect\" {}\n\n" +
                  LocationConfig("Floor 4", "2065550101", "2065550102"));
  SavedPlan update = PlanToFile(tf_);
  EXPECT_THAT(update.actions["operatorconnect_emergency_location.floor"], ElementsAre("update"));
  EXPECT_THAT(update.actions["operatorconnect_emergency_location.lobby"], ElementsAre("update"));
  EXPECT_THAT(update.actions["operatorconnect_emergency_address.hq"], ElementsAre("no-op"));
  ASSERT_EQ(tf_.Run({"apply", "-no-color", "-input=false", "p.tfplan"}).exit_code, 0);
  ExpectEmptyPlan("after the in-place update");
  EXPECT_EQ(sim_->Graph("GET", kLocationsPath + lobby_id).body["elin"], "2065550102");
  EXPECT_EQ(sim_->Graph("GET", kLocationsPath + floor_id).body["description"], "Floor 4");

  // Changing an ELIN is in place; clearing one replaces the location.
  tf_.WriteConfig("provider \"operatorconnect\" {}\n\n" +
                  LocationConfig("Floor 4", "", "2065550103"));
  SavedPlan replace = PlanToFile(tf_);
  EXPECT_THAT(replace.actions["operatorconnect_emergency_location.floor"],
              ElementsAre("delete", "create"));
  EXPECT_THAT(replace.actions["operatorconnect_emergency_location.lobby"], ElementsAre("update"));
  EXPECT_THAT(replace.text,
              HasSubstr("- elin             = \"2065550101\" -> null # forces replacement"));
  ASSERT_EQ(tf_.Run({"apply", "-no-color", "-input=false", "p.tfplan"}).exit_code, 0);
  ExpectEmptyPlan("after the replacement");
  EXPECT_EQ(GraphStatus(kLocationsPath + floor_id), 404) << "the old location is gone";
  const std::string new_floor_id =
      StateValues(tf_, "operatorconnect_emergency_location.floor")["id"];
  EXPECT_NE(new_floor_id, floor_id);

  // Drift: a description changed and a location deleted outside Terraform.
  SimulatorProcess::Reply drift =
      sim_->AdminTenant("PATCH", "/locations/" + lobby_id, {{"description", "Reception"}});
  ASSERT_EQ(drift.status, 200) << Describe(drift);
  ASSERT_EQ(sim_->AdminTenant("DELETE", "/locations/" + new_floor_id).status, 204);
  ProcessResult drifted = DetailedPlan(tf_);
  EXPECT_EQ(drifted.exit_code, 2) << Describe(drifted);
  EXPECT_THAT(drifted.stdout_text, HasSubstr("\"Reception\" -> \"Lobby\""));
  EXPECT_THAT(drifted.stdout_text,
              HasSubstr("operatorconnect_emergency_location.floor will be created"));
  ProcessResult refresh = DetailedPlan(tf_, {"-refresh-only"});
  EXPECT_EQ(refresh.exit_code, 2) << Describe(refresh);
  EXPECT_THAT(refresh.stdout_text, HasSubstr("\"Reception\""));
  ASSERT_NO_FATAL_FAILURE(ApplyOk());
  ExpectEmptyPlan("after repairing the drift");

  // Import into a fresh state (address with the CLI, locations with import blocks).
  const std::string floor_now = StateValues(tf_, "operatorconnect_emergency_location.floor")["id"];
  TerraformRunner& fresh = NewRunner();
  ASSERT_NO_FATAL_FAILURE(WriteAndInit(fresh, LocationConfig("Floor 4", "", "2065550103")));
  ProcessResult imported = fresh.Run(
      {"import", "-no-color", "-input=false", "operatorconnect_emergency_address.hq", address_id});
  ASSERT_EQ(imported.exit_code, 0) << Describe(imported);
  ProcessResult cli_location = fresh.Run({"import", "-no-color", "-input=false",
                                          "operatorconnect_emergency_location.lobby", lobby_id});
  ASSERT_EQ(cli_location.exit_code, 0) << Describe(cli_location);
  fresh.WriteConfig("provider \"operatorconnect\" {}\n\n" +
                    LocationConfig("Floor 4", "", "2065550103") +
                    "\nimport {\n  to = operatorconnect_emergency_location.floor\n  id = \"" +
                    floor_now + "\"\n}\n");
  ASSERT_NO_FATAL_FAILURE(ApplyOk(fresh));
  ExpectEmptyPlan(fresh, "after import");

  // A default location cannot be imported as a location resource.
  const std::string default_location =
      StateValues(fresh, "operatorconnect_emergency_address.hq")["default_location_id"];
  fresh.WriteFile("extra.tf",
                  "resource \"operatorconnect_emergency_location\" \"default\" {\n"
                  "  civic_address_id = operatorconnect_emergency_address.hq.id\n"
                  "  description      = \"Default\"\n}\n");
  ProcessResult import_default =
      fresh.Run({"import", "-no-color", "-input=false",
                 "operatorconnect_emergency_location.default", default_location});
  EXPECT_EQ(import_default.exit_code, 1) << Describe(import_default);
  EXPECT_THAT(import_default.stderr_text, HasSubstr("Cannot import a default location"));
  std::filesystem::remove(fresh.work_dir() / "extra.tf");

  // A location in use by a number cannot be deleted: the service's reason reaches the user.
  SimulatorProcess::Reply upload =
      sim_->AdminTenant("POST", std::string("/operators/") + kSeedOperator + "/numbers",
                        {{"numberType", "directRouting"},
                         {"capabilities", {"userAssignment"}},
                         {"isoCountryCode", "US"},
                         {"locationId", lobby_id},
                         {"numbers", {{{"telephoneNumber", "+14255550199"}}}}});
  ASSERT_EQ(upload.status, 201) << Describe(upload);
  ProcessResult refused = fresh.Destroy();
  EXPECT_EQ(refused.exit_code, 1) << Describe(refused);
  EXPECT_THAT(refused.stderr_text, HasSubstr("Deleting emergency location " + lobby_id));
  EXPECT_THAT(refused.stderr_text, HasSubstr("telephone number"));
  ASSERT_EQ(sim_->AdminTenant("DELETE", "/numbers/+14255550199").status, 204);

  // Destroy: the tenant no longer holds the locations nor the address.
  ProcessResult destroy = fresh.Destroy();
  ASSERT_EQ(destroy.exit_code, 0) << Describe(destroy);
  EXPECT_THAT(destroy.stdout_text, Not(HasSubstr("Error")));
  for (const std::string& id : {floor_now, lobby_id, default_location}) {
    EXPECT_EQ(GraphStatus(kLocationsPath + id), 404) << id;
  }
  EXPECT_EQ(GraphStatus(kAddressesPath + address_id), 404);
}

}  // namespace
}  // namespace opc::e2e
