// Drives the real terraform (or tofu) binary in a private directory: its own CLI configuration
// (the provider mirror), its own TMPDIR, a clean environment, a timeout per command, and checks
// that no provider process or socket outlives a command.
//
//   TerraformRunner tf;
//   tf.WriteConfig(R"(provider "operatorconnect" { ... })");
//   ASSERT_EQ(tf.Init().exit_code, 0);
//   ProcessResult plan = tf.Plan();
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "child_process.h"

namespace opc::e2e {

class TerraformRunner {
 public:
  struct Options {
    std::string binary;                     // empty: $TF_BINARY, else "terraform"
    std::filesystem::path provider_binary;  // empty: BuiltProviderBinary()
    std::chrono::milliseconds timeout = std::chrono::minutes(2);  // per command
  };

  TerraformRunner();
  explicit TerraformRunner(Options options);
  // Removes the directory tree, unless OPC_E2E_KEEP is set (then it says where it is).
  ~TerraformRunner();

  TerraformRunner(const TerraformRunner&) = delete;
  TerraformRunner& operator=(const TerraformRunner&) = delete;

  const std::string& binary() const { return binary_; }
  const std::filesystem::path& root() const { return root_; }
  const std::filesystem::path& work_dir() const { return work_dir_; }  // commands run here
  const std::filesystem::path& tmp_dir() const { return tmp_dir_; }    // TMPDIR of commands
  const std::filesystem::path& mirror_dir() const { return mirror_dir_; }
  const std::filesystem::path& cli_config() const { return cli_config_; }
  const std::filesystem::path& installed_provider() const { return installed_provider_; }

  // Writes a file relative to work_dir().
  void WriteFile(const std::string& relative_path, const std::string& contents) const;
  // Writes main.tf: the required_providers block followed by `body`.
  void WriteConfig(const std::string& body) const;

  // The environment of every command: the inherited one without anything that could change
  // Terraform's or the provider's behaviour (TF_*, ARM_*, OPERATORCONNECT_*, PLUGIN_*), plus
  // TF_CLI_CONFIG_FILE, CHECKPOINT_DISABLE=1, TF_IN_AUTOMATION=1 and TMPDIR, plus SetEnv().
  Environment BaseEnvironment() const;
  void SetEnv(const std::string& key, const std::string& value) { extra_env_[key] = value; }

  // Runs `terraform <args>` in work_dir(); `env` is added to BaseEnvironment() for this run.
  ProcessResult Run(const std::vector<std::string>& args, const Environment& env = {}) const;
  ProcessResult Init(const Environment& env = {}) const;
  ProcessResult Validate(const Environment& env = {}) const;
  ProcessResult Plan(const Environment& env = {}) const;
  ProcessResult Apply(const Environment& env = {}) const;    // -auto-approve
  ProcessResult Destroy(const Environment& env = {}) const;  // -auto-approve
  // `terraform show -json` / `terraform providers schema -json`, parsed; null on failure.
  nlohmann::json ShowJson(const Environment& env = {}) const;
  nlohmann::json ProvidersSchemaJson(const Environment& env = {}) const;

  // Provider processes run from this runner's files that are still alive.
  std::vector<pid_t> ProviderProcesses() const;
  std::vector<std::filesystem::path> SocketFiles() const;
  // Waits up to `timeout` for both lists to be empty; true when clean.
  bool WaitUntilNoProviderLeft(std::chrono::milliseconds timeout = std::chrono::seconds(3)) const;

 private:
  Options options_;
  std::string binary_;
  std::filesystem::path root_;
  std::filesystem::path work_dir_;
  std::filesystem::path tmp_dir_;
  std::filesystem::path mirror_dir_;
  std::filesystem::path cli_config_;
  std::filesystem::path installed_provider_;
  Environment extra_env_;
};

// One-paragraph rendering of a result for assertion messages.
std::string Describe(const ProcessResult& result);

}  // namespace opc::e2e
