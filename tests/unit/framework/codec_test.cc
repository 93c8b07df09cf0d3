#include "provider/framework/codec.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <initializer_list>
#include <string>

namespace opc::framework {
namespace {

using ::testing::HasSubstr;

std::string Bytes(std::initializer_list<int> bytes) {
  std::string out;
  for (int b : bytes) {
    out.push_back(static_cast<char>(b));
  }
  return out;
}

// A msgpack fixstr (fewer than 32 bytes).
std::string Str(const std::string& s) {
  return std::string(1, static_cast<char>(0xa0 | s.size())) + s;
}

std::string Hex(const std::string& s) {
  std::string out;
  char buf[4];
  for (unsigned char c : s) {
    std::snprintf(buf, sizeof(buf), "%02x ", c);
    out += buf;
  }
  return out;
}

Value S(const char* s) { return Value::String(s); }
Value N(const char* text) { return Value::Number(*Number::Parse(text)); }

struct Golden {
  std::string name;
  Value value;
  Type type;
  std::string bytes;
};

class MsgpackGoldenTest : public ::testing::TestWithParam<Golden> {};

TEST_P(MsgpackGoldenTest, EncodesToTheExactBytesTerraformUses) {
  const auto& g = GetParam();
  auto encoded = EncodeMsgpack(g.value, g.type);
  ASSERT_TRUE(encoded.ok()) << encoded.status();
  EXPECT_EQ(Hex(*encoded), Hex(g.bytes));
}

TEST_P(MsgpackGoldenTest, DecodesTheBytesBack) {
  const auto& g = GetParam();
  auto decoded = DecodeMsgpack(g.bytes, g.type);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(*decoded, g.value) << decoded->DebugString() << " vs " << g.value.DebugString();
  EXPECT_EQ(decoded->refinements(), g.value.refinements());
}

Refinements NotNullWithPrefix() {
  Refinements r;
  r.definitely_not_null = true;
  r.string_prefix = "ab";
  return r;
}

Refinements NumberBounds() {
  Refinements r;
  r.number_lower = std::make_pair(Number::FromInt64(0), true);
  r.number_upper = std::make_pair(Number::FromInt64(10), false);
  return r;
}

Refinements LengthBounds() {
  Refinements r;
  r.length_lower = 1;
  r.length_upper = 3;
  return r;
}

const Type kObjectType = Type::Object({{"a", Type::String()}, {"b", Type::Number()}});

INSTANTIATE_TEST_SUITE_P(
    EveryType, MsgpackGoldenTest,
    ::testing::Values(
        Golden{"BoolTrue", Value::Bool(true), Type::Bool(), Bytes({0xc3})},
        Golden{"BoolFalse", Value::Bool(false), Type::Bool(), Bytes({0xc2})},
        Golden{"SmallInt", Value::Int(1), Type::Number(), Bytes({0x01})},
        Golden{"NegativeFixint", Value::Int(-1), Type::Number(), Bytes({0xff})},
        Golden{"Uint16", Value::Int(300), Type::Number(), Bytes({0xcd, 0x01, 0x2c})},
        Golden{"Int16", Value::Int(-200), Type::Number(), Bytes({0xd1, 0xff, 0x38})},
        Golden{"Int64Max", N("9223372036854775807"), Type::Number(),
               Bytes({0xcf, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff})},
        Golden{"ExactFloat", N("1.5"), Type::Number(), Bytes({0xcb, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0})},
        Golden{"TwoToThe63IsAnExactFloat", N("9223372036854775808"), Type::Number(),
               Bytes({0xcb, 0x43, 0xe0, 0, 0, 0, 0, 0, 0})},
        Golden{"InexactDecimalAsString", N("0.1"), Type::Number(), Str("0.1")},
        Golden{"BigIntegerAsString", N("12345678901234567890"), Type::Number(),
               Str("12345678901234567890")},
        Golden{"String", S("hello"), Type::String(), Str("hello")},
        Golden{"List", Value::List(Type::String(), {S("a"), S("b")}), Type::List(Type::String()),
               Bytes({0x92}) + Str("a") + Str("b")},
        Golden{"EmptyList", Value::List(Type::String(), {}), Type::List(Type::String()),
               Bytes({0x90})},
        Golden{"SetIsWrittenInCanonicalOrder", Value::Set(Type::String(), {S("b"), S("a")}),
               Type::Set(Type::String()), Bytes({0x92}) + Str("a") + Str("b")},
        Golden{"Map", Value::Map(Type::Number(), {{"x", Value::Int(1)}}), Type::Map(Type::Number()),
               Bytes({0x81}) + Str("x") + Bytes({0x01})},
        Golden{"ObjectWithAllKeysSorted", Value::Object(kObjectType, {{"a", S("x")}}), kObjectType,
               Bytes({0x82}) + Str("a") + Str("x") + Str("b") + Bytes({0xc0})},
        Golden{"Tuple", Value::Tuple({S("x"), Value::Bool(true)}),
               Type::Tuple({Type::String(), Type::Bool()}),
               Bytes({0x92}) + Str("x") + Bytes({0xc3})},
        Golden{"DynamicString", S("s"), Type::Dynamic(),
               Bytes({0x92, 0xc4, 0x08}) + "\"string\"" + Str("s")},
        Golden{"DynamicList", Value::List(Type::Number(), {Value::Int(1)}), Type::Dynamic(),
               Bytes({0x92, 0xc4, 0x11}) + R"(["list","number"])" + Bytes({0x91, 0x01})},
        Golden{"DynamicTypedNull", Value::Null(Type::String()), Type::Dynamic(),
               Bytes({0x92, 0xc4, 0x08}) + "\"string\"" + Bytes({0xc0})},
        Golden{"DynamicNull", Value(), Type::Dynamic(), Bytes({0xc0})},
        Golden{"DynamicWhollyUnknown", Value::Unknown(Type::Dynamic()), Type::Dynamic(),
               Bytes({0xd4, 0x00, 0x00})},
        Golden{"Null", Value::Null(Type::String()), Type::String(), Bytes({0xc0})},
        Golden{"NullObject", Value::Null(kObjectType), kObjectType, Bytes({0xc0})},
        Golden{"Unknown", Value::Unknown(Type::String()), Type::String(),
               Bytes({0xd4, 0x00, 0x00})},
        Golden{"UnknownInsideList",
               Value::List(Type::String(), {S("a"), Value::Unknown(Type::String())}),
               Type::List(Type::String()), Bytes({0x92}) + Str("a") + Bytes({0xd4, 0, 0})},
        Golden{"RefinedUnknownString", Value::Unknown(Type::String(), NotNullWithPrefix()),
               Type::String(), Bytes({0xc7, 0x07, 0x0c, 0x82, 0x01, 0xc2, 0x02, 0xa2, 'a', 'b'})},
        Golden{"RefinedUnknownNumber", Value::Unknown(Type::Number(), NumberBounds()),
               Type::Number(),
               Bytes({0xc7, 0x09, 0x0c, 0x82, 0x03, 0x92, 0x00, 0xc3, 0x04, 0x92, 0x0a, 0xc2})},
        Golden{"RefinedUnknownList", Value::Unknown(Type::List(Type::String()), LengthBounds()),
               Type::List(Type::String()),
               Bytes({0xc7, 0x05, 0x0c, 0x82, 0x05, 0x01, 0x06, 0x03})}),
    [](const ::testing::TestParamInfo<Golden>& info) { return info.param.name; });

struct NumberForm {
  std::string name;
  std::string bytes;
  std::string expected;
};

class MsgpackNumberFormTest : public ::testing::TestWithParam<NumberForm> {};

TEST_P(MsgpackNumberFormTest, DecodesEveryNumberEncoding) {
  auto decoded = DecodeMsgpack(GetParam().bytes, Type::Number());
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->AsNumber().ToString(), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    AllForms, MsgpackNumberFormTest,
    ::testing::Values(
        NumberForm{"PositiveFixint", Bytes({0x7f}), "127"},
        NumberForm{"NegativeFixint", Bytes({0xe0}), "-32"},
        NumberForm{"Uint8", Bytes({0xcc, 0xff}), "255"},
        NumberForm{"Uint16", Bytes({0xcd, 0x01, 0x00}), "256"},
        NumberForm{"Uint32", Bytes({0xce, 0x00, 0x01, 0x00, 0x00}), "65536"},
        NumberForm{"Uint64", Bytes({0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff}),
                   "18446744073709551615"},
        NumberForm{"Int8", Bytes({0xd0, 0xff}), "-1"},
        NumberForm{"Int8Positive", Bytes({0xd0, 0x05}), "5"},
        NumberForm{"Int16", Bytes({0xd1, 0xff, 0x38}), "-200"},
        NumberForm{"Int32", Bytes({0xd2, 0xff, 0xff, 0xff, 0xfe}), "-2"},
        NumberForm{"Int64Min", Bytes({0xd3, 0x80, 0, 0, 0, 0, 0, 0, 0}), "-9223372036854775808"},
        NumberForm{"Float32", Bytes({0xca, 0x3f, 0xc0, 0x00, 0x00}), "1.5"},
        NumberForm{"Float64", Bytes({0xcb, 0x3f, 0xb9, 0x99, 0x99, 0x99, 0x99, 0x99, 0x9a}), "0.1"},
        NumberForm{"Float64Infinity", Bytes({0xcb, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0}), "+Inf"},
        NumberForm{"StringScientific", Str("1e3"), "1000"},
        NumberForm{"StringDecimal", Str("-0.50"), "-0.5"},
        NumberForm{"StringHuge", Str("1234567890123456789012345.25"),
                   "1234567890123456789012345.25"},
        NumberForm{"Bin", Bytes({0xc4, 0x02, '4', '2'}), "42"}),
    [](const ::testing::TestParamInfo<NumberForm>& info) { return info.param.name; });

TEST(MsgpackUnknown, AcceptsAnyExtensionAsUnknown) {
  for (const std::string& bytes :
       {Bytes({0xd4, 0x00, 0x00}), Bytes({0xd4, 0x07, 0x00}), Bytes({0xc7, 0x00, 0x05}),
        Bytes({0xd4, 0x0c, 0x00}), Bytes({0xc7, 0x03, 0x0c, 0x81, 0x09, 0xc3})}) {
    auto decoded = DecodeMsgpack(bytes, Type::String());
    ASSERT_TRUE(decoded.ok()) << Hex(bytes) << decoded.status();
    EXPECT_TRUE(decoded->IsUnknown()) << Hex(bytes);
    EXPECT_TRUE(decoded->refinements().empty()) << Hex(bytes);
  }
}

TEST(MsgpackUnknown, RefinedAsNullBecomesNull) {
  auto decoded = DecodeMsgpack(Bytes({0xc7, 0x03, 0x0c, 0x81, 0x01, 0xc3}), Type::String());
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(*decoded, Value::Null(Type::String()));
}

TEST(MsgpackUnknown, RejectsBadExtensions) {
  // Longer than one byte needs type 12.
  EXPECT_THAT(DecodeMsgpack(Bytes({0xd5, 0x03, 0x00, 0x00}), Type::String()).status().message(),
              HasSubstr("unsupported extension type"));
  // A refinement that does not apply to the type.
  EXPECT_FALSE(
      DecodeMsgpack(Bytes({0xc7, 0x04, 0x0c, 0x81, 0x02, 0xa1, 'a'}), Type::Number()).ok());
  // Oversized refinement payload.
  std::string big = Bytes({0xc8, 0x04, 0x4c, 0x0c}) + std::string(0x44c, '\0');
  EXPECT_THAT(DecodeMsgpack(big, Type::String()).status().message(), HasSubstr("oversize"));
}

TEST(MsgpackDecode, RejectsMismatchesWithClearMessages) {
  Type obj = Type::Object({{"a", Type::String()}, {"b", Type::String()}});
  EXPECT_THAT(DecodeMsgpack(Bytes({0x81}) + Str("a") + Str("x"), obj).status().message(),
              HasSubstr("an object with 2 attributes is required (1 given)"));
  EXPECT_THAT(DecodeMsgpack(Bytes({0x82}) + Str("a") + Str("x") + Str("z") + Str("y"), obj)
                  .status()
                  .message(),
              HasSubstr("unsupported attribute"));
  EXPECT_THAT(DecodeMsgpack(Bytes({0xc3}), Type::Number()).status().message(),
              HasSubstr("number is required"));
  EXPECT_THAT(DecodeMsgpack(Bytes({0x01}), Type::Bool()).status().message(),
              HasSubstr("bool is required"));
  EXPECT_THAT(DecodeMsgpack(Bytes({0x91, 0x01}), Type::List(Type::String())).status().message(),
              HasSubstr("[0]: string is required"));
  EXPECT_THAT(DecodeMsgpack(Bytes({0x93, 0x01, 0x02, 0x03}), Type::Dynamic()).status().message(),
              HasSubstr("exactly two elements"));
  EXPECT_THAT(DecodeMsgpack(Bytes({0xc3, 0xc3}), Type::Bool()).status().message(),
              HasSubstr("after the msgpack value"));
  EXPECT_FALSE(DecodeMsgpack(Bytes({0x92, 0x01}), Type::List(Type::Number())).ok()) << "truncated";
  EXPECT_FALSE(DecodeMsgpack(Bytes({0xc1}), Type::Bool()).ok()) << "never-used byte";
  EXPECT_FALSE(
      DecodeMsgpack(Bytes({0xdd, 0xff, 0xff, 0xff, 0xff, 0x01}), Type::List(Type::Number())).ok())
      << "an array claiming four billion elements";
  EXPECT_FALSE(DecodeMsgpack(Bytes({0xcb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0}), Type::Number()).ok())
      << "NaN";
}

TEST(MsgpackDecode, EmptyInputIsATypedNull) {
  auto decoded = DecodeMsgpack("", Type::Object({}));
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(*decoded, Value::Null(Type::Object({})));
}

TEST(MsgpackDecode, DynamicTypeMayComeAsString) {
  auto decoded = DecodeMsgpack(Bytes({0x92}) + Str("\"bool\"") + Bytes({0xc3}), Type::Dynamic());
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(*decoded, Value::Bool(true));
}

TEST(MsgpackDecode, TerraformConfigObservedLive) {
  // From plugin-protocol-notes.md §9.7: dynamic attribute, null id, big number as a string.
  std::string dyn_type = R"(["object",{"x":["tuple",["number","number"]],"y":"string"}])";
  std::string bytes = Bytes({0x84}) + Str("dyn") +
                      Bytes({0x92, 0xc4, static_cast<int>(dyn_type.size())}) + dyn_type +
                      Bytes({0x82}) + Str("x") + Bytes({0x92, 0x01, 0x02}) + Str("y") + Str("s") +
                      Str("id") + Bytes({0xc0}) + Str("name") + Str("hello") + Str("num") +
                      Str("12345678901234567890");
  Type type = Type::Object({{"dyn", Type::Dynamic()},
                            {"id", Type::String()},
                            {"name", Type::String()},
                            {"num", Type::Number()}});
  auto decoded = DecodeMsgpack(bytes, type);
  ASSERT_TRUE(decoded.ok()) << decoded.status();
  EXPECT_EQ(decoded->GetAttr("num").AsNumber().ToString(), "12345678901234567890");
  EXPECT_EQ(decoded->GetAttr("dyn").GetAttr("x").Elements()[1], Value::Int(2));
  EXPECT_EQ(decoded->GetAttr("id"), Value::Null(Type::String()));
  auto again = EncodeMsgpack(*decoded, type);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Hex(*again), Hex(bytes)) << "re-encoding gives Terraform's bytes";
}

TEST(MsgpackEncode, RejectsValuesThatDoNotFitTheType) {
  EXPECT_FALSE(EncodeMsgpack(S("x"), Type::Number()).ok());
  EXPECT_FALSE(EncodeMsgpack(Value::Object({{"zzz", S("x")}}), kObjectType).ok());
  EXPECT_FALSE(EncodeMsgpack(Value::Tuple({S("x")}), Type::Tuple({})).ok());
}

Type RichType() {
  Type item = Type::Object({{"k", Type::String()}, {"n", Type::Number()}});
  return Type::Object({{"id", Type::String()},
                       {"flag", Type::Bool()},
                       {"items", Type::List(item)},
                       {"set", Type::Set(Type::String())},
                       {"map", Type::Map(Type::Number())},
                       {"dyn", Type::Dynamic()},
                       {"tuple", Type::Tuple({Type::String(), Type::Number()})},
                       {"nothing", Type::String()}});
}

Value RichValue() {
  Type item = Type::Object({{"k", Type::String()}, {"n", Type::Number()}});
  return Value::Object(
      RichType(),
      {{"id", S("abc")},
       {"flag", Value::Bool(true)},
       {"items", Value::List(item, {Value::Object(item, {{"k", S("a")}, {"n", N("1.25")}}),
                                    Value::Object(item, {{"k", S("b")}})})},
       {"set", Value::Set(Type::String(), {S("z"), S("y")})},
       {"map", Value::Map(Type::Number(), {{"big", N("123456789012345678901234567890")}})},
       {"dyn", Value::Object({{"inner", Value::List(Type::String(), {S("q")})}})},
       {"tuple", Value::Tuple({S("t"), Value::Int(-7)})}});
}

TEST(MsgpackRoundTrip, KeepsEveryValue) {
  Value v = RichValue();
  auto bytes = EncodeMsgpack(v, RichType());
  ASSERT_TRUE(bytes.ok()) << bytes.status();
  auto back = DecodeMsgpack(*bytes, RichType());
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, v) << back->DebugString();

  Value partly_unknown = v.WithAttr("id", Value::Unknown(Type::String(), NotNullWithPrefix()));
  bytes = EncodeMsgpack(partly_unknown, RichType());
  ASSERT_TRUE(bytes.ok());
  back = DecodeMsgpack(*bytes, RichType());
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, partly_unknown);
  EXPECT_EQ(back->GetAttr("id").refinements(), NotNullWithPrefix());
}

TEST(JsonRoundTrip, KeepsEveryValue) {
  Value v = RichValue();
  auto json = EncodeJson(v, RichType());
  ASSERT_TRUE(json.ok()) << json.status();
  EXPECT_EQ(json->at("dyn").at("type"), v.GetAttr("dyn").type().ToJson());
  EXPECT_TRUE(json->at("nothing").is_null());
  auto back = DecodeJson(*json, RichType());
  ASSERT_TRUE(back.ok()) << back.status();
  EXPECT_EQ(*back, v) << back->DebugString();

  auto text_back = DecodeJsonText(json->dump(2), RichType());
  ASSERT_TRUE(text_back.ok()) << text_back.status();
  EXPECT_EQ(*text_back, v);
}

TEST(Json, EncodesCtyShapes) {
  Type t = Type::Object({{"d", Type::Dynamic()}, {"n", Type::Number()}, {"s", Type::String()}});
  Value v = Value::Object(
      t, {{"d", Value::List(Type::Number(), {Value::Int(1), Value::Int(2)})}, {"n", N("0.5")}});
  auto json = EncodeJson(v, t);
  ASSERT_TRUE(json.ok());
  EXPECT_EQ(json->dump(), R"({"d":{"type":["list","number"],"value":[1,2]},"n":0.5,"s":null})");
}

TEST(Json, CannotCarryUnknowns) {
  auto json = EncodeJson(Value::Object({{"a", Value::Unknown(Type::String())}}),
                         Type::Object({{"a", Type::String()}}));
  ASSERT_FALSE(json.ok());
  EXPECT_THAT(json.status().message(), HasSubstr("a: value is not known"));
}

TEST(Json, DecodesLikeCty) {
  Type t = Type::Object({{"a", Type::String()}, {"n", Type::Number()}, {"b", Type::Bool()}});
  auto v = DecodeJson(nlohmann::json::parse(R"({"n":"12.50"})"), t);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->GetAttr("n"), N("12.5")) << "numbers may be strings";
  EXPECT_EQ(v->GetAttr("a"), Value::Null(Type::String())) << "missing attributes are null";

  auto extra = DecodeJson(nlohmann::json::parse(R"({"zzz":1})"), t);
  ASSERT_FALSE(extra.ok());
  EXPECT_THAT(extra.status().message(), HasSubstr("zzz: unsupported attribute"));

  auto primitives = DecodeJson(nlohmann::json::parse(R"({"a":12,"b":"true"})"), t);
  ASSERT_TRUE(primitives.ok()) << primitives.status();
  EXPECT_EQ(primitives->GetAttr("a"), S("12"));
  EXPECT_EQ(primitives->GetAttr("b"), Value::Bool(true));

  EXPECT_FALSE(DecodeJson(nlohmann::json::parse(R"({"b":"yes"})"), t).ok());
  EXPECT_FALSE(DecodeJson(nlohmann::json::parse(R"([1])"), t).ok());
  EXPECT_FALSE(DecodeJson(nlohmann::json::parse(R"({"value":1})"), Type::Dynamic()).ok())
      << "a dynamic value needs its type";
}

TEST(Json, TextDecodingKeepsFullPrecision) {
  Type t =
      Type::Object({{"big", Type::Number()}, {"small", Type::Number()}, {"huge", Type::Number()}});
  auto v = DecodeJsonText(
      R"({"big": 123456789012345678901234567890.123, "small": 0.1, "huge": 1e400})", t);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->GetAttr("big").AsNumber().ToString(), "123456789012345678901234567890.123");
  EXPECT_EQ(v->GetAttr("small").AsNumber().ToString(), "0.1");
  EXPECT_EQ(v->GetAttr("huge").AsNumber().ToString(), "1" + std::string(400, '0'));

  auto parsed = ParseJsonPreservingNumbers(R"({"x": 1.5, "y": [true, null, "s", 7]})");
  ASSERT_TRUE(parsed.ok());
  EXPECT_TRUE(parsed->at("x").is_number_float()) << "exact doubles stay numbers";
  EXPECT_EQ(parsed->at("y").dump(), R"([true,null,"s",7])");

  EXPECT_FALSE(ParseJsonPreservingNumbers("{\"a\": ").ok());
  EXPECT_FALSE(ParseJsonPreservingNumbers("[1] trailing").ok());
  EXPECT_FALSE(DecodeJsonText("not json", t).ok());
}

TEST(ConformValue, RetypesToTheSchemaType) {
  Type t = Type::Object({{"a", Type::String()}, {"l", Type::List(Type::String())}});
  auto v = ConformValue(Value::Object({{"a", S("x")}}), t);
  ASSERT_TRUE(v.ok()) << v.status();
  EXPECT_EQ(v->type(), t);
  EXPECT_EQ(v->GetAttr("l"), Value::Null(Type::List(Type::String())));

  auto unknown = ConformValue(Value::Unknown(Type::Dynamic()), t);
  ASSERT_TRUE(unknown.ok());
  EXPECT_EQ(*unknown, Value::Unknown(t));

  auto wrong = ConformValue(Value::Object({{"l", S("x")}}), t);
  ASSERT_FALSE(wrong.ok());
  EXPECT_THAT(wrong.status().message(), HasSubstr("l: list of string is required, got string"));
  EXPECT_FALSE(ConformValue(Value::Object({{"zzz", S("x")}}), t).ok());
}

}  // namespace
}  // namespace opc::framework
