// operatorconnect-sim: a simulated Teams tenant (Graph number management, operator consents,
// emergency addresses) plus an admin API for tests. Process concerns only: flags, signals,
// the one machine-readable startup line.

#include <CLI/CLI.hpp>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>

#include "absl/strings/numbers.h"
#include "simulator/sim_server.h"

namespace {

// "127.0.0.1:0" -> host and port.
bool ParseListen(const std::string& listen, std::string* host, int* port) {
  const size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    return false;
  }
  *host = listen.substr(0, colon);
  if (host->size() > 2 && host->front() == '[' && host->back() == ']') {
    *host = host->substr(1, host->size() - 2);
  }
  return absl::SimpleAtoi(listen.substr(colon + 1), port) && *port >= 0 && *port <= 65535;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"operatorconnect-sim: a simulated Teams tenant for the Operator Connect provider"};
  std::string listen = "127.0.0.1:0";
  opcsim::SimOptions options;
  std::string seed;
  app.add_option("--listen", listen, "host:port to bind (port 0 picks a free port)")
      ->capture_default_str();
  app.add_option("--db", options.db_path, "SQLite database file (created if missing)")->required();
  app.add_option("--seed", seed, "seed JSON applied idempotently at start");
  app.add_option("--admin-key", options.admin_key,
                 "key for the /_sim admin API (X-Sim-Admin-Key); without one it is disabled")
      ->envname("OPCSIM_ADMIN_KEY");
  app.add_option("--time-scale", options.time_scale,
                 "real seconds per simulated second (0.01 runs 100x faster)")
      ->capture_default_str();
  app.add_option("--fault-seed", options.fault_seed, "default seed of fault-injection rules")
      ->capture_default_str();
  app.add_option("--token-lifetime", options.settings.token_lifetime_seconds,
                 "access token lifetime in seconds (expires_in)")
      ->capture_default_str();
  app.add_option("--operation-start-seconds", options.settings.operation_start_seconds,
                 "simulated seconds a long-running operation stays notStarted")
      ->capture_default_str();
  app.add_option("--operation-complete-seconds", options.settings.operation_complete_seconds,
                 "simulated seconds until a long-running operation completes")
      ->capture_default_str();
  app.add_option("--replication-lag-seconds", options.settings.replication_lag_seconds,
                 "simulated seconds a newly created object stays invisible to reads")
      ->check(CLI::Range(0.0, 3600.0))
      ->capture_default_str();
  app.add_option("--issued-token-log", options.settings.issued_token_log,
                 "tests only: append every issued access token to this file");
  app.add_option("--threads", options.threads, "HTTP worker threads")->capture_default_str();
  app.add_flag(
      "--graph-public-only", options.graph_public_only,
      "serve only what Microsoft publishes (Graph v1.0 numbers, token endpoint); the "
      "contract's own operatorConnect and emergencyCalling paths answer 400 as Graph does");
  CLI11_PARSE(app, argc, argv);

  if (!ParseListen(listen, &options.host, &options.port)) {
    std::cerr << "operatorconnect-sim: --listen must be host:port, got '" << listen << "'\n";
    return 2;
  }
  if (!seed.empty()) {
    options.seed_path = seed;
  }

  // A shell starts background jobs with SIGINT ignored, and an ignored signal is discarded even
  // while blocked, so sigwait would never see it: restore the default disposition first.
  std::signal(SIGINT, SIG_DFL);
  std::signal(SIGTERM, SIG_DFL);
  // Block the stop signals before any thread starts, so only sigwait below receives them.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  absl::StatusOr<std::unique_ptr<opcsim::SimServer>> server =
      opcsim::SimServer::Create(std::move(options));
  if (!server.ok()) {
    std::cerr << "operatorconnect-sim: " << server.status().message() << "\n";
    return 1;
  }
  if (absl::Status started = (*server)->Start(); !started.ok()) {
    std::cerr << "operatorconnect-sim: " << started.message() << "\n";
    return 1;
  }
  std::cout << "listening on " << (*server)->base_url() << std::endl;  // flushed

  int received = 0;
  sigwait(&stop_signals, &received);
  (*server)->Stop();
  std::cerr << "operatorconnect-sim: stopped (signal " << received << ")\n";
  return 0;
}
