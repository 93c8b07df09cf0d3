#include "tests/simulator/sim_test_support.h"

#include <stdlib.h>

#include <cctype>
#include <filesystem>

namespace opcsim::testing {

std::string Reply::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

std::string Reply::ErrorCode() const {
  if (body.is_object() && body.contains("error") && body["error"].is_object() &&
      body["error"].contains("code") && body["error"]["code"].is_string()) {
    return body["error"]["code"];
  }
  return "";
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "opcsim-test-XXXXXX").string();
  char* made = mkdtemp(pattern.data());
  path_ = made != nullptr ? made : "";
}

TempDir::~TempDir() {
  std::error_code ignored;
  if (!path_.empty()) {
    std::filesystem::remove_all(path_, ignored);
  }
}

Reply ToReply(const httplib::Result& result) {
  Reply reply;
  if (!result) {
    return reply;
  }
  reply.status = result->status;
  reply.headers = result->headers;
  if (!result->body.empty()) {
    reply.body = nlohmann::json::parse(result->body, nullptr, false);
  }
  return reply;
}

std::string Q(const std::string& value) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : value) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

std::string DefaultSeedPath() { return OPCSIM_DEFAULT_SEED; }

SimClient::SimClient(int port) : client_("127.0.0.1", port) { client_.set_read_timeout(10, 0); }

httplib::Headers SimClient::WithAuth(httplib::Headers headers) const {
  if (bearer_) {
    headers.emplace("Authorization", "Bearer " + *bearer_);
  }
  return headers;
}

httplib::Headers SimClient::Admin() const { return {{"X-Sim-Admin-Key", kAdminKey}}; }

Reply SimClient::Get(const std::string& path, const httplib::Headers& headers) {
  return ToReply(client_.Get(path, WithAuth(headers)));
}

Reply SimClient::Post(const std::string& path, const nlohmann::json& body,
                      const httplib::Headers& headers) {
  return ToReply(client_.Post(path, WithAuth(headers), body.dump(), "application/json"));
}

Reply SimClient::PostRaw(const std::string& path, const std::string& body, const std::string& type,
                         const httplib::Headers& headers) {
  return ToReply(client_.Post(path, WithAuth(headers), body, type));
}

Reply SimClient::Patch(const std::string& path, const nlohmann::json& body,
                       const httplib::Headers& headers) {
  return ToReply(client_.Patch(path, WithAuth(headers), body.dump(), "application/json"));
}

Reply SimClient::Delete(const std::string& path, const httplib::Headers& headers) {
  return ToReply(client_.Delete(path, WithAuth(headers)));
}

Reply SimClient::AdminGet(const std::string& path) { return ToReply(client_.Get(path, Admin())); }

Reply SimClient::AdminPost(const std::string& path, const nlohmann::json& body) {
  return ToReply(client_.Post(path, Admin(), body.dump(), "application/json"));
}

Reply SimClient::AdminPatch(const std::string& path, const nlohmann::json& body) {
  return ToReply(client_.Patch(path, Admin(), body.dump(), "application/json"));
}

Reply SimClient::AdminPut(const std::string& path, const nlohmann::json& body) {
  return ToReply(client_.Put(path, Admin(), body.dump(), "application/json"));
}

Reply SimClient::AdminDelete(const std::string& path) {
  return ToReply(client_.Delete(path, Admin()));
}

Reply SimClient::RequestToken(const std::string& tenant, const std::string& client_id,
                              const std::string& secret, const std::string& scope) {
  const std::string form = "grant_type=client_credentials&client_id=" + Q(client_id) +
                           "&client_secret=" + Q(secret) + "&scope=" + Q(scope);
  return ToReply(
      client_.Post("/" + tenant + "/oauth2/v2.0/token", form, "application/x-www-form-urlencoded"));
}

std::string SimClient::TokenFor(const std::string& tenant, const std::string& client_id,
                                const std::string& secret) {
  Reply reply = RequestToken(tenant, client_id, secret);
  EXPECT_EQ(reply.status, 200) << reply.body.dump();
  return reply.status == 200 ? reply.body["access_token"].get<std::string>() : "";
}

void SimTest::SetUp() {
  ASSERT_FALSE(dir_.path().empty());
  options_.db_path = dir_.path() + "/sim.db";
  options_.seed_path = DefaultSeedPath();
  options_.admin_key = kAdminKey;
  options_.time_scale = 1.0;
  options_.frozen_clock = true;
  options_.threads = 8;
  Restart();
}

void SimTest::Restart() {
  client_.reset();
  if (server_) {
    server_->Stop();
    server_.reset();
  }
  absl::StatusOr<std::unique_ptr<SimServer>> server = SimServer::Create(options_);
  ASSERT_TRUE(server.ok()) << server.status();
  server_ = *std::move(server);
  ASSERT_TRUE(server_->Start().ok());
  client_ = std::make_unique<SimClient>(server_->port());
  client_->set_bearer(client_->TokenFor(kTenantId, kClientId, kClientSecret));
}

void SimTest::TearDown() {
  client_.reset();
  if (server_) {
    server_->Stop();
  }
}

void SimTest::Advance(double seconds) {
  server_->clock().Advance(static_cast<SimMillis>(seconds * 1000));
}

nlohmann::json SimTest::ContactJson() {
  return {{"fullName", "Pat Doe"},
          {"email", "pat.doe@fernleaf.example"},
          {"telephoneNumber", "+442079460000"},
          {"companyName", "Fernleaf Outfitters"},
          {"companySize", "L250_U999"}};
}

void SimTest::Consent(const std::string& operator_id, const std::vector<std::string>& countries) {
  Reply reply = client_->Post(kConsentsPath, {{"operatorId", operator_id},
                                              {"consentedCountries", countries},
                                              {"contacts", {ContactJson()}},
                                              {"dataTransferNoticeAccepted", true}});
  ASSERT_EQ(reply.status, 201) << reply.body.dump();
}

Reply SimTest::Upload(const std::string& operator_id, const nlohmann::json& body) {
  return client_->AdminPost(
      std::string("/_sim/tenants/") + kTenantId + "/operators/" + operator_id + "/numbers", body);
}

std::string SimTest::StartAssign(const nlohmann::json& body) {
  Reply reply = client_->Post(std::string(kNumbersPath) + "/assignNumber", body);
  EXPECT_EQ(reply.status, 202) << reply.body.dump();
  const std::string location = reply.Header("Location");
  const size_t open = location.find("operations('");
  if (open == std::string::npos) {
    ADD_FAILURE() << "no operation Location: " << location;
    return "";
  }
  const size_t start = open + std::string("operations('").size();
  return location.substr(start, location.find("')", start) - start);
}

nlohmann::json SimTest::Finish(const std::string& operation_id) {
  Advance(2);
  Reply reply =
      client_->Get("/v1.0/admin/teams/telephoneNumberManagement/operations/" + operation_id);
  EXPECT_EQ(reply.status, 200) << reply.body.dump();
  return reply.body;
}

nlohmann::json SimTest::CreateAddress(const std::string& country) {
  Reply reply = client_->Post(kAddressesPath, {{"companyName", "Fernleaf Outfitters"},
                                               {"description", "HQ " + country},
                                               {"houseNumber", "1"},
                                               {"streetName", "High Street"},
                                               {"city", "Sometown"},
                                               {"postalCode", "12345"},
                                               {"countryOrRegion", country},
                                               {"latitude", "51.5072"},
                                               {"longitude", "-0.1276"}});
  EXPECT_EQ(reply.status, 201) << reply.body.dump();
  return reply.body;
}

}  // namespace opcsim::testing
