// The provider block: schema, validation rules, environment fallbacks, defaults, diagnostics
// that name the attribute, and the secret kept out of every diagnostic and log line.
#include "provider/resources/operatorconnect_provider.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <any>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>

#include "provider/common/logger.h"
#include "provider/framework/server.h"
#include "provider/resources/provider_context.h"
#include "provider/resources/provider_settings.h"

namespace opc::resources {
namespace {

using framework::AttributePath;
using framework::Diagnostics;
using framework::Value;
using ::testing::HasSubstr;

constexpr char kTenant[] = "72f988bf-86f1-41af-91ab-2d7cd011db47";
constexpr char kClient[] = "0a1b2c3d-4e5f-6789-abcd-ef0123456789";
constexpr char kSecret[] = "Sup3r-S3cret~Value.XYZ";

using Env = std::map<std::string, std::string, std::less<>>;

class ProviderConfigTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char dir_template[] = "/tmp/opc-provider-test-XXXXXX";
    ASSERT_NE(mkdtemp(dir_template), nullptr);
    dir_ = dir_template;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  framework::Type ConfigType() const { return OperatorConnectProvider().GetSchema().ImpliedType(); }

  // A provider-block value: attributes not given are null, as Terraform sends them.
  Value Config(std::map<std::string, Value> attrs) const {
    return Value::Object(ConfigType(), std::move(attrs));
  }

  struct Configured {
    Diagnostics diags;
    std::shared_ptr<const ProviderSettings> settings;  // null when not produced
  };
  Configured Configure(const Value& config, Env env = {}) const {
    OperatorConnectProvider provider(opc::FixedEnvironment(std::move(env)));
    framework::ConfigureProviderRequest req{"1.11.4", config};
    framework::ConfigureProviderResponse resp;
    provider.Configure(req, resp);
    Configured out{resp.diagnostics, nullptr};
    if (auto* context = std::any_cast<std::shared_ptr<const ProviderContext>>(&resp.data)) {
      out.settings = (*context)->settings;
      EXPECT_NE((*context)->client, nullptr) << "a configured provider hands out a tenant client";
    }
    return out;
  }
  Diagnostics Validate(const Value& config) const {
    OperatorConnectProvider provider(opc::FixedEnvironment({}));
    Diagnostics diags;
    provider.ValidateConfig(config, diags);
    return diags;
  }
  Value Credentials(std::map<std::string, Value> more = {}) const {
    more.emplace("tenant_id", Value::String(kTenant));
    more.emplace("client_id", Value::String(kClient));
    more.emplace("client_secret", Value::String(kSecret));
    return Config(std::move(more));
  }
  std::string WriteFile(const std::string& name, const std::string& contents) const {
    std::string path = dir_ + "/" + name;
    std::ofstream(path) << contents;
    return path;
  }

  std::string dir_;
};

// Exactly one error, on `attribute`, whose summary and detail mention `detail_part`.
void ExpectSingleErrorOn(const Diagnostics& diags, const std::string& attribute,
                         const std::string& detail_part) {
  ASSERT_EQ(diags.items().size(), 1u) << attribute;
  const framework::Diagnostic& d = diags.items()[0];
  EXPECT_EQ(d.severity, framework::Diagnostic::Severity::kError);
  ASSERT_TRUE(d.attribute.has_value()) << d.summary;
  EXPECT_EQ(*d.attribute, AttributePath::Root(attribute));
  EXPECT_THAT(d.summary, HasSubstr(attribute));
  EXPECT_THAT(d.detail, HasSubstr(detail_part));
}

TEST_F(ProviderConfigTest, SchemaHasEveryOptionalAttributeDocumented) {
  OperatorConnectProvider provider;
  EXPECT_EQ(provider.TypeName(), "operatorconnect");
  EXPECT_EQ(provider.Version(), "0.1.0");
  framework::Schema schema = provider.GetSchema();
  std::map<std::string, framework::Type> expected = {
      {"tenant_id", framework::Type::String()},
      {"client_id", framework::Type::String()},
      {"client_secret", framework::Type::String()},
      {"endpoint", framework::Type::String()},
      {"authority_url", framework::Type::String()},
      {"ca_certificate_file", framework::Type::String()},
      {"request_timeout", framework::Type::String()},
      {"max_retries", framework::Type::Number()},
      {"retry_budget", framework::Type::String()},
      {"run_retry_budget", framework::Type::String()},
      {"operation_timeout", framework::Type::String()},
      {"max_list_items", framework::Type::Number()}};
  ASSERT_EQ(schema.block.attributes.size(), expected.size());
  for (const framework::Attribute& attr : schema.block.attributes) {
    ASSERT_TRUE(expected.count(attr.name)) << attr.name;
    EXPECT_EQ(attr.type, expected.at(attr.name)) << attr.name;
    EXPECT_TRUE(attr.optional) << attr.name;
    EXPECT_FALSE(attr.required) << attr.name;
    EXPECT_FALSE(attr.computed) << attr.name;
    EXPECT_FALSE(attr.description.empty()) << attr.name;
    EXPECT_EQ(attr.sensitive, attr.name == "client_secret") << attr.name;
  }
  EXPECT_FALSE(schema.block.description.empty());
}

TEST_F(ProviderConfigTest, ValidConfigHasNoDiagnostics) {
  std::string ca =
      WriteFile("ca.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
  Value config = Credentials({{"endpoint", Value::String("http://127.0.0.1:8080")},
                              {"authority_url", Value::String("https://login.example.com/")},
                              {"ca_certificate_file", Value::String(ca)},
                              {"request_timeout", Value::String("1m30s")},
                              {"max_retries", Value::Int(0)}});
  EXPECT_TRUE(Validate(config).empty());
  Configured out = Configure(config);
  EXPECT_TRUE(out.diags.empty());
  ASSERT_NE(out.settings, nullptr);
  EXPECT_EQ(out.settings->tenant_id, kTenant);
  EXPECT_EQ(out.settings->client_id, kClient);
  EXPECT_EQ(out.settings->client_secret, kSecret);
  EXPECT_EQ(out.settings->endpoint, "http://127.0.0.1:8080");
  EXPECT_EQ(out.settings->authority_url, "https://login.example.com");  // no trailing slash
  EXPECT_EQ(out.settings->ca_file, ca);
  EXPECT_EQ(out.settings->request_timeout, std::chrono::seconds(90));
  EXPECT_EQ(out.settings->max_retries, 0);
}

TEST_F(ProviderConfigTest, DefaultsApplyWhenUnset) {
  Configured out = Configure(Credentials());
  ASSERT_TRUE(out.diags.empty());
  ASSERT_NE(out.settings, nullptr);
  EXPECT_EQ(out.settings->endpoint, "https://graph.microsoft.com");
  EXPECT_EQ(out.settings->authority_url, "https://login.microsoftonline.com");
  EXPECT_EQ(out.settings->ca_file, "");
  EXPECT_EQ(out.settings->request_timeout, std::chrono::seconds(60));
  EXPECT_EQ(out.settings->max_retries, 5);
  EXPECT_EQ(out.settings->operation_timeout, std::chrono::minutes(15));
  EXPECT_EQ(out.settings->max_list_items, 100'000);
}

TEST_F(ProviderConfigTest, EveryRuleRejectsBadValuesWithTheAttributePath) {
  std::string not_pem = WriteFile("not-pem.txt", "hello");
  struct Case {
    std::string attribute;
    Value value;
    std::string detail_part;
  };
  const Case cases[] = {
      {"tenant_id", Value::String("not-a-guid"), "not a GUID"},
      {"tenant_id", Value::String("72f988bf86f141af91ab2d7cd011db47"), "not a GUID"},
      {"client_id", Value::String("0a1b2c3d-4e5f-6789-abcd-ef012345678Z"), "not a GUID"},
      {"endpoint", Value::String("ftp://example.com"), "http"},
      {"endpoint", Value::String("graph.microsoft.com"), "absolute"},
      {"endpoint", Value::String("http://graph.microsoft.com"), "loopback"},
      {"endpoint", Value::String("https://"), "no host"},
      {"endpoint", Value::String("https://user:pw@example.com"), "credentials"},
      {"endpoint", Value::String("https://example.com:99999"), "port"},
      {"endpoint", Value::String("https://example.com/?x=1"), "query"},
      {"authority_url", Value::String("http://10.0.0.1"), "loopback"},
      {"ca_certificate_file", Value::String(dir_ + "/missing.pem"), "does not exist"},
      {"ca_certificate_file", Value::String(dir_), "not a regular file"},
      {"ca_certificate_file", Value::String(not_pem), "no PEM certificate"},
      {"request_timeout", Value::String("30"), "unit"},
      {"request_timeout", Value::String("soon"), "not a duration"},
      {"request_timeout", Value::String("0s"), "positive"},
      {"request_timeout", Value::String("-5s"), "not a duration"},
      {"request_timeout", Value::String("48h"), "at most"},
      {"max_retries", Value::Int(21), "between 0 and 20"},
      {"max_retries", Value::Int(-1), "between 0 and 20"},
      {"max_retries", Value::Number(*framework::Number::Parse("1.5")), "whole number"},
      {"retry_budget", Value::String("10"), "unit"},
      {"retry_budget", Value::String("0s"), "positive"},
      {"run_retry_budget", Value::String("25h"), "at most"},
      {"operation_timeout", Value::String("forever"), "not a duration"},
      {"operation_timeout", Value::String("25h"), "at most"},
      {"max_list_items", Value::Int(0), "between 1 and 10000000"},
      {"max_list_items", Value::Int(10'000'001), "between 1 and 10000000"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.attribute + " = " + c.value.DebugString());
    Value config = Credentials({{c.attribute, c.value}});
    ExpectSingleErrorOn(Validate(config), c.attribute, c.detail_part);
    Configured out = Configure(config);
    ExpectSingleErrorOn(out.diags, c.attribute, c.detail_part);
    EXPECT_EQ(out.settings, nullptr);
  }
}

TEST_F(ProviderConfigTest, AcceptsLoopbackHttpAndDurations) {
  for (const char* url : {"http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9/base",
                          "HTTP://127.1.2.3", "https://graph.microsoft.com/"}) {
    EXPECT_TRUE(Validate(Credentials({{"endpoint", Value::String(url)}})).empty()) << url;
  }
  const std::pair<const char*, int64_t> durations[] = {{"30s", 30'000},   {"2m", 120'000},
                                                       {"1h", 3'600'000}, {"500ms", 500},
                                                       {"1.5s", 1'500},   {"1m30s", 90'000}};
  for (const auto& [text, ms] : durations) {
    Configured out = Configure(Credentials({{"request_timeout", Value::String(text)}}));
    ASSERT_TRUE(out.diags.empty()) << text;
    EXPECT_EQ(out.settings->request_timeout.count(), ms) << text;
  }
}

TEST_F(ProviderConfigTest, UnknownAndNullValuesAreNotValidated) {
  Value config = Config({{"tenant_id", Value::Unknown(framework::Type::String())},
                         {"max_retries", Value::Unknown(framework::Type::Number())}});
  EXPECT_TRUE(Validate(config).empty());
  EXPECT_TRUE(Validate(Config({})).empty());
}

TEST_F(ProviderConfigTest, UnknownValuesAtConfigureTimeDoNotError) {
  // tenant_id depends on a resource not created yet; the rest is set.
  Value config = Credentials({{"tenant_id", Value::Unknown(framework::Type::String())}});
  Configured out = Configure(config);
  EXPECT_TRUE(out.diags.empty());
  EXPECT_EQ(out.settings, nullptr);  // nothing to hand to resources yet
}

TEST_F(ProviderConfigTest, MissingCredentialsNameTheAttributeAndTheEnvironmentVariables) {
  Configured out = Configure(Config({}));
  ASSERT_EQ(out.diags.items().size(), 3u);
  const std::pair<const char*, const char*> expected[] = {
      {"tenant_id", "ARM_TENANT_ID or OPERATORCONNECT_TENANT_ID"},
      {"client_id", "ARM_CLIENT_ID or OPERATORCONNECT_CLIENT_ID"},
      {"client_secret", "ARM_CLIENT_SECRET or OPERATORCONNECT_CLIENT_SECRET"}};
  for (size_t i = 0; i < 3; ++i) {
    const framework::Diagnostic& d = out.diags.items()[i];
    EXPECT_EQ(d.summary, std::string("Missing ") + expected[i].first);
    EXPECT_THAT(d.detail, HasSubstr(expected[i].second));
    EXPECT_THAT(d.detail, HasSubstr(std::string("`") + expected[i].first + "`"));
    ASSERT_TRUE(d.attribute.has_value());
    EXPECT_EQ(*d.attribute, AttributePath::Root(expected[i].first));
  }
  EXPECT_EQ(out.settings, nullptr);
}

TEST_F(ProviderConfigTest, ArmVariablesComeFirst) {
  Env env = {{"ARM_TENANT_ID", kTenant},
             {"OPERATORCONNECT_TENANT_ID", "11111111-1111-1111-1111-111111111111"},
             {"ARM_CLIENT_ID", kClient},
             {"OPERATORCONNECT_CLIENT_ID", "22222222-2222-2222-2222-222222222222"},
             {"ARM_CLIENT_SECRET", kSecret},
             {"OPERATORCONNECT_CLIENT_SECRET", "other"}};
  Configured out = Configure(Config({}), env);
  ASSERT_TRUE(out.diags.empty());
  EXPECT_EQ(out.settings->tenant_id, kTenant);
  EXPECT_EQ(out.settings->client_id, kClient);
  EXPECT_EQ(out.settings->client_secret, kSecret);
}

TEST_F(ProviderConfigTest, OperatorConnectVariablesAreTheSecondFallback) {
  std::string ca =
      WriteFile("ca.pem", "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n");
  Env env = {{"OPERATORCONNECT_TENANT_ID", kTenant},
             {"OPERATORCONNECT_CLIENT_ID", kClient},
             {"OPERATORCONNECT_CLIENT_SECRET", kSecret},
             {"OPERATORCONNECT_ENDPOINT", "http://localhost:9999/"},
             {"OPERATORCONNECT_AUTHORITY_URL", "http://127.0.0.1:9998"},
             {"OPERATORCONNECT_CA_CERTIFICATE_FILE", ca},
             {"OPERATORCONNECT_REQUEST_TIMEOUT", "2m"},
             {"OPERATORCONNECT_MAX_RETRIES", "7"},
             {"OPERATORCONNECT_OPERATION_TIMEOUT", "90s"},
             {"OPERATORCONNECT_MAX_LIST_ITEMS", "5000"}};
  Configured out = Configure(Config({}), env);
  ASSERT_TRUE(out.diags.empty());
  ASSERT_NE(out.settings, nullptr);
  EXPECT_EQ(out.settings->tenant_id, kTenant);
  EXPECT_EQ(out.settings->client_id, kClient);
  EXPECT_EQ(out.settings->client_secret, kSecret);
  EXPECT_EQ(out.settings->endpoint, "http://localhost:9999");
  EXPECT_EQ(out.settings->authority_url, "http://127.0.0.1:9998");
  EXPECT_EQ(out.settings->ca_file, ca);
  EXPECT_EQ(out.settings->request_timeout, std::chrono::minutes(2));
  EXPECT_EQ(out.settings->max_retries, 7);
  EXPECT_EQ(out.settings->operation_timeout, std::chrono::seconds(90));
  EXPECT_EQ(out.settings->max_list_items, 5000);
}

TEST_F(ProviderConfigTest, ConfigWinsOverEnvironment) {
  Env env = {{"ARM_TENANT_ID", "11111111-1111-1111-1111-111111111111"},
             {"ARM_CLIENT_ID", kClient},
             {"OPERATORCONNECT_MAX_RETRIES", "9"}};
  Configured out = Configure(Config({{"tenant_id", Value::String(kTenant)},
                                     {"client_secret", Value::String(kSecret)},
                                     {"max_retries", Value::Int(2)}}),
                             env);
  ASSERT_TRUE(out.diags.empty());
  EXPECT_EQ(out.settings->tenant_id, kTenant);
  EXPECT_EQ(out.settings->client_id, kClient);  // unset (null) falls back to ARM_CLIENT_ID
  EXPECT_EQ(out.settings->max_retries, 2);
}

// tenant_id = "" is a mistake, not a request for ARM_TENANT_ID: refused by name at validate
// and (for values known only then) at configure, even when the environment has a value.
TEST_F(ProviderConfigTest, EmptyStringsAreRefusedByNameInsteadOfFallingBack) {
  Env env = {{"ARM_TENANT_ID", kTenant},
             {"ARM_CLIENT_ID", kClient},
             {"ARM_CLIENT_SECRET", kSecret},
             {"OPERATORCONNECT_ENDPOINT", "http://127.0.0.1:9"}};
  for (const char* attribute :
       {"tenant_id", "client_id", "client_secret", "endpoint", "authority_url",
        "ca_certificate_file", "request_timeout", "operation_timeout"}) {
    SCOPED_TRACE(attribute);
    Value config = Credentials({{attribute, Value::String("")}});
    if (std::string(attribute) == "tenant_id" || std::string(attribute) == "client_id" ||
        std::string(attribute) == "client_secret") {
      config = Config({{attribute, Value::String("")}});  // the rest from the environment
    }
    ExpectSingleErrorOn(Validate(config), attribute, "empty string");
    Configured out = Configure(config, env);
    ExpectSingleErrorOn(out.diags, attribute, "empty string");
    EXPECT_EQ(out.settings, nullptr);
  }
  EXPECT_THAT(Validate(Config({{"tenant_id", Value::String("")}})).items()[0].detail,
              HasSubstr("ARM_TENANT_ID"));
}

TEST_F(ProviderConfigTest, InvalidEnvironmentValuesNameTheVariable) {
  Env env = {{"OPERATORCONNECT_MAX_RETRIES", "lots"}, {"ARM_TENANT_ID", "nope"}};
  Configured out = Configure(
      Config({{"client_id", Value::String(kClient)}, {"client_secret", Value::String(kSecret)}}),
      env);
  ASSERT_EQ(out.diags.items().size(), 2u);
  EXPECT_EQ(*out.diags.items()[0].attribute, AttributePath::Root("tenant_id"));
  EXPECT_THAT(out.diags.items()[0].detail, HasSubstr("ARM_TENANT_ID"));
  EXPECT_EQ(*out.diags.items()[1].attribute, AttributePath::Root("max_retries"));
  EXPECT_THAT(out.diags.items()[1].detail, HasSubstr("OPERATORCONNECT_MAX_RETRIES"));
}

TEST_F(ProviderConfigTest, TheSecretNeverAppearsInDiagnosticsOrLogs) {
  opc::ProcessLogger().SetLevel(opc::LogLevel::kTrace);
  ::testing::internal::CaptureStderr();
  // Everything wrong except the secret, once from config and once from the environment.
  Value bad = Config({{"tenant_id", Value::String("bad")},
                      {"client_id", Value::String("bad")},
                      {"client_secret", Value::String(kSecret)},
                      {"endpoint", Value::String("http://example.com")},
                      {"authority_url", Value::String("nope")},
                      {"ca_certificate_file", Value::String("/nonexistent")},
                      {"request_timeout", Value::String("x")},
                      {"max_retries", Value::Int(100)}});
  Diagnostics all = Validate(bad);
  all.Append(Configure(bad).diags);
  all.Append(Configure(Config({{"tenant_id", Value::String("bad")}}),
                       {{"ARM_CLIENT_SECRET", kSecret}, {"ARM_CLIENT_ID", "bad"}})
                 .diags);
  Configured good = Configure(Credentials());
  ASSERT_NE(good.settings, nullptr);
  std::string logs = ::testing::internal::GetCapturedStderr();
  opc::ProcessLogger().SetLevel(opc::LogLevel::kOff);

  EXPECT_GE(all.items().size(), 16u);
  for (const framework::Diagnostic& d : all.items()) {
    EXPECT_EQ(d.summary.find(kSecret), std::string::npos) << d.summary;
    EXPECT_EQ(d.detail.find(kSecret), std::string::npos) << d.detail;
    EXPECT_TRUE(d.attribute.has_value()) << d.summary;
  }
  EXPECT_THAT(logs, HasSubstr("provider configured"));
  EXPECT_THAT(logs, HasSubstr(kTenant));
  EXPECT_EQ(logs.find(kSecret), std::string::npos);
}

TEST_F(ProviderConfigTest, ClientConfigDataSourceReportsTheResolvedSettings) {
  framework::ProviderServer server(std::make_unique<OperatorConnectProvider>(
      opc::FixedEnvironment({{"ARM_CLIENT_SECRET", kSecret}})));
  Value config = Config({{"tenant_id", Value::String(kTenant)},
                         {"client_id", Value::String(kClient)},
                         {"endpoint", Value::String("http://127.0.0.1:1234/")}});
  ASSERT_TRUE(server.ConfigureProvider("1.11.4", config).empty());
  const framework::Schema* schema = server.FindDataSourceSchema("operatorconnect_client_config");
  ASSERT_NE(schema, nullptr);
  framework::ProviderServer::DataResult read =
      server.ReadDataSource("operatorconnect_client_config", Value::Null(schema->ImpliedType()));
  ASSERT_TRUE(read.diagnostics.empty());
  EXPECT_EQ(read.state.GetAttr("tenant_id"), Value::String(kTenant));
  EXPECT_EQ(read.state.GetAttr("client_id"), Value::String(kClient));
  EXPECT_EQ(read.state.GetAttr("endpoint"), Value::String("http://127.0.0.1:1234"));
  EXPECT_EQ(read.state.GetAttr("authority_url"),
            Value::String("https://login.microsoftonline.com"));
  EXPECT_EQ(read.state.DebugString().find(kSecret), std::string::npos);
}

}  // namespace
}  // namespace opc::resources
