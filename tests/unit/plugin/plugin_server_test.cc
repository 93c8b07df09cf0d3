// Serves the go-plugin side in-process, as Terraform would see it: handshake line, AutoMTLS,
// health, stdio, controller shutdown and SIGTERM, and the socket file cleaned up afterwards.
#include "provider/plugin/plugin_server.h"

#include <gmock/gmock.h>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "grpc_controller.grpc.pb.h"
#include "grpc_stdio.grpc.pb.h"
#include "provider/plugin/handshake.h"
#include "provider/plugin/tls_certificate.h"

namespace opc::plugin {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

std::vector<std::string> SplitBars(const std::string& line) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (true) {
    size_t bar = line.find('|', start);
    parts.push_back(line.substr(start, bar - start));
    if (bar == std::string::npos) {
      return parts;
    }
    start = bar + 1;
  }
}

std::string Base64DecodeNoPadding(std::string text) {
  while (text.size() % 4 != 0) {
    text.push_back('=');
  }
  std::string out(text.size(), '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0) {
    return {};
  }
  size_t pad = text.size() - text.find_last_not_of('=') - 1;
  out.resize(static_cast<size_t>(n) - pad);
  return out;
}

std::string DerToPem(const std::string& der) {
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  X509* cert = d2i_X509(nullptr, &p, static_cast<long>(der.size()));
  if (cert == nullptr) {
    return {};
  }
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(bio, cert);
  char* data = nullptr;
  long size = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<size_t>(size));
  BIO_free(bio);
  X509_free(cert);
  return pem;
}

// Runs Serve() on a thread and hands back what it printed on stdout.
class RunningServer {
 public:
  explicit RunningServer(ServeOptions options) {
    auto announced = std::make_shared<std::promise<std::string>>();
    handshake_ = announced->get_future();
    options.write_stdout = [announced](std::string_view text) {
      announced->set_value(std::string(text));
    };
    options.watch_parent = false;
    thread_ = std::thread([this, options] { exit_code_.set_value(Serve(options)); });
    exit_future_ = exit_code_.get_future();
  }
  ~RunningServer() {
    if (thread_.joinable()) {
      thread_.join();
    }
  }
  std::string Handshake() {
    if (handshake_.wait_for(std::chrono::seconds(20)) != std::future_status::ready) {
      return {};
    }
    return handshake_.get();
  }
  // The exit code, or -1 if Serve() is still running after `timeout`.
  int WaitExit(std::chrono::milliseconds timeout = std::chrono::seconds(10)) {
    if (exit_future_.wait_for(timeout) != std::future_status::ready) {
      return -1;
    }
    return exit_future_.get();
  }

 private:
  std::future<std::string> handshake_;
  std::promise<int> exit_code_;
  std::future<int> exit_future_;
  std::thread thread_;
};

class PluginServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir_template[] = "/tmp/opc-plugin-test-XXXXXX";
    ASSERT_NE(mkdtemp(dir_template), nullptr);
    dir_ = dir_template;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  ServeOptions Options(std::map<std::string, std::string, std::less<>> env) {
    env.emplace("TMPDIR", dir_);
    env.emplace("PLUGIN_PROTOCOL_VERSIONS", "5,6");
    ServeOptions options;
    options.env = FixedEnvironment(std::move(env));
    options.provider_address = "localhost/operatorconnect/operatorconnect";
    return options;
  }

  std::string dir_;
};

// Calls grpc.health.v1.Health/Check for "plugin" without the health proto: the request and
// response are tiny protobufs written by hand.
std::string HealthCheck(const std::shared_ptr<grpc::Channel>& channel) {
  grpc::GenericStub stub(channel);
  grpc::CompletionQueue cq;
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  const std::string request_bytes("\x0a\x06plugin", 8);
  grpc::Slice slice(request_bytes);
  grpc::ByteBuffer request(&slice, 1);
  auto call = stub.PrepareUnaryCall(&context, "/grpc.health.v1.Health/Check", request, &cq);
  call->StartCall();
  grpc::ByteBuffer response;
  grpc::Status status;
  call->Finish(&response, &status, reinterpret_cast<void*>(1));
  void* tag = nullptr;
  bool ok = false;
  cq.Next(&tag, &ok);
  if (!status.ok()) {
    return "error: " + status.error_message();
  }
  std::vector<grpc::Slice> slices;
  (void)response.Dump(&slices);
  std::string bytes;
  for (const auto& s : slices) {
    bytes.append(reinterpret_cast<const char*>(s.begin()), s.size());
  }
  return bytes;
}

grpc::Status CallShutdown(const std::shared_ptr<grpc::Channel>& channel) {
  auto stub = ::plugin::GRPCController::NewStub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
  ::plugin::Empty request;
  ::plugin::Empty response;
  return stub->Shutdown(&context, request, &response);
}

TEST_F(PluginServerTest, AutoMtlsHandshakeServesAndShutsDownCleanly) {
  auto client_cert = GenerateServerCertificate();
  ASSERT_TRUE(client_cert.ok());
  RunningServer server(Options({{"PLUGIN_CLIENT_CERT", client_cert->certificate_pem}}));

  std::string line = server.Handshake();
  ASSERT_FALSE(line.empty()) << "no handshake line";
  ASSERT_EQ(line.back(), '\n');
  line.pop_back();
  std::vector<std::string> parts = SplitBars(line);
  ASSERT_EQ(parts.size(), 6u) << line;
  EXPECT_EQ(parts[0], "1");
  EXPECT_EQ(parts[1], "6");
  EXPECT_EQ(parts[2], "unix");
  EXPECT_THAT(parts[3], StartsWith(dir_ + "/opc-"));
  EXPECT_EQ(parts[4], "grpc");
  EXPECT_GT(parts[5].size(), 50u);
  EXPECT_EQ(parts[5].find('='), std::string::npos);

  // The socket exists while serving and is private to our user.
  const std::string socket_path = parts[3];
  struct stat st {};
  ASSERT_EQ(::stat(socket_path.c_str(), &st), 0);
  EXPECT_TRUE(S_ISSOCK(st.st_mode));
  EXPECT_EQ(st.st_mode & 0077, 0u);

  std::string server_pem = DerToPem(Base64DecodeNoPadding(parts[5]));
  ASSERT_THAT(server_pem, StartsWith("-----BEGIN CERTIFICATE-----"));

  grpc::ChannelArguments args;
  args.SetSslTargetNameOverride("localhost");

  // Without the host's client certificate the server refuses the connection.
  grpc::SslCredentialsOptions anonymous;
  anonymous.pem_root_certs = server_pem;
  auto stranger =
      grpc::CreateCustomChannel("unix:" + socket_path, grpc::SslCredentials(anonymous), args);
  EXPECT_FALSE(CallShutdown(stranger).ok());

  grpc::SslCredentialsOptions host;
  host.pem_root_certs = server_pem;
  host.pem_private_key = client_cert->private_key_pem;
  host.pem_cert_chain = client_cert->certificate_pem;
  auto channel = grpc::CreateCustomChannel("unix:" + socket_path, grpc::SslCredentials(host), args);

  EXPECT_EQ(HealthCheck(channel), std::string("\x08\x01", 2));  // SERVING

  {
    auto stdio = ::plugin::GRPCStdio::NewStub(channel);
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(10));
    auto reader = stdio->StreamStdio(&context, google::protobuf::Empty());
    ::plugin::StdioData data;
    EXPECT_FALSE(reader->Read(&data));
    EXPECT_TRUE(reader->Finish().ok());
  }

  EXPECT_EQ(server.WaitExit(std::chrono::seconds(0)), -1) << "still serving";
  ASSERT_TRUE(CallShutdown(channel).ok());
  EXPECT_EQ(server.WaitExit(), 0);
  EXPECT_FALSE(std::filesystem::exists(socket_path));
}

TEST_F(PluginServerTest, PlaintextOverTcpInThePortRange) {
  // A free range near an OS-assigned port keeps the test hermetic.
  int probe = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(probe, reinterpret_cast<sockaddr*>(&addr), sizeof(addr)), 0);
  socklen_t len = sizeof(addr);
  ::getsockname(probe, reinterpret_cast<sockaddr*>(&addr), &len);
  int base = ntohs(addr.sin_port);
  ::close(probe);

  ServeOptions options = Options(
      {{"PLUGIN_MIN_PORT", std::to_string(base)}, {"PLUGIN_MAX_PORT", std::to_string(base + 20)}});
  options.network = ListenAddress::Network::kTcp;
  RunningServer server(options);
  std::string line = server.Handshake();
  std::vector<std::string> parts = SplitBars(line);
  ASSERT_EQ(parts.size(), 6u) << line;
  EXPECT_EQ(parts[2], "tcp");
  EXPECT_THAT(parts[3], StartsWith("127.0.0.1:"));
  int port = std::stoi(parts[3].substr(10));
  EXPECT_GE(port, base);
  EXPECT_LE(port, base + 20);
  EXPECT_EQ(parts[5], "\n");

  auto channel = grpc::CreateChannel(parts[3], grpc::InsecureChannelCredentials());
  EXPECT_EQ(HealthCheck(channel), std::string("\x08\x01", 2));
  ASSERT_TRUE(CallShutdown(channel).ok());
  EXPECT_EQ(server.WaitExit(), 0);
}

TEST_F(PluginServerTest, SigtermStopsServingAndRemovesTheSocket) {
  RunningServer server(Options({}));
  std::vector<std::string> parts = SplitBars(server.Handshake());
  ASSERT_EQ(parts.size(), 6u);
  ASSERT_TRUE(std::filesystem::exists(parts[3]));
  ASSERT_EQ(::raise(SIGTERM), 0);
  EXPECT_EQ(server.WaitExit(), 0);
  EXPECT_FALSE(std::filesystem::exists(parts[3]));
}

TEST_F(PluginServerTest, SigintIsIgnoredOutsideDebugMode) {
  RunningServer server(Options({}));
  std::vector<std::string> parts = SplitBars(server.Handshake());
  ASSERT_EQ(parts.size(), 6u);
  ASSERT_EQ(::raise(SIGINT), 0);
  EXPECT_EQ(server.WaitExit(std::chrono::milliseconds(300)), -1);
  auto channel = grpc::CreateChannel("unix:" + parts[3], grpc::InsecureChannelCredentials());
  ASSERT_TRUE(CallShutdown(channel).ok());
  EXPECT_EQ(server.WaitExit(), 0);
}

TEST_F(PluginServerTest, DebugModePrintsUsableReattachJson) {
  ServeOptions options = Options({{"PLUGIN_CLIENT_CERT", "ignored in debug mode"}});
  options.debug = true;
  RunningServer server(options);
  std::string text = server.Handshake();
  size_t start = text.find("TF_REATTACH_PROVIDERS='");
  ASSERT_NE(start, std::string::npos) << text;
  start += 23;
  size_t end = text.find('\'', start);
  ASSERT_NE(end, std::string::npos);
  nlohmann::json reattach = nlohmann::json::parse(text.substr(start, end - start));
  const nlohmann::json& entry = reattach.at("localhost/operatorconnect/operatorconnect");
  EXPECT_EQ(entry.at("Protocol"), "grpc");
  EXPECT_EQ(entry.at("ProtocolVersion"), 6);
  EXPECT_EQ(entry.at("Test"), true);
  EXPECT_EQ(entry.at("Pid"), ::getpid());
  EXPECT_EQ(entry.at("Addr").at("Network"), "unix");
  std::string path = entry.at("Addr").at("String");
  EXPECT_THAT(path, StartsWith(dir_));

  // Plaintext, and SIGINT stops it in debug mode.
  auto channel = grpc::CreateChannel("unix:" + path, grpc::InsecureChannelCredentials());
  EXPECT_EQ(HealthCheck(channel), std::string("\x08\x01", 2));
  ASSERT_EQ(::raise(SIGINT), 0);
  EXPECT_EQ(server.WaitExit(), 0);
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST_F(PluginServerTest, RefusesAHostWithoutProtocolSix) {
  ServeOptions options = Options({});
  options.env = FixedEnvironment({{"PLUGIN_PROTOCOL_VERSIONS", "5"}, {"TMPDIR", dir_}});
  RunningServer server(options);
  EXPECT_EQ(server.WaitExit(), 1);
  EXPECT_TRUE(std::filesystem::is_empty(dir_));
}

TEST(ReattachJson, Shape) {
  nlohmann::json parsed = nlohmann::json::parse(ReattachProvidersJson(
      "localhost/a/b", ListenAddress{ListenAddress::Network::kTcp, "127.0.0.1:1"}, 42));
  EXPECT_EQ(parsed, nlohmann::json::parse(
                        R"({"localhost/a/b":{"Protocol":"grpc","ProtocolVersion":6,"Pid":42,)"
                        R"("Test":true,"Addr":{"Network":"tcp","String":"127.0.0.1:1"}}})"));
}

}  // namespace
}  // namespace opc::plugin
