// The go-plugin handshake as Terraform expects it: the magic cookie that proves Terraform
// started us, protocol-version negotiation, where to listen, and the one stdout line that tells
// Terraform how to connect.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "provider/common/environment.h"

namespace opc::plugin {

inline constexpr std::string_view kMagicCookieKey = "TF_PLUGIN_MAGIC_COOKIE";
inline constexpr std::string_view kMagicCookieValue =
    "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2";
inline constexpr int kCoreProtocolVersion = 1;  // go-plugin's own protocol
inline constexpr int kAppProtocolVersion = 6;   // tfplugin6, the only one we speak

// True when Terraform (or another go-plugin host) started this process.
bool HasMagicCookie(const EnvLookup& env);

// What a person running the binary by hand sees on stderr.
std::string NotAPluginMessage(std::string_view program_name);

// Picks our protocol version from PLUGIN_PROTOCOL_VERSIONS (comma-separated, any order). An
// unset or empty list means an old host that does not negotiate: we offer 6 anyway.
absl::StatusOr<int> NegotiateProtocolVersion(const EnvLookup& env);

struct ListenAddress {
  enum class Network { kUnix, kTcp };
  Network network = Network::kUnix;
  std::string address;  // unix: absolute socket path; tcp: "127.0.0.1:PORT"

  std::string NetworkName() const { return network == Network::kUnix ? "unix" : "tcp"; }
  // The address in gRPC's URI syntax ("unix:/tmp/x.sock", "127.0.0.1:1234").
  std::string GrpcUri() const;
};

// A fresh socket path in PLUGIN_UNIX_SOCKET_DIR, $TMPDIR or /tmp (falling back to /tmp when
// the directory would make the path longer than a sockaddr_un can hold).
std::string NewUnixSocketPath(const EnvLookup& env);

struct PortRange {
  int min = 10000;
  int max = 25000;
};
// PLUGIN_MIN_PORT..PLUGIN_MAX_PORT, with go-plugin's defaults when unset or 0.
absl::StatusOr<PortRange> PortRangeFromEnv(const EnvLookup& env);
// The first port in `range` that 127.0.0.1 can bind right now.
absl::StatusOr<int> FindFreeLoopbackPort(PortRange range);

// Standard base64 without '=' padding (Go's RawStdEncoding, which is how go-plugin decodes the
// certificate field).
std::string Base64NoPadding(std::string_view bytes);

// `1|6|unix|/tmp/x.sock|grpc|<base64 DER>` plus a newline. An empty `server_cert_der` leaves
// the last field empty (plaintext).
std::string FormatHandshakeLine(int app_protocol_version, const ListenAddress& address,
                                std::string_view server_cert_der);

}  // namespace opc::plugin
