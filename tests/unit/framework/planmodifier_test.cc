// The plan modifiers on their own, and as the planner runs an attribute's list.
#include "provider/framework/planmodifier.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "provider/framework/planner.h"
#include "provider/framework/schema.h"

namespace opc::framework {
namespace {

using ::testing::HasSubstr;

Value S(const char* s) { return Value::String(s); }

struct Planned {
  Value value;
  Diagnostics diagnostics;
};

// Runs one modifier the way the planner does for a computed attribute left null in config.
Planned PlanWith(const PlanModifier& m, const Value& prior, bool prior_exists, Value planned,
                 const Type& type = Type::String()) {
  Planned out{std::move(planned), {}};
  AttributePath path = AttributePath::Root("a");
  Value config = Value::Null(type);
  m.PlanValue(PlanValueRequest{path, type, config, prior, prior_exists, out.diagnostics},
              out.value);
  return out;
}

TEST(UseStateForUnknown, KeepsAKnownPriorForAnUnknownPlan) {
  auto m = planmodifier::UseStateForUnknown();
  EXPECT_EQ(PlanWith(*m, S("id-1"), true, Value::Unknown(Type::String())).value, S("id-1"));
}

TEST(UseStateForUnknown, LeavesCreatesNullPriorsAndKnownPlansAlone) {
  auto m = planmodifier::UseStateForUnknown();
  Value unknown = Value::Unknown(Type::String());
  EXPECT_TRUE(PlanWith(*m, Value::Null(Type::String()), false, unknown).value.IsUnknown());
  EXPECT_TRUE(PlanWith(*m, Value::Null(Type::String()), true, unknown).value.IsUnknown())
      << "a null prior is not a value to keep";
  EXPECT_EQ(PlanWith(*m, S("old"), true, S("new")).value, S("new"));
}

TEST(Default, FillsANullConfigWithItsValueConformedToTheType) {
  auto m = planmodifier::Default(S("standard"));
  EXPECT_EQ(PlanWith(*m, S("prior"), true, S("prior")).value, S("standard"));
  EXPECT_EQ(PlanWith(*m, Value(), false, Value::Unknown(Type::String())).value, S("standard"));
}

TEST(Default, AValueOfTheWrongTypeIsADiagnosticNamingTheAttribute) {
  auto m = planmodifier::Default(Value::Int(1));
  Planned out = PlanWith(*m, Value(), false, Value::Unknown(Type::Bool()), Type::Bool());
  ASSERT_TRUE(out.diagnostics.HasError());
  EXPECT_EQ(out.diagnostics.items()[0].summary, "Invalid default value in the provider schema");
  EXPECT_EQ(out.diagnostics.items()[0].attribute->ToString(), "a");
  EXPECT_TRUE(out.value.IsUnknown());
}

TEST(RequiresReplace, AlwaysAndIfAskTheirCondition) {
  Value prior = S("US");
  Value planned = S("CA");
  ReplaceContext ctx{prior, planned, prior, planned};
  EXPECT_TRUE(planmodifier::RequiresReplace()->CanRequireReplace());
  EXPECT_TRUE(planmodifier::RequiresReplace()->RequiresReplace(ctx));
  auto leaving_us = planmodifier::RequiresReplaceIf(
      [](const ReplaceContext& c) { return c.prior == Value::String("US"); }, "Leaving the US.");
  EXPECT_TRUE(leaving_us->RequiresReplace(ctx));
  Value from_ca = S("CA");
  EXPECT_FALSE(leaving_us->RequiresReplace(ReplaceContext{from_ca, planned, from_ca, planned}));
  EXPECT_EQ(leaving_us->Description(), "Leaving the US.");
  EXPECT_FALSE(planmodifier::UseStateForUnknown()->CanRequireReplace());
}

TEST(FindPlanModifier, FindsByType) {
  Attribute a = OptionalComputedString("tier", "");
  a.plan_modifiers = {planmodifier::RequiresReplace(), planmodifier::Default(S("x"))};
  ASSERT_NE(FindPlanModifier<DefaultModifier>(a), nullptr);
  EXPECT_EQ(FindPlanModifier<DefaultModifier>(a)->value(), S("x"));
  EXPECT_NE(FindPlanModifier<RequiresReplaceModifier>(a), nullptr);
  EXPECT_EQ(FindPlanModifier<UseStateForUnknownModifier>(a), nullptr);
}

// A modifier of the resource's own, to show the planner runs whatever the list holds, in order.
class Upper : public PlanModifier {
 public:
  std::string Description() const override { return "Upper-cases a known plan."; }
  void PlanValue(const PlanValueRequest& req, Value& planned) const override {
    if (planned.IsKnown() && !planned.IsNull()) {
      std::string s = planned.AsString();
      for (char& c : s) {
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      }
      planned = Value::String(s);
    }
  }
};

TEST(PlannerRunsTheList, InOrderForComputedAttributesLeftNull) {
  Attribute tier = OptionalComputedString("tier", "");
  tier.plan_modifiers = {planmodifier::Default(S("gold")), std::make_shared<Upper>()};
  Attribute name = RequiredString("name", "");
  name.plan_modifiers = {std::make_shared<Upper>()};
  Schema schema;
  schema.block.attributes = {name, tier};
  Type type = schema.ImpliedType();
  Value config = Value::Object(type, {{"name", S("n")}});
  PlanOutput out = PlanChange(PlanInput{schema, Value::Null(type), config, config});
  ASSERT_FALSE(out.diagnostics.HasError());
  EXPECT_EQ(out.planned.GetAttr("tier"), S("GOLD")) << "Default, then Upper";
  EXPECT_EQ(out.planned.GetAttr("name"), S("n")) << "a configured value is never modified";
}

}  // namespace
}  // namespace opc::framework
