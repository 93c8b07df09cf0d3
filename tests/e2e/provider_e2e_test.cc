// The real terraform binary loading the provider from the filesystem mirror (issue 2): init,
// validate, plan with AutoMTLS, diagnostics for a bad provider block, logs, schema, debug mode,
// and no provider process or socket left behind.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <csignal>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "harness/child_process.h"
#include "harness/debug_session.h"
#include "harness/e2e_fixture.h"
#include "harness/process_table.h"
#include "harness/provider_release.h"
#include "harness/terraform_runner.h"

namespace opc::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::Not;

constexpr char kTenant[] = "00000000-0000-0000-0000-0000000000aa";
constexpr char kClient[] = "00000000-0000-0000-0000-0000000000bb";
constexpr char kSecret[] = "e2e-s3cret-never-logged";

// A provider block plus the one data source that makes Terraform configure the provider.
std::string ProviderConfig(const std::string& provider_body) {
  return "provider \"operatorconnect\" {\n" + provider_body +
         "}\n\n"
         "data \"operatorconnect_client_config\" \"current\" {}\n\n"
         "output \"tenant_id\" {\n"
         "  value = data.operatorconnect_client_config.current.tenant_id\n"
         "}\n";
}

std::string GoodProviderBody() {
  return std::string("  tenant_id     = \"") + kTenant + "\"\n  client_id     = \"" + kClient +
         "\"\n  client_secret = \"" + kSecret + "\"\n  endpoint      = \"http://127.0.0.1:9\"\n";
}

class ProviderE2ETest : public TerraformTest {
 protected:
  void InitOk() {
    ProcessResult init = tf_.Init();
    ASSERT_EQ(init.exit_code, 0) << Describe(init);
  }
};

TEST_F(ProviderE2ETest, TerraformIsAvailable) {
  ProcessResult version = tf_.Run({"version"});
  ASSERT_EQ(version.exit_code, 0) << "the end-to-end tests need terraform (or TF_BINARY)\n"
                                  << Describe(version);
  EXPECT_THAT(version.stdout_text, HasSubstr("v1."));
}

TEST_F(ProviderE2ETest, InitInstallsTheProviderFromTheMirror) {
  tf_.WriteConfig(ProviderConfig(GoodProviderBody()));
  ProcessResult init = tf_.Init();
  ASSERT_EQ(init.exit_code, 0) << Describe(init);
  EXPECT_THAT(init.stdout_text,
              HasSubstr("Installing localhost/operatorconnect/operatorconnect v0.1.0"));
  EXPECT_THAT(init.stdout_text, HasSubstr("Terraform has been successfully initialized"));
  EXPECT_TRUE(std::filesystem::exists(tf_.work_dir() / ".terraform.lock.hcl"));
  EXPECT_TRUE(std::filesystem::exists(tf_.work_dir() / ".terraform/providers" / kProviderSource /
                                      kProviderVersion / kPlatform));
}

TEST_F(ProviderE2ETest, ValidateAndPlanSucceedOverAutoMtls) {
  // Terraform turns AutoMTLS off only when TF_DISABLE_PLUGIN_TLS is set: make sure it is not.
  EXPECT_EQ(tf_.BaseEnvironment().count("TF_DISABLE_PLUGIN_TLS"), 0u);
  tf_.WriteConfig(ProviderConfig(GoodProviderBody()));
  InitOk();

  ProcessResult validate = tf_.Validate();
  ASSERT_EQ(validate.exit_code, 0) << Describe(validate);
  EXPECT_THAT(validate.stdout_text, HasSubstr("The configuration is valid"));
  EXPECT_TRUE(tf_.WaitUntilNoProviderLeft());

  ProcessResult plan = tf_.Plan({{"TF_LOG_PROVIDER", "DEBUG"}});
  ASSERT_EQ(plan.exit_code, 0) << Describe(plan);
  EXPECT_THAT(plan.stdout_text, HasSubstr(std::string("tenant_id = \"") + kTenant + "\""));
  // The provider says it served with TLS, and Terraform (which pinned our certificate) talked to
  // it.
  EXPECT_THAT(plan.stderr_text, HasSubstr("serving with AutoMTLS"));
  EXPECT_THAT(plan.stderr_text, HasSubstr("tls=true"));
}

TEST_F(ProviderE2ETest, ApplyAndShowJson) {
  tf_.WriteConfig(ProviderConfig(GoodProviderBody()));
  InitOk();
  ProcessResult apply = tf_.Apply();
  ASSERT_EQ(apply.exit_code, 0) << Describe(apply);
  nlohmann::json state = tf_.ShowJson();
  ASSERT_TRUE(state.is_object());
  EXPECT_EQ(state["values"]["outputs"]["tenant_id"]["value"], kTenant);
  const nlohmann::json& data = state["values"]["root_module"]["resources"][0];
  EXPECT_EQ(data["type"], "operatorconnect_client_config");
  EXPECT_EQ(data["provider_name"], kProviderSource);
  EXPECT_EQ(data["values"]["client_id"], kClient);
  EXPECT_EQ(data["values"]["endpoint"], "http://127.0.0.1:9");
  EXPECT_EQ(state.dump().find(kSecret), std::string::npos);
}

TEST_F(ProviderE2ETest, BadProviderBlockShowsEachDiagnosticAtItsAttribute) {
  tf_.WriteConfig(ProviderConfig("  tenant_id     = \"not-a-guid\"\n  client_id     = \"" +
                                 std::string(kClient) + "\"\n  client_secret = \"" + kSecret +
                                 "\"\n  max_retries   = 99\n"));
  InitOk();
  for (const ProcessResult& result : {tf_.Validate(), tf_.Plan()}) {
    EXPECT_EQ(result.exit_code, 1) << Describe(result);
    EXPECT_THAT(result.stderr_text, HasSubstr("Error: Invalid tenant_id"));
    EXPECT_THAT(result.stderr_text, HasSubstr("tenant_id     = \"not-a-guid\""));
    EXPECT_THAT(result.stderr_text, HasSubstr("\"not-a-guid\" is not a GUID"));
    EXPECT_THAT(result.stderr_text, HasSubstr("Error: Invalid max_retries"));
    EXPECT_THAT(result.stderr_text, HasSubstr("max_retries   = 99"));
    EXPECT_THAT(result.stderr_text, HasSubstr("between 0 and 20, got 99"));
    EXPECT_THAT(result.stderr_text, Not(HasSubstr(kSecret)));
  }
}

TEST_F(ProviderE2ETest, MissingCredentialsNameTheEnvironmentVariables) {
  tf_.WriteConfig(ProviderConfig(""));
  InitOk();
  ProcessResult plan = tf_.Plan();
  EXPECT_EQ(plan.exit_code, 1) << Describe(plan);
  EXPECT_THAT(plan.stderr_text, HasSubstr("Error: Missing tenant_id"));
  EXPECT_THAT(plan.stderr_text, HasSubstr("ARM_TENANT_ID or OPERATORCONNECT_TENANT_ID"));
  EXPECT_THAT(plan.stderr_text, HasSubstr("Error: Missing client_secret"));
}

TEST_F(ProviderE2ETest, EnvironmentFallbacksConfigureTheProvider) {
  tf_.WriteConfig(ProviderConfig(""));
  InitOk();
  ProcessResult plan = tf_.Plan({{"ARM_TENANT_ID", kTenant},
                                 {"OPERATORCONNECT_CLIENT_ID", kClient},
                                 {"ARM_CLIENT_SECRET", kSecret},
                                 {"OPERATORCONNECT_ENDPOINT", "http://localhost:1"}});
  ASSERT_EQ(plan.exit_code, 0) << Describe(plan);
  EXPECT_THAT(plan.stdout_text, HasSubstr(std::string("tenant_id = \"") + kTenant + "\""));
}

TEST_F(ProviderE2ETest, ProviderLogsShowUnderTfLogAndNeverTheSecret) {
  tf_.WriteConfig(ProviderConfig(GoodProviderBody()));
  InitOk();
  ProcessResult debug = tf_.Plan({{"TF_LOG", "DEBUG"}});
  ASSERT_EQ(debug.exit_code, 0) << Describe(debug);
  // Terraform re-emits our hclog JSON lines under the plugin's logger name.
  EXPECT_THAT(debug.stderr_text,
              HasSubstr("provider.terraform-provider-operatorconnect_v0.1.0: provider configured"));
  EXPECT_THAT(debug.stderr_text, HasSubstr("@module=operatorconnect.provider"));

  ProcessResult trace = tf_.Plan({{"TF_LOG_PROVIDER", "TRACE"}});
  ASSERT_EQ(trace.exit_code, 0) << Describe(trace);
  EXPECT_THAT(trace.stderr_text, HasSubstr("rpc=ConfigureProvider"));
  EXPECT_THAT(trace.stderr_text, HasSubstr("rpc=ReadDataSource"));
  EXPECT_THAT(trace.stderr_text, Not(HasSubstr(kSecret)));

  ProcessResult quiet = tf_.Plan();
  ASSERT_EQ(quiet.exit_code, 0) << Describe(quiet);
  EXPECT_THAT(quiet.stderr_text, Not(HasSubstr("operatorconnect.provider")));
}

TEST_F(ProviderE2ETest, ProvidersSchemaJsonShowsOurAttributes) {
  tf_.WriteConfig(ProviderConfig(GoodProviderBody()));
  InitOk();
  nlohmann::json schema = tf_.ProvidersSchemaJson();
  ASSERT_TRUE(schema.is_object());
  const nlohmann::json& ours = schema["provider_schemas"][kProviderSource];
  const nlohmann::json& attrs = ours["provider"]["block"]["attributes"];
  for (const char* name : {"tenant_id", "client_id", "client_secret", "endpoint", "authority_url",
                           "ca_certificate_file", "request_timeout", "max_retries"}) {
    ASSERT_TRUE(attrs.contains(name)) << name;
    EXPECT_EQ(attrs[name]["optional"], true) << name;
    EXPECT_EQ(attrs[name]["description_kind"], "markdown") << name;
  }
  EXPECT_EQ(attrs["client_secret"]["sensitive"], true);
  EXPECT_EQ(attrs["max_retries"]["type"], "number");
  EXPECT_TRUE(ours["data_source_schemas"].contains("operatorconnect_client_config"));
}

TEST_F(ProviderE2ETest, RunByHandPrintsAFriendlyMessage) {
  ChildProcess::Options options;
  options.argv = {tf_.installed_provider().string()};
  options.env = tf_.BaseEnvironment();  // no magic cookie
  ProcessResult result = RunProcess(options, std::chrono::seconds(10));
  EXPECT_EQ(result.exit_code, 1) << Describe(result);
  EXPECT_EQ(result.stdout_text, "");
  EXPECT_THAT(result.stderr_text, HasSubstr("not meant to be executed directly"));
  EXPECT_LT(result.stderr_text.size(), 400u);

  options.env["TF_PLUGIN_MAGIC_COOKIE"] = "wrong";
  result = RunProcess(options, std::chrono::seconds(10));
  EXPECT_EQ(result.exit_code, 1) << Describe(result);

  options.argv.push_back("--version");
  result = RunProcess(options, std::chrono::seconds(10));
  EXPECT_EQ(result.exit_code, 0) << Describe(result);
  // The version and the commit it was built from (cmake/WriteBuildInfo.cmake).
  EXPECT_THAT(result.stdout_text, MatchesRegex("terraform-provider-operatorconnect 0\\.1\\.0 "
                                               "\\(commit [0-9a-f]{12}(-dirty)?\\)\n"));
}

TEST_F(ProviderE2ETest, DebugModeServesTerraformThroughReattach) {
  tf_.WriteConfig(ProviderConfig(GoodProviderBody()));
  std::string error;
  auto session = ProviderDebugSession::Start(tf_.installed_provider(), tf_.tmp_dir(), &error);
  ASSERT_NE(session, nullptr) << error;
  nlohmann::json reattach = nlohmann::json::parse(session->reattach_json());
  const nlohmann::json& entry = reattach[kProviderSource];
  EXPECT_EQ(entry["ProtocolVersion"], 6);
  EXPECT_EQ(entry["Test"], true);
  EXPECT_EQ(entry["Pid"], session->pid());

  // No init needed: Terraform uses the running provider as an unmanaged one.
  ProcessResult plan = tf_.Plan({{"TF_REATTACH_PROVIDERS", session->reattach_json()}});
  EXPECT_EQ(plan.exit_code, 0) << Describe(plan);
  EXPECT_THAT(plan.stdout_text, HasSubstr(std::string("tenant_id = \"") + kTenant + "\""));
  // Terraform leaves an unmanaged provider running; a second run reuses it.
  ProcessResult again = tf_.Plan({{"TF_REATTACH_PROVIDERS", session->reattach_json()}});
  EXPECT_EQ(again.exit_code, 0) << Describe(again);

  ProcessResult stopped = session->Stop(SIGINT);
  EXPECT_EQ(stopped.exit_code, 0) << Describe(stopped);
  EXPECT_FALSE(stopped.timed_out);
}

TEST_F(ProviderE2ETest, TcpTransportWorksWithTerraform) {
  tf_.WriteConfig(ProviderConfig(GoodProviderBody()));
  InitOk();
  ProcessResult plan =
      tf_.Plan({{"OPERATORCONNECT_PLUGIN_NETWORK", "tcp"}, {"TF_LOG_PROVIDER", "INFO"}});
  ASSERT_EQ(plan.exit_code, 0) << Describe(plan);
  EXPECT_THAT(plan.stderr_text, HasSubstr("network=tcp"));
  EXPECT_THAT(plan.stderr_text, HasSubstr("address=127.0.0.1:"));
  EXPECT_THAT(plan.stderr_text, HasSubstr("tls=true"));
}

// Started the way Terraform starts it: the handshake line, then SIGTERM ends it cleanly.
TEST_F(ProviderE2ETest, SigtermStopsTheProviderAndRemovesItsSocket) {
  ChildProcess::Options options;
  options.argv = {tf_.installed_provider().string()};
  options.env = tf_.BaseEnvironment();
  options.env["TF_PLUGIN_MAGIC_COOKIE"] =
      "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
  options.env["PLUGIN_PROTOCOL_VERSIONS"] = "5,6";
  std::string error;
  auto provider = ChildProcess::Start(options, &error);
  ASSERT_NE(provider, nullptr) << error;
  std::optional<std::string> handshake = provider->WaitForStdoutLine(
      [](const std::string& line) { return line.rfind("1|6|unix|", 0) == 0; },
      std::chrono::seconds(20));
  ASSERT_TRUE(handshake.has_value()) << provider->stderr_text();
  EXPECT_EQ(tf_.SocketFiles().size(), 1u);
  provider->Signal(SIGTERM);
  ProcessResult result = provider->Wait(std::chrono::seconds(10));
  EXPECT_EQ(result.exit_code, 0) << Describe(result);
  EXPECT_FALSE(result.timed_out);
  EXPECT_TRUE(tf_.SocketFiles().empty());
}

// If Terraform is killed, its providers must not live on as orphans.
TEST_F(ProviderE2ETest, AnOrphanedProviderExitsOnItsOwn) {
  ChildProcess::Options options;
  // The shell plays Terraform: it starts the provider, then gets SIGKILLed.
  options.argv = {"/bin/sh", "-c", "\"$0\" & wait", tf_.installed_provider().string()};
  options.env = tf_.BaseEnvironment();
  options.env["TF_PLUGIN_MAGIC_COOKIE"] =
      "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
  std::string error;
  auto host = ChildProcess::Start(options, &error);
  ASSERT_NE(host, nullptr) << error;
  ASSERT_TRUE(
      host->WaitForStdoutLine([](const std::string& line) { return line.rfind("1|6|", 0) == 0; },
                              std::chrono::seconds(20))
          .has_value())
      << host->stderr_text();
  ASSERT_EQ(tf_.ProviderProcesses().size(), 1u);
  host->Signal(SIGKILL);
  host->Wait(std::chrono::seconds(10));
  // It notices within a poll of its parent and shuts down; on a loaded machine that can take
  // longer than TearDown's own short check, which then finds nothing left.
  EXPECT_TRUE(tf_.WaitUntilNoProviderLeft(std::chrono::seconds(15)));
}

TEST_F(ProviderE2ETest, ExampleProviderConfigIsFormattedAndValid) {
  std::ifstream example(std::filesystem::path(OPC_SOURCE_DIR) / "examples/provider/provider.tf");
  ASSERT_TRUE(example.good());
  std::stringstream text;
  text << example.rdbuf();
  tf_.WriteFile("provider.tf", text.str());
  ProcessResult fmt = tf_.Run({"fmt", "-check", "-diff", "-no-color"});
  EXPECT_EQ(fmt.exit_code, 0) << Describe(fmt);
  InitOk();
  ProcessResult validate = tf_.Validate();
  EXPECT_EQ(validate.exit_code, 0) << Describe(validate);
}

}  // namespace
}  // namespace opc::e2e
