// ValidateProviderConfig, ConfigureProvider, StopProvider.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "service_fixture.h"

namespace opc::protocol_test {
namespace {

using framework::Type;
using framework::Value;
using ::testing::HasSubstr;

class ProviderRpcsTest : public ServiceFixture {
 protected:
  void SetUp() override { ServeTestProvider(); }
  Type ConfigType() { return server_->ProviderSchema().ImpliedType(); }
};

TEST_F(ProviderRpcsTest, ValidatesAHandWrittenMsgpackConfig) {
  tfplugin6::ValidateProviderConfig::Request request;
  // {"region": "westeurope"}, exactly as Terraform encodes it.
  *request.mutable_config() = RawMsgpack(std::string("\x81\xa6region\xaawesteurope", 19));
  auto response = Call(&tfplugin6::Provider::Stub::ValidateProviderConfig, request);
  EXPECT_EQ(response.diagnostics_size(), 0) << Describe(response.diagnostics());
  EXPECT_EQ(store_->last_validated_region, "westeurope");
}

TEST_F(ProviderRpcsTest, ValidationErrorsCarryTheAttributePath) {
  tfplugin6::ValidateProviderConfig::Request request;
  *request.mutable_config() =
      Msgpack(Value::Object(ConfigType(), {{"region", Value::String("invalid")}}), ConfigType());
  auto response = Call(&tfplugin6::Provider::Stub::ValidateProviderConfig, request);
  ASSERT_EQ(response.diagnostics_size(), 1) << Describe(response.diagnostics());
  const tfplugin6::Diagnostic& diag = response.diagnostics(0);
  EXPECT_EQ(diag.severity(), tfplugin6::Diagnostic::ERROR);
  EXPECT_EQ(diag.summary(), "Invalid region");
  ASSERT_EQ(diag.attribute().steps_size(), 1);
  EXPECT_EQ(diag.attribute().steps(0).attribute_name(), "region");
}

TEST_F(ProviderRpcsTest, UndecodableConfigBecomesADiagnostic) {
  for (std::string bytes : {std::string("\xc1", 1),
                            std::string("\x81\xa3"
                                        "foo\x01",
                                        6),
                            std::string("\x92\x01\x02", 3), std::string("\x81\xa6region", 8)}) {
    tfplugin6::ValidateProviderConfig::Request request;
    *request.mutable_config() = RawMsgpack(bytes);
    auto response = Call(&tfplugin6::Provider::Stub::ValidateProviderConfig, request);
    ASSERT_TRUE(HasError(response.diagnostics()));
    EXPECT_EQ(response.diagnostics(0).summary(), "Invalid provider configuration");
  }
}

TEST_F(ProviderRpcsTest, JsonIsAcceptedWhenMsgpackIsAbsent) {
  tfplugin6::ValidateProviderConfig::Request request;
  request.mutable_config()->set_json(R"({"region": "invalid"})");
  auto response = Call(&tfplugin6::Provider::Stub::ValidateProviderConfig, request);
  ASSERT_EQ(response.diagnostics_size(), 1) << Describe(response.diagnostics());
  EXPECT_EQ(response.diagnostics(0).summary(), "Invalid region");

  request.mutable_config()->set_json("{not json");
  response = Call(&tfplugin6::Provider::Stub::ValidateProviderConfig, request);
  EXPECT_TRUE(HasError(response.diagnostics()));
}

TEST_F(ProviderRpcsTest, EmptyDynamicValueIsANullConfig) {
  store_->last_region = "not configured";
  auto response =
      Call(&tfplugin6::Provider::Stub::ConfigureProvider, tfplugin6::ConfigureProvider::Request());
  EXPECT_EQ(response.diagnostics_size(), 0) << Describe(response.diagnostics());
  EXPECT_EQ(store_->last_region, "(null)");
}

TEST_F(ProviderRpcsTest, ConfigurePassesVersionAndValues) {
  tfplugin6::ConfigureProvider::Request request;
  request.set_terraform_version("1.11.4");
  *request.mutable_config() =
      RawMsgpack(std::string("\x81\xa6region\xa4"
                             "east",
                             13));
  auto response = Call(&tfplugin6::Provider::Stub::ConfigureProvider, request);
  EXPECT_EQ(response.diagnostics_size(), 0) << Describe(response.diagnostics());
  EXPECT_EQ(store_->last_terraform_version, "1.11.4");
  EXPECT_EQ(store_->last_region, "east");
}

TEST_F(ProviderRpcsTest, ConfigureAcceptsUnknownValues) {
  tfplugin6::ConfigureProvider::Request request;
  // {"region": unknown} with the ext-0 unknown Terraform sends.
  *request.mutable_config() = RawMsgpack(std::string("\x81\xa6region\xd4\x00\x00", 11));
  auto response = Call(&tfplugin6::Provider::Stub::ConfigureProvider, request);
  EXPECT_EQ(response.diagnostics_size(), 0) << Describe(response.diagnostics());
  EXPECT_EQ(store_->last_region, "(unknown)");
}

TEST_F(ProviderRpcsTest, StopProviderCancelsWorkInFlightAndKeepsServing) {
  Call(&tfplugin6::Provider::Stub::ConfigureProvider, tfplugin6::ConfigureProvider::Request());
  const Type type = ResourceSchema("test_thing").ImpliedType();
  Value planned = Value::Object(type, {{"id", Value::Unknown(Type::String())},
                                       {"name", Value::String("slow")},
                                       {"size", Value::Int(-1)}});
  tfplugin6::ApplyResourceChange::Request apply;
  apply.set_type_name("test_thing");
  *apply.mutable_prior_state() = Msgpack(Value::Null(type), type);
  *apply.mutable_planned_state() = Msgpack(planned, type);
  *apply.mutable_config() = Msgpack(planned.WithAttr("id", Value::Null(Type::String())), type);

  auto started = std::chrono::steady_clock::now();
  auto pending = std::async(std::launch::async, [&] {
    return Call(&tfplugin6::Provider::Stub::ApplyResourceChange, apply);
  });
  // The create waits on its cancellation token; keep stopping until it has seen one (the
  // call may not have reached the resource yet when the first stop arrives).
  while (pending.wait_for(std::chrono::milliseconds(50)) != std::future_status::ready) {
    auto stopped =
        Call(&tfplugin6::Provider::Stub::StopProvider, tfplugin6::StopProvider::Request());
    EXPECT_EQ(stopped.error(), "");
  }
  auto response = pending.get();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
  ASSERT_TRUE(HasError(response.diagnostics()));
  EXPECT_EQ(response.diagnostics(0).summary(), "Create cancelled");

  // The server keeps serving after StopProvider.
  auto schema =
      Call(&tfplugin6::Provider::Stub::GetProviderSchema, tfplugin6::GetProviderSchema::Request());
  EXPECT_EQ(schema.resource_schemas_size(), 1);
}

}  // namespace
}  // namespace opc::protocol_test
