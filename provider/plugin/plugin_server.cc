#include "provider/plugin/plugin_server.h"

#include <grpc/support/log.h>
#include <grpcpp/grpcpp.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <memory>
#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "provider/common/logger.h"
#include "provider/common/status_macros.h"
#include "provider/plugin/controller.h"
#include "provider/plugin/health.h"
#include "provider/plugin/process_signals.h"
#include "provider/plugin/shutdown_signal.h"
#include "provider/plugin/stdio.h"
#include "provider/plugin/tls_certificate.h"

namespace opc::plugin {
namespace {

constexpr auto kShutdownGrace = std::chrono::seconds(2);

void WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n <= 0) {
      return;
    }
    text.remove_prefix(static_cast<size_t>(n));
  }
}

// gRPC's own log lines go through our logger so they reach Terraform in the same format.
void ForwardGrpcLog(gpr_log_func_args* args) {
  LogLevel level = LogLevel::kDebug;
  if (args->severity == GPR_LOG_SEVERITY_ERROR) {
    level = LogLevel::kError;
  } else if (args->severity == GPR_LOG_SEVERITY_INFO) {
    level = LogLevel::kInfo;
  }
  ProcessLogger().Named("grpc").Log(level, args->message,
                                    {{"file", args->file}, {"line", args->line}});
}

struct Credentials {
  std::shared_ptr<grpc::ServerCredentials> server;
  std::string certificate_der;  // empty for plaintext
};

absl::StatusOr<Credentials> MakeCredentials(const ServeOptions& options, const Logger& log) {
  std::optional<std::string> client_cert = options.env("PLUGIN_CLIENT_CERT");
  if (options.debug || !client_cert.has_value() || client_cert->empty()) {
    log.Debug("serving without TLS (the host did not ask for AutoMTLS)");
    return Credentials{grpc::InsecureServerCredentials(), {}};
  }
  ASSIGN_OR_RETURN(ServerCertificate cert, GenerateServerCertificate());
  // Only the host, holding the certificate it handed us, may connect.
  grpc::SslServerCredentialsOptions ssl(GRPC_SSL_REQUEST_AND_REQUIRE_CLIENT_CERTIFICATE_AND_VERIFY);
  ssl.pem_root_certs = *client_cert;
  ssl.pem_key_cert_pairs.push_back({cert.private_key_pem, cert.certificate_pem});
  log.Debug("serving with AutoMTLS");
  return Credentials{grpc::SslServerCredentials(ssl), cert.certificate_der};
}

absl::StatusOr<ListenAddress> ChooseAddress(const ServeOptions& options) {
  ListenAddress address;
  address.network = options.network;
  if (options.network == ListenAddress::Network::kUnix) {
    address.address = NewUnixSocketPath(options.env);
    return address;
  }
  ASSIGN_OR_RETURN(PortRange range, PortRangeFromEnv(options.env));
  ASSIGN_OR_RETURN(int port, FindFreeLoopbackPort(range));
  address.address = absl::StrCat("127.0.0.1:", port);
  return address;
}

std::unique_ptr<grpc::Server> StartServer(const ServeOptions& options, const ListenAddress& address,
                                          const std::shared_ptr<grpc::ServerCredentials>& creds,
                                          const std::vector<grpc::Service*>& own_services) {
  grpc::ServerBuilder builder;
  builder.SetMaxReceiveMessageSize(kMaxMessageBytes);
  builder.SetMaxSendMessageSize(kMaxMessageBytes);
  builder.AddListeningPort(address.GrpcUri(), creds);
  for (grpc::Service* service : options.services) {
    builder.RegisterService(service);
  }
  for (grpc::Service* service : own_services) {
    builder.RegisterService(service);
  }
  // The socket file is created by bind(): keep it private to our user.
  mode_t old_mask = ::umask(0077);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  ::umask(old_mask);
  return server;
}

void Announce(const ServeOptions& options, const ListenAddress& address, int protocol_version,
              const std::string& certificate_der) {
  std::string text;
  if (options.debug) {
    text = absl::StrCat(
        "Provider started in debug mode. To use it, set TF_REATTACH_PROVIDERS in the shell that "
        "runs terraform:\n\n\tTF_REATTACH_PROVIDERS='",
        ReattachProvidersJson(options.provider_address, address, ::getpid()),
        "'\n\nStop it with Ctrl-C.\n");
  } else {
    text = FormatHandshakeLine(protocol_version, address, certificate_der);
  }
  if (options.write_stdout) {
    options.write_stdout(text);
  } else {
    WriteAll(STDOUT_FILENO, text);
  }
}

}  // namespace

std::string ReattachProvidersJson(std::string_view provider_address, const ListenAddress& address,
                                  int pid) {
  nlohmann::json config = {
      {"Protocol", "grpc"},
      {"ProtocolVersion", kAppProtocolVersion},
      {"Pid", pid},
      // Without Test=true Terraform assumes protocol 5 and would also try to kill us.
      {"Test", true},
      {"Addr", {{"Network", address.NetworkName()}, {"String", address.address}}},
  };
  nlohmann::json all = nlohmann::json::object();
  all[std::string(provider_address)] = config;
  return all.dump();
}

int Serve(const ServeOptions& options) {
  Logger log = ProcessLogger().Named("plugin");
  gpr_set_log_function(ForwardGrpcLog);
  // Before the handshake nothing may go to stdout: the host shows our stderr with the failure.
  const auto fail = [&log](const absl::Status& status) {
    log.Error("cannot start serving", {{"error", std::string(status.message())}});
    WriteAll(STDERR_FILENO, absl::StrCat("Error: ", status.message(), "\n"));
    return 1;
  };

  int protocol_version = kAppProtocolVersion;
  if (!options.debug) {
    absl::StatusOr<int> negotiated = NegotiateProtocolVersion(options.env);
    if (!negotiated.ok()) {
      return fail(negotiated.status());
    }
    protocol_version = *negotiated;
  }
  absl::StatusOr<Credentials> creds = MakeCredentials(options, log);
  if (!creds.ok()) {
    return fail(creds.status());
  }
  absl::StatusOr<ListenAddress> address = ChooseAddress(options);
  if (!address.ok()) {
    return fail(address.status());
  }

  ShutdownSignal shutdown;
  std::unique_ptr<grpc::Service> controller = MakeControllerService(shutdown);
  std::unique_ptr<grpc::Service> stdio = MakeStdioService();
  std::unique_ptr<grpc::Service> health = MakeHealthService();
  // Handlers go in before the handshake: from then on the host may stop us at any moment.
  ProcessSignalWatcher watcher(
      {.stop_on_sigint = options.debug, .watch_parent = options.watch_parent && !options.debug},
      shutdown, log);

  std::unique_ptr<grpc::Server> server =
      StartServer(options, *address, creds->server, {controller.get(), stdio.get(), health.get()});
  if (server == nullptr) {
    return fail(absl::UnavailableError(
        absl::StrCat("cannot listen on ", address->NetworkName(), " ", address->address)));
  }
  log.Info("serving", {{"network", address->NetworkName()},
                       {"address", address->address},
                       {"protocol_version", protocol_version},
                       {"tls", !creds->certificate_der.empty()}});
  Announce(options, *address, protocol_version, creds->certificate_der);

  std::string reason = shutdown.Wait();
  log.Debug("stopping", {{"reason", reason}});
  server->Shutdown(std::chrono::system_clock::now() + kShutdownGrace);
  server.reset();
  if (address->network == ListenAddress::Network::kUnix) {
    ::unlink(address->address.c_str());
  }
  log.Debug("stopped");
  return 0;
}

}  // namespace opc::plugin
