// ProviderServer: ValidateConfig (ValidateResourceConfig and ValidateDataResourceConfig).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/framework/server_test_fixture.h"

namespace opc::framework::server_testing {
namespace {

using ::testing::HasSubstr;

TEST_F(ServerTest, ValidatesSchemaThenHook) {
  Diagnostics missing = server_.ValidateConfig(ProviderServer::ConfigOf::kResource, "fake_thing",
                                               Value::Object(type_, {{"note", S("x")}}));
  ASSERT_TRUE(missing.HasError());
  EXPECT_EQ(missing.items()[0].attribute->ToString(), "name");

  Diagnostics hook = server_.ValidateConfig(ProviderServer::ConfigOf::kResource, "fake_thing",
                                            Config("a", S("forbidden")));
  ASSERT_TRUE(HasSummary(hook, "Forbidden note"));

  Diagnostics thrown = server_.ValidateConfig(ProviderServer::ConfigOf::kResource, "fake_thing",
                                              Config("a", S("throw")));
  ASSERT_TRUE(HasSummary(thrown, "Internal provider error")) << "exceptions never escape";
  EXPECT_THAT(thrown.items()[0].detail, HasSubstr("boom"));

  EXPECT_TRUE(server_.ValidateConfig(ProviderServer::ConfigOf::kResource, "fake_thing", Config("a"))
                  .empty());
  EXPECT_TRUE(server_.ValidateProviderConfig(ProviderConfig("x")).empty());
  EXPECT_TRUE(HasSummary(
      server_.ValidateConfig(ProviderServer::ConfigOf::kResource, "fake_nothing", Config("a")),
      "Unknown resource type"));
  EXPECT_TRUE(HasSummary(server_.ValidateConfig(ProviderServer::ConfigOf::kDataSource,
                                                "fake_nothing", Value::Null(Type::Object({}))),
                         "Unknown data source type"));
}

}  // namespace
}  // namespace opc::framework::server_testing
