// ProviderServer: PlanResourceChange.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/framework/server_test_fixture.h"

namespace opc::framework::server_testing {
namespace {

TEST_F(ServerTest, ModifyPlanHookAddsReplacementsAndIsChecked) {
  Configure();
  Value state = CreateThing("x");
  auto replace = Plan(state, Config("x", S("replace-me")));
  ASSERT_FALSE(replace.diagnostics.HasError()) << Describe(replace.diagnostics);
  ASSERT_EQ(replace.requires_replace.size(), 1u) << "paths that exist nowhere are dropped";
  EXPECT_EQ(replace.requires_replace[0].ToString(), "note");

  auto on_create = Plan(Value::Null(type_), Config("y", S("replace-me")));
  EXPECT_TRUE(on_create.requires_replace.empty()) << "never on create";

  auto broken = Plan(state, Config("x", S("break-plan")));
  ASSERT_TRUE(HasSummary(broken.diagnostics, "Provider produced invalid plan"));
  EXPECT_EQ(broken.diagnostics.items()[0].attribute->ToString(), "name");
}

}  // namespace
}  // namespace opc::framework::server_testing
