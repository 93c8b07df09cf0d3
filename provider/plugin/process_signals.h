// Process-level reasons to stop serving: SIGTERM (and SIGINT in debug mode), and the host
// disappearing (re-parented after Terraform was killed), which would otherwise orphan us.
#pragma once

#include <sys/types.h>

#include <memory>
#include <thread>

#include "provider/common/logger.h"
#include "provider/plugin/shutdown_signal.h"

namespace opc::plugin {

class ProcessSignalWatcher {
 public:
  struct Options {
    bool stop_on_sigint = false;  // debug mode; otherwise SIGINT is ignored like go-plugin does
    bool watch_parent = true;     // exit when our parent process goes away
  };

  // Installs the handlers and starts the watching thread; raises `shutdown` on a stop reason.
  ProcessSignalWatcher(Options options, ShutdownSignal& shutdown, Logger log);
  // Stops the thread and restores the previous signal dispositions.
  ~ProcessSignalWatcher();

  ProcessSignalWatcher(const ProcessSignalWatcher&) = delete;
  ProcessSignalWatcher& operator=(const ProcessSignalWatcher&) = delete;

 private:
  void Run();

  Options options_;
  // Read before the thread starts: a thread scheduled late on a loaded machine could otherwise
  // first see the host already gone (re-parented to init) and take that as the parent.
  const pid_t parent_;
  ShutdownSignal& shutdown_;
  Logger log_;
  int pipe_read_ = -1;
  int pipe_write_ = -1;
  struct SavedActions;
  std::unique_ptr<SavedActions> saved_;
  std::thread thread_;
};

}  // namespace opc::plugin
