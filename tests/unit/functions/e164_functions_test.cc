// The three E.164 functions: definitions and Run, table-driven.
#include "provider/functions/e164_functions.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

namespace opc::functions {
namespace {

using framework::CallFunctionRequest;
using framework::CallFunctionResponse;
using framework::Type;
using framework::Value;
using ::testing::HasSubstr;

CallFunctionResponse RunOn(const framework::Function& function, const std::string& input) {
  CallFunctionResponse resp;
  function.Run(CallFunctionRequest{{Value::String(input)}}, resp);
  return resp;
}

struct Case {
  const char* input;
  const char* expected;  // the result, or a part of the error when `ok` is false
  bool ok;
};

void ExpectCases(const framework::Function& function, std::initializer_list<Case> cases) {
  for (const Case& c : cases) {
    CallFunctionResponse resp = RunOn(function, c.input);
    if (c.ok) {
      ASSERT_FALSE(resp.error.has_value()) << c.input << ": " << resp.error->text;
      EXPECT_EQ(resp.result, Value::String(c.expected)) << c.input;
    } else {
      ASSERT_TRUE(resp.error.has_value()) << c.input << " gave " << resp.result.DebugString();
      EXPECT_THAT(resp.error->text, HasSubstr(c.expected)) << c.input;
      EXPECT_EQ(resp.error->argument, 0) << "the error must name the argument: " << c.input;
    }
  }
}

TEST(NormalizeE164Function, NormalizesEverySpellingAndExplainsFailures) {
  ExpectCases(NormalizeE164Function(),
              {
                  {"+44 20 7946 0101", "+442079460101", true},
                  {"+442079460101", "+442079460101", true},
                  {"+44 (0)20 7946 0101", "+442079460101", true},
                  {"+1 (425) 555-0100", "+14255550100", true},
                  {"0044 20 7946 0101", "+442079460101", true},
                  {"tel:+1.425.555.0100", "+14255550100", true},
                  {"  +1 425 555 0100 ;ext=123", "+14255550100;ext=123", true},
                  {"020 7946 0101", "must start with '+'", false},
                  {"", "empty", false},
                  {"+44 20 7946 010x", "contains 'x'", false},
                  {"+123", "has 3 digits", false},
                  {"+1234567890123456", "has 16 digits", false},
                  {"+44 20+7946", "not at the start", false},
              });
}

TEST(E164CountryFunction, GivesTheCountryOrSaysWhyNot) {
  ExpectCases(E164CountryFunction(), {
                                         {"+44 20 7946 0101", "GB", true},
                                         {"+1 416 555 0100", "CA", true},
                                         {"+1 206 555 0100", "US", true},
                                         {"0033 1 42 68 53 00", "FR", true},
                                         {"not a number", "contains 'n'", false},
                                         {"+1 800 555 0100", "no single country", false},
                                         {"+800 1234 5678", "belongs to no country", false},
                                     });
}

TEST(IsE164Function, AcceptsOnlyTheStrictForm) {
  struct BoolCase {
    const char* input;
    bool expected;
  };
  IsE164Function function;
  for (const BoolCase& c :
       {BoolCase{"+442079460101", true}, BoolCase{"+14255550100", true}, BoolCase{"+1234567", true},
        BoolCase{"+123456789012345", true}, BoolCase{"+44 20 7946 0101", false},
        BoolCase{"442079460101", false}, BoolCase{"+0442079460101", false},
        BoolCase{"+123456", false}, BoolCase{"+1234567890123456", false},
        BoolCase{"+14255550100;ext=1", false}, BoolCase{"", false}, BoolCase{"+", false}}) {
    CallFunctionResponse resp = RunOn(function, c.input);
    EXPECT_FALSE(resp.error.has_value()) << c.input;
    EXPECT_EQ(resp.result, Value::Bool(c.expected)) << c.input;
  }
}

TEST(E164Functions, DefinitionsDescribeOneStringParameter) {
  FunctionList functions;
  AddE164Functions(functions);
  ASSERT_EQ(functions.size(), 3u);
  for (const auto& function : functions) {
    framework::FunctionDefinition definition = function->Definition();
    ASSERT_EQ(definition.parameters.size(), 1u) << function->Name();
    EXPECT_EQ(definition.parameters[0].name, "number");
    EXPECT_EQ(definition.parameters[0].type, Type::String());
    EXPECT_FALSE(definition.parameters[0].allow_null);
    EXPECT_FALSE(definition.summary.empty());
    EXPECT_FALSE(definition.description.empty());
    EXPECT_EQ(definition.return_type,
              function->Name() == "is_e164" ? Type::Bool() : Type::String());
  }
}

}  // namespace
}  // namespace opc::functions
