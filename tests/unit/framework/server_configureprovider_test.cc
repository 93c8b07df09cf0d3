// ProviderServer: ConfigureProvider.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/framework/server_test_fixture.h"

namespace opc::framework::server_testing {
namespace {

TEST_F(ServerTest, CallsBeforeConfigurationSayWhy) {
  EXPECT_TRUE(
      HasSummary(Plan(Value::Null(type_), Config("a")).diagnostics, "Provider not configured"));
  Diagnostics failed = server_.ConfigureProvider("1.11.4", ProviderConfig("bad"));
  EXPECT_TRUE(HasSummary(failed, "Cannot reach the endpoint"));
  EXPECT_TRUE(HasSummary(server_.ImportResourceState("fake_thing", "x").diagnostics,
                         "Provider not configured"));
  EXPECT_TRUE(HasSummary(server_.ReadDataSource("fake_count", Value()).diagnostics,
                         "Provider not configured"));
}

}  // namespace
}  // namespace opc::framework::server_testing
