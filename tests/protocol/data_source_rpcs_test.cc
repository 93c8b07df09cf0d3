// Data sources over the wire.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service_fixture.h"

namespace opc::protocol_test {
namespace {

using framework::Type;
using framework::Value;

class DataSourceRpcsTest : public ServiceFixture {
 protected:
  void SetUp() override {
    ServeTestProvider();
    Call(&tfplugin6::Provider::Stub::ConfigureProvider, tfplugin6::ConfigureProvider::Request());
    const framework::Schema* schema = server_->FindDataSourceSchema("test_info");
    ASSERT_NE(schema, nullptr);
    type_ = schema->ImpliedType();
  }
  Type type_;
};

TEST_F(DataSourceRpcsTest, ValidateAndRead) {
  Value config = Value::Object(type_, {{"name", Value::String("world")}});
  tfplugin6::ValidateDataResourceConfig::Request validate;
  validate.set_type_name("test_info");
  *validate.mutable_config() = Msgpack(config, type_);
  auto validated = Call(&tfplugin6::Provider::Stub::ValidateDataResourceConfig, validate);
  EXPECT_EQ(validated.diagnostics_size(), 0) << Describe(validated.diagnostics());
  EXPECT_EQ(store_->last_validated_name, "world");

  tfplugin6::ReadDataSource::Request read;
  read.set_type_name("test_info");
  *read.mutable_config() = Msgpack(config, type_);
  auto response = Call(&tfplugin6::Provider::Stub::ReadDataSource, read);
  ASSERT_EQ(response.diagnostics_size(), 0) << Describe(response.diagnostics());
  Value state = Decode(response.state(), type_);
  EXPECT_EQ(state.GetAttr("greeting"), Value::String("hello world"));
  EXPECT_EQ(state.GetAttr("name"), Value::String("world"));
}

TEST_F(DataSourceRpcsTest, MissingRequiredAttributeAndUnknownType) {
  tfplugin6::ValidateDataResourceConfig::Request validate;
  validate.set_type_name("test_info");
  *validate.mutable_config() = Msgpack(Value::Object(type_, {}), type_);
  auto missing = Call(&tfplugin6::Provider::Stub::ValidateDataResourceConfig, validate);
  ASSERT_TRUE(HasError(missing.diagnostics()));
  EXPECT_EQ(missing.diagnostics(0).attribute().steps(0).attribute_name(), "name");

  tfplugin6::ReadDataSource::Request read;
  read.set_type_name("test_nope");
  auto unknown = Call(&tfplugin6::Provider::Stub::ReadDataSource, read);
  ASSERT_TRUE(HasError(unknown.diagnostics()));
  EXPECT_EQ(unknown.diagnostics(0).summary(), "Unknown data source");
}

TEST_F(DataSourceRpcsTest, UndecodableConfig) {
  tfplugin6::ReadDataSource::Request read;
  read.set_type_name("test_info");
  read.mutable_config()->set_msgpack(std::string("\x82\xa4name", 6));
  auto response = Call(&tfplugin6::Provider::Stub::ReadDataSource, read);
  ASSERT_TRUE(HasError(response.diagnostics()));
  EXPECT_EQ(response.diagnostics(0).summary(), "Invalid configuration");
}

}  // namespace
}  // namespace opc::protocol_test
