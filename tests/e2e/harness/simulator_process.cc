#include "simulator_process.h"

#include <httplib.h>
#include <signal.h>
#include <stdlib.h>

#include <chrono>
#include <regex>
#include <system_error>

namespace opc::e2e {
namespace {

std::filesystem::path FromEnvOr(const char* name, const char* compiled_in) {
  if (const char* value = std::getenv(name); value != nullptr && *value != '\0') {
    return value;
  }
  return compiled_in;
}

std::filesystem::path MakeTempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "opc-sim-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    return {};
  }
  return pattern;
}

}  // namespace

std::filesystem::path DefaultSeedFile() { return FromEnvOr("OPC_SIM_SEED", OPC_SIM_SEED); }

std::unique_ptr<SimulatorProcess> SimulatorProcess::Start(Options options, std::string* error) {
  std::unique_ptr<SimulatorProcess> sim(new SimulatorProcess());
  if (options.binary.empty()) {
    options.binary = FromEnvOr("OPC_SIM_BINARY", OPC_SIM_BINARY);
  }
  if (options.seed.empty()) {
    options.seed = DefaultSeedFile();
  }
  if (options.db.empty()) {
    sim->temp_dir_ = MakeTempDir();
    if (sim->temp_dir_.empty()) {
      *error = "cannot create a temporary directory for the simulator database";
      return nullptr;
    }
    options.db = sim->temp_dir_ / "tenant.db";
  }
  sim->options_ = options;

  ChildProcess::Options child;
  child.argv = {options.binary.string(),
                "--listen",
                "127.0.0.1:0",
                "--db",
                options.db.string(),
                "--seed",
                options.seed.string(),
                "--admin-key",
                options.admin_key,
                "--time-scale",
                std::to_string(options.time_scale)};
  child.argv.insert(child.argv.end(), options.extra_args.begin(), options.extra_args.end());
  child.env = CurrentEnvironment();
  sim->process_ = ChildProcess::Start(child, error);
  if (sim->process_ == nullptr) {
    return nullptr;
  }
  std::optional<std::string> line = sim->process_->WaitForStdoutLine(
      [](const std::string& l) { return l.rfind("listening on ", 0) == 0; },
      std::chrono::seconds(20));
  if (!line) {
    *error = "the simulator did not report its address; stderr: " + sim->process_->stderr_text();
    return nullptr;
  }
  sim->base_url_ = line->substr(std::string("listening on ").size());
  std::smatch match;
  static const std::regex kUrl(R"(^http://([^:/]+):(\d+)$)");
  if (!std::regex_match(sim->base_url_, match, kUrl)) {
    *error = "unexpected simulator address: " + sim->base_url_;
    return nullptr;
  }
  sim->host_ = match[1];
  sim->port_ = std::stoi(match[2]);
  return sim;
}

const ProcessResult& SimulatorProcess::Stop() {
  if (!stopped_) {
    process_->Signal(SIGTERM);
    ProcessResult result = process_->Wait(std::chrono::seconds(10));
    result.stdout_text = process_->stdout_text();
    result.stderr_text = process_->stderr_text();
    stopped_ = std::move(result);
    process_.reset();
  }
  return *stopped_;
}

SimulatorProcess::~SimulatorProcess() {
  if (process_ != nullptr) {
    process_->Signal(SIGTERM);
    process_->Wait(std::chrono::seconds(10));
  }
  if (!temp_dir_.empty() && std::getenv("OPC_E2E_KEEP") == nullptr) {
    std::error_code ignored;
    std::filesystem::remove_all(temp_dir_, ignored);
  }
}

Environment SimulatorProcess::ProviderEnvironment() const {
  return {{"OPERATORCONNECT_ENDPOINT", base_url_},
          {"OPERATORCONNECT_AUTHORITY_URL", base_url_},
          {"OPERATORCONNECT_TENANT_ID", kSeedTenantId},
          {"OPERATORCONNECT_CLIENT_ID", kSeedClientId},
          {"OPERATORCONNECT_CLIENT_SECRET", kSeedClientSecret}};
}

SimulatorProcess::Reply SimulatorProcess::Send(const std::string& method, const std::string& path,
                                               const nlohmann::json& body,
                                               const std::string& auth_header_name,
                                               const std::string& auth_header_value) const {
  httplib::Client http(host_, port_);
  http.set_connection_timeout(std::chrono::seconds(5));
  http.set_read_timeout(std::chrono::seconds(30));
  httplib::Headers headers{{auth_header_name, auth_header_value}};
  const std::string payload = body.is_null() ? std::string() : body.dump();
  httplib::Result result{nullptr, httplib::Error::Unknown};
  if (method == "GET") {
    result = http.Get(path, headers);
  } else if (method == "POST") {
    result = http.Post(path, headers, payload, "application/json");
  } else if (method == "PATCH") {
    result = http.Patch(path, headers, payload, "application/json");
  } else if (method == "PUT") {
    result = http.Put(path, headers, payload, "application/json");
  } else if (method == "DELETE") {
    result = http.Delete(path, headers);
  } else {
    return Reply{0, nullptr, "unsupported method " + method};
  }
  Reply reply;
  if (!result) {
    reply.error = httplib::to_string(result.error());
    return reply;
  }
  reply.status = result->status;
  if (!result->body.empty()) {
    reply.body = nlohmann::json::parse(result->body, nullptr, /*allow_exceptions=*/false);
  }
  return reply;
}

SimulatorProcess::Reply SimulatorProcess::Admin(const std::string& method, const std::string& path,
                                                const nlohmann::json& body) const {
  return Send(method, path, body, "X-Sim-Admin-Key", options_.admin_key);
}

SimulatorProcess::Reply SimulatorProcess::AdminTenant(const std::string& method,
                                                      const std::string& tenant_path,
                                                      const nlohmann::json& body) const {
  return Admin(method, std::string("/_sim/tenants/") + kSeedTenantId + tenant_path, body);
}

SimulatorProcess::Reply SimulatorProcess::Graph(const std::string& method, const std::string& path,
                                                const nlohmann::json& body) const {
  if (token_.empty()) {
    httplib::Client http(host_, port_);
    httplib::Params form{{"grant_type", "client_credentials"},
                         {"client_id", kSeedClientId},
                         {"client_secret", kSeedClientSecret},
                         {"scope", "https://graph.microsoft.com/.default"}};
    auto result = http.Post(std::string("/") + kSeedTenantId + "/oauth2/v2.0/token", form);
    if (!result || result->status != 200) {
      return Reply{result ? result->status : 0, nullptr, "token request failed"};
    }
    token_ = nlohmann::json::parse(result->body).value("access_token", "");
  }
  return Send(method, path, body, "Authorization", "Bearer " + token_);
}

}  // namespace opc::e2e
