#include "child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>

extern char** environ;

namespace opc::e2e {
namespace {

std::string FindInPath(const std::string& name, const Environment& env) {
  if (name.find('/') != std::string::npos) {
    return name;
  }
  auto path = env.find("PATH");
  std::string dirs = path != env.end() ? path->second : "/usr/local/bin:/usr/bin:/bin";
  size_t start = 0;
  while (start <= dirs.size()) {
    size_t colon = dirs.find(':', start);
    std::string dir =
        dirs.substr(start, colon == std::string::npos ? std::string::npos : colon - start);
    std::string candidate = (dir.empty() ? "." : dir) + "/" + name;
    if (::access(candidate.c_str(), X_OK) == 0) {
      return candidate;
    }
    if (colon == std::string::npos) {
      break;
    }
    start = colon + 1;
  }
  return name;
}

int DecodeWaitStatus(int status) {
  if (WIFEXITED(status)) {
    return WEXITSTATUS(status);
  }
  if (WIFSIGNALED(status)) {
    return 128 + WTERMSIG(status);
  }
  return -1;
}

}  // namespace

Environment CurrentEnvironment() {
  Environment env;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    std::string text(*entry);
    size_t eq = text.find('=');
    if (eq != std::string::npos) {
      env[text.substr(0, eq)] = text.substr(eq + 1);
    }
  }
  return env;
}

std::unique_ptr<ChildProcess> ChildProcess::Start(const Options& options, std::string* error) {
  if (options.argv.empty()) {
    *error = "no program given";
    return nullptr;
  }
  // Everything the child needs is prepared before fork(): after it, only async-signal-safe
  // calls are allowed (the test process has threads).
  std::string program = FindInPath(options.argv[0], options.env);
  std::vector<std::string> env_strings;
  for (const auto& [key, value] : options.env) {
    env_strings.push_back(key + "=" + value);
  }
  std::vector<char*> argv;
  for (const std::string& arg : options.argv) {
    argv.push_back(const_cast<char*>(arg.c_str()));
  }
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (std::string& entry : env_strings) {
    envp.push_back(entry.data());
  }
  envp.push_back(nullptr);
  std::string cwd = options.cwd.string();

  int out[2];
  int err[2];
  int status_pipe[2];  // reports an exec failure to the parent
  if (::pipe2(out, O_CLOEXEC) != 0 || ::pipe2(err, O_CLOEXEC) != 0 ||
      ::pipe2(status_pipe, O_CLOEXEC) != 0) {
    *error = std::string("pipe: ") + std::strerror(errno);
    return nullptr;
  }
  pid_t pid = ::fork();
  if (pid < 0) {
    *error = std::string("fork: ") + std::strerror(errno);
    return nullptr;
  }
  if (pid == 0) {
    ::setpgid(0, 0);
    int devnull = ::open("/dev/null", O_RDONLY);
    ::dup2(devnull, STDIN_FILENO);
    ::dup2(out[1], STDOUT_FILENO);
    ::dup2(err[1], STDERR_FILENO);
    // Signals the test process ignores must not stay ignored in the child.
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGPIPE, SIG_DFL);
    if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) {
      int code = errno;
      [[maybe_unused]] ssize_t n = ::write(status_pipe[1], &code, sizeof(code));
      ::_exit(127);
    }
    ::execve(program.c_str(), argv.data(), envp.data());
    int code = errno;
    [[maybe_unused]] ssize_t n = ::write(status_pipe[1], &code, sizeof(code));
    ::_exit(127);
  }
  ::setpgid(pid, pid);  // also from the parent, so the group exists before we ever signal it
  ::close(out[1]);
  ::close(err[1]);
  ::close(status_pipe[1]);
  int exec_errno = 0;
  ssize_t got = ::read(status_pipe[0], &exec_errno, sizeof(exec_errno));
  ::close(status_pipe[0]);
  std::unique_ptr<ChildProcess> child(new ChildProcess());
  child->pid_ = pid;
  child->stdout_fd_ = out[0];
  child->stderr_fd_ = err[0];
  if (got == sizeof(exec_errno)) {
    *error = "cannot start " + program + ": " + std::strerror(exec_errno);
    child->Wait(std::chrono::seconds(5));
    return nullptr;
  }
  return child;
}

ChildProcess::~ChildProcess() {
  if (!exit_code_.has_value() && pid_ > 0) {
    KillGroupAndReap();
  }
  if (stdout_fd_ >= 0) {
    ::close(stdout_fd_);
  }
  if (stderr_fd_ >= 0) {
    ::close(stderr_fd_);
  }
}

bool ChildProcess::Pump(std::chrono::milliseconds timeout) {
  pollfd fds[2];
  int count = 0;
  if (stdout_fd_ >= 0) {
    fds[count++] = pollfd{stdout_fd_, POLLIN, 0};
  }
  if (stderr_fd_ >= 0) {
    fds[count++] = pollfd{stderr_fd_, POLLIN, 0};
  }
  if (count == 0) {
    return false;
  }
  int ready = ::poll(fds, count, static_cast<int>(timeout.count()));
  if (ready <= 0) {
    return true;
  }
  for (int i = 0; i < count; ++i) {
    if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) {
      continue;
    }
    char buffer[8192];
    ssize_t n = ::read(fds[i].fd, buffer, sizeof(buffer));
    bool is_stdout = fds[i].fd == stdout_fd_;
    if (n > 0) {
      (is_stdout ? stdout_ : stderr_).append(buffer, static_cast<size_t>(n));
    } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
      ::close(fds[i].fd);
      (is_stdout ? stdout_fd_ : stderr_fd_) = -1;
    }
  }
  return stdout_fd_ >= 0 || stderr_fd_ >= 0;
}

std::optional<std::string> ChildProcess::WaitForStdoutLine(
    const std::function<bool(const std::string&)>& match, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    size_t newline;
    while ((newline = stdout_.find('\n', stdout_scanned_)) != std::string::npos) {
      std::string line = stdout_.substr(stdout_scanned_, newline - stdout_scanned_);
      stdout_scanned_ = newline + 1;
      if (match(line)) {
        return line;
      }
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || !Pump(std::min(left, std::chrono::milliseconds(200)))) {
      return std::nullopt;
    }
  }
}

void ChildProcess::Signal(int signo) {
  if (!exit_code_.has_value() && pid_ > 0) {
    ::kill(pid_, signo);
  }
}

ProcessResult ChildProcess::Wait(std::chrono::milliseconds timeout) {
  ProcessResult result;
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (!exit_code_.has_value()) {
    int status = 0;
    pid_t done = ::waitpid(pid_, &status, WNOHANG);
    if (done == pid_) {
      exit_code_ = DecodeWaitStatus(status);
      break;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      result.timed_out = true;
      KillGroupAndReap();
      break;
    }
    if (!Pump(std::min(left, std::chrono::milliseconds(50)))) {
      // Both pipes closed (a daemonised grandchild may still hold none): just wait briefly.
      ::usleep(10'000);
    }
  }
  // Drain what is left. A grandchild that kept the pipes open is not waited for long.
  auto drain_deadline = std::chrono::steady_clock::now() + std::chrono::seconds(1);
  while ((stdout_fd_ >= 0 || stderr_fd_ >= 0) &&
         std::chrono::steady_clock::now() < drain_deadline) {
    Pump(std::chrono::milliseconds(50));
  }
  result.exit_code = exit_code_.value_or(-1);
  result.stdout_text = stdout_;
  result.stderr_text = stderr_;
  return result;
}

void ChildProcess::KillGroupAndReap() {
  ::kill(-pid_, SIGKILL);
  ::kill(pid_, SIGKILL);
  int status = 0;
  if (::waitpid(pid_, &status, 0) == pid_) {
    exit_code_ = DecodeWaitStatus(status);
  }
}

ProcessResult RunProcess(const ChildProcess::Options& options, std::chrono::milliseconds timeout) {
  std::string error;
  std::unique_ptr<ChildProcess> child = ChildProcess::Start(options, &error);
  if (child == nullptr) {
    ProcessResult result;
    result.exit_code = 127;
    result.stderr_text = error;
    return result;
  }
  return child->Wait(timeout);
}

}  // namespace opc::e2e
