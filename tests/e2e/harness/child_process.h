// Starts a program with its own environment, working directory and process group, captures
// stdout and stderr, and never leaves it behind (the destructor kills the whole group).
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace opc::e2e {

using Environment = std::map<std::string, std::string>;

// The current process environment as a map.
Environment CurrentEnvironment();

struct ProcessResult {
  int exit_code = -1;  // 128+N when killed by signal N
  std::string stdout_text;
  std::string stderr_text;
  bool timed_out = false;
};

class ChildProcess {
 public:
  struct Options {
    std::vector<std::string> argv;  // argv[0] is looked up in PATH when it has no '/'
    Environment env;
    std::filesystem::path cwd;  // empty: inherit
  };

  // Returns nullptr (and sets *error) when the program cannot be started.
  static std::unique_ptr<ChildProcess> Start(const Options& options, std::string* error);
  ~ChildProcess();

  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const { return pid_; }
  // Reads output until a complete stdout line satisfies `match`; returns it (without '\n'),
  // or nullopt on timeout or exit.
  std::optional<std::string> WaitForStdoutLine(const std::function<bool(const std::string&)>& match,
                                               std::chrono::milliseconds timeout);
  // Sends `signo` to the process (not its group).
  void Signal(int signo);
  // Waits for exit while collecting output; on timeout kills the whole process group.
  ProcessResult Wait(std::chrono::milliseconds timeout);
  // Output collected so far.
  const std::string& stdout_text() const { return stdout_; }
  const std::string& stderr_text() const { return stderr_; }

 private:
  ChildProcess() = default;
  // Reads what is available (waiting up to `timeout`); false once both pipes are closed.
  bool Pump(std::chrono::milliseconds timeout);
  void KillGroupAndReap();

  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  int stderr_fd_ = -1;
  std::string stdout_;
  std::string stderr_;
  size_t stdout_scanned_ = 0;
  std::optional<int> exit_code_;
};

// Runs a program to completion (or `timeout`).
ProcessResult RunProcess(const ChildProcess::Options& options, std::chrono::milliseconds timeout);

}  // namespace opc::e2e
