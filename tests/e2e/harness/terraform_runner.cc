#include "terraform_runner.h"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <thread>

#include "process_table.h"
#include "provider_release.h"

namespace opc::e2e {
namespace {

bool StartsWith(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

// Variables from the developer's shell that would make a run depend on where it runs.
bool IsLeakyVariable(const std::string& key) {
  for (const char* prefix : {"TF_", "ARM_", "OPERATORCONNECT_", "PLUGIN_"}) {
    if (StartsWith(key, prefix)) {
      return true;
    }
  }
  return key == "CHECKPOINT_DISABLE";
}

std::filesystem::path MakeTempRoot() {
  // Short, so unix socket paths inside it stay far below the 108-byte limit.
  char dir[] = "/tmp/opc-e2e-XXXXXX";
  if (::mkdtemp(dir) == nullptr) {
    throw std::runtime_error("mkdtemp failed");
  }
  return dir;
}

nlohmann::json ParseJsonOutput(const ProcessResult& result) {
  if (result.exit_code != 0) {
    return nullptr;
  }
  return nlohmann::json::parse(result.stdout_text, nullptr, /*allow_exceptions=*/false);
}

}  // namespace

TerraformRunner::TerraformRunner() : TerraformRunner(Options()) {}

TerraformRunner::TerraformRunner(Options options) : options_(std::move(options)) {
  binary_ = options_.binary;
  if (binary_.empty()) {
    const char* env = std::getenv("TF_BINARY");
    binary_ = env != nullptr && *env != '\0' ? env : "terraform";
  }
  if (options_.provider_binary.empty()) {
    options_.provider_binary = BuiltProviderBinary();
  }
  root_ = MakeTempRoot();
  work_dir_ = root_ / "work";
  tmp_dir_ = root_ / "tmp";
  mirror_dir_ = root_ / "mirror";
  cli_config_ = root_ / "cli.tfrc";
  try {
    std::filesystem::create_directories(work_dir_);
    std::filesystem::create_directories(tmp_dir_);
    installed_provider_ = InstallIntoMirror(options_.provider_binary, mirror_dir_);
    std::ofstream(cli_config_) << MirrorCliConfig(mirror_dir_);
  } catch (...) {
    // The destructor will not run: do not leave the directory behind (e.g. provider not built).
    std::error_code ec;
    std::filesystem::remove_all(root_, ec);
    throw;
  }
}

TerraformRunner::~TerraformRunner() {
  if (std::getenv("OPC_E2E_KEEP") != nullptr) {
    std::cerr << "[e2e] keeping " << root_ << "\n";
    return;
  }
  std::error_code ec;
  std::filesystem::remove_all(root_, ec);
}

void TerraformRunner::WriteFile(const std::string& relative_path,
                                const std::string& contents) const {
  std::filesystem::path path = work_dir_ / relative_path;
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path) << contents;
}

void TerraformRunner::WriteConfig(const std::string& body) const {
  WriteFile("main.tf", RequiredProvidersBlock() + "\n" + body);
}

Environment TerraformRunner::BaseEnvironment() const {
  Environment env;
  for (const auto& [key, value] : CurrentEnvironment()) {
    if (!IsLeakyVariable(key)) {
      env[key] = value;
    }
  }
  env["TF_CLI_CONFIG_FILE"] = cli_config_.string();
  env["CHECKPOINT_DISABLE"] = "1";
  env["TF_IN_AUTOMATION"] = "1";
  env["TMPDIR"] = tmp_dir_.string();
  for (const auto& [key, value] : extra_env_) {
    env[key] = value;
  }
  return env;
}

ProcessResult TerraformRunner::Run(const std::vector<std::string>& args,
                                   const Environment& env) const {
  ChildProcess::Options options;
  options.argv.push_back(binary_);
  options.argv.insert(options.argv.end(), args.begin(), args.end());
  options.env = BaseEnvironment();
  for (const auto& [key, value] : env) {
    options.env[key] = value;
  }
  options.cwd = work_dir_;
  return RunProcess(options, options_.timeout);
}

ProcessResult TerraformRunner::Init(const Environment& env) const {
  return Run({"init", "-no-color", "-input=false"}, env);
}
ProcessResult TerraformRunner::Validate(const Environment& env) const {
  return Run({"validate", "-no-color"}, env);
}
ProcessResult TerraformRunner::Plan(const Environment& env) const {
  return Run({"plan", "-no-color", "-input=false"}, env);
}
ProcessResult TerraformRunner::Apply(const Environment& env) const {
  return Run({"apply", "-no-color", "-input=false", "-auto-approve"}, env);
}
ProcessResult TerraformRunner::Destroy(const Environment& env) const {
  return Run({"destroy", "-no-color", "-input=false", "-auto-approve"}, env);
}

nlohmann::json TerraformRunner::ShowJson(const Environment& env) const {
  return ParseJsonOutput(Run({"show", "-json", "-no-color"}, env));
}

nlohmann::json TerraformRunner::ProvidersSchemaJson(const Environment& env) const {
  return ParseJsonOutput(Run({"providers", "schema", "-json", "-no-color"}, env));
}

std::vector<pid_t> TerraformRunner::ProviderProcesses() const {
  const std::string root = root_.string() + "/";
  return ProcessesWithExecutable([&](const std::filesystem::path& exe) {
    return StartsWith(exe.string(), root) &&
           StartsWith(exe.filename().string(), "terraform-provider-operatorconnect");
  });
}

std::vector<std::filesystem::path> TerraformRunner::SocketFiles() const {
  return SocketFilesIn(tmp_dir_);
}

bool TerraformRunner::WaitUntilNoProviderLeft(std::chrono::milliseconds timeout) const {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    if (ProviderProcesses().empty() && SocketFiles().empty()) {
      return true;
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

std::string Describe(const ProcessResult& result) {
  return "exit code " + std::to_string(result.exit_code) +
         (result.timed_out ? " (timed out)" : "") + "\n--- stdout ---\n" + result.stdout_text +
         "\n--- stderr ---\n" + result.stderr_text;
}

}  // namespace opc::e2e
