// ProviderServer: ReadDataSource.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/framework/server_test_fixture.h"

namespace opc::framework::server_testing {
namespace {

TEST_F(ServerTest, ReadsDataSources) {
  Configure();
  CreateThing("a");
  CreateThing("b");
  auto data = server_.ReadDataSource(
      "fake_count", Value::Null(server_.FindDataSourceSchema("fake_count")->ImpliedType()));
  ASSERT_FALSE(data.diagnostics.HasError()) << Describe(data.diagnostics);
  EXPECT_EQ(data.state.GetAttr("count"), Value::Int(2));
}

}  // namespace
}  // namespace opc::framework::server_testing
