#include "provider/plugin/process_signals.h"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <csignal>

namespace opc::plugin {
namespace {

constexpr int kParentPollMillis = 500;
constexpr char kQuit = 'Q';

// The handler may only do async-signal-safe work: it forwards the signal number to the
// watching thread through a pipe.
std::atomic<int> g_signal_pipe{-1};

void ForwardSignal(int signo) {
  int saved_errno = errno;
  int fd = g_signal_pipe.load();
  if (fd >= 0) {
    char byte = signo == SIGTERM ? 'T' : 'I';
    [[maybe_unused]] ssize_t n = ::write(fd, &byte, 1);
  }
  errno = saved_errno;
}

}  // namespace

struct ProcessSignalWatcher::SavedActions {
  struct sigaction term {};
  struct sigaction interrupt {};
  struct sigaction pipe {};
};

ProcessSignalWatcher::ProcessSignalWatcher(Options options, ShutdownSignal& shutdown, Logger log)
    : options_(options),
      parent_(::getppid()),
      shutdown_(shutdown),
      log_(std::move(log)),
      saved_(std::make_unique<SavedActions>()) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0) {
    pipe_read_ = fds[0];
    pipe_write_ = fds[1];
  }
  g_signal_pipe.store(pipe_write_);

  struct sigaction forward {};
  forward.sa_handler = ForwardSignal;
  sigemptyset(&forward.sa_mask);
  forward.sa_flags = SA_RESTART;
  struct sigaction ignore {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);

  sigaction(SIGTERM, &forward, &saved_->term);
  sigaction(SIGINT, options_.stop_on_sigint ? &forward : &ignore, &saved_->interrupt);
  // A vanished reader of stderr must not kill us mid-RPC; the parent watch handles orphans.
  sigaction(SIGPIPE, &ignore, &saved_->pipe);

  thread_ = std::thread([this] { Run(); });
}

ProcessSignalWatcher::~ProcessSignalWatcher() {
  if (pipe_write_ >= 0) {
    char quit = kQuit;
    [[maybe_unused]] ssize_t n = ::write(pipe_write_, &quit, 1);
  }
  if (thread_.joinable()) {
    thread_.join();
  }
  sigaction(SIGTERM, &saved_->term, nullptr);
  sigaction(SIGINT, &saved_->interrupt, nullptr);
  sigaction(SIGPIPE, &saved_->pipe, nullptr);
  g_signal_pipe.store(-1);
  if (pipe_read_ >= 0) {
    ::close(pipe_read_);
  }
  if (pipe_write_ >= 0) {
    ::close(pipe_write_);
  }
}

void ProcessSignalWatcher::Run() {
  while (true) {
    pollfd pfd{pipe_read_, POLLIN, 0};
    int ready = ::poll(&pfd, pipe_read_ >= 0 ? 1 : 0, kParentPollMillis);
    if (ready > 0) {
      char byte = 0;
      while (::read(pipe_read_, &byte, 1) == 1) {
        if (byte == kQuit) {
          return;
        }
        const char* name = byte == 'T' ? "SIGTERM" : "SIGINT";
        log_.Info("received signal, shutting down", {{"signal", name}});
        shutdown_.Request(name);
      }
      continue;
    }
    if (options_.watch_parent && !shutdown_.requested() && ::getppid() != parent_) {
      log_.Warn("the host process went away, shutting down");
      shutdown_.Request("parent exited");
    }
  }
}

}  // namespace opc::plugin
