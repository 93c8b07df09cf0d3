// CountryOfE164: calling codes, the shared codes resolved by number plan, and the numbers that
// belong to no country.
#include "provider/functions/calling_codes.h"

#include <gtest/gtest.h>

#include <string>

namespace opc::functions {
namespace {

struct CountryCase {
  const char* number;
  const char* country;
};

class CountryOfE164Test : public ::testing::TestWithParam<CountryCase> {};

TEST_P(CountryOfE164Test, FindsTheCountry) {
  absl::StatusOr<std::string> country = CountryOfE164(GetParam().number);
  ASSERT_TRUE(country.ok()) << GetParam().number << ": " << country.status();
  EXPECT_EQ(*country, GetParam().country) << GetParam().number;
}

INSTANTIATE_TEST_SUITE_P(
    Table, CountryOfE164Test,
    ::testing::Values(
        // One-, two- and three-digit codes; the longest prefix wins (+35 vs +353).
        CountryCase{"+442079460101", "GB"}, CountryCase{"+33142685300", "FR"},
        CountryCase{"+353212345678", "IE"}, CountryCase{"+358912345678", "FI"},
        CountryCase{"+27211234567", "ZA"}, CountryCase{"+2721123456", "ZA"},
        CountryCase{"+262262123456", "RE"}, CountryCase{"+61212345678", "AU"},
        CountryCase{"+81312345678", "JP"}, CountryCase{"+85223456789", "HK"},
        CountryCase{"+97142345678", "AE"}, CountryCase{"+5215512345678", "MX"},
        // NANP: US by default, Canada and Caribbean members by area code.
        CountryCase{"+14255550100", "US"}, CountryCase{"+12065550100", "US"},
        CountryCase{"+14165550100", "CA"}, CountryCase{"+16045550100", "CA"},
        CountryCase{"+18765550100", "JM"}, CountryCase{"+12425550100", "BS"},
        CountryCase{"+17875550100", "PR"}, CountryCase{"+18095550100", "DO"},
        CountryCase{"+14415550100", "BM"}, CountryCase{"+16715550100", "GU"},
        // +7: Kazakhstan's ranges, else Russia.
        CountryCase{"+74951234567", "RU"}, CountryCase{"+77172123456", "KZ"},
        // Number-plan exceptions under shared codes.
        CountryCase{"+441481123456", "GG"}, CountryCase{"+441534123456", "JE"},
        CountryCase{"+441624123456", "IM"}, CountryCase{"+35818123456", "AX"},
        CountryCase{"+262269123456", "YT"},
        // An extension does not change the country.
        CountryCase{"+442079460101;ext=12", "GB"}));

TEST(CountryOfE164, NumbersOfNoCountryAreRefusedWithTheReason) {
  struct Case {
    const char* number;
    absl::StatusCode code;
    const char* says;
  };
  for (const Case& c : {
           Case{"+80012345678", absl::StatusCode::kFailedPrecondition, "belongs to no country"},
           Case{"+88161234567", absl::StatusCode::kFailedPrecondition, "belongs to no country"},
           Case{"+18005550100", absl::StatusCode::kFailedPrecondition, "area code 800"},
           Case{"+18885550100", absl::StatusCode::kFailedPrecondition, "toll-free"},
           Case{"+15005550100", absl::StatusCode::kFailedPrecondition, "no single country"},
           Case{"+2891234567", absl::StatusCode::kNotFound, "not assigned"},  // spare +28x
       }) {
    absl::StatusOr<std::string> country = CountryOfE164(c.number);
    EXPECT_EQ(country.status().code(), c.code) << c.number << ": " << country.status();
    if (!country.ok()) {
      EXPECT_NE(country.status().message().find(c.says), std::string::npos)
          << c.number << ": " << country.status();
    }
  }
}

}  // namespace
}  // namespace opc::functions
