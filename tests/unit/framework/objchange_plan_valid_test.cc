// Table tests for the port of Terraform's objchange.AssertPlanValid: the same kinds of cases as
// Terraform's internal/plans/objchange/plan_valid_test.go (1.11.x), written for this schema
// model.
#include "provider/framework/objchange_plan_valid.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cctype>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace opc::framework {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Value S(const char* s) { return Value::String(s); }
Value NullS() { return Value::Null(Type::String()); }

Attribute Attr(const char* name, bool optional, bool computed) {
  Attribute a;
  a.name = name;
  a.type = Type::String();
  a.optional = optional;
  a.computed = computed;
  return a;
}

// Block "b" of the given nesting holding one optional string "c".
Block BlockWithB(NestedBlock::Nesting nesting, std::vector<Attribute> top = {}) {
  auto inner = std::make_shared<Block>();
  inner->attributes = {Attr("c", true, false)};
  Block block;
  block.attributes = std::move(top);
  block.blocks.push_back(NestedBlock{"b", inner, nesting, 0, 0});
  return block;
}

Type CType() { return Type::Object({{"c", Type::String()}}); }
Value C(const char* c) { return Value::Object(CType(), {{"c", S(c)}}); }
Value CList(std::vector<Value> items) { return Value::List(CType(), std::move(items)); }

// Nested attribute "n" of the given nesting holding optional "c" and computed "id".
Block BlockWithNested(NestedAttributes::Nesting nesting) {
  Attribute n;
  n.name = "n";
  n.optional = true;
  n.nested = std::make_shared<NestedAttributes>(
      NestedAttributes{nesting, {Attr("c", true, false), Attr("id", false, true)}});
  Block block;
  block.attributes = {n};
  return block;
}

Type NType() { return Type::Object({{"c", Type::String()}, {"id", Type::String()}}); }
Value N(const char* c, Value id) { return Value::Object(NType(), {{"c", S(c)}, {"id", id}}); }

struct Case {
  std::string name;
  Block block;
  Value prior;
  Value config;
  Value planned;
  std::vector<std::string> want_errors;  // substrings of the details, in order; empty: valid
  std::vector<std::string> want_paths = {};
};

std::vector<Case> Cases() {
  Block a_and_b = BlockWithB(NestedBlock::Nesting::kList, {Attr("a", true, false)});
  Type ab_type = a_and_b.ImpliedType();
  auto ab = [&](Value a, Value b) { return Value::Object(ab_type, {{"a", a}, {"b", b}}); };
  Block computed_top = BlockWithB(
      NestedBlock::Nesting::kList,
      {Attr("opt", true, false), Attr("comp", false, true), Attr("optcomp", true, true)});
  Type ct = computed_top.ImpliedType();
  auto top = [&](Value opt, Value comp, Value optcomp) {
    return Value::Object(ct,
                         {{"opt", opt}, {"comp", comp}, {"optcomp", optcomp}, {"b", CList({})}});
  };
  Block sensitive = a_and_b;
  sensitive.attributes[0].sensitive = true;
  Block write_only = a_and_b;
  write_only.attributes[0].write_only = true;
  Block map_b = BlockWithB(NestedBlock::Nesting::kMap);
  auto map_of = [](std::map<std::string, Value> m) {
    return Value::Object({{"b", Value::Map(CType(), std::move(m))}});
  };
  Block set_b = BlockWithB(NestedBlock::Nesting::kSet);
  auto set_of = [](std::vector<Value> v) {
    return Value::Object({{"b", Value::Set(CType(), std::move(v))}});
  };
  Block list_n = BlockWithNested(NestedAttributes::Nesting::kList);
  Block single_n = BlockWithNested(NestedAttributes::Nesting::kSingle);
  auto n_list = [](std::vector<Value> v) {
    return Value::Object({{"n", Value::List(NType(), std::move(v))}});
  };
  Value unknown = Value::Unknown(Type::String());

  return {
      {"all empty", Block{}, Value::Object({}), Value::Object({}), Value::Object({}), {}},
      {"no computed, all match",
       a_and_b,
       ab(S("a"), CList({C("c")})),
       ab(S("a"), CList({C("c")})),
       ab(S("a"), CList({C("c")})),
       {}},
      {"no computed, plan matches, no prior",
       a_and_b,
       Value::Null(ab_type),
       ab(S("a"), CList({C("c")})),
       ab(S("a"), CList({C("c")})),
       {}},
      {"no computed, invalid change in plan",
       a_and_b,
       Value::Null(ab_type),
       ab(S("a"), CList({C("c")})),
       ab(S("a"), CList({C("new c")})),
       {R"(planned value "new c" does not match config value "c")"},
       {"b[0].c"}},
      {"no computed, invalid change of a sensitive value hides it",
       sensitive,
       ab(S("old"), CList({})),
       ab(S("secret"), CList({})),
       ab(S("other"), CList({})),
       {"planned value (sensitive value) does not match config value (sensitive value) nor "
        "prior value (sensitive value)"},
       {"a"}},
      {"no computed, diff suppression keeps the prior",
       a_and_b,
       ab(S("a"), CList({C("c")})),
       ab(S("a"), CList({C("new c")})),
       ab(S("a"), CList({C("c")})),
       {}},
      {"no computed, all null",
       a_and_b,
       ab(NullS(), CList({})),
       ab(NullS(), CList({})),
       ab(NullS(), CList({})),
       {}},
      {"non-computed null config planned with a value",
       a_and_b,
       ab(NullS(), CList({})),
       ab(NullS(), CList({})),
       ab(S("x"), CList({})),
       {"for a non-computed attribute"},
       {"a"}},
      {"computed-only attribute may take any value",
       computed_top,
       top(NullS(), S("old"), NullS()),
       top(NullS(), NullS(), NullS()),
       top(NullS(), S("new"), S("filled")),
       {}},
      {"optional+computed set in config must be kept",
       computed_top,
       top(NullS(), NullS(), NullS()),
       top(NullS(), NullS(), S("mine")),
       top(NullS(), unknown, S("theirs")),
       {R"(does not match config value "mine")"},
       {"optcomp"}},
      {"unknown config must stay unknown",
       a_and_b,
       Value::Null(ab_type),
       ab(unknown, CList({})),
       ab(S("guess"), CList({})),
       {"does not match config value (unknown)"},
       {"a"}},
      {"write-only attribute must be planned null, even equal to config",
       write_only,
       Value::Null(ab_type),
       ab(S("pw"), CList({})),
       ab(S("pw"), CList({})),
       {"planned value for write-only attribute is not null"},
       {"a"}},
      {"nested map, normal update",
       map_b,
       map_of({{"boop", C("hello")}}),
       map_of({{"boop", C("howdy")}}),
       map_of({{"boop", C("howdy")}}),
       {}},
      {"nested map, key missing from plan",
       map_b,
       Value::Null(map_b.ImpliedType()),
       map_of({{"boop", C("x")}}),
       map_of({}),
       {R"(block key "boop" from config is not present in plan)"},
       {"b"}},
      {"nested list, null in plan",
       BlockWithB(NestedBlock::Nesting::kList),
       Value::Null(Type::Object({{"b", Type::List(CType())}})),
       Value::Object({{"b", CList({})}}),
       Value::Object({{"b", Value::Null(Type::List(CType()))}}),
       {"must be empty to indicate no blocks, not null"},
       {"b"}},
      {"nested list, null in config is fine when planned empty",
       BlockWithB(NestedBlock::Nesting::kList),
       Value::Object({{"b", CList({})}}),
       Value::Object({{"b", Value::Null(Type::List(CType()))}}),
       Value::Object({{"b", CList({})}}),
       {}},
      {"nested list, unknown dynamic block stays unknown",
       BlockWithB(NestedBlock::Nesting::kList),
       Value::Object({{"b", CList({C("x")})}}),
       Value::Object({{"b", Value::Unknown(Type::List(CType()))}}),
       Value::Object({{"b", Value::Unknown(Type::List(CType()))}}),
       {}},
      {"nested list, block count changed",
       BlockWithB(NestedBlock::Nesting::kList),
       Value::Null(Type::Object({{"b", Type::List(CType())}})),
       Value::Object({{"b", CList({C("x")})}}),
       Value::Object({{"b", CList({C("x"), C("y")})}}),
       {"block count in plan (2) disagrees with count in config (1)"},
       {"b"}},
      {"nested set, unknown dynamic cannot be planned",
       set_b,
       set_of({C("x")}),
       Value::Object({{"b", Value::Unknown(Type::Set(CType()))}}),
       set_of({C("oops")}),
       {"for unknown dynamic block"},
       {"b"}},
      {"nested set, null in plan",
       set_b,
       Value::Null(set_b.ImpliedType()),
       set_of({}),
       Value::Object({{"b", Value::Null(Type::Set(CType()))}}),
       {"must be empty to indicate no blocks, not null"},
       {"b"}},
      {"nested set, no computed, no changes",
       set_b,
       set_of({C("c")}),
       set_of({C("c")}),
       set_of({C("c")}),
       {}},
      {"nested set, elements are not correlated (Terraform trusts the provider)",
       set_b,
       set_of({C("c")}),
       set_of({C("c")}),
       set_of({C("d")}),
       {}},
      {"nested attribute list, computed filled, configured kept",
       list_n,
       n_list({N("a", S("1"))}),
       n_list({N("a", NullS())}),
       n_list({N("a", S("1"))}),
       {}},
      {"nested attribute list, configured value changed",
       list_n,
       n_list({}),
       n_list({N("a", NullS())}),
       n_list({N("b", unknown)}),
       {R"(planned value "b" does not match config value "a")"},
       {"n[0].c"}},
      {"nested attribute list, count changed",
       list_n,
       n_list({}),
       n_list({N("a", NullS())}),
       n_list({N("a", unknown), N("b", unknown)}),
       {"count in plan (2) disagrees with count in config (1)"},
       {"n"}},
      {"nested attribute single, unknown planned for configured object",
       single_n,
       Value::Null(single_n.ImpliedType()),
       Value::Object({{"n", N("a", NullS())}}),
       Value::Object({{"n", Value::Unknown(NType())}}),
       {"planned unknown for configured value"},
       {"n"}},
      {"planned null for a configured resource",
       a_and_b,
       Value::Null(ab_type),
       ab(S("a"), CList({})),
       Value::Null(ab_type),
       {"planned for absence but config wants existence"}},
  };
}

class PlanValidTableTest : public ::testing::TestWithParam<Case> {};

TEST_P(PlanValidTableTest, MatchesTerraformRules) {
  const Case& c = GetParam();
  Diagnostics d;
  CheckPlanValid(c.block, c.prior, c.config, c.planned, d);
  ASSERT_EQ(d.items().size(), c.want_errors.size()) << c.name;
  for (size_t i = 0; i < c.want_errors.size(); ++i) {
    EXPECT_EQ(d.items()[i].summary, "Provider produced invalid plan");
    EXPECT_THAT(d.items()[i].detail, HasSubstr(c.want_errors[i])) << c.name;
    if (i < c.want_paths.size()) {
      ASSERT_TRUE(d.items()[i].attribute.has_value()) << c.name;
      EXPECT_EQ(d.items()[i].attribute->ToString(), c.want_paths[i]) << c.name;
    }
  }
}

TEST(PlanValidTest, SensitiveValuesNeverAppearInTheDiagnostic) {
  Block block;
  block.attributes = {Attr("a", true, false)};
  block.attributes[0].sensitive = true;
  Diagnostics d;
  CheckPlanValid(block, Value::Null(block.ImpliedType()), Value::Object({{"a", S("hunter2")}}),
                 Value::Object({{"a", S("swordfish")}}), d);
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_THAT(d.items()[0].detail, Not(HasSubstr("hunter2")));
  EXPECT_THAT(d.items()[0].detail, Not(HasSubstr("swordfish")));
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

INSTANTIATE_TEST_SUITE_P(Terraform, PlanValidTableTest, ::testing::ValuesIn(Cases()), CaseName);

}  // namespace
}  // namespace opc::framework
