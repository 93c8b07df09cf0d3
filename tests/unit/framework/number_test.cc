#include "provider/framework/number.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

namespace opc::framework {
namespace {

struct ParseCase {
  std::string input;
  std::string canonical;
};

class NumberParseTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(NumberParseTest, ProducesCanonicalDecimalText) {
  auto n = Number::Parse(GetParam().input);
  ASSERT_TRUE(n.has_value()) << GetParam().input;
  EXPECT_EQ(n->ToString(), GetParam().canonical);
}

INSTANTIATE_TEST_SUITE_P(
    Forms, NumberParseTest,
    ::testing::Values(ParseCase{"0", "0"}, ParseCase{"-0", "0"}, ParseCase{"+7", "7"},
                      ParseCase{"007", "7"}, ParseCase{"12.50", "12.5"}, ParseCase{"-0.5", "-0.5"},
                      ParseCase{".25", "0.25"}, ParseCase{"3.", "3"}, ParseCase{"1.5e3", "1500"},
                      ParseCase{"1E-3", "0.001"}, ParseCase{"-2.5e+2", "-250"},
                      ParseCase{"0.000e10", "0"},
                      ParseCase{"12345678901234567890123456789.000000000000000000001",
                                "12345678901234567890123456789.000000000000000000001"},
                      ParseCase{"1e+30", "1000000000000000000000000000000"},
                      ParseCase{"inf", "+Inf"}, ParseCase{"-Infinity", "-Inf"}));

TEST(Number, RejectsMalformedText) {
  for (const char* bad :
       {"", "-", "abc", "1.2.3", "1e", "1e+", "0x10", "1 ", " 1", "e5", "1e999999999"}) {
    EXPECT_FALSE(Number::Parse(bad).has_value()) << bad;
  }
}

TEST(Number, WritesHugeExponentsOutInFull) {
  auto n = Number::Parse("1e+400");
  ASSERT_TRUE(n.has_value());
  EXPECT_EQ(n->ToString(), "1" + std::string(400, '0'));
  EXPECT_TRUE(n->IsInteger());
  EXPECT_FALSE(n->ToInt64().has_value());
  EXPECT_TRUE(std::isinf(n->ToDouble()));
}

TEST(Number, ConvertsFromMachineNumbers) {
  EXPECT_EQ(Number::FromInt64(-42).ToString(), "-42");
  EXPECT_EQ(Number::FromInt64(std::numeric_limits<int64_t>::min()).ToString(),
            "-9223372036854775808");
  EXPECT_EQ(Number::FromUint64(std::numeric_limits<uint64_t>::max()).ToString(),
            "18446744073709551615");
  EXPECT_EQ(Number::FromDouble(0.1).ToString(), "0.1");  // shortest round-trip form
  EXPECT_EQ(Number::FromDouble(1e21).ToString(), "1000000000000000000000");
  EXPECT_EQ(Number::FromDouble(-1.5e-7).ToString(), "-0.00000015");
  EXPECT_TRUE(Number::FromDouble(std::numeric_limits<double>::infinity()).IsInfinity());
}

TEST(Number, ConvertsToMachineNumbers) {
  EXPECT_EQ(Number::Parse("9223372036854775807")->ToInt64(), 9223372036854775807LL);
  EXPECT_FALSE(Number::Parse("9223372036854775808")->ToInt64().has_value());
  EXPECT_FALSE(Number::Parse("1.5")->ToInt64().has_value());
  EXPECT_DOUBLE_EQ(Number::Parse("1.5")->ToDouble(), 1.5);
  EXPECT_EQ(Number::Infinity(true).ToDouble(), -std::numeric_limits<double>::infinity());
  EXPECT_FALSE(Number::Infinity(false).IsInteger());
  EXPECT_EQ(Number::Parse("1e-400")->ToDouble(), 0.0);
}

TEST(Number, OrdersNumerically) {
  auto n = [](const char* s) { return *Number::Parse(s); };
  EXPECT_LT(n("-10"), n("-9"));
  EXPECT_LT(n("-0.5"), n("0"));
  EXPECT_LT(n("0.5"), n("0.51"));
  EXPECT_LT(n("0.51"), n("0.6"));
  EXPECT_LT(n("9"), n("10"));
  EXPECT_LT(n("99999999999999999999"), n("100000000000000000000"));
  EXPECT_LT(n("-inf"), n("-1e300"));
  EXPECT_LT(n("1e300"), n("inf"));
  EXPECT_FALSE(n("2") < n("2"));
  EXPECT_FALSE(n("3") < n("2"));
  EXPECT_EQ(n("2.50"), n("25e-1"));
}

}  // namespace
}  // namespace opc::framework
