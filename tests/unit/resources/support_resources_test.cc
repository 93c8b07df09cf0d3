// The helpers that resources share: validators (one wording each), semantic equality and the
// shared diagnostics.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "provider/framework/diagnostics.h"
#include "provider/resources/resource_diagnostics.h"
#include "provider/resources/semantic_equality.h"
#include "provider/resources/validators.h"

namespace opc::resources {
namespace {

using framework::AttributePath;
using framework::Diagnostics;
using framework::Type;
using framework::Validator;
using framework::Value;
using ::testing::HasSubstr;

Value S(const std::string& text) { return Value::String(text); }

// Runs `validator` on `value` at attribute `name`; the one diagnostic, or nullopt when valid.
std::optional<framework::Diagnostic> Check(const Validator& validator, const Value& value,
                                           const std::string& name = "attr") {
  Diagnostics diags;
  validator(value, AttributePath::Root(name), diags);
  EXPECT_LE(diags.items().size(), 1u);
  if (diags.items().empty()) {
    return std::nullopt;
  }
  EXPECT_TRUE(diags.HasError());
  EXPECT_EQ(diags.items().front().attribute->ToString(), name);
  return diags.items().front();
}

TEST(ValidatorsTest, GuidAcceptsAnyCaseAndNamesTheIdItExpects) {
  Validator guid = validators::Guid("operator id", "The catalog lists them.");
  EXPECT_FALSE(Check(guid, S("fb450e35-d758-4caa-b81c-c98f93176c14")));
  EXPECT_FALSE(Check(guid, S("FB450E35-D758-4CAA-B81C-C98F93176C14")));
  auto bad = Check(guid, S("fb450e35d7584caab81cc98f93176c14"), "operator_id");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->summary, "Invalid operator id");
  EXPECT_THAT(bad->detail, HasSubstr("operator_id must be an operator id (a GUID such as"));
  EXPECT_THAT(bad->detail, HasSubstr("got: \"fb450e35d7584caab81cc98f93176c14\". The catalog"));
  auto object = Check(validators::Guid("object id"), S("x"));
  ASSERT_TRUE(object);
  EXPECT_THAT(object->detail, HasSubstr("must be an object id (a GUID"));
}

TEST(ValidatorsTest, TelephoneNumberAcceptsAnySpellingOfAnInternationalNumber) {
  Validator phone = validators::TelephoneNumber();
  EXPECT_FALSE(Check(phone, S("+1 425 555 0100")));
  EXPECT_FALSE(Check(phone, S("+1 (425) 555-0100")));
  EXPECT_FALSE(Check(phone, S("+14255550100")));
  auto bad = Check(phone, S("020 7946 0002"), "telephone_number");
  ASSERT_TRUE(bad);
  EXPECT_EQ(bad->summary, "Invalid telephone number");
  EXPECT_THAT(bad->detail, HasSubstr("telephone_number must be a telephone number in "
                                     "international form"));
  EXPECT_THAT(bad->detail, HasSubstr("\"020 7946 0002\""));
}

TEST(ValidatorsTest, DurationNotBlankMustBeTrueAndCountryCode) {
  EXPECT_FALSE(Check(validators::Duration(), S("1m30s")));
  auto duration = Check(validators::Duration(), S("30 minutes"));
  ASSERT_TRUE(duration);
  EXPECT_EQ(duration->summary, "Invalid duration");

  EXPECT_FALSE(Check(validators::NotBlank(), S(" x ")));
  auto blank = Check(validators::NotBlank(), S(" \t"), "full_name");
  ASSERT_TRUE(blank);
  EXPECT_EQ(blank->detail, "full_name must not be empty.");

  Validator accepted = validators::MustBeTrue("Notice not accepted", "Read it first.");
  EXPECT_FALSE(Check(accepted, Value::Bool(true)));
  auto refused = Check(accepted, Value::Bool(false), "notice");
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->summary, "Notice not accepted");
  EXPECT_EQ(refused->detail, "notice must be true. Read it first.");

  EXPECT_FALSE(Check(validators::CountryCode(), S("GB")));
  EXPECT_TRUE(Check(validators::CountryCode(), S("gb")));
  EXPECT_TRUE(Check(validators::CountryCode(), S("GBR")));
}

TEST(SemanticEqualityTest, IdsIgnoreCaseAndNumbersIgnoreSpelling) {
  EXPECT_TRUE(EqualIgnoringCase(S("ABC-def"), S("abc-DEF")));
  EXPECT_FALSE(EqualIgnoringCase(S("abc"), S("abd")));
  EXPECT_FALSE(EqualIgnoringCase(Value::Null(Type::String()), S("")));
  EXPECT_FALSE(EqualIgnoringCase(Value::Unknown(Type::String()), S("a")));

  EXPECT_TRUE(SameTelephoneNumber(S("+1 (425) 555-0100"), S("+14255550100")));
  EXPECT_FALSE(SameTelephoneNumber(S("+14255550100"), S("+14255550101")));
  EXPECT_FALSE(SameTelephoneNumber(S("not a number"), S("not a number")));
  EXPECT_FALSE(SameTelephoneNumber(Value::Null(Type::String()), S("+14255550100")));
  EXPECT_TRUE(SameTelephoneNumberText("+44 20 7946 0001", "+442079460001"));
}

TEST(SemanticEqualityTest, KeepSpellingKeepsTheReferenceOnlyWhenItMeansTheSame) {
  EXPECT_EQ(KeepCase(S("ABC"), std::string("abc")), S("ABC"));
  EXPECT_EQ(KeepCase(S("ABD"), std::string("abc")), S("abc"));
  EXPECT_EQ(KeepCase(Value::Null(Type::String()), std::string("abc")), S("abc"));
  EXPECT_EQ(KeepCase(Value::Unknown(Type::String()), std::string("abc")), S("abc"));
  EXPECT_EQ(KeepCase(S("ABC"), std::nullopt), Value::Null(Type::String()));
  EXPECT_EQ(KeepSpelling(S("+1 425 555 0100"), std::string("+14255550100"), SameTelephoneNumber),
            S("+1 425 555 0100"));
}

TEST(ResourceDiagnosticsTest, OneWordingForApiErrorsAndImportIds) {
  Diagnostics diags;
  AddApiError(diags, "Reading thing 1", absl::NotFoundError("gone (code NotFound)"),
              AttributePath::Root("id"));
  AddInvalidImportId(diags, "a thing by its id", "x", "too short");
  AddInvalidImportId(diags, "a thing by its id", "");
  AddProviderNotConfigured(diags);
  ASSERT_EQ(diags.items().size(), 4u);
  EXPECT_EQ(diags.items()[0].summary, "Reading thing 1 failed");
  EXPECT_EQ(diags.items()[0].detail, "gone (code NotFound)");
  EXPECT_EQ(diags.items()[0].attribute->ToString(), "id");
  EXPECT_EQ(diags.items()[1].summary, "Invalid import ID");
  EXPECT_EQ(diags.items()[1].detail, "Import a thing by its id, got \"x\": too short.");
  EXPECT_EQ(diags.items()[2].detail, "Import a thing by its id, got \"\".");
  EXPECT_EQ(diags.items()[3].summary, "Provider not configured");
}

}  // namespace
}  // namespace opc::resources
