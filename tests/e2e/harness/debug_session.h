// The provider started by hand in --debug mode, as a developer would, with the
// TF_REATTACH_PROVIDERS value it prints.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "child_process.h"

namespace opc::e2e {

class ProviderDebugSession {
 public:
  // Starts `binary --debug` with TMPDIR=`tmp_dir` and waits for the reattach line. Returns
  // nullptr (with *error) if it does not come.
  static std::unique_ptr<ProviderDebugSession> Start(const std::filesystem::path& binary,
                                                     const std::filesystem::path& tmp_dir,
                                                     std::string* error);

  // The JSON to put in TF_REATTACH_PROVIDERS.
  const std::string& reattach_json() const { return reattach_json_; }
  pid_t pid() const { return process_->pid(); }
  // Sends `signo` (SIGINT like Ctrl-C by default) and waits for the exit.
  ProcessResult Stop(int signo, std::chrono::milliseconds timeout = std::chrono::seconds(10));

 private:
  std::unique_ptr<ChildProcess> process_;
  std::string reattach_json_;
};

}  // namespace opc::e2e
