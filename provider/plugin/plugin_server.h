// Serves the provider the way a go-plugin host expects: negotiate, listen (unix socket or
// loopback TCP, with AutoMTLS when the host asks for it), announce the handshake line, serve
// until the host (or a signal) says stop, then leave nothing behind.
#pragma once

#include <grpcpp/impl/service_type.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "provider/common/environment.h"
#include "provider/plugin/handshake.h"

namespace opc::plugin {

inline constexpr int kMaxMessageBytes = 256 << 20;  // big plans and states, as the Go SDK allows

struct ServeOptions {
  // Services served next to go-plugin's own (controller, stdio, health). Not owned; they must
  // outlive Serve().
  std::vector<grpc::Service*> services;
  // Source address of the provider, used for debug mode's TF_REATTACH_PROVIDERS.
  std::string provider_address;
  // Debug mode: plaintext, no cookie or negotiation, print reattach instructions instead of
  // the handshake line, serve until SIGINT/SIGTERM.
  bool debug = false;
  ListenAddress::Network network = ListenAddress::Network::kUnix;
  EnvLookup env = ProcessEnvironment();
  // Receives what goes to stdout (the handshake line); writes to fd 1 when empty.
  std::function<void(std::string_view)> write_stdout;
  // Exit when the parent process goes away (orphaned after the host was killed).
  bool watch_parent = true;
};

// Returns the process exit code: 0 after a clean shutdown, 1 when serving could not start.
int Serve(const ServeOptions& options);

// The TF_REATTACH_PROVIDERS value for a provider served at `address` by process `pid`.
std::string ReattachProvidersJson(std::string_view provider_address, const ListenAddress& address,
                                  int pid);

}  // namespace opc::plugin
