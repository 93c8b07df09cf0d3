// ProviderServer: UpgradeResourceState.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/framework/server_test_fixture.h"

namespace opc::framework::server_testing {
namespace {

TEST_F(ServerTest, UpgradeDecodesStoredState) {
  auto same = server_.UpgradeResourceState(
      "fake_thing", 1, nlohmann::json::parse(R"({"id":"thing-9","name":"x","version":3})"));
  ASSERT_FALSE(same.diagnostics.HasError()) << Describe(same.diagnostics);
  EXPECT_EQ(same.state.GetAttr("version"), Value::Int(3));
  EXPECT_EQ(same.state.GetAttr("note"), Value::Null(Type::String()));

  auto newer = server_.UpgradeResourceState("fake_thing", 2, nlohmann::json::object());
  EXPECT_TRUE(HasSummary(newer.diagnostics, "newer provider version"));

  auto older = server_.UpgradeResourceState("fake_thing", 0, nlohmann::json::object());
  EXPECT_TRUE(HasSummary(older.diagnostics, "Unable to upgrade resource state"));

  auto garbage =
      server_.UpgradeResourceState("fake_thing", 1, nlohmann::json::parse(R"({"nope":1})"));
  EXPECT_TRUE(garbage.diagnostics.HasError());
}

}  // namespace
}  // namespace opc::framework::server_testing
