// The real OperatorConnectProvider over the wire: its schema, configuration with msgpack (valid,
// invalid, unknown), and the client_config data source.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "provider/resources/operatorconnect_provider.h"
#include "service_fixture.h"

namespace opc::protocol_test {
namespace {

using framework::Type;
using framework::Value;
using ::testing::HasSubstr;

constexpr char kSecret[] = "n0t-in-any-diagnostic";

class OperatorConnectProtocolTest : public ServiceFixture {
 protected:
  void SetUp() override {
    Serve(std::make_unique<resources::OperatorConnectProvider>(opc::FixedEnvironment({})));
    type_ = server_->ProviderSchema().ImpliedType();
  }
  tfplugin6::ConfigureProvider::Response Configure(std::map<std::string, Value> attrs) {
    tfplugin6::ConfigureProvider::Request request;
    request.set_terraform_version("1.11.4");
    *request.mutable_config() = Msgpack(Value::Object(type_, std::move(attrs)), type_);
    return Call(&tfplugin6::Provider::Stub::ConfigureProvider, request);
  }
  Type type_;
};

TEST_F(OperatorConnectProtocolTest, SchemaOffersTheProviderBlock) {
  auto response =
      Call(&tfplugin6::Provider::Stub::GetProviderSchema, tfplugin6::GetProviderSchema::Request());
  std::map<std::string, tfplugin6::Schema::Attribute> attrs;
  for (const auto& attr : response.provider().block().attributes()) {
    attrs[attr.name()] = attr;
  }
  for (const char* name : {"tenant_id", "client_id", "client_secret", "endpoint", "authority_url",
                           "ca_certificate_file", "request_timeout", "max_retries"}) {
    ASSERT_TRUE(attrs.count(name)) << name;
    EXPECT_TRUE(attrs[name].optional()) << name;
    EXPECT_EQ(attrs[name].description_kind(), tfplugin6::MARKDOWN) << name;
    EXPECT_FALSE(attrs[name].description().empty()) << name;
  }
  EXPECT_TRUE(attrs["client_secret"].sensitive());
  EXPECT_EQ(attrs["max_retries"].type(), "\"number\"");
  EXPECT_EQ(attrs["tenant_id"].type(), "\"string\"");
  EXPECT_TRUE(response.data_source_schemas().contains("operatorconnect_client_config"));
}

TEST_F(OperatorConnectProtocolTest, ValidConfigurationThenClientConfigRead) {
  auto configured = Configure({{"tenant_id", Value::String("11111111-2222-3333-4444-555555555555")},
                               {"client_id", Value::String("66666666-7777-8888-9999-000000000000")},
                               {"client_secret", Value::String(kSecret)},
                               {"endpoint", Value::String("http://127.0.0.1:5000")},
                               {"max_retries", Value::Int(2)}});
  ASSERT_EQ(configured.diagnostics_size(), 0) << Describe(configured.diagnostics());

  const framework::Schema* data_schema =
      server_->FindDataSourceSchema("operatorconnect_client_config");
  ASSERT_NE(data_schema, nullptr);
  const Type data_type = data_schema->ImpliedType();
  tfplugin6::ReadDataSource::Request read;
  read.set_type_name("operatorconnect_client_config");
  *read.mutable_config() = Msgpack(Value::Null(data_type), data_type);
  auto response = Call(&tfplugin6::Provider::Stub::ReadDataSource, read);
  ASSERT_EQ(response.diagnostics_size(), 0) << Describe(response.diagnostics());
  Value state = Decode(response.state(), data_type);
  EXPECT_EQ(state.GetAttr("endpoint"), Value::String("http://127.0.0.1:5000"));
  EXPECT_EQ(state.GetAttr("tenant_id"), Value::String("11111111-2222-3333-4444-555555555555"));
  EXPECT_EQ(response.state().msgpack().find(kSecret), std::string::npos);
}

TEST_F(OperatorConnectProtocolTest, InvalidConfigurationPointsAtEachAttribute) {
  tfplugin6::ValidateProviderConfig::Request request;
  *request.mutable_config() =
      Msgpack(Value::Object(type_, {{"tenant_id", Value::String("not-a-guid")},
                                    {"client_secret", Value::String(kSecret)},
                                    {"max_retries", Value::Int(99)}}),
              type_);
  auto response = Call(&tfplugin6::Provider::Stub::ValidateProviderConfig, request);
  ASSERT_EQ(response.diagnostics_size(), 2) << Describe(response.diagnostics());
  EXPECT_EQ(response.diagnostics(0).attribute().steps(0).attribute_name(), "tenant_id");
  EXPECT_THAT(response.diagnostics(0).detail(), HasSubstr("not-a-guid"));
  EXPECT_EQ(response.diagnostics(1).attribute().steps(0).attribute_name(), "max_retries");
  EXPECT_EQ(Describe(response.diagnostics()).find(kSecret), std::string::npos);
}

TEST_F(OperatorConnectProtocolTest, MissingCredentialsAtConfigure) {
  auto response = Configure({});
  ASSERT_EQ(response.diagnostics_size(), 3) << Describe(response.diagnostics());
  EXPECT_EQ(response.diagnostics(0).summary(), "Missing tenant_id");
  EXPECT_THAT(response.diagnostics(0).detail(), HasSubstr("ARM_TENANT_ID"));
  EXPECT_EQ(response.diagnostics(2).attribute().steps(0).attribute_name(), "client_secret");
}

TEST_F(OperatorConnectProtocolTest, UnknownConfigurationIsNotAnError) {
  auto response = Configure({{"tenant_id", Value::Unknown(Type::String())},
                             {"client_id", Value::Unknown(Type::String())},
                             {"client_secret", Value::Unknown(Type::String())}});
  EXPECT_EQ(response.diagnostics_size(), 0) << Describe(response.diagnostics());
}

}  // namespace
}  // namespace opc::protocol_test
