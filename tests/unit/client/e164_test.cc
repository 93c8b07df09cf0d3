#include "provider/client/e164.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace opc::client {
namespace {

using ::testing::HasSubstr;

struct ValidCase {
  const char* input;
  const char* expected;
};

class NormalizeE164Valid : public ::testing::TestWithParam<ValidCase> {};

TEST_P(NormalizeE164Valid, Normalizes) {
  absl::StatusOr<std::string> normalized = NormalizeE164(GetParam().input);
  ASSERT_TRUE(normalized.ok()) << GetParam().input << ": " << normalized.status();
  EXPECT_EQ(*normalized, GetParam().expected);
  EXPECT_TRUE(IsNormalizedE164(*normalized));
}

INSTANTIATE_TEST_SUITE_P(
    Table, NormalizeE164Valid,
    ::testing::Values(ValidCase{"+14255550100", "+14255550100"},
                      ValidCase{"+1 425 555 0100", "+14255550100"},
                      ValidCase{"+1 (425) 555-0100", "+14255550100"},
                      ValidCase{"+1.425.555.0100", "+14255550100"},
                      ValidCase{"  +1 425/555 0100\t", "+14255550100"},
                      ValidCase{"0014255550100", "+14255550100"},
                      ValidCase{"00 44 20 7946 0018", "+442079460018"},
                      ValidCase{"+44 (0)20 7946 0018", "+442079460018"},
                      ValidCase{"tel:+441632960001", "+441632960001"},
                      ValidCase{"TEL:+44 1632 960001", "+441632960001"},
                      ValidCase{"+14255550100;ext=123", "+14255550100;ext=123"},
                      ValidCase{"+1 425 555 0100;EXT=42", "+14255550100;ext=42"},
                      ValidCase{"+6834002", "+6834002"},                 // 7 digits (Niue)
                      ValidCase{"+123456789012345", "+123456789012345"}  // 15 digits
                      ));

struct InvalidCase {
  const char* input;
  const char* message_part;
};

class NormalizeE164Invalid : public ::testing::TestWithParam<InvalidCase> {};

TEST_P(NormalizeE164Invalid, RejectsWithReason) {
  absl::StatusOr<std::string> normalized = NormalizeE164(GetParam().input);
  ASSERT_FALSE(normalized.ok()) << GetParam().input << " -> " << *normalized;
  EXPECT_EQ(normalized.status().code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(normalized.status().message()), HasSubstr(GetParam().message_part))
      << GetParam().input;
}

INSTANTIATE_TEST_SUITE_P(
    Table, NormalizeE164Invalid,
    ::testing::Values(InvalidCase{"", "empty"}, InvalidCase{"   ", "empty"},
                      InvalidCase{"4255550100", "must start with '+'"},
                      InvalidCase{"14255550100", "must start with '+'"},
                      InvalidCase{"01144207946001", "must start with '+'"},
                      InvalidCase{"+1 425 CALL NOW", "contains 'C'"},
                      InvalidCase{"+1-425-555-0100 x12", "contains 'x'"},
                      InvalidCase{"+1 425 +555 0100", "'+' that is not at the start"},
                      InvalidCase{"++14255550100", "'+' that is not at the start"},
                      InvalidCase{"+", "has no digits"},
                      InvalidCase{"+0441632960001", "starting with 0"},
                      InvalidCase{"+123456", "has 6 digits"},
                      InvalidCase{"+1234567890123456", "has 16 digits"},
                      InvalidCase{"+14255550100;ext=", "invalid extension"},
                      InvalidCase{"+14255550100;ext=12a", "invalid extension"},
                      InvalidCase{"+14255550100;phone-context=x", "unsupported suffix"},
                      InvalidCase{"+1425555\x01"
                                  "0100",
                                  "byte 0x01"}));

TEST(NormalizeE164, MessageQuotesTheInput) {
  absl::StatusOr<std::string> normalized = NormalizeE164("425-555-0100");
  ASSERT_FALSE(normalized.ok());
  EXPECT_THAT(std::string(normalized.status().message()), HasSubstr("'425-555-0100'"));
}

TEST(IsNormalizedE164, OnlyTheCanonicalFormIs) {
  EXPECT_TRUE(IsNormalizedE164("+14255550100"));
  EXPECT_FALSE(IsNormalizedE164("+1 425 555 0100"));
  EXPECT_FALSE(IsNormalizedE164("0014255550100"));
  EXPECT_FALSE(IsNormalizedE164("nonsense"));
}

}  // namespace
}  // namespace opc::client
