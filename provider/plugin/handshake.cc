#include "provider/plugin/handshake.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "provider/common/status_macros.h"

namespace opc::plugin {
namespace {

// Debian's abseil has its own string_view type, so trimming and splitting are done here.
std::string_view Trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) {
    text.remove_prefix(1);
  }
  while (!text.empty() && is_space(text.back())) {
    text.remove_suffix(1);
  }
  return text;
}

std::vector<std::string_view> SplitCommas(std::string_view text) {
  std::vector<std::string_view> parts;
  while (true) {
    size_t comma = text.find(',');
    parts.push_back(text.substr(0, comma));
    if (comma == std::string_view::npos) {
      return parts;
    }
    text.remove_prefix(comma + 1);
  }
}

std::optional<int> ParseInt(std::string_view text) {
  text = Trim(text);
  int value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

std::string RandomSuffix() {
  std::random_device device;
  std::uniform_int_distribution<uint32_t> dist;
  char buffer[9];
  std::snprintf(buffer, sizeof(buffer), "%08x", dist(device));
  return buffer;
}

}  // namespace

bool HasMagicCookie(const EnvLookup& env) {
  std::optional<std::string> cookie = env(kMagicCookieKey);
  return cookie.has_value() && *cookie == kMagicCookieValue;
}

std::string NotAPluginMessage(std::string_view program_name) {
  return absl::StrCat(
      "This binary is a plugin for Terraform and OpenTofu (", std::string(program_name),
      "). It is not meant to be executed directly.\n"
      "Install it as a provider and let terraform run it; see the provider documentation.\n"
      "To debug it, run it with --debug and follow the instructions it prints.\n");
}

absl::StatusOr<int> NegotiateProtocolVersion(const EnvLookup& env) {
  std::optional<std::string> offered = env("PLUGIN_PROTOCOL_VERSIONS");
  if (!offered.has_value() || Trim(*offered).empty()) {
    return kAppProtocolVersion;
  }
  std::vector<std::string> versions;
  for (std::string_view item : SplitCommas(*offered)) {
    std::optional<int> version = ParseInt(item);
    if (version == kAppProtocolVersion) {
      return kAppProtocolVersion;
    }
    versions.emplace_back(Trim(item));
  }
  return absl::FailedPreconditionError(absl::StrCat(
      "this provider speaks plugin protocol ", kAppProtocolVersion, " only, but the host offered [",
      absl::StrJoin(versions, ", "), "]; use Terraform 1.0 or newer, or OpenTofu"));
}

std::string ListenAddress::GrpcUri() const {
  return network == Network::kUnix ? absl::StrCat("unix:", address) : address;
}

std::string NewUnixSocketPath(const EnvLookup& env) {
  std::string dir = "/tmp";
  for (std::string_view key : {"PLUGIN_UNIX_SOCKET_DIR", "TMPDIR"}) {
    std::optional<std::string> value = env(key);
    if (value.has_value() && !value->empty()) {
      dir = *value;
      break;
    }
  }
  while (dir.size() > 1 && dir.back() == '/') {
    dir.pop_back();
  }
  std::string name = absl::StrCat("opc-", ::getpid(), "-", RandomSuffix(), ".sock");
  std::string path = absl::StrCat(dir, "/", name);
  // sun_path must hold the path and its terminating NUL.
  if (path.size() >= sizeof(sockaddr_un{}.sun_path)) {
    path = absl::StrCat("/tmp/", name);
  }
  return path;
}

absl::StatusOr<PortRange> PortRangeFromEnv(const EnvLookup& env) {
  PortRange range;
  auto read = [&](std::string_view key, int& out) -> absl::Status {
    std::optional<std::string> text = env(key);
    if (!text.has_value() || text->empty()) {
      return absl::OkStatus();
    }
    std::optional<int> value = ParseInt(*text);
    if (!value.has_value() || *value < 0 || *value > 65535) {
      return absl::InvalidArgumentError(
          absl::StrCat(std::string(key), " is not a port number: ", *text));
    }
    if (*value != 0) {
      out = *value;
    }
    return absl::OkStatus();
  };
  RETURN_IF_ERROR(read("PLUGIN_MIN_PORT", range.min));
  RETURN_IF_ERROR(read("PLUGIN_MAX_PORT", range.max));
  if (range.min > range.max) {
    return absl::InvalidArgumentError(absl::StrCat("PLUGIN_MIN_PORT (", range.min,
                                                   ") is above PLUGIN_MAX_PORT (", range.max, ")"));
  }
  return range;
}

absl::StatusOr<int> FindFreeLoopbackPort(PortRange range) {
  for (int port = range.min; port <= range.max; ++port) {
    int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
      return absl::InternalError("cannot create a TCP socket");
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // Probe with the same SO_REUSEADDR gRPC uses, so a port in TIME_WAIT counts as free.
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    bool free = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)) == 0;
    ::close(fd);
    if (free) {
      return port;
    }
  }
  return absl::ResourceExhaustedError(
      absl::StrCat("no free TCP port on 127.0.0.1 in ", range.min, "..", range.max));
}

std::string Base64NoPadding(std::string_view bytes) {
  std::string out = absl::Base64Escape(absl::string_view(bytes.data(), bytes.size()));
  while (!out.empty() && out.back() == '=') {
    out.pop_back();
  }
  return out;
}

std::string FormatHandshakeLine(int app_protocol_version, const ListenAddress& address,
                                std::string_view server_cert_der) {
  return absl::StrCat(kCoreProtocolVersion, "|", app_protocol_version, "|", address.NetworkName(),
                      "|", address.address, "|grpc|", Base64NoPadding(server_cert_der), "\n");
}

}  // namespace opc::plugin
