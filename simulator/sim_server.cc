#include "simulator/sim_server.h"

#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <memory>
#include <thread>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "simulator/http/dispatcher.h"
#include "simulator/http/router.h"
#include "simulator/store/seed_loader.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

// Where the clock starts: wall time, but never before the last time this database saw.
absl::StatusOr<SimMillis> StartTime(store::Store& store) {
  SimMillis start = Clock::WallNow();
  RETURN_IF_ERROR(store.Run([&](store::Tables& tables) -> absl::Status {
    ASSIGN_OR_RETURN(std::optional<std::string> saved, tables.meta.Get(store::kClockMetaKey));
    SimMillis high_water = 0;
    if (saved && absl::SimpleAtoi(*saved, &high_water)) {
      start = std::max(start, high_water);
    }
    return absl::OkStatus();
  }));
  return start;
}

}  // namespace

absl::StatusOr<std::unique_ptr<SimServer>> SimServer::Create(SimOptions options) {
  if (options.db_path.empty()) {
    return absl::InvalidArgumentError("a database path is required");
  }
  if (!(options.time_scale >= 0.0001 && options.time_scale <= 1000)) {
    return absl::InvalidArgumentError("the time scale must be between 0.0001 and 1000");
  }
  std::unique_ptr<SimServer> server(new SimServer(std::move(options)));
  ASSIGN_OR_RETURN(std::unique_ptr<store::Store> store,
                   store::Store::Open(server->options_.db_path));
  server->store_ = std::move(store);
  ASSIGN_OR_RETURN(SimMillis start, StartTime(*server->store_));
  server->clock_ =
      std::make_unique<Clock>(server->options_.time_scale, start, server->options_.frozen_clock);
  if (server->options_.seed_path) {
    RETURN_IF_ERROR(
        store::ApplySeedFile(*server->store_, *server->options_.seed_path, server->clock_->Now()));
  }
  server->faults_ = std::make_unique<http::FaultInjector>(server->options_.fault_seed);
  server->request_counts_ = std::make_unique<http::RequestCounts>();
  server->replication_lag_ = std::make_unique<ReplicationLag>(static_cast<SimMillis>(
      std::llround(server->options_.settings.replication_lag_seconds * 1000)));
  server->services_ = std::make_unique<Services>(
      Services{*server->store_, *server->clock_, *server->faults_, server->options_.settings,
               *server->request_counts_, *server->replication_lag_});
  server->router_ = std::make_unique<http::Router>();
  RegisterTokenRoutes(*server->router_, *server->services_);
  RegisterNumberRoutes(*server->router_, *server->services_);
  RegisterOperationRoutes(*server->router_, *server->services_);
  if (!server->options_.graph_public_only) {
    RegisterOperatorRoutes(*server->router_, *server->services_);
    RegisterConsentRoutes(*server->router_, *server->services_);
    RegisterEmergencyRoutes(*server->router_, *server->services_);
  }
  RegisterAdminRoutes(*server->router_, *server->services_);
  RegisterAdminObservabilityRoutes(*server->router_, *server->services_);
  server->dispatcher_ = std::make_unique<http::Dispatcher>(
      *server->router_, *server->store_, *server->clock_, *server->faults_,
      server->options_.admin_key, server->options_.graph_public_only,
      server->request_counts_.get());
  return server;
}

SimServer::SimServer(SimOptions options) : options_(std::move(options)) {}

SimServer::~SimServer() { Stop(); }

absl::Status SimServer::Start() {
  if (running_) {
    return absl::FailedPreconditionError("already started");
  }
  // A client that hangs up mid-response must not kill the process with SIGPIPE.
  std::signal(SIGPIPE, SIG_IGN);
  server_ = std::make_unique<httplib::Server>();
  const int threads = options_.threads;
  server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // cpp-httplib writes headers and body separately; with Nagle on, a kept-alive connection
  // then waits for the client's delayed ACK (~40 ms a response), which Graph never does.
  server_->set_tcp_nodelay(true);
  http::Dispatcher* dispatcher = dispatcher_.get();
  auto handle = [dispatcher](const httplib::Request& request, httplib::Response& response) {
    dispatcher->Handle(request, response);
  };
  server_->Get(".*", handle);
  server_->Post(".*", handle);
  server_->Put(".*", handle);
  server_->Patch(".*", handle);
  server_->Delete(".*", handle);
  server_->Options(".*", handle);
  server_->set_exception_handler(
      [](const httplib::Request& request, httplib::Response& response, std::exception_ptr) {
        http::Dispatcher::WriteInternalError(request, response);
      });
  server_->set_error_handler(httplib::Server::HandlerWithResponse(
      [dispatcher](const httplib::Request& request, httplib::Response& response) {
        dispatcher->WriteRefusal(request, response);
        return httplib::Server::HandlerResponse::Unhandled;
      }));
  server_->set_payload_max_length(options_.max_request_bytes);
  if (options_.port == 0) {
    port_ = server_->bind_to_any_port(options_.host);
    if (port_ < 0) {
      return absl::UnavailableError(absl::StrCat("cannot bind ", options_.host));
    }
  } else {
    if (!server_->bind_to_port(options_.host, options_.port)) {
      return absl::UnavailableError(
          absl::StrCat("cannot bind ", options_.host, ":", options_.port));
    }
    port_ = options_.port;
  }
  running_ = true;
  auto listen_returned = std::make_shared<std::atomic<bool>>(false);
  listener_ = std::thread([this, listen_returned] {
    server_->listen_after_bind();
    *listen_returned = true;
  });
  // cpp-httplib's stop() does nothing until the accept loop runs, so a stop (SIGINT right
  // after the address is printed) could be lost and Stop() would join forever: return only
  // once the loop is running.
  while (!server_->is_running() && !*listen_returned) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return absl::OkStatus();
}

void SimServer::Stop() {
  if (!running_) {
    return;
  }
  running_ = false;
  server_->stop();
  if (listener_.joinable()) {
    listener_.join();
  }
  const SimMillis now = clock_->Now();
  store_
      ->Run([now](store::Tables& tables) {
        return tables.meta.Set(store::kClockMetaKey, std::to_string(now));
      })
      .IgnoreError();
}

std::string SimServer::base_url() const {
  return absl::StrCat("http://", options_.host, ":", port_);
}

}  // namespace opcsim
