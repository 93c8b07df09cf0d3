// Running the provider from a pipeline, with the real terraform against the tenant simulator:
// scripts/drift-check.sh end to end (no drift, out-of-band edits, fixed by apply), the example
// module's `terraform test` files, the GitOps example's syntax, and the release zip of
// scripts/release.sh installed by `terraform init` from a filesystem mirror with its hash in the
// lock file.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
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

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

constexpr char kPluginCookie[] = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";

fs::path SourceDir() { return OPC_SOURCE_DIR; }

void CopyTree(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
}

// Runs a program (a script of this repository) with the runner's environment: its CLI
// configuration (the provider mirror), the simulator's settings, and TF_BINARY.
ProcessResult RunWith(const TerraformRunner& tf, std::vector<std::string> argv, const fs::path& cwd,
                      std::chrono::milliseconds timeout) {
  ChildProcess::Options options;
  options.argv = std::move(argv);
  options.env = tf.BaseEnvironment();
  options.env["TF_BINARY"] = tf.binary();
  options.cwd = cwd;
  return RunProcess(options, timeout);
}

std::string GitHead() {
  ChildProcess::Options options;
  options.argv = {"git", "-C", SourceDir().string(), "rev-parse", "--short=12", "HEAD"};
  options.env = CurrentEnvironment();
  ProcessResult head = RunProcess(options, std::chrono::seconds(20));
  std::string text = head.stdout_text;
  while (!text.empty() && text.back() == '\n') {
    text.pop_back();
  }
  return text;
}

// Its commands run scripts and `terraform test`, which take longer than a plan.
class PipelineE2ETest : public SimulatorTest {
 protected:
  PipelineE2ETest() : SimulatorTest(CommandTimeout(std::chrono::minutes(4))) {}
};

// --- drift check -----------------------------------------------------------------------------

constexpr char kDriftConfig[] = R"(provider "operatorconnect" {}

variable "contact_email" {
  type      = string
  sensitive = true
  default   = "alice.hughes@fernleaf.example"
}

resource "operatorconnect_operator_relationship" "carrier" {
  operator_id = "586a019d-1ce5-4b1f-a6ee-a2d7e162518e"
  countries   = ["US"]
  contact = {
    full_name    = "Alice Hughes"
    email        = var.contact_email
    company_name = "Fernleaf Outfitters"
    company_size = "L250_U999"
  }
  data_transfer_notice_accepted = true
}

resource "operatorconnect_emergency_address" "hq" {
  country      = "US"
  company_name = "Fernleaf Outfitters"
  street_name  = "Microsoft Way"
  city         = "Redmond"
  latitude     = 47.6396
  longitude    = -122.1283
}

resource "operatorconnect_emergency_address" "depot" {
  country      = "US"
  company_name = "Fernleaf Outfitters"
  street_name  = "Main St"
  city         = "Buffalo"
  latitude     = 42.8864
  longitude    = -78.8784
}

resource "operatorconnect_emergency_location" "floor" {
  civic_address_id = operatorconnect_emergency_address.hq.id
  description      = "Floor 1"
}
)";

// Added once the operator has uploaded the number (the second apply of a first rollout).
constexpr char kAssignmentConfig[] = R"(
resource "operatorconnect_phone_number_assignment" "carla" {
  telephone_number     = "+1 206 555 0100"
  assignment_target_id = "f4e2d592-7f02-4682-af22-009fe843a33b"
  location_id          = operatorconnect_emergency_location.floor.id
  depends_on           = [operatorconnect_operator_relationship.carrier]
}
)";

struct DriftRun {
  ProcessResult process;
  nlohmann::json report;  // drift-report.json
  std::string markdown;   // drift-report.md
};

DriftRun RunDriftCheck(const TerraformRunner& tf) {
  DriftRun run;
  // One directory per run, so that OPC_E2E_KEEP=1 leaves every report to look at.
  static int runs = 0;
  const fs::path reports = tf.root() / ("reports-" + std::to_string(++runs));
  run.process = RunWith(tf,
                        {(SourceDir() / "scripts/drift-check.sh").string(), "--report-dir",
                         reports.string(), tf.work_dir().string()},
                        tf.work_dir(), std::chrono::minutes(4));
  run.report = nlohmann::json::parse(ReadFile(reports / "drift-report.json"), nullptr, false);
  run.markdown = ReadFile(reports / "drift-report.md");
  return run;
}

// address -> the attributes the report names for it
std::map<std::string, std::set<std::string>> DriftedAttributes(const nlohmann::json& report) {
  std::map<std::string, std::set<std::string>> out;
  for (const auto& object : report.value("objects", nlohmann::json::array())) {
    std::set<std::string>& attributes = out[object.value("address", "")];
    for (const auto& change : object["changes"]) {
      attributes.insert(change.value("attribute", ""));
    }
  }
  return out;
}

nlohmann::json ChangeOf(const nlohmann::json& report, const std::string& address,
                        const std::string& attribute) {
  for (const auto& object : report["objects"]) {
    if (object["address"] != address) {
      continue;
    }
    for (const auto& change : object["changes"]) {
      if (change["attribute"] == attribute) {
        return change;
      }
    }
  }
  ADD_FAILURE() << "no change of " << address << " " << attribute << " in " << report.dump();
  return nlohmann::json::object();
}

TEST_F(PipelineE2ETest, DriftCheckReportsExactlyTheOutOfBandEdits) {
  tf_.WriteConfig(kDriftConfig);
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  ProcessResult apply = tf_.Apply();
  ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
  // The operator uploads a number into the active relationship; then it can be assigned.
  SimulatorProcess::Reply uploaded =
      sim_->AdminTenant("POST", std::string("/operators/") + kHarbourline + "/numbers",
                        {{"isoCountryCode", "US"},
                         {"numbers",
                          {{{"telephoneNumber", "+12065550100"},
                            {"capabilities", {"userAssignment"}},
                            {"supportedCustomerActions", {"locationUpdate", "release"}}}}}});
  ASSERT_EQ(uploaded.status, 201) << Describe(uploaded);
  const std::string config = std::string(kDriftConfig) + kAssignmentConfig;
  tf_.WriteConfig(config);
  apply = tf_.Apply();
  ASSERT_EQ(apply.exit_code, 0) << Describe(apply);

  DriftRun clean = RunDriftCheck(tf_);
  EXPECT_EQ(clean.process.exit_code, 0) << Describe(clean.process);
  EXPECT_EQ(clean.report["drift"], false) << clean.report.dump();
  EXPECT_EQ(clean.report["objects"], nlohmann::json::array());
  EXPECT_THAT(clean.markdown, HasSubstr("No drift"));
  EXPECT_THAT(clean.markdown, Not(HasSubstr("## ")));

  // Out-of-band edits: the address's city, the place's name, the number's location and the
  // contact's e-mail (which the configuration marks sensitive).
  const nlohmann::json hq = StateValues(tf_, "operatorconnect_emergency_address.hq");
  const std::string hq_id = hq["id"];
  const std::string hq_default_location = hq["default_location_id"];
  const std::string floor_id = StateValues(tf_, "operatorconnect_emergency_location.floor")["id"];
  SimulatorProcess::Reply edit =
      sim_->AdminTenant("PATCH", "/civicAddresses/" + hq_id, {{"city", "Bellevue"}});
  ASSERT_EQ(edit.status, 200) << Describe(edit);
  edit = sim_->AdminTenant("PATCH", "/locations/" + floor_id, {{"description", "Floor 9"}});
  ASSERT_EQ(edit.status, 200) << Describe(edit);
  edit = sim_->AdminTenant("PATCH", "/numbers/12065550100", {{"locationId", hq_default_location}});
  ASSERT_EQ(edit.status, 200) << Describe(edit);
  edit = sim_->AdminTenant("PATCH", std::string("/consents/") + kHarbourline,
                           {{"contacts",
                             {{{"fullName", "Alice Hughes"},
                               {"email", "intruder@elsewhere.example"},
                               {"telephoneNumber", nullptr},
                               {"companyName", "Fernleaf Outfitters"},
                               {"companySize", "L250_U999"}}}}});
  ASSERT_EQ(edit.status, 200) << Describe(edit);

  DriftRun drifted = RunDriftCheck(tf_);
  EXPECT_EQ(drifted.process.exit_code, 2) << Describe(drifted.process);
  EXPECT_EQ(drifted.report["drift"], true);
  using Attributes = std::set<std::string>;
  EXPECT_EQ(DriftedAttributes(drifted.report),
            (std::map<std::string, Attributes>{
                {"operatorconnect_emergency_address.hq", Attributes{"city"}},
                {"operatorconnect_emergency_location.floor", Attributes{"description"}},
                {"operatorconnect_phone_number_assignment.carla", Attributes{"location_id"}},
                {"operatorconnect_operator_relationship.carrier", Attributes{"contact.email"}}}))
      << drifted.report.dump(2);
  nlohmann::json city = ChangeOf(drifted.report, "operatorconnect_emergency_address.hq", "city");
  EXPECT_EQ(city["old"], "Redmond");
  EXPECT_EQ(city["new"], "Bellevue");
  EXPECT_EQ(city["sensitive"], false);
  nlohmann::json moved =
      ChangeOf(drifted.report, "operatorconnect_phone_number_assignment.carla", "location_id");
  EXPECT_EQ(moved["old"], floor_id);
  EXPECT_EQ(moved["new"], hq_default_location);
  nlohmann::json email =
      ChangeOf(drifted.report, "operatorconnect_operator_relationship.carrier", "contact.email");
  EXPECT_EQ(email["sensitive"], true);
  EXPECT_EQ(email["old"], "(sensitive value)");
  EXPECT_EQ(email["new"], "(sensitive value)");
  for (const std::string& text : {drifted.report.dump(), drifted.markdown}) {
    EXPECT_THAT(text, Not(HasSubstr("alice.hughes@")));
    EXPECT_THAT(text, Not(HasSubstr("intruder@")));
  }
  EXPECT_THAT(drifted.markdown, HasSubstr("## `operatorconnect_emergency_address.hq`"));
  EXPECT_THAT(drifted.markdown, HasSubstr("| `city` | <code>&quot;Redmond&quot;</code> | "
                                          "<code>&quot;Bellevue&quot;</code> |"));
  EXPECT_THAT(drifted.markdown, Not(HasSubstr("depot")));

  // Apply puts the tenant back; the next check is clean again.
  apply = tf_.Apply();
  ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
  DriftRun fixed = RunDriftCheck(tf_);
  EXPECT_EQ(fixed.process.exit_code, 0) << Describe(fixed.process);
  EXPECT_EQ(fixed.report["objects"], nlohmann::json::array()) << fixed.report.dump(2);

  // An object deleted out of band is reported as such, with no attribute list.
  const std::string depot_id = StateValues(tf_, "operatorconnect_emergency_address.depot")["id"];
  ASSERT_EQ(sim_->AdminTenant("DELETE", "/civicAddresses/" + depot_id).status, 204);
  DriftRun deleted = RunDriftCheck(tf_);
  EXPECT_EQ(deleted.process.exit_code, 2) << Describe(deleted.process);
  ASSERT_EQ(deleted.report["objects"].size(), 1u) << deleted.report.dump(2);
  EXPECT_EQ(deleted.report["objects"][0]["address"], "operatorconnect_emergency_address.depot");
  EXPECT_EQ(deleted.report["objects"][0]["action"], "deleted");
  EXPECT_THAT(
      deleted.markdown,
      HasSubstr("## `operatorconnect_emergency_address.depot` (deleted outside Terraform)"));
  apply = tf_.Apply();
  ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
  EXPECT_EQ(RunDriftCheck(tf_).process.exit_code, 0);

  // A plan that cannot run is an error (1), not "no drift".
  tf_.WriteConfig(config + "resource \"operatorconnect_nonsense\" \"x\" {}\n");
  DriftRun broken = RunDriftCheck(tf_);
  EXPECT_EQ(broken.process.exit_code, 1) << Describe(broken.process);
  EXPECT_THAT(broken.process.stderr_text, HasSubstr("operatorconnect_nonsense"));

  tf_.WriteConfig(config);
  ProcessResult destroy = tf_.Destroy();
  EXPECT_EQ(destroy.exit_code, 0) << Describe(destroy);
}

// --- module tests ----------------------------------------------------------------------------

TEST_F(PipelineE2ETest, ExampleModuleTestsPassAgainstTheSimulator) {
  CopyTree(SourceDir() / "examples/modules/emergency_site", tf_.work_dir());
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  ProcessResult test = tf_.Run({"test", "-no-color"});
  EXPECT_EQ(test.exit_code, 0) << Describe(test);
  // Two apply runs with assertions and three plan runs that expect a validation failure.
  EXPECT_THAT(test.stdout_text, HasSubstr("Success! 5 passed, 0 failed."));
  EXPECT_THAT(test.stdout_text, HasSubstr("run \"rejects_half_a_geocode\"... pass"));

  // `terraform test` destroyed what its apply runs created.
  SimulatorProcess::Reply addresses =
      sim_->Graph("GET", "/beta/admin/teams/emergencyCalling/civicAddresses");
  ASSERT_EQ(addresses.status, 200) << Describe(addresses);
  for (const auto& address : addresses.body["value"]) {
    EXPECT_NE(address.value("description", ""), "Redmond warehouse") << address.dump();
  }
}

// --- GitOps example --------------------------------------------------------------------------

// The workflow's shape, read with PyYAML: the three triggers, the apply job's guards, the
// drift job's report and failure.
constexpr char kCheckWorkflow[] = R"(
import sys, yaml
w = yaml.safe_load(open(sys.argv[1]))
on = w.get("on", w.get(True))
assert "pull_request" in on, "no pull_request trigger"
assert on["push"]["branches"] == ["main"], "apply must run on pushes to main"
assert on["schedule"][0]["cron"], "no schedule"
jobs = w["jobs"]
assert jobs["plan"]["if"].find("pull_request") >= 0, "plan runs on pull requests"
apply = jobs["apply"]
assert "refs/heads/main" in apply["if"], "apply only on main"
assert apply["concurrency"]["cancel-in-progress"] is False, "apply must queue, never cancel"
drift = jobs["drift"]
steps = " ".join(str(s.get("run", "")) + str(s.get("uses", "")) for s in drift["steps"])
assert "drift-check.sh" in steps and "upload-artifact" in steps, steps
for name in ("plan", "apply", "drift"):
    env = dict(w.get("env", {}), **jobs[name].get("env", {}))
    assert "secrets.ARM_CLIENT_SECRET" in str(env.get("ARM_CLIENT_SECRET")), name
print("workflow ok")
)";

TEST_F(PipelineE2ETest, GitOpsExampleIsFormattedAndValid) {
  const fs::path example = SourceDir() / "examples/gitops";
  CopyTree(example / "terraform", tf_.work_dir());
  ProcessResult fmt = tf_.Run({"fmt", "-check", "-recursive", "-diff", "-no-color"});
  EXPECT_EQ(fmt.exit_code, 0) << Describe(fmt);
  ProcessResult init = tf_.Run({"init", "-backend=false", "-input=false", "-no-color"});
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  ProcessResult validate = tf_.Validate();
  EXPECT_EQ(validate.exit_code, 0) << Describe(validate);

  ProcessResult workflow = RunWith(tf_,
                                   {"python3", "-c", kCheckWorkflow,
                                    (example / ".github/workflows/operatorconnect.yml").string()},
                                   tf_.work_dir(), std::chrono::seconds(30));
  EXPECT_EQ(workflow.exit_code, 0) << Describe(workflow);
}

// --- release packaging -----------------------------------------------------------------------

struct Release {
  fs::path dir;
  std::string zh;  // "zh:<sha256 of the zip>"
  std::string h1;  // "h1:<hash of its contents>"
};

std::string Sha256Of(const fs::path& file) {
  ChildProcess::Options options;
  options.argv = {"sha256sum", file.string()};
  options.env = CurrentEnvironment();
  return RunProcess(options, std::chrono::seconds(20)).stdout_text.substr(0, 64);
}

TEST_F(PipelineE2ETest, ReleaseZipInstallsFromAMirrorWithItsHashInTheLockFile) {
  Release release;
  release.dir = tf_.root() / "dist";
  ProcessResult packaged =
      RunWith(tf_,
              {(SourceDir() / "scripts/release.sh").string(), kProviderVersion, "--binary",
               BuiltProviderBinary().string(), "--output-dir", release.dir.string()},
              SourceDir(), std::chrono::minutes(2));
  ASSERT_EQ(packaged.exit_code, 0) << Describe(packaged);
  std::smatch hashes;
  ASSERT_TRUE(std::regex_search(packaged.stdout_text, hashes,
                                std::regex("zh:([0-9a-f]{64}) (h1:[A-Za-z0-9+/=]{44})")))
      << packaged.stdout_text;
  release.zh = "zh:" + hashes[1].str();
  release.h1 = hashes[2].str();

  const std::string zip = "terraform-provider-operatorconnect_0.1.0_linux_amd64.zip";
  EXPECT_EQ(ReadFile(release.dir / "terraform-provider-operatorconnect_0.1.0_manifest.json"),
            "{\"version\":1,\"metadata\":{\"protocol_versions\":[\"6.0\"]}}\n");
  const std::string sums =
      ReadFile(release.dir / "terraform-provider-operatorconnect_0.1.0_SHA256SUMS");
  EXPECT_THAT(sums, HasSubstr(Sha256Of(release.dir / zip) + "  " + zip + "\n"));
  EXPECT_EQ(release.zh, "zh:" + Sha256Of(release.dir / zip));

  // A filesystem mirror in the packed layout: HOST/NAMESPACE/TYPE/<the release zip>, in place
  // of the unpacked binary the runner installed.
  const fs::path type_dir = tf_.mirror_dir() / "localhost/operatorconnect/operatorconnect";
  fs::remove_all(type_dir);
  fs::create_directories(type_dir);
  fs::copy_file(release.dir / zip, type_dir / zip);
  tf_.WriteConfig("provider \"operatorconnect\" {}\n");
  const fs::path lock = tf_.work_dir() / ".terraform.lock.hcl";

  // No lock file yet: init installs the zip and records its hash (Terraform's h1: form).
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  EXPECT_THAT(init.stdout_text,
              HasSubstr("Installed localhost/operatorconnect/operatorconnect v0.1.0"));
  EXPECT_THAT(ReadFile(lock), HasSubstr("\"" + release.h1 + "\""));

  // A team pins the published checksum (SHA256SUMS) as the lock's zh: hash: init checks the
  // zip against it and keeps it next to the h1: hash...
  const std::string pinned =
      "provider \"localhost/operatorconnect/operatorconnect\" {\n"
      "  version     = \"0.1.0\"\n"
      "  constraints = \"0.1.0\"\n"
      "  hashes = [\n    \"" +
      release.zh + "\",\n  ]\n}\n";
  fs::remove_all(tf_.work_dir() / ".terraform");
  tf_.WriteFile(".terraform.lock.hcl", pinned);
  init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  const std::string locked = ReadFile(lock);
  EXPECT_THAT(locked, HasSubstr("\"" + release.zh + "\""));
  EXPECT_THAT(locked, HasSubstr("\"" + release.h1 + "\""));
  // ...and refuses a zip that does not match it.
  fs::remove_all(tf_.work_dir() / ".terraform");
  std::string wrong = pinned;
  wrong.replace(wrong.find(release.zh), release.zh.size(), "zh:" + std::string(64, '0'));
  tf_.WriteFile(".terraform.lock.hcl", wrong);
  ProcessResult refused = tf_.Init();
  EXPECT_EQ(refused.exit_code, 1) << Describe(refused);
  EXPECT_THAT(refused.stderr_text, HasSubstr("match any of the checksums"));

  // The installed release binary names its version and commit: in --version and in the first
  // line it logs when Terraform starts it.
  fs::remove_all(tf_.work_dir() / ".terraform");
  tf_.WriteFile(".terraform.lock.hcl", pinned);
  ASSERT_EQ(tf_.Init().exit_code, 0);
  const fs::path installed = tf_.work_dir() /
                             ".terraform/providers/localhost/operatorconnect/operatorconnect/"
                             "0.1.0/linux_amd64/terraform-provider-operatorconnect_v0.1.0";
  ASSERT_TRUE(fs::exists(installed));
  const std::string commit = GitHead();
  ProcessResult version =
      RunWith(tf_, {installed.string(), "--version"}, tf_.work_dir(), std::chrono::seconds(10));
  EXPECT_THAT(version.stdout_text, MatchesRegex("terraform-provider-operatorconnect 0\\.1\\.0 "
                                                "\\(commit [0-9a-f]{12}(-dirty)?\\)\n"));
  EXPECT_THAT(version.stdout_text, HasSubstr("(commit " + commit));

  ChildProcess::Options serve;
  serve.argv = {installed.string()};
  serve.env = tf_.BaseEnvironment();
  serve.env["TF_PLUGIN_MAGIC_COOKIE"] = kPluginCookie;
  serve.env["PLUGIN_PROTOCOL_VERSIONS"] = "6";
  serve.env["TF_LOG_PROVIDER"] = "INFO";
  std::string error;
  auto provider = ChildProcess::Start(serve, &error);
  ASSERT_NE(provider, nullptr) << error;
  ASSERT_TRUE(
      provider
          ->WaitForStdoutLine([](const std::string& line) { return line.rfind("1|6|", 0) == 0; },
                              std::chrono::seconds(20))
          .has_value())
      << provider->stderr_text();
  provider->Signal(SIGTERM);
  ProcessResult served = provider->Wait(std::chrono::seconds(10));
  const std::string first_line = served.stderr_text.substr(0, served.stderr_text.find('\n'));
  nlohmann::json logged = nlohmann::json::parse(first_line, nullptr, false);
  EXPECT_EQ(logged.value("@message", ""), "starting terraform-provider-operatorconnect")
      << served.stderr_text;
  EXPECT_EQ(logged.value("version", ""), "0.1.0");
  EXPECT_THAT(logged.value("commit", ""), HasSubstr(commit));
}

// A static HTTPS server on 127.0.0.1 for a directory (Terraform accepts only https:// mirrors).
constexpr char kHttpsServer[] = R"(
import functools, http.server, ssl, sys
directory, cert, key = sys.argv[1:4]
handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=directory)
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(cert, key)
server.socket = context.wrap_socket(server.socket, server_side=True)
print(f"listening on https://127.0.0.1:{server.server_address[1]}/", flush=True)
server.serve_forever()
)";

TEST_F(PipelineE2ETest, ReleaseZipInstallsFromANetworkMirror) {
  const fs::path mirror = tf_.root() / "network-mirror";
  ProcessResult packaged =
      RunWith(tf_,
              {(SourceDir() / "scripts/release.sh").string(), kProviderVersion, "--binary",
               BuiltProviderBinary().string(), "--output-dir", (tf_.root() / "dist").string(),
               "--network-mirror", mirror.string()},
              SourceDir(), std::chrono::minutes(2));
  ASSERT_EQ(packaged.exit_code, 0) << Describe(packaged);
  std::smatch h1;
  ASSERT_TRUE(std::regex_search(packaged.stdout_text, h1, std::regex("h1:[A-Za-z0-9+/=]{44}")));
  const fs::path type_dir = mirror / "localhost/operatorconnect/operatorconnect";
  EXPECT_EQ(nlohmann::json::parse(ReadFile(type_dir / "index.json")),
            nlohmann::json::parse(R"({"versions": {"0.1.0": {}}})"));
  EXPECT_EQ(nlohmann::json::parse(ReadFile(type_dir / "0.1.0.json"))["archives"]["linux_amd64"],
            nlohmann::json({{"url", "terraform-provider-operatorconnect_0.1.0_linux_amd64.zip"},
                            {"hashes", {h1.str()}}}));

  // A throwaway certificate for 127.0.0.1, trusted through SSL_CERT_FILE.
  const fs::path cert = tf_.root() / "mirror-cert.pem";
  const fs::path key = tf_.root() / "mirror-key.pem";
  ProcessResult openssl =
      RunWith(tf_,
              {"openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
               "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.string(),
               "-out", cert.string()},
              tf_.root(), std::chrono::seconds(60));
  ASSERT_EQ(openssl.exit_code, 0) << Describe(openssl);
  ChildProcess::Options serve;
  serve.argv = {"python3", "-c", kHttpsServer, mirror.string(), cert.string(), key.string()};
  serve.env = CurrentEnvironment();
  std::string error;
  auto server = ChildProcess::Start(serve, &error);
  ASSERT_NE(server, nullptr) << error;
  std::optional<std::string> listening = server->WaitForStdoutLine(
      [](const std::string& line) { return line.rfind("listening on ", 0) == 0; },
      std::chrono::seconds(20));
  ASSERT_TRUE(listening.has_value()) << server->stderr_text();
  const std::string url = listening->substr(std::string("listening on ").size());

  tf_.WriteFile("network.tfrc",
                "provider_installation {\n"
                "  network_mirror {\n"
                "    url     = \"" +
                    url +
                    "\"\n"
                    "    include = [\"localhost/operatorconnect/*\"]\n"
                    "  }\n"
                    "  direct { exclude = [\"localhost/operatorconnect/*\"] }\n"
                    "}\n");
  tf_.SetEnv("TF_CLI_CONFIG_FILE", (tf_.work_dir() / "network.tfrc").string());
  tf_.SetEnv("SSL_CERT_FILE", cert.string());
  tf_.WriteConfig("provider \"operatorconnect\" {}\n");
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  EXPECT_THAT(init.stdout_text,
              HasSubstr("Installed localhost/operatorconnect/operatorconnect v0.1.0"));
  EXPECT_THAT(ReadFile(tf_.work_dir() / ".terraform.lock.hcl"), HasSubstr("\"" + h1.str() + "\""));
  ProcessResult validate = tf_.Validate();
  EXPECT_EQ(validate.exit_code, 0) << Describe(validate);
}

}  // namespace
}  // namespace opc::e2e
