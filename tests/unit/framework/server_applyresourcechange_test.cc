// ProviderServer: ApplyResourceChange.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/unit/framework/server_test_fixture.h"

namespace opc::framework::server_testing {
namespace {

TEST_F(ServerTest, InconsistentApplyIsReportedAsAProviderBug) {
  Configure();
  Value state = CreateThing("x");
  Value config = Config("x", S("inconsistent"));
  auto plan = Plan(state, config);
  auto applied = server_.ApplyResourceChange("fake_thing", state, plan.planned_state, config, "");
  ASSERT_TRUE(HasSummary(applied.diagnostics, "inconsistent result after apply"));
  EXPECT_EQ(applied.diagnostics.items()[0].attribute->ToString(), "note");
}

TEST_F(ServerTest, UnknownsLeftAfterApplyAreAProviderBug) {
  Configure();
  Value config = Config("leave-unknown");
  auto plan = Plan(Value::Null(type_), config);
  auto applied =
      server_.ApplyResourceChange("fake_thing", Value::Null(type_), plan.planned_state, config, "");
  ASSERT_TRUE(HasSummary(applied.diagnostics, "invalid result object after apply"));
  EXPECT_TRUE(applied.new_state.IsWhollyKnown()) << "unknowns are replaced by nulls";
}

}  // namespace
}  // namespace opc::framework::server_testing
