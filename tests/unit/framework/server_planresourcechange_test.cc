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

TEST_F(ServerTest, ModifyPlanRunsOnDestroyAndMayOnlyRefuse) {
  Configure();
  Value state = CreateThing("x");
  auto destroy =
      server_.PlanResourceChange("fake_thing", state, Value::Null(type_), Value::Null(type_), "");
  EXPECT_FALSE(destroy.diagnostics.HasError()) << Describe(destroy.diagnostics);
  EXPECT_EQ(tenant_->modify_plan_destroys, 1);
  EXPECT_EQ(destroy.planned_state, Value::Null(type_)) << "the resource's non-null plan is ignored";

  Value kept = CreateThing("y", S("undeletable"));
  auto refused =
      server_.PlanResourceChange("fake_thing", kept, Value::Null(type_), Value::Null(type_), "");
  EXPECT_TRUE(HasSummary(refused.diagnostics, "Refusing to destroy"));
  EXPECT_EQ(tenant_->modify_plan_destroys, 2);
}

TEST_F(ServerTest, ModifyPlanGetsTheTokenThatStopCancels) {
  Configure();
  Plan(Value::Null(type_), Config("x"));
  CancellationToken seen = tenant_->modify_plan_cancel;
  EXPECT_FALSE(seen.IsCancelled());
  server_.Stop();
  EXPECT_TRUE(seen.IsCancelled()) << "ModifyPlan must see StopProvider";
}

TEST_F(ServerTest, ReplacePathsAreSortedAndDeduplicatedOnce) {
  Configure();
  Value state = CreateThing("x");
  // "name" from the schema's RequiresReplace, "note" (twice) from ModifyPlan.
  auto both = Plan(state, Config("renamed", S("replace-me")));
  ASSERT_FALSE(both.diagnostics.HasError()) << Describe(both.diagnostics);
  ASSERT_EQ(both.requires_replace.size(), 2u);
  EXPECT_EQ(both.requires_replace[0].ToString(), "name");
  EXPECT_EQ(both.requires_replace[1].ToString(), "note");
}

}  // namespace
}  // namespace opc::framework::server_testing
