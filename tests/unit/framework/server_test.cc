// ProviderServer: The server's lifetime: schemas, unknown types, the whole lifecycle, StopProvider.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "tests/unit/framework/server_test_fixture.h"

namespace opc::framework::server_testing {
namespace {

TEST_F(ServerTest, BuildsSchemasAtConstruction) {
  EXPECT_EQ(server_.provider().TypeName(), "fake");
  EXPECT_EQ(server_.ResourceSchemas().size(), 1u);
  EXPECT_EQ(server_.ResourceSchemas().at("fake_thing").version, 1);
  ASSERT_NE(server_.FindDataSourceSchema("fake_count"), nullptr);
  EXPECT_EQ(server_.FindResourceSchema("fake_nothing"), nullptr);
  EXPECT_EQ(server_.FindDataSourceSchema("fake_thing"), nullptr);
}

TEST_F(ServerTest, FullLifecycle) {
  Configure();
  // Create.
  Value config = Config("one", S("hello"));
  auto plan = Plan(Value::Null(type_), config);
  ASSERT_FALSE(plan.diagnostics.HasError()) << Describe(plan.diagnostics);
  EXPECT_TRUE(plan.planned_state.GetAttr("id").IsUnknown());
  EXPECT_TRUE(plan.planned_state.GetAttr("version").IsUnknown());
  EXPECT_EQ(plan.planned_private, "planned-private");
  auto created =
      server_.ApplyResourceChange("fake_thing", Value::Null(type_), plan.planned_state,
                                  config.WithAttr("secret", S("pw")), plan.planned_private);
  ASSERT_FALSE(created.diagnostics.HasError()) << Describe(created.diagnostics);
  Value state = created.new_state;
  EXPECT_EQ(state.GetAttr("id"), S("thing-1"));
  EXPECT_EQ(state.GetAttr("version"), Value::Int(1));
  EXPECT_EQ(state.GetAttr("secret"), Value::Null(Type::String())) << "write-only never stored";
  EXPECT_EQ(created.private_data, "created:planned-private");

  // Refresh and re-plan: nothing to do.
  auto read = server_.ReadResource("fake_thing", state, created.private_data);
  ASSERT_FALSE(read.diagnostics.HasError()) << Describe(read.diagnostics);
  EXPECT_EQ(read.new_state, state);
  auto noop = Plan(state, config);
  EXPECT_EQ(noop.planned_state, state);
  EXPECT_TRUE(noop.requires_replace.empty());

  // In-place update.
  Value changed = Config("one", S("bye"));
  auto update_plan = Plan(state, changed);
  EXPECT_EQ(update_plan.planned_state.GetAttr("id"), S("thing-1"));
  EXPECT_TRUE(update_plan.planned_state.GetAttr("version").IsUnknown());
  EXPECT_TRUE(update_plan.requires_replace.empty());
  auto updated = server_.ApplyResourceChange("fake_thing", state, update_plan.planned_state,
                                             changed, update_plan.planned_private);
  ASSERT_FALSE(updated.diagnostics.HasError()) << Describe(updated.diagnostics);
  EXPECT_EQ(updated.new_state.GetAttr("note"), S("bye"));
  EXPECT_EQ(updated.new_state.GetAttr("version"), Value::Int(2));

  // A rename needs a new object.
  auto rename = Plan(updated.new_state, Config("two", S("bye")));
  ASSERT_EQ(rename.requires_replace.size(), 1u);
  EXPECT_EQ(rename.requires_replace[0].ToString(), "name");

  // Destroy.
  auto destroy_plan = server_.PlanResourceChange("fake_thing", updated.new_state,
                                                 Value::Null(type_), Value::Null(type_), "");
  EXPECT_EQ(destroy_plan.planned_state, Value::Null(type_));
  auto deleted = server_.ApplyResourceChange("fake_thing", updated.new_state, Value::Null(type_),
                                             Value::Null(type_), "");
  ASSERT_FALSE(deleted.diagnostics.HasError()) << Describe(deleted.diagnostics);
  EXPECT_EQ(deleted.new_state, Value::Null(type_));
  EXPECT_TRUE(tenant_->things.empty());
}

TEST_F(ServerTest, StopCancelsTheWaitingCallAndLaterCallsWork) {
  Configure();
  Value config = Config("wait");
  auto plan = Plan(Value::Null(type_), config);
  ProviderServer::ApplyResult waiting;
  std::thread caller([&] {
    waiting = server_.ApplyResourceChange("fake_thing", Value::Null(type_), plan.planned_state,
                                          config, "");
  });
  {
    std::unique_lock lock(tenant_->mu);
    tenant_->cv.wait(lock, [&] { return tenant_->create_waiting; });
  }
  auto started = std::chrono::steady_clock::now();
  server_.Stop();
  caller.join();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
  EXPECT_TRUE(HasSummary(waiting.diagnostics, "Create cancelled"));
  EXPECT_EQ(waiting.new_state, Value::Null(type_));

  Value later = CreateThing("after-stop");
  EXPECT_EQ(later.GetAttr("name"), S("after-stop"));
}

TEST_F(ServerTest, UnknownResourceTypes) {
  Configure();
  EXPECT_TRUE(
      HasSummary(server_.PlanResourceChange("nope", Value(), Value(), Value(), "").diagnostics,
                 "Unknown resource type"));
  EXPECT_TRUE(
      HasSummary(server_.ApplyResourceChange("nope", Value(), Value(), Value(), "").diagnostics,
                 "Unknown resource type"));
  EXPECT_TRUE(
      HasSummary(server_.ReadResource("nope", Value(), "").diagnostics, "Unknown resource type"));
  EXPECT_TRUE(
      HasSummary(server_.ReadDataSource("nope", Value()).diagnostics, "Unknown data source type"));
}

}  // namespace
}  // namespace opc::framework::server_testing
