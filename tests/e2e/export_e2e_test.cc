// `terraform-provider-operatorconnect export` against the tenant simulator, then the real
// terraform on what it wrote: a tenant with 3 operator relationships in overlapping countries,
// 5 emergency addresses in 3 countries, 12 places and 300 assigned numbers (plus a few
// unassigned ones; one relationship suspended, one place with an ELIN, strings that need
// escaping). The plan of the exported directory only imports (0 to add, change or
// destroy), the apply imports everything, the next plan is empty; the files are `terraform
// fmt`-clean, use references (checked in the text, not assumed) and are the same bytes when
// exported again. A filtered export (one country, one operator) plans clean too.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "harness/e2e_fixture.h"
#include "harness/output_text.h"
#include "harness/provider_release.h"
#include "harness/tenant_seed.h"

namespace opc::e2e {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr int kAssigned = 300;
constexpr int kUnassigned = 6;
constexpr int kMaxMapSize = 60;

// Every .tf file of `dir`, by name.
std::map<std::string, std::string> TfFiles(const std::filesystem::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".tf") {
      files[entry.path().filename().string()] = ReadFile(entry.path());
    }
  }
  return files;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  return lines;
}

// The resource blocks of `type` in `text`: name -> body (the lines up to the closing brace).
std::map<std::string, std::string> ResourceBlocks(const std::string& text,
                                                  const std::string& type) {
  std::map<std::string, std::string> blocks;
  const std::regex header("^resource \"" + type + "\" \"([a-z0-9_]+)\" \\{$");
  std::string name;
  std::string body;
  for (const std::string& line : Lines(text)) {
    std::smatch match;
    if (name.empty() && std::regex_match(line, match, header)) {
      name = match[1];
      body.clear();
    } else if (!name.empty() && line == "}") {
      blocks[name] = body;
      name.clear();
    } else if (!name.empty()) {
      body += line + "\n";
    }
  }
  return blocks;
}

struct Place {
  std::string id;
  std::string country;
};

class ExportE2ETest : public SimulatorTest {
 protected:
  static void SetUpTestSuite() {
    ASSERT_NO_FATAL_FAILURE(StartSimulator());
    BuildTenant();
  }

  // The operator signs at once, so its relationship does not progress while the test plans.
  static void Consent(const char* operator_id, std::vector<std::string> countries) {
    json body = TenantSeed::ConsentBody(operator_id, countries);
    body["contacts"][0]["telephoneNumber"] = "+442079460018";
    TenantSeed(*sim_).Consent(body).Sign(operator_id);
  }

  static std::string Address(const json& body, const std::vector<std::string>& places) {
    const TenantSeed seed(*sim_);
    const TenantSeed::Address address = seed.AddAddress(body);
    const std::string country = body.at("countryOrRegion");
    for (const std::string& place_spec : places) {
      // "Description|ELIN" gives the place an ELIN.
      const size_t bar = place_spec.find('|');
      const std::string id =
          bar == std::string::npos
              ? seed.AddPlace(address.id, place_spec)
              : seed.AddPlace(address.id, place_spec.substr(0, bar), place_spec.substr(bar + 1));
      places_[country].push_back({id, country});
    }
    default_locations_[country].push_back(address.default_location);
    return address.id;
  }

  // Uploads `count` numbers from `first` for `operator_id` and assigns the first `assigned` of
  // them (admin API: the tenant's state as the Teams admin center left it), cycling through
  // the country's places, every fifth at an address's default location, every seventh without
  // a location.
  static void Numbers(const char* operator_id, const std::string& country, long long first,
                      int count, int assigned) {
    ASSERT_NO_FATAL_FAILURE(TenantSeed(*sim_).Upload(
        operator_id, TenantSeed::NumberRange(country, "+" + std::to_string(first), count)));
    const std::vector<Place>& places = places_[country];
    const std::vector<std::string>& defaults = default_locations_[country];
    for (int i = 0; i < assigned; ++i, ++assigned_so_far_) {
      char target[40];
      std::snprintf(target, sizeof target, "7e3a0000-0000-4000-8000-%012d", assigned_so_far_);
      json drift = {{"assignmentStatus", "userAssigned"},
                    {"assignmentTargetId", target},
                    {"assignmentCategory", i % 11 == 3 ? "alternate" : "primary"}};
      if (!places.empty() && i % 7 != 6) {
        drift["locationId"] =
            i % 5 == 4 ? defaults[i % defaults.size()] : places[i % places.size()].id;
      }
      const std::string number = "+" + std::to_string(first + i);
      ASSERT_NO_FATAL_FAILURE(TenantSeed(*sim_).EditNumber(number, drift));
    }
  }

  static void BuildTenant() {
    Consent(kBluefin, {"GB", "IE", "US"});
    Consent(kPolaris, {"GB", "IE", "DE"});
    Consent(kHarbourline, {"US", "CA"});

    Address(TenantSeed::LondonOffice(), {"Reception", "Floor 2", "Floor 3"});
    Address({{"companyName", "Fernleaf Outfitters"},
             {"countryOrRegion", "GB"},
             {"streetName", "Deansgate"},
             {"city", "Manchester"},
             {"latitude", "53.4794"},
             {"longitude", "-2.2453"}},
            {"Warehouse", "Shop floor"});
    // Quotes, a backslash and template sequences: the export must escape them.
    Address({{"companyName", "Fernleaf \"Outfitters\" Ireland"},
             {"countryOrRegion", "IE"},
             {"description", "Dublin ${docklands} \\ 100%{x}"},
             {"streetName", "North Wall Quay"},
             {"city", "Dublin"},
             {"latitude", "53.3478"},
             {"longitude", "-6.2297"}},
            {"Ground floor", "Floor 1 \"east\""});
    Address({{"companyName", "Fernleaf Outfitters Inc"},
             {"countryOrRegion", "US"},
             {"description", "Seattle"},
             {"houseNumber", "400"},
             {"streetName", "Pine Street"},
             {"city", "Seattle"},
             {"stateOrProvince", "WA"},
             {"postalCode", "98101"},
             {"latitude", "47.6114"},
             {"longitude", "-122.3381"}},
            {"Lobby", "Floor 5|2065550199", "Floor 6"});
    Address({{"companyName", "Fernleaf Outfitters Inc"},
             {"countryOrRegion", "US"},
             {"description", "New York"},
             {"streetName", "Broadway"},
             {"city", "New York"},
             {"stateOrProvince", "NY"},
             {"latitude", "40.7128"},
             {"longitude", "-74.0060"}},
            {"Showroom", "Back office"});

    // 300 assigned numbers: GB by two operators, IE by two, US by two, DE and CA without
    // places; a few unassigned ones at the end of some ranges.
    Numbers(kBluefin, "GB", 442079461000, 50, 50);
    Numbers(kPolaris, "GB", 442079462000, 53, 50);
    Numbers(kBluefin, "IE", 35315550100, 30, 30);
    Numbers(kPolaris, "IE", 35315550200, 30, 30);
    Numbers(kPolaris, "DE", 493012345600, 20, 20);
    Numbers(kBluefin, "US", 12065550100, 43, 40);
    Numbers(kHarbourline, "US", 12125550100, 60, 60);
    Numbers(kHarbourline, "CA", 14165550100, 20, 20);
    ASSERT_EQ(assigned_so_far_, kAssigned);

    // Harbourline is suspended (after its numbers arrived): the export must say so.
    auto suspended = sim_->AdminTenant("PATCH", std::string("/consents/") + kHarbourline,
                                       {{"status", "suspended"}});
    ASSERT_EQ(suspended.status, 200) << Describe(suspended);
  }

  // Runs the export into `dir` with the simulator's credentials in the environment.
  ProcessResult Export(const std::filesystem::path& dir, std::vector<std::string> extra_args) {
    ChildProcess::Options options;
    options.argv = {BuiltProviderBinary().string(), "export", "--output-dir", dir.string()};
    options.argv.insert(options.argv.end(), extra_args.begin(), extra_args.end());
    options.env = tf_.BaseEnvironment();
    for (const auto& [key, value] : sim_->ProviderEnvironment()) {
      options.env[key] = value;
    }
    return RunProcess(options, std::chrono::minutes(2));
  }

  Environment SimEnv() const { return sim_->ProviderEnvironment(); }
  // tf_ keeps an environment without credentials (one test runs the export so); each command
  // that reaches the simulator names it with SimEnv().
  void Prepare(TerraformRunner&) const override {}

  static std::map<std::string, std::vector<Place>> places_;
  static std::map<std::string, std::vector<std::string>> default_locations_;
  static int assigned_so_far_;
};

std::map<std::string, std::vector<Place>> ExportE2ETest::places_;
std::map<std::string, std::vector<std::string>> ExportE2ETest::default_locations_;
int ExportE2ETest::assigned_so_far_ = 0;

TEST_F(ExportE2ETest, ExportedTenantPlansOnlyImportsAppliesAndReplansEmpty) {
  const std::filesystem::path dir = tf_.work_dir();
  ProcessResult exported = Export(dir, {"--max-map-size", std::to_string(kMaxMapSize)});
  ASSERT_EQ(exported.exit_code, 0) << Describe(exported);
  EXPECT_THAT(exported.stderr_text, HasSubstr("export: operator relationships: 3 read"));
  EXPECT_THAT(
      exported.stderr_text,
      HasSubstr("numbers: " + std::to_string(kAssigned + kUnassigned) + " read, 300 assigned"));
  EXPECT_THAT(exported.stderr_text,
              HasSubstr("3 operator relationships, 5 emergency addresses, 12 places, 300 number "
                        "assignments"));

  // The files: valid and terraform fmt-clean, with references, no secret.
  ProcessResult fmt = tf_.Run({"fmt", "-check", "-diff", "-recursive"});
  EXPECT_EQ(fmt.exit_code, 0) << Describe(fmt);
  const std::map<std::string, std::string> files = TfFiles(dir);
  std::string all;
  for (const auto& [name, text] : files) {
    all += text;
  }
  EXPECT_THAT(all, Not(HasSubstr(kSeedClientSecret)));
  EXPECT_THAT(all, Not(HasSubstr(sim_->base_url())));  // settings stay in the environment

  // Places refer to their address resource.
  const std::map<std::string, std::string> places =
      ResourceBlocks(files.at("emergency.tf"), "operatorconnect_emergency_location");
  EXPECT_EQ(places.size(), 12u);
  const std::map<std::string, std::string> addresses =
      ResourceBlocks(files.at("emergency.tf"), "operatorconnect_emergency_address");
  EXPECT_EQ(addresses.size(), 5u);
  const std::regex address_ref(
      R"(\n?  civic_address_id = operatorconnect_emergency_address\.([a-z0-9_]+)\.id\n)");
  for (const auto& [name, body] : places) {
    std::smatch match;
    ASSERT_TRUE(std::regex_search(body, match, address_ref)) << name << ":\n" << body;
    EXPECT_EQ(addresses.count(match[1]), 1u) << name << " refers to " << match[1];
  }

  // Assignments: maps of at most kMaxMapSize entries, each entry's location a reference to a
  // place or an address's default location, each resource depending on the relationships of
  // its numbers' operators.
  const std::map<std::string, std::string> relationships =
      ResourceBlocks(files.at("operators.tf"), "operatorconnect_operator_relationship");
  EXPECT_EQ(relationships.size(), 3u);
  EXPECT_THAT(relationships.at("harbourline_voice"),
              HasSubstr("  suspended                     = true\n"));
  EXPECT_THAT(files.at("emergency.tf"), HasSubstr("  elin             = \"2065550199\"\n"));
  const std::regex entry(R"re(^    "(\+[0-9]+)" += \{ target = "[0-9a-f-]+"(.*) \}$)re");
  const std::regex location_ref(
      R"(location = operatorconnect_emergency_(location\.([a-z0-9_]+)\.id|address\.([a-z0-9_]+)\.default_location_id))");
  const std::regex relationship_ref(R"(operatorconnect_operator_relationship\.([a-z0-9_]+))");
  std::set<std::string> numbers;
  int with_location = 0;
  int maps = 0;
  for (const auto& [name, text] : files) {
    if (name.rfind("numbers_", 0) != 0) {
      continue;
    }
    ++maps;
    int entries = 0;
    for (const std::string& line : Lines(text)) {
      std::smatch match;
      if (!std::regex_match(line, match, entry)) {
        continue;
      }
      ++entries;
      numbers.insert(match[1]);
      const std::string rest = match[2];
      if (rest.find("location") == std::string::npos) {
        continue;
      }
      std::smatch ref;
      ASSERT_TRUE(std::regex_search(rest, ref, location_ref)) << name << ": " << line;
      if (ref[2].matched) {
        EXPECT_EQ(places.count(ref[2]), 1u) << line;
      } else {
        EXPECT_EQ(addresses.count(ref[3]), 1u) << line;
      }
      ++with_location;
    }
    EXPECT_GT(entries, 0) << name;
    EXPECT_LE(entries, kMaxMapSize) << name;
    const auto resources = ResourceBlocks(text, "operatorconnect_phone_number_assignment");
    ASSERT_EQ(resources.size(), 1u) << name;
    const std::string& body = resources.begin()->second;
    EXPECT_THAT(body, HasSubstr("depends_on = ")) << name;
    int refs = 0;
    for (std::sregex_iterator it(body.begin(), body.end(), relationship_ref), end; it != end;
         ++it) {
      EXPECT_EQ(relationships.count((*it)[1]), 1u) << name << " depends on " << (*it)[1];
      ++refs;
    }
    EXPECT_GE(refs, 1) << name;
    EXPECT_THAT(text, HasSubstr("import {\n  for_each = local.numbers_")) << name;
  }
  EXPECT_EQ(numbers.size(), static_cast<size_t>(kAssigned));
  EXPECT_GT(with_location, 200);
  EXPECT_EQ(maps, 7);  // GB (100 numbers) and US (100) split in two; IE (60), DE, CA
  ASSERT_EQ(files.count("unassigned_numbers.tf"), 1u);
  EXPECT_THAT(files.at("unassigned_numbers.tf"), HasSubstr("# +442079462050  GB  polaris_connect"));

  // Terraform: the plan only imports.
  ProcessResult init = tf_.Init(SimEnv());
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  constexpr int kObjects = 3 + 5 + 12 + kAssigned;
  ProcessResult plan =
      tf_.Run({"plan", "-input=false", "-no-color", "-out=import.tfplan"}, SimEnv());
  ASSERT_EQ(plan.exit_code, 0) << Describe(plan);
  EXPECT_THAT(plan.stdout_text, HasSubstr("Plan: " + std::to_string(kObjects) +
                                          " to import, 0 to add, 0 to change, 0 to destroy."))
      << Describe(plan);
  EXPECT_THAT(plan.stdout_text, Not(HasSubstr("will be updated in-place")));

  ProcessResult apply = tf_.Run({"apply", "-input=false", "-no-color", "import.tfplan"}, SimEnv());
  ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
  EXPECT_THAT(apply.stdout_text, HasSubstr("Resources: " + std::to_string(kObjects) +
                                           " imported, 0 added, 0 changed, 0 destroyed."));

  ProcessResult replan =
      tf_.Run({"plan", "-detailed-exitcode", "-input=false", "-no-color"}, SimEnv());
  EXPECT_EQ(replan.exit_code, 0) << Describe(replan);

  // Exported again: the same bytes, so re-exports diff cleanly.
  ProcessResult again = Export(dir, {"--max-map-size", std::to_string(kMaxMapSize)});
  ASSERT_EQ(again.exit_code, 0) << Describe(again);
  EXPECT_EQ(TfFiles(dir), files);
}

TEST_F(ExportE2ETest, FilteredExportKeepsOneCountryAndOperatorAndPlansOnlyImports) {
  const std::filesystem::path dir = tf_.work_dir();
  ProcessResult exported = Export(
      dir, {"--country", "ie", "--operator", kPolaris, "--assigned-only", "--group-by", "site"});
  ASSERT_EQ(exported.exit_code, 0) << Describe(exported);
  const std::map<std::string, std::string> files = TfFiles(dir);
  EXPECT_EQ(files.count("unassigned_numbers.tf"), 0u);
  EXPECT_EQ(
      ResourceBlocks(files.at("operators.tf"), "operatorconnect_operator_relationship").size(), 1u);
  EXPECT_THAT(files.at("operators.tf"), HasSubstr(kPolaris));
  EXPECT_EQ(ResourceBlocks(files.at("emergency.tf"), "operatorconnect_emergency_address").size(),
            1u);
  std::string numbers;
  for (const auto& [name, text] : files) {
    if (name.rfind("numbers_", 0) == 0) {
      numbers += text;
    }
  }
  EXPECT_THAT(numbers, HasSubstr("\"+35315550200\""));
  EXPECT_THAT(numbers, Not(HasSubstr("\"+35315550100\"")));  // Bluefin's
  EXPECT_THAT(numbers, Not(HasSubstr("\"+44")));

  ProcessResult init = tf_.Init(SimEnv());
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  ProcessResult plan = tf_.Run({"plan", "-input=false", "-no-color"}, SimEnv());
  ASSERT_EQ(plan.exit_code, 0) << Describe(plan);
  EXPECT_THAT(plan.stdout_text,
              HasSubstr("Plan: 34 to import, 0 to add, 0 to change, 0 to destroy."));
}

TEST_F(ExportE2ETest, BadArgumentsAndMissingCredentialsAreClearErrors) {
  ProcessResult bad_country = Export(tf_.work_dir(), {"--country", "GBR"});
  EXPECT_EQ(bad_country.exit_code, 1);
  EXPECT_THAT(bad_country.stderr_text, HasSubstr("--country \"GBR\""));

  ProcessResult bad_group = Export(tf_.work_dir(), {"--group-by", "region"});
  EXPECT_NE(bad_group.exit_code, 0);
  EXPECT_THAT(bad_group.stderr_text, HasSubstr("--group-by"));

  ChildProcess::Options options;
  options.argv = {BuiltProviderBinary().string(), "export", "--output-dir",
                  tf_.work_dir().string()};
  options.env = tf_.BaseEnvironment();  // no credentials
  ProcessResult missing = RunProcess(options, std::chrono::seconds(30));
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.stderr_text, HasSubstr("ARM_TENANT_ID or OPERATORCONNECT_TENANT_ID"));
}

}  // namespace
}  // namespace opc::e2e
