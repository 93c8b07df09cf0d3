// Provider-defined functions over the wire with the real OperatorConnectProvider: definitions
// in GetProviderSchema, GetFunctions and GetMetadata, and CallFunction with valid input,
// invalid input (a FunctionError naming the argument), a wrong arity and an unknown name.
// Functions work on an unconfigured provider, as Terraform calls them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "provider/resources/operatorconnect_provider.h"
#include "service_fixture.h"

namespace opc::protocol_test {
namespace {

using framework::Type;
using framework::Value;
using ::testing::ElementsAre;
using ::testing::HasSubstr;

class FunctionRpcsTest : public ServiceFixture {
 protected:
  void SetUp() override {
    Serve(std::make_unique<resources::OperatorConnectProvider>(opc::FixedEnvironment({})));
  }
  tfplugin6::CallFunction::Response CallWith(const std::string& name,
                                             const std::vector<Value>& arguments) {
    tfplugin6::CallFunction::Request request;
    request.set_name(name);
    for (const Value& argument : arguments) {
      *request.add_arguments() = Msgpack(argument, argument.type());
    }
    return Call(&tfplugin6::Provider::Stub::CallFunction, request);
  }
};

TEST_F(FunctionRpcsTest, SchemaAndGetFunctionsDescribeTheFunctions) {
  auto schema =
      Call(&tfplugin6::Provider::Stub::GetProviderSchema, tfplugin6::GetProviderSchema::Request());
  auto functions =
      Call(&tfplugin6::Provider::Stub::GetFunctions, tfplugin6::GetFunctions::Request());
  for (const auto* map : {&schema.functions(), &functions.functions()}) {
    std::vector<std::string> names;
    for (const auto& [name, function] : *map) {
      names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    EXPECT_THAT(names, ElementsAre("e164_country", "is_e164", "normalize_e164"));
    const tfplugin6::Function& normalize = map->at("normalize_e164");
    ASSERT_EQ(normalize.parameters_size(), 1);
    EXPECT_EQ(normalize.parameters(0).name(), "number");
    EXPECT_EQ(normalize.parameters(0).type(), "\"string\"");
    EXPECT_FALSE(normalize.parameters(0).allow_null_value());
    EXPECT_FALSE(normalize.has_variadic_parameter());
    EXPECT_EQ(normalize.return_().type(), "\"string\"");
    EXPECT_FALSE(normalize.summary().empty());
    EXPECT_EQ(normalize.description_kind(), tfplugin6::MARKDOWN);
    EXPECT_EQ(map->at("is_e164").return_().type(), "\"bool\"");
  }
  auto metadata =
      Call(&tfplugin6::Provider::Stub::GetMetadata, tfplugin6::GetMetadataMsg::Request());
  EXPECT_EQ(metadata.functions_size(), 3);
}

TEST_F(FunctionRpcsTest, CallsReturnTheResult) {
  auto normalized = CallWith("normalize_e164", {Value::String("+44 20 7946 0101")});
  ASSERT_FALSE(normalized.has_error()) << normalized.error().text();
  EXPECT_EQ(Decode(normalized.result(), Type::String()), Value::String("+442079460101"));

  auto country = CallWith("e164_country", {Value::String("+1 (416) 555-0100")});
  ASSERT_FALSE(country.has_error()) << country.error().text();
  EXPECT_EQ(Decode(country.result(), Type::String()), Value::String("CA"));

  auto strict = CallWith("is_e164", {Value::String("+442079460101")});
  ASSERT_FALSE(strict.has_error());
  EXPECT_EQ(Decode(strict.result(), Type::Bool()), Value::Bool(true));
  auto spaced = CallWith("is_e164", {Value::String("+44 20 7946 0101")});
  EXPECT_EQ(Decode(spaced.result(), Type::Bool()), Value::Bool(false));
}

TEST_F(FunctionRpcsTest, InvalidInputIsAFunctionErrorNamingTheArgument) {
  auto bad = CallWith("normalize_e164", {Value::String("020 7946 0101")});
  ASSERT_TRUE(bad.has_error());
  EXPECT_THAT(bad.error().text(), HasSubstr("must start with '+'"));
  ASSERT_TRUE(bad.error().has_function_argument());
  EXPECT_EQ(bad.error().function_argument(), 0);
  EXPECT_FALSE(bad.has_result());

  auto global = CallWith("e164_country", {Value::String("+800 1234 5678")});
  ASSERT_TRUE(global.has_error());
  EXPECT_THAT(global.error().text(), HasSubstr("belongs to no country"));
  EXPECT_EQ(global.error().function_argument(), 0);

  auto null = CallWith("normalize_e164", {Value::Null(Type::String())});
  ASSERT_TRUE(null.has_error());
  EXPECT_THAT(null.error().text(), HasSubstr("\"number\" must not be null"));
  EXPECT_EQ(null.error().function_argument(), 0);
}

TEST_F(FunctionRpcsTest, WrongArityAndUnknownNamesAreErrors) {
  auto none = CallWith("is_e164", {});
  ASSERT_TRUE(none.has_error());
  EXPECT_THAT(none.error().text(), HasSubstr("takes 1 argument(s), got 0"));
  EXPECT_FALSE(none.error().has_function_argument());

  auto two = CallWith("is_e164", {Value::String("+1"), Value::String("+2")});
  ASSERT_TRUE(two.has_error());
  EXPECT_THAT(two.error().text(), HasSubstr("got 2"));

  auto unknown = CallWith("to_e164", {Value::String("+1")});
  ASSERT_TRUE(unknown.has_error());
  EXPECT_THAT(unknown.error().text(), HasSubstr("to_e164"));
}

}  // namespace
}  // namespace opc::protocol_test
