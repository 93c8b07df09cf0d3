// The client secret and the access tokens stay secret: an apply, a refresh and a destroy with
// TF_LOG=TRACE (Terraform's and the provider's logs), and neither the secret nor any token the
// simulator issued (its --issued-token-log) appears in Terraform's output, the state file, the
// plan JSON (`terraform show -json`) or the simulator's own output.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "harness/e2e_fixture.h"
#include "harness/output_text.h"
#include "harness/tenant_seed.h"

namespace opc::e2e {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

constexpr char kConfig[] = R"(provider "operatorconnect" {}

resource "operatorconnect_emergency_address" "office" {
  country      = "GB"
  company_name = "Fernleaf Outfitters"
  street_name  = "Baker Street"
  city         = "London"
  latitude     = 51.5237
  longitude    = -0.1585
}

resource "operatorconnect_emergency_location" "floor" {
  civic_address_id = operatorconnect_emergency_address.office.id
  description      = "Floor 2"
  elin             = "442079460099"
}

resource "operatorconnect_phone_number_assignment" "desk" {
  telephone_number     = "+442079460001"
  assignment_target_id = "ALICE"
  location_id          = operatorconnect_emergency_location.floor.id
}

data "operatorconnect_phone_numbers" "gb" {
  country    = "GB"
  depends_on = [operatorconnect_phone_number_assignment.desk]
}
)";

class SecretsE2ETest : public FreshSimulatorTest {
 protected:
  // The simulator writes every token it issues to a file the test then searches for.
  SimulatorProcess::Options SimulatorOptions() const override {
    SimulatorProcess::Options options;
    options.extra_args = {"--issued-token-log", token_log().string()};
    return options;
  }
  std::filesystem::path token_log() const { return tf_.root() / "issued-tokens.txt"; }
};

TEST_F(SecretsE2ETest, TraceLogsStatePlanAndSimulatorOutputHoldNoSecretOrToken) {
  ASSERT_NO_FATAL_FAILURE(TenantSeed(*sim_)
                              .Consent(kBluefin, {"GB"})
                              .Upload(kBluefin, TenantSeed::NumberList("GB", {"+442079460001"})));
  // tf_ has the simulator's settings: the secret reaches the provider as
  // OPERATORCONNECT_CLIENT_SECRET.
  std::string config = kConfig;
  config.replace(config.find("ALICE"), 5, kAlice);
  tf_.WriteConfig(config);
  ASSERT_EQ(tf_.Init().exit_code, 0);

  // Everything Terraform printed, with TF_LOG=TRACE (the provider's logs included).
  std::vector<std::pair<std::string, std::string>> outputs;
  const Environment trace = {{"TF_LOG", "TRACE"}};
  auto run = [&](const std::string& what, const std::vector<std::string>& args) {
    ProcessResult result = tf_.Run(args, trace);
    EXPECT_EQ(result.exit_code, 0)
        << what << ": "
        << result.stderr_text.substr(
               result.stderr_text.size() > 3000 ? result.stderr_text.size() - 3000 : 0);
    outputs.emplace_back(what, result.stdout_text + result.stderr_text);
    return result;
  };
  run("plan", {"plan", "-no-color", "-input=false", "-out=p.tfplan"});
  outputs.emplace_back("plan JSON", run("show plan", {"show", "-json", "p.tfplan"}).stdout_text);
  run("apply", {"apply", "-no-color", "-input=false", "p.tfplan"});
  run("refresh", {"apply", "-no-color", "-input=false", "-refresh-only", "-auto-approve"});
  outputs.emplace_back("state JSON", run("show state", {"show", "-json"}).stdout_text);
  outputs.emplace_back("state file", ReadFile(tf_.work_dir() / "terraform.tfstate"));
  run("destroy", {"destroy", "-no-color", "-input=false", "-auto-approve"});
  outputs.emplace_back("state file after destroy", ReadFile(tf_.work_dir() / "terraform.tfstate"));
  outputs.emplace_back("state backup", ReadFile(tf_.work_dir() / "terraform.tfstate.backup"));
  const ProcessResult& sim_output = sim_->Stop();
  outputs.emplace_back("simulator output", sim_output.stdout_text + sim_output.stderr_text);

  // The proof is only as good as what was searched: trace logs with the provider's requests,
  // a state that held the objects, and the tokens the provider was issued.
  auto output = [&](const std::string& what) {
    for (const auto& [name, text] : outputs) {
      if (name == what) {
        return text;
      }
    }
    return std::string();
  };
  EXPECT_THAT(output("plan"), HasSubstr("[TRACE]"));
  EXPECT_THAT(output("apply"), HasSubstr("provider.terraform-provider-operatorconnect"));
  EXPECT_THAT(output("apply"), HasSubstr("Apply complete! Resources: 3 added"));
  // The provider's own debug lines about the token request and its API calls were captured.
  EXPECT_THAT(output("apply"), HasSubstr("requesting an access token"));
  EXPECT_THAT(output("apply"), HasSubstr("assignNumber"));
  EXPECT_THAT(output("state file"), HasSubstr("+442079460001"));
  EXPECT_THAT(output("plan JSON"), HasSubstr("operatorconnect_phone_number_assignment"));
  std::vector<std::string> tokens;
  {
    std::istringstream lines(ReadFile(token_log()));
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty()) {
        tokens.push_back(line);
      }
    }
  }
  // The test's own setup fetched one; every terraform command's provider fetched its own.
  ASSERT_GE(tokens.size(), 2u) << "the simulator logged no token issued to the provider";

  for (const auto& [what, text] : outputs) {
    EXPECT_THAT(text, ::testing::Not(HasSubstr(kSeedClientSecret)))
        << "the client secret appears in the " << what;
    for (const std::string& token : tokens) {
      EXPECT_THAT(text, ::testing::Not(HasSubstr(token)))
          << "an access token (" << token.substr(0, 6) << "...) appears in the " << what;
    }
  }
}

}  // namespace
}  // namespace opc::e2e
