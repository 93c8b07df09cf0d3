#include "provider/framework/schema.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>

#include "provider/framework/planner.h"

namespace opc::framework {
namespace {

using ::testing::HasSubstr;

Value S(const char* s) { return Value::String(s); }

Attribute Plain(const char* name, Type type) {
  Attribute a;
  a.name = name;
  a.type = std::move(type);
  a.optional = true;
  return a;
}

Attribute Nested(const char* name, NestedAttributes::Nesting nesting,
                 std::vector<Attribute> attrs) {
  Attribute a;
  a.name = name;
  a.optional = true;
  a.nested = std::make_shared<NestedAttributes>(NestedAttributes{nesting, std::move(attrs)});
  return a;
}

NestedBlock MakeBlock(const char* name, NestedBlock::Nesting nesting,
                      std::vector<Attribute> attrs) {
  NestedBlock nb;
  nb.type_name = name;
  nb.nesting = nesting;
  nb.block = std::make_shared<Block>();
  nb.block->attributes = std::move(attrs);
  return nb;
}

TEST(Schema, NestedAttributesImplyObjectsAndCollections) {
  Type inner = Type::Object({{"v", Type::String()}});
  using N = NestedAttributes::Nesting;
  EXPECT_EQ(Nested("x", N::kSingle, {Plain("v", Type::String())}).EffectiveType(), inner);
  EXPECT_EQ(Nested("x", N::kList, {Plain("v", Type::String())}).EffectiveType(), Type::List(inner));
  EXPECT_EQ(Nested("x", N::kSet, {Plain("v", Type::String())}).EffectiveType(), Type::Set(inner));
  EXPECT_EQ(Nested("x", N::kMap, {Plain("v", Type::String())}).EffectiveType(), Type::Map(inner));
  EXPECT_EQ(Plain("x", Type::Bool()).EffectiveType(), Type::Bool());
  // Terraform cannot type a list of objects with dynamic parts.
  EXPECT_EQ(Nested("x", N::kList, {Plain("d", Type::Dynamic())}).EffectiveType(), Type::Dynamic());
}

TEST(Schema, BlockImpliedTypeCoversAttributesAndNestedBlocks) {
  using B = NestedBlock::Nesting;
  Block block;
  block.attributes = {
      Plain("name", Type::String()),
      Nested("contact", NestedAttributes::Nesting::kSingle, {Plain("email", Type::String())})};
  block.blocks = {MakeBlock("one", B::kSingle, {Plain("a", Type::String())}),
                  MakeBlock("group", B::kGroup, {Plain("a", Type::String())}),
                  MakeBlock("rules", B::kList, {Plain("a", Type::String())}),
                  MakeBlock("set", B::kSet, {Plain("a", Type::String())}),
                  MakeBlock("map", B::kMap, {Plain("a", Type::String())}),
                  MakeBlock("dyn", B::kList, {Plain("d", Type::Dynamic())})};
  Type a = Type::Object({{"a", Type::String()}});
  Type expected = Type::Object({{"name", Type::String()},
                                {"contact", Type::Object({{"email", Type::String()}})},
                                {"one", a},
                                {"group", a},
                                {"rules", Type::List(a)},
                                {"set", Type::Set(a)},
                                {"map", Type::Map(a)},
                                {"dyn", Type::Dynamic()}});
  EXPECT_EQ(block.ImpliedType(), expected);
  Schema schema{3, block};
  EXPECT_EQ(schema.ImpliedType(), expected);
  ASSERT_NE(block.FindAttribute("name"), nullptr);
  EXPECT_EQ(block.FindAttribute("nope"), nullptr);
  ASSERT_NE(block.FindBlock("rules"), nullptr);
  EXPECT_EQ(block.FindBlock("name"), nullptr);
}

TEST(Schema, Builders) {
  Attribute r = RequiredString("name", "The name.");
  EXPECT_TRUE(r.required);
  EXPECT_FALSE(r.optional || r.computed);
  EXPECT_EQ(r.type, Type::String());
  EXPECT_EQ(r.description, "The name.");
  Attribute o = OptionalString("note", "");
  EXPECT_TRUE(o.optional && !o.required && !o.computed);
  Attribute c = ComputedString("id", "");
  EXPECT_TRUE(c.computed && !c.optional && !c.required);
  Attribute oc = OptionalComputedString("region", "");
  EXPECT_TRUE(oc.computed && oc.optional && !oc.required);
}

Diagnostics Check(const Validator& v, const Value& value,
                  const AttributePath& path = AttributePath::Root("attr")) {
  Diagnostics d;
  v(value, path, d);
  return d;
}

TEST(Validators, OneOf) {
  auto v = validators::OneOf({"Enabled", "Disabled"});
  EXPECT_TRUE(Check(v, S("Enabled")).empty());
  Diagnostics d = Check(v, S("enabled"));
  ASSERT_TRUE(d.HasError());
  EXPECT_THAT(d.items()[0].detail, HasSubstr(R"(must be one of: ["Enabled", "Disabled"])"));
  EXPECT_EQ(d.items()[0].attribute->ToString(), "attr");
}

TEST(Validators, MatchesRegexWholeValue) {
  auto v = validators::MatchesRegex(R"(\+[1-9][0-9]{6,14})", "an E.164 phone number");
  EXPECT_TRUE(Check(v, S("+14255550100")).empty());
  Diagnostics d = Check(v, S("x+14255550100"));
  ASSERT_TRUE(d.HasError());
  EXPECT_THAT(d.items()[0].detail, HasSubstr("must be an E.164 phone number"));
  Diagnostics bad_pattern = Check(validators::MatchesRegex("(", "x"), S("a"));
  EXPECT_TRUE(bad_pattern.HasError()) << "a broken pattern is reported, not thrown";
}

TEST(Validators, LengthBetweenCountsCharacters) {
  auto v = validators::LengthBetween(1, 3);
  EXPECT_TRUE(Check(v, S("äöü")).empty()) << "three characters, six bytes";
  EXPECT_TRUE(Check(v, S("")).HasError());
  EXPECT_TRUE(Check(v, S("abcd")).HasError());
  EXPECT_TRUE(Check(v, Value::List(Type::String(), {})).HasError());
  EXPECT_TRUE(Check(v, Value::List(Type::String(), {S("a")})).empty());
}

TEST(Validators, NumberBetween) {
  auto v = validators::NumberBetween(1, 10.5);
  EXPECT_TRUE(Check(v, Value::Int(1)).empty());
  EXPECT_TRUE(Check(v, Value::Number(*Number::Parse("10.5"))).empty());
  Diagnostics d = Check(v, Value::Int(11));
  ASSERT_TRUE(d.HasError());
  EXPECT_THAT(d.items()[0].detail, HasSubstr("between 1 and 10.5, got: 11"));
  EXPECT_TRUE(Check(v, Value::Int(0)).HasError());
}

TEST(Validators, SetSizeAtLeast) {
  auto v = validators::SetSizeAtLeast(2);
  EXPECT_TRUE(Check(v, Value::Set(Type::String(), {S("a"), S("b")})).empty());
  EXPECT_TRUE(Check(v, Value::Set(Type::String(), {S("a")})).HasError());
}

TEST(Validators, EachStringNamesTheElement) {
  auto v = validators::EachString(validators::OneOf({"US", "GB"}));
  Diagnostics d = Check(v, Value::List(Type::String(), {S("US"), S("XX")}));
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].attribute->ToString(), "attr[1]");
  Diagnostics m = Check(v, Value::Map(Type::String(), {{"home", S("XX")}}));
  ASSERT_EQ(m.items().size(), 1u);
  EXPECT_EQ(m.items()[0].attribute->ToString(), R"(attr["home"])");
  EXPECT_TRUE(Check(v, Value::List(Type::String(), {Value::Unknown(Type::String())})).empty());
}

class ValidateAgainstSchemaTest : public ::testing::Test {
 protected:
  ValidateAgainstSchemaTest() {
    Attribute name = RequiredString("name", "");
    name.validators = {validators::LengthBetween(1, 5)};
    Attribute number = RequiredString("value", "");
    number.validators = {validators::MatchesRegex(R"(\+[0-9]+)", "a phone number")};
    block_.attributes = {name, Nested("numbers", NestedAttributes::Nesting::kList, {number})};
    NestedBlock rule = MakeBlock("rule", NestedBlock::Nesting::kList, {RequiredString("kind", "")});
    rule.block->attributes[0].validators = {validators::OneOf({"a", "b"})};
    block_.blocks = {rule};
    type_ = block_.ImpliedType();
  }

  Value Config(Value name, std::vector<Value> numbers, std::vector<Value> rules) {
    Type number_type = type_.attributes().at("numbers").element();
    std::vector<Value> ns;
    for (auto& n : numbers) {
      ns.push_back(Value::Object(number_type, {{"value", n}}));
    }
    Type rule_type = type_.attributes().at("rule").element();
    std::vector<Value> rs;
    for (auto& r : rules) {
      rs.push_back(Value::Object(rule_type, {{"kind", r}}));
    }
    return Value::Object(type_, {{"name", std::move(name)},
                                 {"numbers", Value::List(number_type, std::move(ns))},
                                 {"rule", Value::List(rule_type, std::move(rs))}});
  }

  Block block_;
  Type type_;
};

TEST_F(ValidateAgainstSchemaTest, AcceptsAValidConfig) {
  Diagnostics d;
  ValidateAgainstSchema(block_, Config(S("abc"), {S("+1")}, {S("a")}), d);
  EXPECT_TRUE(d.empty());
}

TEST_F(ValidateAgainstSchemaTest, ReportsEachProblemWithItsPath) {
  Diagnostics d;
  ValidateAgainstSchema(block_, Config(S("toolong"), {S("+1"), S("bad")}, {S("z")}), d);
  ASSERT_EQ(d.items().size(), 3u);
  EXPECT_EQ(d.items()[0].attribute->ToString(), "name");
  EXPECT_EQ(d.items()[1].attribute->ToString(), "numbers[1].value");
  EXPECT_EQ(d.items()[2].attribute->ToString(), "rule[0].kind");
}

TEST_F(ValidateAgainstSchemaTest, RequiredAttributesMustBeSetUnlessUnknown) {
  Diagnostics missing;
  ValidateAgainstSchema(block_, Config(Value(), {Value()}, {}), missing);
  ASSERT_EQ(missing.items().size(), 2u);
  EXPECT_EQ(missing.items()[0].summary, "Missing required argument");
  EXPECT_EQ(missing.items()[1].attribute->ToString(), "numbers[0].value");

  Diagnostics unknown;
  ValidateAgainstSchema(
      block_, Config(Value::Unknown(Type::String()), {Value::Unknown(Type::String())}, {}),
      unknown);
  EXPECT_TRUE(unknown.empty()) << "unknown values are validated once known";
}

}  // namespace
}  // namespace opc::framework
