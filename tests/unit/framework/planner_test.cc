#include "provider/framework/planner.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>

#include "absl/strings/ascii.h"

namespace opc::framework {
namespace {

using ::testing::HasSubstr;
using N = NestedAttributes::Nesting;

Value S(const char* s) { return Value::String(s); }
Value Unknown(const Type& t = Type::String()) { return Value::Unknown(t); }

std::string StripSpaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

Attribute WithNested(Attribute a, N nesting, std::vector<Attribute> attrs) {
  a.type = Type();
  a.nested = std::make_shared<NestedAttributes>(NestedAttributes{nesting, std::move(attrs)});
  return a;
}

// A schema exercising every planner rule.
Schema TestSchema() {
  Attribute id = ComputedString("id", "");
  id.plan_modifiers.push_back(planmodifier::UseStateForUnknown());
  Attribute name = RequiredString("name", "");
  name.plan_modifiers.push_back(planmodifier::RequiresReplace());
  Attribute tier = OptionalComputedString("tier", "");
  tier.plan_modifiers.push_back(planmodifier::Default(S("standard")));
  Attribute phone = OptionalString("phone", "");
  phone.semantic_equality = [](const Value& prior, const Value& config) {
    return StripSpaces(prior.AsString()) == StripSpaces(config.AsString());
  };
  Attribute country = OptionalString("country", "");
  // Leaving the US needs a new object; other moves are in-place updates.
  country.plan_modifiers.push_back(planmodifier::RequiresReplaceIf(
      [](const ReplaceContext& ctx) { return !ctx.prior.IsNull() && ctx.prior.AsString() == "US"; },
      "Leaving the US replaces."));
  Attribute secret = OptionalString("secret", "");
  secret.write_only = true;

  Attribute verified;
  verified.name = "verified";
  verified.type = Type::Bool();
  verified.computed = true;
  Attribute contact = WithNested(OptionalString("contact", ""), N::kSingle,
                                 {RequiredString("email", ""), verified});

  Attribute number_value = RequiredString("value", "");
  number_value.plan_modifiers.push_back(planmodifier::RequiresReplace());
  Attribute number_status = ComputedString("status", "");
  number_status.plan_modifiers.push_back(planmodifier::UseStateForUnknown());
  Attribute numbers =
      WithNested(OptionalString("numbers", ""), N::kList, {number_value, number_status});

  Attribute tag_id = ComputedString("id", "");
  tag_id.plan_modifiers.push_back(planmodifier::UseStateForUnknown());
  Attribute tags =
      WithNested(OptionalString("tags", ""), N::kSet, {RequiredString("key", ""), tag_id});
  Attribute labels =
      WithNested(OptionalString("labels", ""), N::kMap, {OptionalString("text", ""), tag_id});

  Schema schema;
  schema.block.attributes = {id,
                             name,
                             OptionalString("description", ""),
                             OptionalComputedString("region", ""),
                             tier,
                             ComputedString("etag", ""),
                             phone,
                             country,
                             secret,
                             contact,
                             numbers,
                             tags,
                             labels};

  Attribute priority;
  priority.name = "priority";
  priority.type = Type::Number();
  priority.optional = true;
  priority.computed = true;
  NestedBlock rule{"rule", std::make_shared<Block>(), NestedBlock::Nesting::kList};
  rule.block->attributes = {RequiredString("kind", ""), priority};
  NestedBlock settings{"settings", std::make_shared<Block>(), NestedBlock::Nesting::kSingle};
  settings.block->attributes = {OptionalString("mode", ""), ComputedString("computed_at", "")};
  schema.block.blocks = {rule, settings};
  return schema;
}

class PlannerTest : public ::testing::Test {
 protected:
  PlannerTest() : schema_(TestSchema()), type_(schema_.ImpliedType()) {}

  const Type& T(const char* attr) const { return type_.attributes().at(attr); }
  Type Elem(const char* attr) const { return T(attr).element(); }

  Value Obj(std::map<std::string, Value> attrs) const {
    return Value::Object(type_, std::move(attrs));
  }
  Value Contact(Value email, Value verified) const {
    return Value::Object(T("contact"), {{"email", email}, {"verified", verified}});
  }
  Value Numbers(std::vector<std::pair<Value, Value>> items) const {
    std::vector<Value> out;
    for (auto& [v, s] : items) {
      out.push_back(Value::Object(Elem("numbers"), {{"value", v}, {"status", s}}));
    }
    return Value::List(Elem("numbers"), std::move(out));
  }
  Value Tags(std::vector<std::pair<Value, Value>> items) const {
    std::vector<Value> out;
    for (auto& [k, id] : items) {
      out.push_back(Value::Object(Elem("tags"), {{"key", k}, {"id", id}}));
    }
    return Value::Set(Elem("tags"), std::move(out));
  }
  Value Labels(std::map<std::string, std::pair<Value, Value>> items) const {
    std::map<std::string, Value> out;
    for (auto& [key, item] : items) {
      out.emplace(key, Value::Object(Elem("labels"), {{"text", item.first}, {"id", item.second}}));
    }
    return Value::Map(Elem("labels"), std::move(out));
  }
  Value Rules(std::vector<std::pair<Value, Value>> items) const {
    std::vector<Value> out;
    for (auto& [kind, priority] : items) {
      out.push_back(Value::Object(Elem("rule"), {{"kind", kind}, {"priority", priority}}));
    }
    return Value::List(Elem("rule"), std::move(out));
  }
  Value Settings(Value mode, Value computed_at) const {
    return Value::Object(T("settings"), {{"mode", mode}, {"computed_at", computed_at}});
  }

  // What the user writes.
  Value BaseConfig() const {
    return Obj({{"name", S("n")},
                {"description", S("d")},
                {"phone", S("+1 555")},
                {"country", S("US")},
                {"secret", S("hunter2")},
                {"contact", Contact(S("e@x"), Value())},
                {"numbers", Numbers({{S("+1"), Value()}})},
                {"tags", Tags({{S("a"), Value()}})},
                {"labels", Labels({{"x", {S("t"), Value()}}})},
                {"rule", Rules({{S("k"), Value()}})}});
  }

  // The state after creating BaseConfig.
  Value BasePrior() const {
    return Obj({{"id", S("id-1")},
                {"name", S("n")},
                {"description", S("d")},
                {"region", S("westus")},
                {"tier", S("standard")},
                {"etag", S("e1")},
                {"phone", S("+1555")},
                {"country", S("US")},
                {"contact", Contact(S("e@x"), Value::Bool(true))},
                {"numbers", Numbers({{S("+1"), S("active")}})},
                {"tags", Tags({{S("a"), S("tag-a")}})},
                {"labels", Labels({{"x", {S("t"), S("label-x")}}})},
                {"rule", Rules({{S("k"), Value::Int(5)}})}});
  }

  // Plans, and checks that Terraform would accept the plan.
  PlanOutput Plan(const Value& prior, const Value& config) {
    PlanOutput out = PlanChange(PlanInput{schema_, prior, config, config});
    EXPECT_FALSE(out.diagnostics.HasError()) << out.diagnostics.items()[0].detail;
    Diagnostics valid;
    CheckPlanValid(schema_.block, prior, config, out.planned, valid);
    EXPECT_TRUE(valid.empty()) << valid.items()[0].detail;
    EXPECT_EQ(out.planned.type(), type_);
    return out;
  }

  Schema schema_;
  Type type_;
};

TEST_F(PlannerTest, CreateKeepsConfigAndMakesComputedUnknown) {
  PlanOutput out = Plan(Value::Null(type_), BaseConfig());
  const Value& p = out.planned;
  EXPECT_EQ(p.GetAttr("name"), S("n"));
  EXPECT_EQ(p.GetAttr("phone"), S("+1 555")) << "no prior to prefer";
  EXPECT_EQ(p.GetAttr("id"), Unknown());
  EXPECT_EQ(p.GetAttr("etag"), Unknown());
  EXPECT_EQ(p.GetAttr("region"), Unknown()) << "optional+computed left unset";
  EXPECT_EQ(p.GetAttr("tier"), S("standard")) << "default";
  EXPECT_EQ(p.GetAttr("secret"), Value::Null(Type::String())) << "write-only is never planned";
  EXPECT_EQ(p.GetAttr("contact"), Contact(S("e@x"), Unknown(Type::Bool())));
  EXPECT_EQ(p.GetAttr("numbers"), Numbers({{S("+1"), Unknown()}}));
  EXPECT_EQ(p.GetAttr("tags"), Tags({{S("a"), Unknown()}}));
  EXPECT_EQ(p.GetAttr("labels"), Labels({{"x", {S("t"), Unknown()}}}));
  EXPECT_EQ(p.GetAttr("rule"), Rules({{S("k"), Unknown(Type::Number())}}));
  EXPECT_EQ(p.GetAttr("settings"), Value::Null(T("settings")));
  EXPECT_TRUE(out.requires_replace.empty()) << "never on create";
}

TEST_F(PlannerTest, AbsentListBlockIsPlannedAsEmptyList) {
  PlanOutput out = Plan(Value::Null(type_), BaseConfig().WithAttr("rule", Value::Null(T("rule"))));
  EXPECT_EQ(out.planned.GetAttr("rule"), Value::List(Elem("rule"), {}));
}

TEST_F(PlannerTest, UnchangedConfigPlansThePriorState) {
  PlanOutput out = Plan(BasePrior(), BaseConfig());
  EXPECT_EQ(out.planned, BasePrior()) << out.planned.DebugString();
  EXPECT_TRUE(out.requires_replace.empty());
}

TEST_F(PlannerTest, UpdateMarksUnstableComputedValuesUnknown) {
  PlanOutput out = Plan(BasePrior(), BaseConfig().WithAttr("description", S("changed")));
  const Value& p = out.planned;
  EXPECT_EQ(p.GetAttr("description"), S("changed"));
  EXPECT_EQ(p.GetAttr("id"), S("id-1")) << "use_state_for_unknown";
  EXPECT_EQ(p.GetAttr("etag"), Unknown()) << "computed-only may change with the update";
  EXPECT_EQ(p.GetAttr("region"), S("westus")) << "optional+computed keeps the prior";
  EXPECT_EQ(p.GetAttr("contact"), Contact(S("e@x"), Unknown(Type::Bool())));
  EXPECT_EQ(p.GetAttr("numbers"), Numbers({{S("+1"), S("active")}}));
  EXPECT_EQ(p.GetAttr("rule"), Rules({{S("k"), Value::Int(5)}}));
  EXPECT_TRUE(out.requires_replace.empty());
}

TEST_F(PlannerTest, DestroyPlansNull) {
  PlanOutput out =
      PlanChange(PlanInput{schema_, BasePrior(), Value::Null(type_), Value::Null(type_)});
  EXPECT_EQ(out.planned, Value::Null(type_));
  EXPECT_TRUE(out.requires_replace.empty());
  EXPECT_TRUE(out.diagnostics.empty());
}

TEST_F(PlannerTest, UnknownConfigStaysUnknownWithItsRefinements) {
  Refinements r;
  r.definitely_not_null = true;
  r.string_prefix = "pre";
  Value config = BaseConfig()
                     .WithAttr("description", Value::Unknown(Type::String(), r))
                     .WithAttr("labels", Value::Unknown(T("labels")));
  PlanOutput out = Plan(BasePrior(), config);
  EXPECT_TRUE(out.planned.GetAttr("description").IsUnknown());
  EXPECT_EQ(out.planned.GetAttr("description").refinements(), r);
  EXPECT_EQ(out.planned.GetAttr("labels"), Value::Unknown(T("labels")));
  EXPECT_EQ(out.planned.GetAttr("etag"), Unknown());
}

TEST_F(PlannerTest, SemanticallyEqualConfigKeepsThePrior) {
  PlanOutput same = Plan(BasePrior(), BaseConfig().WithAttr("phone", S("+15 55")));
  EXPECT_EQ(same.planned.GetAttr("phone"), S("+1555"));
  EXPECT_EQ(same.planned, BasePrior()) << "no diff at all";

  PlanOutput different = Plan(BasePrior(), BaseConfig().WithAttr("phone", S("+1 556")));
  EXPECT_EQ(different.planned.GetAttr("phone"), S("+1 556"));
}

TEST_F(PlannerTest, DefaultAppliesWheneverConfigIsNull) {
  Value prior = BasePrior().WithAttr("tier", S("premium"));
  PlanOutput out = Plan(prior, BaseConfig());
  EXPECT_EQ(out.planned.GetAttr("tier"), S("standard"));
  PlanOutput explicit_tier = Plan(prior, BaseConfig().WithAttr("tier", S("premium")));
  EXPECT_EQ(explicit_tier.planned, prior);
}

TEST_F(PlannerTest, RemovingAnOptionalValuePlansNull) {
  PlanOutput out = Plan(BasePrior(), BaseConfig().WithAttr("description", Value()));
  EXPECT_EQ(out.planned.GetAttr("description"), Value::Null(Type::String()));
}

TEST_F(PlannerTest, RequiresReplaceOnChangedAttribute) {
  PlanOutput out = Plan(BasePrior(), BaseConfig().WithAttr("name", S("other")));
  ASSERT_EQ(out.requires_replace.size(), 1u);
  EXPECT_EQ(out.requires_replace[0].ToString(), "name");

  PlanOutput unknown = Plan(BasePrior(), BaseConfig().WithAttr("name", Unknown()));
  ASSERT_EQ(unknown.requires_replace.size(), 1u) << "unknown may differ";
  EXPECT_EQ(unknown.requires_replace[0].ToString(), "name");
}

TEST_F(PlannerTest, RequiresReplaceIfAsksTheCondition) {
  PlanOutput leaving_us = Plan(BasePrior(), BaseConfig().WithAttr("country", S("GB")));
  ASSERT_EQ(leaving_us.requires_replace.size(), 1u);
  EXPECT_EQ(leaving_us.requires_replace[0].ToString(), "country");

  Value in_gb = BasePrior().WithAttr("country", S("GB"));
  PlanOutput moving = Plan(in_gb, BaseConfig().WithAttr("country", S("FR")));
  EXPECT_TRUE(moving.requires_replace.empty());
}

TEST_F(PlannerTest, RequiresReplaceInsideNestedList) {
  Value config = BaseConfig().WithAttr("numbers", Numbers({{S("+2"), Value()}}));
  PlanOutput out = Plan(BasePrior(), config);
  ASSERT_EQ(out.requires_replace.size(), 1u);
  EXPECT_EQ(out.requires_replace[0].ToString(), "numbers[0].value");
}

TEST_F(PlannerTest, NestedListCorrelatesByIndex) {
  Value config =
      BaseConfig().WithAttr("numbers", Numbers({{S("+1"), Value()}, {S("+2"), Value()}}));
  PlanOutput out = Plan(BasePrior(), config);
  EXPECT_EQ(out.planned.GetAttr("numbers"),
            Numbers({{S("+1"), S("active")}, {S("+2"), Unknown()}}));
}

TEST_F(PlannerTest, NestedSetCorrelatesByConfiguredValues) {
  Value prior = BasePrior().WithAttr("tags", Tags({{S("a"), S("tag-a")}, {S("b"), S("tag-b")}}));
  Value config = BaseConfig().WithAttr(
      "tags", Tags({{S("b"), Value()}, {S("c"), Value()}, {S("a"), Value()}}));
  PlanOutput out = Plan(prior, config);
  EXPECT_EQ(out.planned.GetAttr("tags"),
            Tags({{S("a"), S("tag-a")}, {S("b"), S("tag-b")}, {S("c"), Unknown()}}));
}

TEST_F(PlannerTest, LargeNestedSetsCorrelateEveryElement) {
  std::vector<std::pair<Value, Value>> prior_tags;
  std::vector<std::pair<Value, Value>> config_tags;
  std::vector<std::pair<Value, Value>> expected;
  for (int i = 0; i < 5000; ++i) {
    std::string key = "k" + std::to_string(i);
    prior_tags.emplace_back(S(key.c_str()), S(("id-" + key).c_str()));
    config_tags.emplace_back(S(key.c_str()), Value());
  }
  expected = prior_tags;
  config_tags.emplace_back(S("new"), Value());
  expected.emplace_back(S("new"), Unknown());
  PlanOutput out =
      PlanChange(PlanInput{schema_, BasePrior().WithAttr("tags", Tags(prior_tags)), BaseConfig(),
                           BaseConfig().WithAttr("tags", Tags(config_tags))});
  ASSERT_FALSE(out.diagnostics.HasError());
  EXPECT_EQ(out.planned.GetAttr("tags"), Tags(expected));
}

TEST_F(PlannerTest, NestedMapCorrelatesByKey) {
  Value config = BaseConfig().WithAttr(
      "labels", Labels({{"x", {S("t2"), Value()}}, {"y", {S("u"), Value()}}}));
  PlanOutput out = Plan(BasePrior(), config);
  EXPECT_EQ(out.planned.GetAttr("labels"),
            Labels({{"x", {S("t2"), S("label-x")}}, {"y", {S("u"), Unknown()}}}));
}

TEST_F(PlannerTest, NestedSingleObjectAppearingIsACreate) {
  Value prior = BasePrior().WithAttr("contact", Value::Null(T("contact")));
  PlanOutput out = Plan(prior, BaseConfig());
  EXPECT_EQ(out.planned.GetAttr("contact"), Contact(S("e@x"), Unknown(Type::Bool())));
}

TEST_F(PlannerTest, BlocksKeepPriorComputedValues) {
  Value prior = BasePrior().WithAttr("settings", Settings(S("m"), S("2026-01-01")));
  Value config = BaseConfig().WithAttr("settings", Settings(S("m"), Value()));
  PlanOutput unchanged = Plan(prior, config);
  EXPECT_EQ(unchanged.planned, prior);

  PlanOutput created = Plan(BasePrior(), config);
  EXPECT_EQ(created.planned.GetAttr("settings"), Settings(S("m"), Unknown()));

  Value more_rules = config.WithAttr("rule", Rules({{S("k"), Value()}, {S("j"), Value::Int(1)}}));
  PlanOutput added = Plan(prior, more_rules);
  EXPECT_EQ(added.planned.GetAttr("rule"),
            Rules({{S("k"), Value::Int(5)}, {S("j"), Value::Int(1)}}));
  EXPECT_EQ(added.planned.GetAttr("settings"), Settings(S("m"), Unknown()))
      << "computed-only block attribute may change with the update";
}

TEST_F(PlannerTest, InvalidDefaultIsADiagnostic) {
  Schema schema = TestSchema();
  schema.block.attributes[4].plan_modifiers = {planmodifier::Default(Value::Int(1))};  // a string
  PlanOutput out = PlanChange(PlanInput{schema, Value::Null(type_), BaseConfig(), BaseConfig()});
  ASSERT_TRUE(out.diagnostics.HasError());
  EXPECT_EQ(out.diagnostics.items()[0].attribute->ToString(), "tier");
}

// Terraform sends a proposed new state (objchange.ProposedNew): the config, with each computed
// value the config leaves null taken from the prior object Terraform pairs it with. Each case
// below writes that proposal out by hand; the plan is the one the planner made before it read
// the proposal (from config and prior alone), so planning from it changes nothing users see.
struct ProposedCase {
  const char* name;
  Value prior;
  Value config;
  Value proposed;  // as Terraform sends it
  Value planned;   // the plan
};

class PlanFromProposedTest : public PlannerTest {
 protected:
  void Check(const ProposedCase& c) {
    SCOPED_TRACE(c.name);
    PlanOutput out = PlanChange(PlanInput{schema_, c.prior, c.proposed, c.config});
    ASSERT_FALSE(out.diagnostics.HasError()) << out.diagnostics.items()[0].detail;
    EXPECT_EQ(out.planned, c.planned) << out.planned.DebugString();
    Diagnostics valid;
    CheckPlanValid(schema_.block, c.prior, c.config, out.planned, valid);
    EXPECT_TRUE(valid.empty()) << valid.items()[0].detail;
  }
};

TEST_F(PlanFromProposedTest, PlansWhatItPlannedFromConfigAndPrior) {
  Value config = BaseConfig();
  Value prior = BasePrior();
  // Create: nothing to pair with, so the proposal is the config (an absent list block is an
  // empty list; write-only values are still in it).
  Value create_proposed = config.WithAttr("settings", Value::Null(T("settings")));
  Value create_planned = Obj({{"id", Unknown()},
                              {"name", S("n")},
                              {"description", S("d")},
                              {"region", Unknown()},
                              {"tier", S("standard")},
                              {"etag", Unknown()},
                              {"phone", S("+1 555")},
                              {"country", S("US")},
                              {"contact", Contact(S("e@x"), Unknown(Type::Bool()))},
                              {"numbers", Numbers({{S("+1"), Unknown()}})},
                              {"tags", Tags({{S("a"), Unknown()}})},
                              {"labels", Labels({{"x", {S("t"), Unknown()}}})},
                              {"rule", Rules({{S("k"), Unknown(Type::Number())}})}});
  // Terraform's proposal for an update: prior computed values wherever the config is null,
  // in nested attributes, list/map elements, set elements it pairs and blocks alike.
  auto proposed_update = [&](const Value& cfg) {
    Value p = cfg.WithAttr("id", S("id-1"))
                  .WithAttr("region", S("westus"))
                  .WithAttr("tier", S("standard"))
                  .WithAttr("etag", S("e1"))
                  .WithAttr("contact", Contact(S("e@x"), Value::Bool(true)))
                  .WithAttr("numbers", Numbers({{S("+1"), S("active")}}))
                  .WithAttr("labels", Labels({{"x", {S("t"), S("label-x")}}}))
                  .WithAttr("rule", Rules({{S("k"), Value::Int(5)}}));
    return p.WithAttr("tags", Tags({{S("a"), S("tag-a")}}));
  };
  Value described = config.WithAttr("description", S("changed"));
  Value phone_respelt = config.WithAttr("phone", S("+15 55"));

  // A nested set: Terraform pairs set elements whose configured parts are equal.
  Value two_tags = prior.WithAttr("tags", Tags({{S("a"), S("tag-a")}, {S("b"), S("tag-b")}}));
  Value three_tags =
      config.WithAttr("tags", Tags({{S("b"), Value()}, {S("c"), Value()}, {S("a"), Value()}}));
  Value three_tags_proposed =
      proposed_update(three_tags)
          .WithAttr("tags", Tags({{S("a"), S("tag-a")}, {S("b"), S("tag-b")}, {S("c"), Value()}}));
  Value three_tags_planned =
      prior.WithAttr("etag", Unknown())
          .WithAttr("contact", Contact(S("e@x"), Unknown(Type::Bool())))
          .WithAttr("tags",
                    Tags({{S("a"), S("tag-a")}, {S("b"), S("tag-b")}, {S("c"), Unknown()}}));

  std::vector<ProposedCase> cases = {
      {"create", Value::Null(type_), config, create_proposed, create_planned},
      {"no change", prior, config, proposed_update(config), prior},
      {"update", prior, described, proposed_update(described),
       prior.WithAttr("description", S("changed"))
           .WithAttr("etag", Unknown())
           .WithAttr("contact", Contact(S("e@x"), Unknown(Type::Bool())))},
      {"semantically equal", prior, phone_respelt, proposed_update(phone_respelt), prior},
      {"nested set", two_tags, three_tags, three_tags_proposed, three_tags_planned},
  };
  for (const auto& c : cases) {
    Check(c);
  }
}

// An optional+computed nested object with a computed attribute inside: left null in config it
// is the provider's as a whole; configured, its computed part follows the update rules.
class OptionalComputedParentTest : public ::testing::Test {
 protected:
  OptionalComputedParentTest() {
    Attribute profile = WithNested(OptionalComputedString("profile", ""), N::kSingle,
                                   {OptionalString("mode", ""), ComputedString("stamp", "")});
    Attribute members = WithNested(OptionalString("members", ""), N::kSet,
                                   {RequiredString("upn", ""), ComputedString("object_id", "")});
    // User names are case-insensitive: a respelt name is the same member.
    members.nested->attributes[0].semantic_equality = [](const Value& p, const Value& c) {
      return absl::AsciiStrToLower(p.AsString()) == absl::AsciiStrToLower(c.AsString());
    };
    schema_.block.attributes = {OptionalString("note", ""), ComputedString("etag", ""), profile,
                                members};
    type_ = schema_.ImpliedType();
  }
  Value Profile(Value mode, Value stamp) const {
    return Value::Object(type_.attributes().at("profile"), {{"mode", mode}, {"stamp", stamp}});
  }
  Value Members(std::vector<std::pair<Value, Value>> items) const {
    const Type& t = type_.attributes().at("members").element();
    std::vector<Value> out;
    for (auto& [upn, id] : items) {
      out.push_back(Value::Object(t, {{"upn", upn}, {"object_id", id}}));
    }
    return Value::Set(t, std::move(out));
  }
  Value Obj(Value note, Value etag, Value profile, Value members) const {
    return Value::Object(
        type_, {{"note", note}, {"etag", etag}, {"profile", profile}, {"members", members}});
  }
  Value Plan(const Value& prior, const Value& proposed, const Value& config) {
    PlanOutput out = PlanChange(PlanInput{schema_, prior, proposed, config});
    EXPECT_FALSE(out.diagnostics.HasError()) << out.diagnostics.items()[0].detail;
    Diagnostics valid;
    CheckPlanValid(schema_.block, prior, config, out.planned, valid);
    EXPECT_TRUE(valid.empty()) << valid.items()[0].detail;
    return out.planned;
  }

  Schema schema_;
  Type type_;
};

TEST_F(OptionalComputedParentTest, PlansWhatItPlannedFromConfigAndPrior) {
  Value no_members = Members({});
  Value prior = Obj(S("n"), S("e1"), Profile(S("m"), S("s1")), Members({{S("Ann"), S("oid-1")}}));
  Value unset = Value::Null(type_.attributes().at("profile"));
  Value ann_respelt = Members({{S("ann"), Value()}});
  struct Case {
    const char* name;
    Value prior, config, proposed, planned;
  };
  Value s_unknown = Value::Unknown(Type::String());
  std::vector<Case> cases = {
      {"create with the parent left to the provider", Value::Null(type_),
       Obj(S("n"), Value(), unset, no_members), Obj(S("n"), Value(), unset, no_members),
       Obj(S("n"), s_unknown, Value::Unknown(type_.attributes().at("profile")), no_members)},
      {"create with the parent configured", Value::Null(type_),
       Obj(S("n"), Value(), Profile(S("m"), Value()), no_members),
       Obj(S("n"), Value(), Profile(S("m"), Value()), no_members),
       Obj(S("n"), s_unknown, Profile(S("m"), s_unknown), no_members)},
      // Terraform proposes the prior parent, computed part and all; the update keeps it.
      {"update with the parent left to the provider", prior,
       Obj(S("n2"), Value(), unset, ann_respelt),
       Obj(S("n2"), S("e1"), Profile(S("m"), S("s1")), Members({{S("ann"), Value()}})),
       Obj(S("n2"), s_unknown, Profile(S("m"), S("s1")), Members({{S("Ann"), s_unknown}}))},
      // Configured, the parent's computed part is the prior's in the proposal and unknown in the
      // plan, because the object changes.
      {"update of the configured parent", prior,
       Obj(S("n"), Value(), Profile(S("m2"), Value()), ann_respelt),
       Obj(S("n"), S("e1"), Profile(S("m2"), S("s1")), Members({{S("ann"), Value()}})),
       Obj(S("n"), s_unknown, Profile(S("m2"), s_unknown), Members({{S("Ann"), s_unknown}}))},
      // A set element respelt: Terraform pairs nothing (its pairing is exact), the planner pairs
      // it by semantic equality, so nothing changes (above, the element keeps its prior
      // spelling; its computed part is unknown only because the object changes).
      {"set element semantically equal", prior,
       Obj(S("n"), Value(), Profile(S("m"), Value()), ann_respelt),
       Obj(S("n"), S("e1"), Profile(S("m"), S("s1")), Members({{S("ann"), Value()}})), prior},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Value planned = Plan(c.prior, c.proposed, c.config);
    EXPECT_EQ(planned, c.planned) << planned.DebugString() << "\n" << c.planned.DebugString();
  }
}

// ---------------------------------------------------------------------------------------------

class CheckPlanValidTest : public PlannerTest {
 protected:
  Diagnostics Check(const Value& prior, const Value& config, const Value& planned) {
    Diagnostics d;
    CheckPlanValid(schema_.block, prior, config, planned, d);
    return d;
  }
  Value Good() {
    return PlanChange(PlanInput{schema_, BasePrior(), BaseConfig(), BaseConfig()}).planned;
  }
};

TEST_F(CheckPlanValidTest, RejectsAChangedConfiguredValue) {
  Diagnostics d = Check(BasePrior(), BaseConfig(), Good().WithAttr("description", S("bogus")));
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].summary, "Provider produced invalid plan");
  EXPECT_EQ(d.items()[0].attribute->ToString(), "description");
  EXPECT_THAT(d.items()[0].detail,
              HasSubstr(R"(planned value "bogus" does not match config value "d")"));
}

TEST_F(CheckPlanValidTest, RejectsAKnownPlanForUnknownConfig) {
  Value config = BaseConfig().WithAttr("description", Unknown());
  Diagnostics d = Check(Value::Null(type_), config,
                        PlanChange(PlanInput{schema_, Value::Null(type_), config, config})
                            .planned.WithAttr("description", S("guess")));
  ASSERT_TRUE(d.HasError());
  EXPECT_EQ(d.items()[0].attribute->ToString(), "description");
}

TEST_F(CheckPlanValidTest, RejectsValuesForNonComputedNulls) {
  Diagnostics d = Check(BasePrior(), BaseConfig().WithAttr("description", Value()), Good());
  ASSERT_TRUE(d.HasError());
  EXPECT_THAT(d.items()[0].detail, HasSubstr("for a non-computed attribute"));
}

TEST_F(CheckPlanValidTest, AllowsAnythingForComputedOnly) {
  EXPECT_TRUE(Check(BasePrior(), BaseConfig(), Good().WithAttr("etag", S("anything"))).empty());
}

TEST_F(CheckPlanValidTest, RejectsBlockCountChanges) {
  Diagnostics d = Check(BasePrior(), BaseConfig(), Good().WithAttr("rule", Rules({})));
  ASSERT_TRUE(d.HasError());
  EXPECT_THAT(d.items()[0].detail,
              HasSubstr("block count in plan (0) disagrees with count in config (1)"));
  Diagnostics null_list =
      Check(BasePrior(), BaseConfig(), Good().WithAttr("rule", Value::Null(T("rule"))));
  ASSERT_TRUE(null_list.HasError());
  EXPECT_THAT(null_list.items()[0].detail, HasSubstr("not null"));
}

TEST_F(CheckPlanValidTest, RejectsUnknownForConfiguredNestedObject) {
  Diagnostics d =
      Check(BasePrior(), BaseConfig(), Good().WithAttr("contact", Value::Unknown(T("contact"))));
  ASSERT_TRUE(d.HasError());
  EXPECT_THAT(d.items()[0].detail, HasSubstr("planned unknown for configured value"));
}

TEST_F(CheckPlanValidTest, RejectsNestedAttributeChanges) {
  Diagnostics d = Check(BasePrior(), BaseConfig(),
                        Good().WithAttr("numbers", Numbers({{S("+9"), S("active")}})));
  ASSERT_TRUE(d.HasError());
  EXPECT_EQ(d.items()[0].attribute->ToString(), "numbers[0].value");
}

TEST_F(CheckPlanValidTest, RejectsWriteOnlyValues) {
  Diagnostics d = Check(BasePrior(), BaseConfig(), Good().WithAttr("secret", S("hunter2")));
  ASSERT_TRUE(d.HasError());
  EXPECT_THAT(d.items()[0].detail, HasSubstr("write-only"));
}

}  // namespace
}  // namespace opc::framework
