#include "provider/framework/types.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace opc::framework {
namespace {

struct TypeJsonCase {
  std::string json;
  Type type;
  std::string friendly;
};

class TypeJsonTest : public ::testing::TestWithParam<TypeJsonCase> {};

TEST_P(TypeJsonTest, EncodesExactlyAsCtyAndDecodesBack) {
  const auto& c = GetParam();
  EXPECT_EQ(c.type.ToJsonString(), c.json);
  auto parsed = Type::FromJsonString(c.json);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  EXPECT_EQ(*parsed, c.type);
  EXPECT_EQ(parsed->ToJsonString(), c.json);
  EXPECT_EQ(c.type.FriendlyName(), c.friendly);
}

INSTANTIATE_TEST_SUITE_P(
    AllKinds, TypeJsonTest,
    ::testing::Values(
        TypeJsonCase{R"("string")", Type::String(), "string"},
        TypeJsonCase{R"("number")", Type::Number(), "number"},
        TypeJsonCase{R"("bool")", Type::Bool(), "bool"},
        TypeJsonCase{R"("dynamic")", Type::Dynamic(), "dynamic"},
        TypeJsonCase{R"(["list","string"])", Type::List(Type::String()), "list of string"},
        TypeJsonCase{R"(["set",["map","number"]])", Type::Set(Type::Map(Type::Number())),
                     "set of map of number"},
        TypeJsonCase{R"(["object",{"a":"string","b":["list","bool"]}])",
                     Type::Object({{"b", Type::List(Type::Bool())}, {"a", Type::String()}}),
                     "object"},
        TypeJsonCase{R"(["object",{"a":"string","b":"number"},["b"]])",
                     Type::Object({{"a", Type::String()}, {"b", Type::Number()}}, {"b"}), "object"},
        TypeJsonCase{R"(["object",{}])", Type::Object({}), "object"},
        TypeJsonCase{R"(["tuple",["string",["list","dynamic"]]])",
                     Type::Tuple({Type::String(), Type::List(Type::Dynamic())}), "tuple"}));

TEST(TypeJson, RejectsMalformedTypes) {
  for (const char* bad : {R"("str")", R"(["list"])", R"(["list","string","x"])", R"(["object",[]])",
                          R"(["object",{"a":"string"},["b"]])", R"(["tuple","string"])",
                          R"(["bogus","string"])", "42", "{", R"(["object",{"a":"nope"}])"}) {
    EXPECT_FALSE(Type::FromJsonString(bad).ok()) << bad;
  }
}

TEST(TypeJson, BoundsNesting) {
  std::string deep = "\"string\"";
  for (int i = 0; i < 200; ++i) {
    deep = "[\"list\"," + deep + "]";
  }
  EXPECT_FALSE(Type::FromJsonString(deep).ok());
  std::string fine = "\"string\"";
  for (int i = 0; i < 20; ++i) {
    fine = "[\"list\"," + fine + "]";
  }
  EXPECT_TRUE(Type::FromJsonString(fine).ok());
}

TEST(Type, EqualityIsStructural) {
  EXPECT_EQ(Type::List(Type::String()), Type::List(Type::String()));
  EXPECT_NE(Type::List(Type::String()), Type::Set(Type::String()));
  EXPECT_NE(Type::List(Type::String()), Type::List(Type::Number()));
  EXPECT_NE(Type::Object({{"a", Type::String()}}), Type::Object({{"a", Type::String()}}, {"a"}));
  EXPECT_NE(Type::Tuple({Type::String()}), Type::Tuple({Type::String(), Type::String()}));
  EXPECT_EQ(Type(), Type::Dynamic());
}

TEST(Type, KindPredicates) {
  EXPECT_TRUE(Type::String().IsPrimitive());
  EXPECT_FALSE(Type::String().IsCollection());
  EXPECT_TRUE(Type::Map(Type::String()).IsCollection());
  EXPECT_FALSE(Type::Object({}).IsCollection());
  EXPECT_TRUE(Type::Dynamic().IsDynamic());
  EXPECT_EQ(Type::Map(Type::Bool()).element(), Type::Bool());
}

}  // namespace
}  // namespace opc::framework
