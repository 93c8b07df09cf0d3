// terraform-provider-operatorconnect: process concerns only (flags, the cookie check, serving).
#include <absl/synchronization/mutex.h>
#include <malloc.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <memory>
#include <string>

#include "provider/build_info.h"
#include "provider/common/environment.h"
#include "provider/common/logger.h"
#include "provider/export/export_command.h"
#include "provider/framework/server.h"
#include "provider/plugin/handshake.h"
#include "provider/plugin/plugin_server.h"
#include "provider/protocol/provider_service.h"
#include "provider/resources/operatorconnect_provider.h"

namespace {

constexpr char kProgramName[] = "terraform-provider-operatorconnect";

// OPERATORCONNECT_PLUGIN_NETWORK=tcp serves on 127.0.0.1 (PLUGIN_MIN_PORT..PLUGIN_MAX_PORT)
// instead of a unix socket, for hosts or sandboxes where sockets in $TMPDIR are not usable.
opc::plugin::ListenAddress::Network NetworkFromEnv(const opc::EnvLookup& env) {
  std::optional<std::string> network = env("OPERATORCONNECT_PLUGIN_NETWORK");
  return network == "tcp" ? opc::plugin::ListenAddress::Network::kTcp
                          : opc::plugin::ListenAddress::Network::kUnix;
}

}  // namespace

int main(int argc, char** argv) {
  // glibc gives each thread that allocates concurrently its own heap (up to 8 per core); the
  // gRPC threads of one plan would each keep one, and their free pages, for the process's life.
  // Two arenas bound that; the provider is I/O-bound, so allocation contention is rare.
  mallopt(M_ARENA_MAX, 2);
  // Debian's Abseil is built without NDEBUG, so every absl::Mutex (gRPC locks one several times
  // per call) maintains a lock-order graph for deadlock detection: about 2.5% of a refreshing
  // plan's CPU in `perf`, for a check that belongs in tests, not in users' runs.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  CLI::App app{
      "Terraform/OpenTofu provider for Microsoft Teams Phone Operator Connect.\n"
      "Terraform starts this program itself; run it by hand only with --debug or --version,\n"
      "or as `export` to write a configuration that imports an existing tenant.",
      kProgramName};
  bool debug = false;
  bool version = false;
  app.add_flag("--debug", debug,
               "Serve on its own (plaintext) and print the TF_REATTACH_PROVIDERS value to use");
  app.add_flag("--version", version, "Print the version and exit");
  // A subcommand run by hand; Terraform starts the binary without arguments.
  opc::exporter::ExportCommand export_command(app);
  CLI11_PARSE(app, argc, argv);

  if (export_command.selected()) {
    return export_command.Run(opc::ProcessEnvironment(), opc::resources::kProviderSourceAddress,
                              opc::resources::ProviderVersion(), stderr);
  }

  if (version) {
    std::printf("%s %s (commit %s)\n", kProgramName,
                std::string(opc::build_info::Version()).c_str(),
                std::string(opc::build_info::Commit()).c_str());
    return 0;
  }

  const opc::EnvLookup env = opc::ProcessEnvironment();
  if (!debug && !opc::plugin::HasMagicCookie(env)) {
    std::string message = opc::plugin::NotAPluginMessage(kProgramName);
    std::fputs(message.c_str(), stderr);
    return 1;
  }
  if (debug && opc::LogLevelFromEnv(env) == opc::LogLevel::kOff) {
    // Run by hand: show what happens unless the user chose a level.
    opc::ProcessLogger().SetLevel(opc::LogLevel::kInfo);
  }
  // The first log line names the build, so that any log says which binary wrote it.
  opc::ProcessLogger().Info("starting terraform-provider-operatorconnect",
                            {{"version", std::string(opc::build_info::Version())},
                             {"commit", std::string(opc::build_info::Commit())}});

  auto server = std::make_shared<opc::framework::ProviderServer>(
      std::make_unique<opc::resources::OperatorConnectProvider>(env));
  std::unique_ptr<grpc::Service> service = opc::protocol::MakeProviderService(server);

  opc::plugin::ServeOptions options;
  options.services = {service.get()};
  options.provider_address = opc::resources::kProviderSourceAddress;
  options.debug = debug;
  options.network = NetworkFromEnv(env);
  options.env = env;
  return opc::plugin::Serve(options);
}
