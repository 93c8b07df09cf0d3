// Managed resources over the wire: validate, plan/apply/read round trips, replacement, destroy,
// import, state upgrade, unknown values and decode errors.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "service_fixture.h"

namespace opc::protocol_test {
namespace {

using framework::Type;
using framework::Value;
using ::testing::HasSubstr;

class ResourceRpcsTest : public ServiceFixture {
 protected:
  void SetUp() override {
    ServeTestProvider();
    tfplugin6::ConfigureProvider::Request configure;
    configure.set_terraform_version("1.11.4");
    auto response = Call(&tfplugin6::Provider::Stub::ConfigureProvider, configure);
    ASSERT_EQ(response.diagnostics_size(), 0) << Describe(response.diagnostics());
    type_ = ResourceSchema("test_thing").ImpliedType();
  }

  Value Config(std::map<std::string, Value> attrs) {
    return Value::Object(type_, std::move(attrs));
  }

  tfplugin6::PlanResourceChange::Response Plan(const Value& prior, const Value& proposed,
                                               const Value& config,
                                               const std::string& prior_private = "") {
    tfplugin6::PlanResourceChange::Request request;
    request.set_type_name("test_thing");
    *request.mutable_prior_state() = Msgpack(prior, type_);
    *request.mutable_proposed_new_state() = Msgpack(proposed, type_);
    *request.mutable_config() = Msgpack(config, type_);
    request.set_prior_private(prior_private);
    return Call(&tfplugin6::Provider::Stub::PlanResourceChange, request);
  }

  tfplugin6::ApplyResourceChange::Response Apply(const Value& prior,
                                                 const tfplugin6::DynamicValue& planned,
                                                 const Value& config,
                                                 const std::string& planned_private) {
    tfplugin6::ApplyResourceChange::Request request;
    request.set_type_name("test_thing");
    *request.mutable_prior_state() = Msgpack(prior, type_);
    *request.mutable_planned_state() = planned;
    *request.mutable_config() = Msgpack(config, type_);
    request.set_planned_private(planned_private);
    return Call(&tfplugin6::Provider::Stub::ApplyResourceChange, request);
  }

  tfplugin6::ReadResource::Response Read(const Value& state, const std::string& private_data) {
    tfplugin6::ReadResource::Request request;
    request.set_type_name("test_thing");
    *request.mutable_current_state() = Msgpack(state, type_);
    request.set_private_(private_data);
    return Call(&tfplugin6::Provider::Stub::ReadResource, request);
  }

  // Creates a thing the way Terraform does (plan with a null prior, then apply).
  Value Create(const Value& config, std::string* private_data = nullptr) {
    auto plan = Plan(Value::Null(type_), config, config);
    EXPECT_FALSE(HasError(plan.diagnostics())) << Describe(plan.diagnostics());
    auto applied = Apply(Value::Null(type_), plan.planned_state(), config, plan.planned_private());
    EXPECT_FALSE(HasError(applied.diagnostics())) << Describe(applied.diagnostics());
    if (private_data != nullptr) {
      *private_data = applied.private_();
    }
    return Decode(applied.new_state(), type_);
  }

  Type type_;
};

TEST_F(ResourceRpcsTest, ValidateChecksRequiredAttributesAndAllowsUnknowns) {
  tfplugin6::ValidateResourceConfig::Request request;
  request.set_type_name("test_thing");
  *request.mutable_config() = Msgpack(Config({{"name", Value::String("a")}}), type_);
  auto ok = Call(&tfplugin6::Provider::Stub::ValidateResourceConfig, request);
  EXPECT_EQ(ok.diagnostics_size(), 0) << Describe(ok.diagnostics());
  EXPECT_EQ(store_->last_validated_name, "a");

  *request.mutable_config() = Msgpack(Config({{"name", Value::Unknown(Type::String())}}), type_);
  auto unknown = Call(&tfplugin6::Provider::Stub::ValidateResourceConfig, request);
  EXPECT_EQ(unknown.diagnostics_size(), 0) << Describe(unknown.diagnostics());
  EXPECT_EQ(store_->last_validated_name, "(unknown)");

  *request.mutable_config() = Msgpack(Config({}), type_);
  auto missing = Call(&tfplugin6::Provider::Stub::ValidateResourceConfig, request);
  ASSERT_TRUE(HasError(missing.diagnostics()));
  ASSERT_EQ(missing.diagnostics(0).attribute().steps_size(), 1);
  EXPECT_EQ(missing.diagnostics(0).attribute().steps(0).attribute_name(), "name");
}

TEST_F(ResourceRpcsTest, UnknownTypeIsADiagnostic) {
  tfplugin6::ValidateResourceConfig::Request request;
  request.set_type_name("test_nothing");
  auto response = Call(&tfplugin6::Provider::Stub::ValidateResourceConfig, request);
  ASSERT_TRUE(HasError(response.diagnostics()));
  EXPECT_THAT(response.diagnostics(0).detail(), HasSubstr("test_nothing"));

  tfplugin6::PlanResourceChange::Request plan;
  plan.set_type_name("test_nothing");
  EXPECT_TRUE(HasError(Call(&tfplugin6::Provider::Stub::PlanResourceChange, plan).diagnostics()));
}

TEST_F(ResourceRpcsTest, CreatePlansUnknownIdAndApplyFillsIt) {
  Value config = Config({{"name", Value::String("alpha")},
                         {"size", Value::Int(3)},
                         {"tags", Value::Map(Type::String(), {{"env", Value::String("test")}})}});
  auto plan = Plan(Value::Null(type_), config, config);
  ASSERT_EQ(plan.diagnostics_size(), 0) << Describe(plan.diagnostics());
  EXPECT_EQ(plan.requires_replace_size(), 0);
  EXPECT_FALSE(plan.legacy_type_system());
  // The unknown id travels as msgpack ext 0, the form Terraform writes itself.
  EXPECT_NE(plan.planned_state().msgpack().find(std::string("\xd4\x00\x00", 3)), std::string::npos);
  Value planned = Decode(plan.planned_state(), type_);
  EXPECT_TRUE(planned.GetAttr("id").IsUnknown());
  EXPECT_EQ(planned.GetAttr("name"), Value::String("alpha"));
  EXPECT_EQ(planned.GetAttr("size"), Value::Int(3));

  auto applied = Apply(Value::Null(type_), plan.planned_state(), config, plan.planned_private());
  ASSERT_EQ(applied.diagnostics_size(), 0) << Describe(applied.diagnostics());
  Value state = Decode(applied.new_state(), type_);
  EXPECT_TRUE(state.IsWhollyKnown());
  EXPECT_EQ(state.GetAttr("id"), Value::String("thing-1"));
  EXPECT_EQ(state.GetAttr("tags"), config.GetAttr("tags"));
  EXPECT_EQ(applied.private_(), "private:thing-1");
}

TEST_F(ResourceRpcsTest, ReadRoundTripsStateAndPrivateData) {
  std::string private_data;
  Value state = Create(Config({{"name", Value::String("beta")}}), &private_data);
  auto read = Read(state, private_data);
  ASSERT_EQ(read.diagnostics_size(), 0) << Describe(read.diagnostics());
  EXPECT_EQ(Decode(read.new_state(), type_), state);
  EXPECT_EQ(read.private_(), "private:thing-1");
}

TEST_F(ResourceRpcsTest, ReadOfAVanishedObjectReturnsNull) {
  Value state = Create(Config({{"name", Value::String("gone")}}));
  store_->things.clear();
  auto read = Read(state, "");
  ASSERT_EQ(read.diagnostics_size(), 0) << Describe(read.diagnostics());
  EXPECT_EQ(read.new_state().msgpack(), std::string("\xc0", 1));
}

TEST_F(ResourceRpcsTest, ChangingANameRequiresReplacement) {
  Value state = Create(Config({{"name", Value::String("one")}}));
  Value config = Config({{"name", Value::String("two")}});
  Value proposed = config.WithAttr("id", state.GetAttr("id"));
  auto plan = Plan(state, proposed, config);
  ASSERT_EQ(plan.diagnostics_size(), 0) << Describe(plan.diagnostics());
  ASSERT_EQ(plan.requires_replace_size(), 1);
  ASSERT_EQ(plan.requires_replace(0).steps_size(), 1);
  EXPECT_EQ(plan.requires_replace(0).steps(0).attribute_name(), "name");
}

TEST_F(ResourceRpcsTest, InPlaceUpdateKeepsTheId) {
  std::string private_data;
  Value state =
      Create(Config({{"name", Value::String("same")}, {"size", Value::Int(1)}}), &private_data);
  Value config = Config({{"name", Value::String("same")}, {"size", Value::Int(2)}});
  Value proposed = config.WithAttr("id", state.GetAttr("id"));
  auto plan = Plan(state, proposed, config, private_data);
  ASSERT_EQ(plan.diagnostics_size(), 0) << Describe(plan.diagnostics());
  EXPECT_EQ(plan.requires_replace_size(), 0);
  Value planned = Decode(plan.planned_state(), type_);
  EXPECT_EQ(planned.GetAttr("id"), state.GetAttr("id"));
  EXPECT_EQ(plan.planned_private(), private_data);

  auto applied = Apply(state, plan.planned_state(), config, plan.planned_private());
  ASSERT_EQ(applied.diagnostics_size(), 0) << Describe(applied.diagnostics());
  EXPECT_EQ(Decode(applied.new_state(), type_).GetAttr("size"), Value::Int(2));
}

TEST_F(ResourceRpcsTest, UnknownConfigValuesStayUnknownInThePlan) {
  Value config = Config({{"name", Value::String("u")}, {"size", Value::Unknown(Type::Number())}});
  auto plan = Plan(Value::Null(type_), config, config);
  ASSERT_EQ(plan.diagnostics_size(), 0) << Describe(plan.diagnostics());
  EXPECT_TRUE(Decode(plan.planned_state(), type_).GetAttr("size").IsUnknown());
}

TEST_F(ResourceRpcsTest, DestroyIsPlannedAsNull) {
  Value state = Create(Config({{"name", Value::String("doomed")}}));
  // plan_destroy=true: Terraform asks the provider to plan a destroy, with null proposed state
  // and config; the answer must be a null planned state, and nothing changes yet.
  auto plan = Plan(state, Value::Null(type_), Value::Null(type_), "private-bytes");
  ASSERT_EQ(plan.diagnostics_size(), 0) << Describe(plan.diagnostics());
  EXPECT_EQ(plan.planned_state().msgpack(), std::string("\xc0", 1));
  EXPECT_EQ(plan.planned_private(), "private-bytes");
  EXPECT_EQ(store_->things.size(), 1u);
}

TEST_F(ResourceRpcsTest, DestroyAppliesANullPlanAndReturnsNull) {
  Value state = Create(Config({{"name", Value::String("doomed")}}));
  ASSERT_EQ(store_->things.size(), 1u);
  // Terraform sends planned_state = nil for a destroy.
  auto applied = Apply(state, RawMsgpack(std::string("\xc0", 1)), Value::Null(type_), "");
  ASSERT_EQ(applied.diagnostics_size(), 0) << Describe(applied.diagnostics());
  EXPECT_EQ(applied.new_state().msgpack(), std::string("\xc0", 1));
  EXPECT_TRUE(store_->things.empty());
}

TEST_F(ResourceRpcsTest, ImportReadsTheObject) {
  Value state = Create(Config({{"name", Value::String("imported")}, {"size", Value::Int(7)}}));
  tfplugin6::ImportResourceState::Request request;
  request.set_type_name("test_thing");
  request.set_id("thing-1");
  auto response = Call(&tfplugin6::Provider::Stub::ImportResourceState, request);
  ASSERT_EQ(response.diagnostics_size(), 0) << Describe(response.diagnostics());
  ASSERT_EQ(response.imported_resources_size(), 1);
  EXPECT_EQ(response.imported_resources(0).type_name(), "test_thing");
  EXPECT_EQ(Decode(response.imported_resources(0).state(), type_), state);

  request.set_id("thing-404");
  auto missing = Call(&tfplugin6::Provider::Stub::ImportResourceState, request);
  EXPECT_TRUE(HasError(missing.diagnostics()));
  EXPECT_EQ(missing.imported_resources_size(), 0);
}

TEST_F(ResourceRpcsTest, UpgradeDecodesPrettyPrintedJsonState) {
  tfplugin6::UpgradeResourceState::Request request;
  request.set_type_name("test_thing");
  request.set_version(0);
  // Terraform sends the state's attributes object, sometimes indented, with big numbers.
  request.mutable_raw_state()->set_json(R"({
    "id": "thing-9",
    "name": "old",
    "size": 12345678901234567890,
    "tags": {"a": "b"},
    "secret": null
  })");
  auto response = Call(&tfplugin6::Provider::Stub::UpgradeResourceState, request);
  ASSERT_EQ(response.diagnostics_size(), 0) << Describe(response.diagnostics());
  Value upgraded = Decode(response.upgraded_state(), type_);
  EXPECT_EQ(upgraded.GetAttr("id"), Value::String("thing-9"));
  EXPECT_EQ(upgraded.GetAttr("size").AsNumber().ToString(), "12345678901234567890");
  EXPECT_EQ(upgraded.GetAttr("tags"), Value::Map(Type::String(), {{"a", Value::String("b")}}));
}

TEST_F(ResourceRpcsTest, UpgradeRejectsBrokenOrLegacyState) {
  tfplugin6::UpgradeResourceState::Request request;
  request.set_type_name("test_thing");
  request.mutable_raw_state()->set_json("{\"id\": ");
  auto broken = Call(&tfplugin6::Provider::Stub::UpgradeResourceState, request);
  EXPECT_TRUE(HasError(broken.diagnostics()));

  request.mutable_raw_state()->clear_json();
  (*request.mutable_raw_state()->mutable_flatmap())["id"] = "x";
  auto flatmap = Call(&tfplugin6::Provider::Stub::UpgradeResourceState, request);
  ASSERT_TRUE(HasError(flatmap.diagnostics()));
  EXPECT_THAT(flatmap.diagnostics(0).detail(), HasSubstr("flatmap"));

  request.mutable_raw_state()->set_json(R"({"id":"x","name":"n","bogus":1})");
  auto extra = Call(&tfplugin6::Provider::Stub::UpgradeResourceState, request);
  EXPECT_TRUE(HasError(extra.diagnostics()));

  request.mutable_raw_state()->set_json(R"({"id":"x","name":"n"})");
  request.set_version(3);  // written by a newer provider
  auto newer = Call(&tfplugin6::Provider::Stub::UpgradeResourceState, request);
  EXPECT_TRUE(HasError(newer.diagnostics()));
}

TEST_F(ResourceRpcsTest, UndecodableValuesBecomeDiagnosticsNamingTheValue) {
  tfplugin6::PlanResourceChange::Request request;
  request.set_type_name("test_thing");
  *request.mutable_prior_state() = RawMsgpack(std::string("\xc0", 1));
  // An object with 1 of its 5 attributes: Terraform's own decoder rejects this too.
  *request.mutable_proposed_new_state() = RawMsgpack(std::string("\x81\xa4name\xa1x", 8));
  *request.mutable_config() = RawMsgpack(std::string("\xff", 1));
  auto response = Call(&tfplugin6::Provider::Stub::PlanResourceChange, request);
  ASSERT_EQ(response.diagnostics_size(), 2) << Describe(response.diagnostics());
  EXPECT_EQ(response.diagnostics(0).summary(), "Invalid proposed new state");
  EXPECT_EQ(response.diagnostics(1).summary(), "Invalid configuration");
  EXPECT_FALSE(response.has_planned_state());

  tfplugin6::ReadResource::Request read;
  read.set_type_name("test_thing");
  *read.mutable_current_state() = RawMsgpack("garbage");
  auto read_response = Call(&tfplugin6::Provider::Stub::ReadResource, read);
  ASSERT_TRUE(HasError(read_response.diagnostics()));
  EXPECT_EQ(read_response.diagnostics(0).summary(), "Invalid current state");
}

}  // namespace
}  // namespace opc::protocol_test
