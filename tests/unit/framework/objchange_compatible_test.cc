// Table tests for the port of Terraform's objchange.AssertObjectCompatible: the same kinds of
// cases as Terraform's internal/plans/objchange/compatible_test.go (1.11.x).
#include "provider/framework/objchange_compatible.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <ostream>
#include <string>
#include <vector>

namespace opc::framework {
namespace {

using ::testing::HasSubstr;

Value S(const char* s) { return Value::String(s); }
Value Unknown(const Type& t = Type::String()) { return Value::Unknown(t); }
Value Obj(std::map<std::string, Value> attrs) { return Value::Object(std::move(attrs)); }

Value UnknownWith(Type t, void (*refine)(Refinements&)) {
  Refinements r;
  refine(r);
  return Value::Unknown(std::move(t), r);
}

struct Case {
  std::string name;
  Value planned;
  Value actual;
  std::vector<std::string> want_errors;  // substrings of the details, in order; empty: valid
};

std::vector<Case> Cases() {
  Type item = Type::Object({{"key", Type::String()}, {"id", Type::String()}});
  auto kv = [&](Value k, Value id) { return Value::Object(item, {{"key", k}, {"id", id}}); };
  auto set = [&](std::vector<Value> v) { return Obj({{"s", Value::Set(item, std::move(v))}}); };
  auto list = [](std::vector<Value> v) { return Obj({{"l", Value::List(Type::String(), v)}}); };
  auto map = [](std::map<std::string, Value> m) {
    return Obj({{"m", Value::Map(Type::String(), std::move(m))}});
  };
  return {
      {"empty objects", Obj({}), Obj({}), {}},
      {"known string kept", Obj({{"a", S("x")}}), Obj({{"a", S("x")}}), {}},
      {"known string changed",
       Obj({{"a", S("x")}}),
       Obj({{"a", S("y")}}),
       {R"(a: was "x", but now "y")"}},
      {"unknown resolved to anything", Obj({{"a", Unknown()}}), Obj({{"a", S("y")}}), {}},
      {"unknown resolved to null",
       Obj({{"a", Unknown()}}),
       Obj({{"a", Value::Null(Type::String())}}),
       {}},
      {"known became unknown",
       Obj({{"a", S("x")}}),
       Obj({{"a", Unknown()}}),
       {"still indicated an unknown value for a", "was known, but now unknown"}},
      {"null became a value",
       Obj({{"a", Value::Null(Type::String())}}),
       Obj({{"a", S("x")}}),
       {R"(a: was null, but now "x")"}},
      {"value became null",
       Obj({{"a", S("x")}}),
       Obj({{"a", Value::Null(Type::String())}}),
       {R"(a: was "x", but now null)"}},
      {"number kept despite its spelling",
       Obj({{"n", Value::Int(10)}}),
       Obj({{"n", Value::Number(Number::FromInt64(10))}}),
       {}},
      {"bool changed",
       Obj({{"b", Value::Bool(true)}}),
       Obj({{"b", Value::Bool(false)}}),
       {"b: was true, but now false"}},
      {"prefix refinement kept",
       Obj({{"a", UnknownWith(Type::String(), [](Refinements& r) { r.string_prefix = "id-"; })}}),
       Obj({{"a", S("id-1")}}),
       {}},
      {"prefix refinement broken",
       Obj({{"a", UnknownWith(Type::String(), [](Refinements& r) { r.string_prefix = "id-"; })}}),
       Obj({{"a", S("x-1")}}),
       {"does not start with the planned prefix"}},
      {"not-null refinement broken",
       Obj({{"a",
             UnknownWith(Type::String(), [](Refinements& r) { r.definitely_not_null = true; })}}),
       Obj({{"a", Value::Null(Type::String())}}),
       {"the plan promised a non-null value"}},
      {"number lower bound broken",
       Obj({{"n", UnknownWith(Type::Number(),
                              [](Refinements& r) {
                                r.number_lower = {Number::FromInt64(5), true};
                              })}}),
       Obj({{"n", Value::Int(4)}}),
       {"below the planned lower bound"}},
      {"number upper bound exclusive",
       Obj({{"n", UnknownWith(Type::Number(),
                              [](Refinements& r) {
                                r.number_upper = {Number::FromInt64(5), false};
                              })}}),
       Obj({{"n", Value::Int(5)}}),
       {"above the planned upper bound"}},
      {"collection length bounds",
       Obj({{"l",
             UnknownWith(Type::List(Type::String()), [](Refinements& r) { r.length_upper = 1; })}}),
       list({S("a"), S("b")}),
       {"outside the planned length bounds"}},
      {"list kept", list({S("a"), Unknown()}), list({S("a"), S("b")}), {}},
      {"list element appeared",
       list({S("a")}),
       list({S("a"), S("b")}),
       {"new element 1 has appeared"}},
      {"list element vanished", list({S("a"), S("b")}), list({S("a")}), {"element 1 has vanished"}},
      {"list element changed", list({S("a")}), list({S("z")}), {R"(l[0]: was "a", but now "z")"}},
      {"map key appeared",
       map({{"x", S("1")}}),
       map({{"x", S("1")}, {"y", S("2")}}),
       {R"(new element "y" has appeared)"}},
      {"map key vanished", map({{"x", S("1")}}), map({}), {R"(element "x" has vanished)"}},
      {"set elements correlate across unknowns",
       set({kv(S("a"), Unknown()), kv(S("b"), S("2"))}),
       set({kv(S("b"), S("2")), kv(S("a"), S("1"))}),
       {}},
      {"set element without a partner",
       set({kv(S("a"), Unknown())}),
       set({kv(S("z"), S("1"))}),
       {R"(planned set element {id = (unknown), key = "a"} does not correlate with any element in actual)"}},
      {"set grew",
       set({kv(S("a"), S("1"))}),
       set({kv(S("a"), S("1")), kv(S("b"), S("2"))}),
       {"does not correlate with any element in plan", "length changed from 1 to 2"}},
      {"nested object attribute changed",
       Obj({{"o", Obj({{"x", S("1")}})}}),
       Obj({{"o", Obj({{"x", S("2")}})}}),
       {R"(o.x: was "1", but now "2")"}},
      {"dynamic planned value accepts anything",
       Obj({{"d", Value::Null(Type::Dynamic())}}),
       Obj({{"d", S("x")}}),
       {}},
  };
}

class CompatibleTableTest : public ::testing::TestWithParam<Case> {};

TEST_P(CompatibleTableTest, MatchesTerraformRules) {
  const Case& c = GetParam();
  Diagnostics d;
  CheckAppliedAgainstPlan(c.planned, c.actual, d);
  ASSERT_EQ(d.items().size(), c.want_errors.size()) << c.name << ": " << [&] {
    std::string all;
    for (const auto& item : d.items()) {
      all += item.detail + "\n";
    }
    return all;
  }();
  for (size_t i = 0; i < c.want_errors.size(); ++i) {
    EXPECT_THAT(d.items()[i].detail, HasSubstr(c.want_errors[i])) << c.name;
  }
}

TEST(CompatibleTest, RootObjectAppearingOrVanishingIsNamed) {
  Type t = Type::Object({{"a", Type::String()}});
  Diagnostics gone;
  CheckAppliedAgainstPlan(Obj({{"a", S("x")}}), Value::Null(t), gone);
  ASSERT_EQ(gone.items().size(), 1u);
  EXPECT_THAT(gone.items()[0].detail, HasSubstr("Root object was present, but now absent"));
  Diagnostics appeared;
  CheckAppliedAgainstPlan(Value::Null(t), Obj({{"a", S("x")}}), appeared);
  ASSERT_EQ(appeared.items().size(), 1u);
  EXPECT_THAT(appeared.items()[0].detail, HasSubstr("Root object was absent, but now present"));
}

TEST(CompatibleTest, DiagnosticsCarryTheAttributePath) {
  Diagnostics d;
  CheckAppliedAgainstPlan(Obj({{"o", Obj({{"x", S("1")}})}}), Obj({{"o", Obj({{"x", S("2")}})}}),
                          d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].summary, "Provider produced inconsistent result after apply");
  ASSERT_TRUE(d.items()[0].attribute.has_value());
  EXPECT_EQ(d.items()[0].attribute->ToString(), "o.x");
}

// The checks as the server uses them, case by case.

TEST(CheckAppliedAgainstPlan, AcceptsResolvedUnknowns) {
  Value planned = Value::Object({{"id", Unknown()}, {"name", S("a")}});
  Diagnostics d;
  CheckAppliedAgainstPlan(planned, Value::Object({{"id", S("x")}, {"name", S("a")}}), d);
  EXPECT_TRUE(d.empty());
}

TEST(CheckAppliedAgainstPlan, RejectsChangedKnownValues) {
  Value planned = Value::Object({{"id", Unknown()}, {"name", S("hello")}});
  Diagnostics d;
  CheckAppliedAgainstPlan(planned, Value::Object({{"id", S("x")}, {"name", S("changed")}}), d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items()[0].summary, "Provider produced inconsistent result after apply");
  EXPECT_EQ(d.items()[0].attribute->ToString(), "name");
  EXPECT_THAT(d.items()[0].detail, HasSubstr(R"(name: was "hello", but now "changed")"));
}

TEST(CheckAppliedAgainstPlan, RejectsLeftoverUnknowns) {
  Value planned = Value::Object({{"id", Unknown()}});
  Diagnostics d;
  CheckAppliedAgainstPlan(planned, planned, d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_THAT(d.items()[0].detail, HasSubstr("still indicated an unknown value for id"));
}

TEST(CheckAppliedAgainstPlan, NullsAndCollections) {
  Diagnostics appeared;
  CheckAppliedAgainstPlan(Value::Object({{"d", Value::Null(Type::String())}}),
                          Value::Object({{"d", S("x")}}), appeared);
  ASSERT_TRUE(appeared.HasError());
  EXPECT_THAT(appeared.items()[0].detail, HasSubstr("was null, but now"));

  Diagnostics grown;
  CheckAppliedAgainstPlan(Value::Object({{"l", Value::List(Type::String(), {S("a")})}}),
                          Value::Object({{"l", Value::List(Type::String(), {S("a"), S("b")})}}),
                          grown);
  ASSERT_TRUE(grown.HasError());
  EXPECT_THAT(grown.items()[0].detail, HasSubstr("new element 1 has appeared"));

  Diagnostics gone;
  CheckAppliedAgainstPlan(Value::Object({{"a", S("x")}}),
                          Value::Null(Type::Object({{"a", Type::String()}})), gone);
  EXPECT_TRUE(gone.HasError());
}

TEST(CheckAppliedAgainstPlan, SetElementsCorrelate) {
  Type item = Type::Object({{"key", Type::String()}, {"id", Type::String()}});
  auto set = [&](std::vector<std::pair<Value, Value>> items) {
    std::vector<Value> out;
    for (auto& [k, id] : items) {
      out.push_back(Value::Object(item, {{"key", k}, {"id", id}}));
    }
    return Value::Object({{"s", Value::Set(item, std::move(out))}});
  };
  Diagnostics ok;
  CheckAppliedAgainstPlan(set({{S("a"), Unknown()}, {S("b"), S("2")}}),
                          set({{S("b"), S("2")}, {S("a"), S("1")}}), ok);
  EXPECT_TRUE(ok.empty());
  Diagnostics bad;
  CheckAppliedAgainstPlan(set({{S("a"), Unknown()}}), set({{S("z"), S("1")}}), bad);
  ASSERT_TRUE(bad.HasError());
  EXPECT_THAT(bad.items()[0].detail, HasSubstr("does not correlate"));
}

TEST(CheckAppliedAgainstPlan, HonoursRefinements) {
  Refinements r;
  r.definitely_not_null = true;
  r.string_prefix = "id-";
  Value planned = Value::Object({{"id", Value::Unknown(Type::String(), r)}});
  Diagnostics ok;
  CheckAppliedAgainstPlan(planned, Value::Object({{"id", S("id-7")}}), ok);
  EXPECT_TRUE(ok.empty());
  Diagnostics wrong_prefix;
  CheckAppliedAgainstPlan(planned, Value::Object({{"id", S("x-7")}}), wrong_prefix);
  EXPECT_TRUE(wrong_prefix.HasError());
  Diagnostics null_value;
  CheckAppliedAgainstPlan(planned, Value::Object({{"id", Value::Null(Type::String())}}),
                          null_value);
  EXPECT_TRUE(null_value.HasError());
}

// Failures name the case instead of dumping its bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  std::string out;
  for (char ch : info.param.name) {
    out += std::isalnum(static_cast<unsigned char>(ch)) ? ch : '_';
  }
  return out;
}

INSTANTIATE_TEST_SUITE_P(Terraform, CompatibleTableTest, ::testing::ValuesIn(Cases()), CaseName);

}  // namespace
}  // namespace opc::framework
