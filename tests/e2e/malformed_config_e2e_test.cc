// A catalog of malformed configurations (tests/e2e/malformed/catalog.txt) across every resource,
// data source and the provider block, each planned by the real terraform against the tenant
// simulator: every one fails at validate or plan with a diagnostic that names the attribute,
// the provider never crashes, and the tenant sees no write. One `terraform init` serves every
// case (a shared TF_DATA_DIR); the cases are planned a few at a time.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "harness/e2e_fixture.h"
#include "harness/tenant_seed.h"

namespace opc::e2e {
namespace {

using nlohmann::json;

constexpr char kGbNumber[] = "+442079460001";
constexpr char kUnknownGuid[] = "7d3a1b0c-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
constexpr int kWorkers = 3;

struct Case {
  std::string name;
  std::string attribute;
  std::string summary;
  std::string body;
};

std::string Trim(const std::string& text) {
  const size_t begin = text.find_first_not_of(" \t");
  const size_t end = text.find_last_not_of(" \t\r");
  return begin == std::string::npos ? "" : text.substr(begin, end - begin + 1);
}

void ReplaceAll(std::string& text, const std::string& from, const std::string& to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
}

// "=== name | attribute | summary" starts a case; "#" lines before the first case are comments.
std::vector<Case> LoadCatalog(const std::map<std::string, std::string>& placeholders) {
  std::ifstream file(std::string(OPC_SOURCE_DIR) + "/tests/e2e/malformed/catalog.txt");
  std::vector<Case> cases;
  std::string line;
  while (std::getline(file, line)) {
    if (line.rfind("=== ", 0) == 0) {
      std::vector<std::string> fields;
      std::stringstream header(line.substr(4));
      for (std::string field; std::getline(header, field, '|');) {
        fields.push_back(Trim(field));
      }
      if (fields.size() == 3) {
        cases.push_back({fields[0], fields[1], fields[2], ""});
      }
    } else if (!cases.empty()) {
      cases.back().body += line + "\n";
    }
  }
  for (Case& c : cases) {
    for (const auto& [from, to] : placeholders) {
      ReplaceAll(c.body, from, to);
    }
    if (c.body.find("provider \"operatorconnect\"") == std::string::npos) {
      c.body = "provider \"operatorconnect\" {}\n\n" + c.body;
    }
  }
  return cases;
}

class MalformedConfigE2ETest : public SimulatorTest {
 protected:
  static void SetUpTestSuite() {
    ASSERT_NO_FATAL_FAILURE(StartSimulator());
    // The world the plan-time checks look at: a GB number and a place of a US address. The
    // operator signs at once, which stops its simulated progress: the tenant then changes only
    // if the provider writes.
    const TenantSeed seed(*sim_);
    ASSERT_NO_FATAL_FAILURE(seed.Consent(kBluefin, {"GB", "US"})
                                .Sign(kBluefin)
                                .Upload(kBluefin, TenantSeed::NumberList("GB", {kGbNumber})));
    ASSERT_NO_FATAL_FAILURE(us_location_ = seed.AddAddress({{"companyName", "Fernleaf Outfitters"},
                                                            {"countryOrRegion", "US"},
                                                            {"houseNumber", "1"},
                                                            {"streetName", "Microsoft Way"},
                                                            {"city", "Redmond"},
                                                            {"stateOrProvince", "WA"},
                                                            {"postalCode", "98052"},
                                                            {"latitude", "47.6396"},
                                                            {"longitude", "-122.1283"}})
                                               .default_location);
  }

  // Everything a write could change, as the admin API and the tenant API list it.
  static json TenantSnapshot() {
    return json{
        {"numbers", sim_->AdminTenant("GET", "/numbers").body},
        {"consents", sim_->AdminTenant("GET", "/consents").body},
        {"addresses", sim_->Graph("GET", "/beta/admin/teams/emergencyCalling/civicAddresses").body},
        {"locations", sim_->Graph("GET", "/beta/admin/teams/emergencyCalling/locations").body}};
  }

  // Tenant-API requests other than reads and token requests, since the last reset.
  static std::vector<std::string> Writes() {
    std::vector<std::string> writes;
    auto counts = sim_->Admin("GET", "/_sim/requestCounts");
    for (const json& route : counts.body.value("routes", json::array())) {
      const std::string method = route.value("method", "");
      const std::string path = route.value("route", "");
      if (method != "GET" && path.find("/oauth2/") == std::string::npos) {
        writes.push_back(method + " " + path + " x" + std::to_string(route.value("count", 0)));
      }
    }
    return writes;
  }

  static std::string us_location_;
};

std::string MalformedConfigE2ETest::us_location_;

TEST_F(MalformedConfigE2ETest, EveryCaseFailsAtPlanNamingItsAttributeAndTheTenantIsUntouched) {
  const std::vector<Case> cases = LoadCatalog({{"@GB_NUMBER@", kGbNumber},
                                               {"@US_LOCATION@", us_location_},
                                               {"@BLUEFIN@", kBluefin},
                                               {"@ALICE@", kAlice},
                                               {"@UNKNOWN_GUID@", kUnknownGuid},
                                               {"@HUGE_UNICODE@",
                                                [] {
                                                  std::string s;
                                                  for (int i = 0; i < 2000; ++i)
                                                    s += "\xc3\xa9";
                                                  return s;
                                                }()},
                                               {"@HUGE@", std::string(5000, 'x')}});
  ASSERT_GE(cases.size(), 60u) << "the catalog has at least 60 cases";
  {
    std::map<std::string, int> names;
    for (const Case& c : cases) {
      EXPECT_EQ(++names[c.name], 1) << "duplicate case name " << c.name;
    }
  }

  // One init: its plugin cache and lock file serve every case directory.
  tf_.WriteConfig("");
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  std::string header;
  {
    std::ifstream main_tf(tf_.work_dir() / "main.tf");
    header.assign(std::istreambuf_iterator<char>(main_tf), {});
  }
  const std::filesystem::path data_dir = tf_.work_dir() / ".terraform";
  const std::filesystem::path lock_file = tf_.work_dir() / ".terraform.lock.hcl";

  const json before = TenantSnapshot();
  ASSERT_EQ(sim_->Admin("DELETE", "/_sim/requestCounts").status, 204);

  std::vector<ProcessResult> results(cases.size());
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < cases.size(); i = next++) {
      const std::filesystem::path dir = tf_.root() / "cases" / std::to_string(i);
      std::filesystem::create_directories(dir);
      std::ofstream(dir / "main.tf") << header << "\n" << cases[i].body;
      std::filesystem::copy_file(lock_file, dir / ".terraform.lock.hcl");
      results[i] =
          tf_.Run({"-chdir=" + dir.string(), "plan", "-no-color", "-input=false", "-lock=false"},
                  {{"TF_DATA_DIR", data_dir.string()}});
    }
  };
  std::vector<std::thread> workers;
  for (int w = 0; w < kWorkers; ++w) {
    workers.emplace_back(worker);
  }
  for (std::thread& t : workers) {
    t.join();
  }

  for (size_t i = 0; i < cases.size(); ++i) {
    const Case& c = cases[i];
    const ProcessResult& result = results[i];
    const std::string output = result.stdout_text + result.stderr_text;
    SCOPED_TRACE("case \"" + c.name + "\"");
    EXPECT_FALSE(result.timed_out);
    EXPECT_EQ(result.exit_code, 1) << Describe(result);
    EXPECT_THAT(output, ::testing::HasSubstr("Error: " + c.summary)) << Describe(result);
    EXPECT_THAT(output, ::testing::HasSubstr(c.attribute)) << Describe(result);
    for (const char* crash : {"crashed", "panic:", "did not respond", "Plugin did not", "rpc error",
                              "SIGSEGV", "unexpected EOF"}) {
      EXPECT_THAT(output, ::testing::Not(::testing::HasSubstr(crash))) << Describe(result);
    }
  }
  EXPECT_THAT(Writes(), ::testing::IsEmpty()) << "the tenant saw write requests";
  EXPECT_EQ(TenantSnapshot(), before) << "the tenant changed";
}

}  // namespace
}  // namespace opc::e2e
