#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "simulator/handlers/services.h"

namespace httplib {
class Server;
}

namespace opcsim {

namespace http {
class Dispatcher;
class Router;
}  // namespace http

struct SimOptions {
  std::string host = "127.0.0.1";
  int port = 0;  // 0: any free port
  std::string db_path;
  std::optional<std::string> seed_path;
  std::string admin_key;  // empty: admin API disabled
  double time_scale = 1.0;
  // Simulated time moves only when pushed (/_sim/clock/advance, Clock::Advance, injected
  // latency): for tests, which then never wait on the wall clock.
  bool frozen_clock = false;
  uint64_t fault_seed = 0;
  int threads = 16;
  // Larger request bodies are refused with 413.
  size_t max_request_bytes = 16 * 1024 * 1024;
  // Serve only what Microsoft publishes (Graph v1.0 numbers, operations, the token endpoint):
  // the contract's own /beta/admin/teams/{operatorConnect,emergencyCalling} paths answer as
  // Graph answers an unknown segment. The admin API stays.
  bool graph_public_only = false;
  SimSettings settings;
};

// The simulator as an embeddable object: main.cc runs one, tests start one on port 0.
class SimServer {
 public:
  // Opens (and migrates) the database and applies the seed; does not listen yet.
  static absl::StatusOr<std::unique_ptr<SimServer>> Create(SimOptions options);
  ~SimServer();
  SimServer(const SimServer&) = delete;
  SimServer& operator=(const SimServer&) = delete;

  // Binds and serves on a background thread; returns once the port is bound.
  absl::Status Start();
  // Stops serving, waits for in-flight requests, and records the clock. Idempotent.
  void Stop();

  int port() const { return port_; }
  // "http://host:port"
  std::string base_url() const;

  Clock& clock() { return *clock_; }

 private:
  explicit SimServer(SimOptions options);

  SimOptions options_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<Clock> clock_;
  std::unique_ptr<http::FaultInjector> faults_;
  std::unique_ptr<http::RequestCounts> request_counts_;
  std::unique_ptr<ReplicationLag> replication_lag_;
  std::unique_ptr<Services> services_;
  std::unique_ptr<http::Router> router_;
  std::unique_ptr<http::Dispatcher> dispatcher_;
  std::unique_ptr<httplib::Server> server_;
  std::thread listener_;
  int port_ = 0;
  bool running_ = false;
};

}  // namespace opcsim
