// The export reads the provider's settings from the same environment variables, in the same
// order of precedence, with the same rules; the secret never appears in a message.
#include "provider/export/export_settings.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace opc::exporter {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kTenant[] = "3a840088-465d-4709-a9d1-2c216f0cf1fa";
constexpr char kClient[] = "27f773e2-051f-4a1d-95a2-97a031009885";
constexpr char kSecret[] = "very-secret-value-0001";

std::map<std::string, std::string, std::less<>> Complete() {
  return {{"ARM_TENANT_ID", kTenant}, {"ARM_CLIENT_ID", kClient}, {"ARM_CLIENT_SECRET", kSecret}};
}

TEST(ExportSettingsTest, ArmVariablesWithTheProvidersDefaults) {
  absl::StatusOr<client::ClientConfig> config =
      ClientConfigFromEnvironment(opc::FixedEnvironment(Complete()));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->tenant_id, kTenant);
  EXPECT_EQ(config->client_id, kClient);
  EXPECT_EQ(config->client_secret, kSecret);
  EXPECT_EQ(config->endpoint, "https://graph.microsoft.com");
  EXPECT_EQ(config->authority_url, "https://login.microsoftonline.com");
  EXPECT_EQ(config->request_timeout, std::chrono::seconds(60));
  EXPECT_EQ(config->max_retries, 5);
  EXPECT_TRUE(config->ca_file.empty());
}

TEST(ExportSettingsTest, ArmVariablesWinOverOperatorConnectOnes) {
  auto env = Complete();
  env["OPERATORCONNECT_TENANT_ID"] = "00000000-0000-0000-0000-000000000000";
  absl::StatusOr<client::ClientConfig> config =
      ClientConfigFromEnvironment(opc::FixedEnvironment(env));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->tenant_id, kTenant);
}

TEST(ExportSettingsTest, OperatorConnectVariablesAndOverrides) {
  absl::StatusOr<client::ClientConfig> config = ClientConfigFromEnvironment(opc::FixedEnvironment({
      {"OPERATORCONNECT_TENANT_ID", kTenant},
      {"OPERATORCONNECT_CLIENT_ID", kClient},
      {"OPERATORCONNECT_CLIENT_SECRET", kSecret},
      {"OPERATORCONNECT_ENDPOINT", "http://127.0.0.1:8080/"},
      {"OPERATORCONNECT_AUTHORITY_URL", "http://127.0.0.1:8080"},
      {"OPERATORCONNECT_REQUEST_TIMEOUT", "2m"},
      {"OPERATORCONNECT_MAX_RETRIES", "0"},
  }));
  ASSERT_TRUE(config.ok()) << config.status();
  EXPECT_EQ(config->endpoint, "http://127.0.0.1:8080");
  EXPECT_EQ(config->authority_url, "http://127.0.0.1:8080");
  EXPECT_EQ(config->request_timeout, std::chrono::minutes(2));
  EXPECT_EQ(config->max_retries, 0);
}

TEST(ExportSettingsTest, AMissingSettingNamesItsVariables) {
  auto env = Complete();
  env.erase("ARM_CLIENT_SECRET");
  absl::StatusOr<client::ClientConfig> config =
      ClientConfigFromEnvironment(opc::FixedEnvironment(env));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("client_secret"));
  EXPECT_THAT(config.status().message(),
              HasSubstr("ARM_CLIENT_SECRET or OPERATORCONNECT_CLIENT_SECRET"));
}

TEST(ExportSettingsTest, AnInvalidValueNamesTheSettingAndItsVariable) {
  auto env = Complete();
  env["OPERATORCONNECT_ENDPOINT"] = "http://tenant.example.com";
  absl::StatusOr<client::ClientConfig> config =
      ClientConfigFromEnvironment(opc::FixedEnvironment(env));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("endpoint (from OPERATORCONNECT_ENDPOINT)"));
  EXPECT_THAT(config.status().message(), HasSubstr("plain http"));
  EXPECT_THAT(config.status().message(), Not(HasSubstr(kSecret)));

  env = Complete();
  env["ARM_TENANT_ID"] = "contoso";
  config = ClientConfigFromEnvironment(opc::FixedEnvironment(env));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("tenant_id (from ARM_TENANT_ID)"));

  env = Complete();
  env["OPERATORCONNECT_MAX_RETRIES"] = "many";
  config = ClientConfigFromEnvironment(opc::FixedEnvironment(env));
  ASSERT_FALSE(config.ok());
  EXPECT_THAT(config.status().message(), HasSubstr("max_retries"));
}

}  // namespace
}  // namespace opc::exporter
