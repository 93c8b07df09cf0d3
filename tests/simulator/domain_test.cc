// Pure rules and helpers: validation, ids, OData $filter, routing.

#include <gtest/gtest.h>

#include "simulator/domain/validation.h"
#include "simulator/domain/views.h"
#include "simulator/http/odata.h"
#include "simulator/http/router.h"
#include "simulator/support/ids.h"

namespace opcsim {
namespace {

TEST(ValidationTest, NormalizesE164) {
  EXPECT_EQ(NormalizeE164("+44 20 7946-0000"), "+442079460000");
  EXPECT_EQ(NormalizeE164("12052582895"), "+12052582895");
  EXPECT_EQ(NormalizeE164("(+1) 205.258.2895"), "+12052582895");
  EXPECT_EQ(NormalizeE164("+1 (205) 258.2895"), "+12052582895");
  EXPECT_EQ(NormalizeE164("+0441234"), std::nullopt);
  EXPECT_EQ(NormalizeE164("+1234567890123456"), std::nullopt);  // 16 digits
  EXPECT_EQ(NormalizeE164("+44x1"), std::nullopt);
  EXPECT_EQ(NormalizeE164(""), std::nullopt);
}

TEST(ValidationTest, Countries) {
  EXPECT_EQ(NormalizeCountry("gb"), "GB");
  EXPECT_EQ(NormalizeCountry("JP"), "JP");
  EXPECT_EQ(NormalizeCountry("UK"), std::nullopt);  // not an ISO code
  EXPECT_EQ(NormalizeCountry("GBR"), std::nullopt);
  EXPECT_TRUE(CivicAddressEditAllowed("US"));
  EXPECT_TRUE(CivicAddressEditAllowed("AU"));
  EXPECT_FALSE(CivicAddressEditAllowed("GB"));
  EXPECT_FALSE(CivicAddressEditAllowed("DE"));
  EXPECT_FALSE(GeocodeRequired("AU"));
  EXPECT_FALSE(GeocodeRequired("JP"));
  EXPECT_TRUE(GeocodeRequired("GB"));
  EXPECT_EQ(CountryForCallingCode("+441632960000"), "GB");
  EXPECT_EQ(CountryForCallingCode("+35312345678"), "IE");
  EXPECT_EQ(CountryForCallingCode("+12025550100"), std::nullopt);  // NANP is shared
}

TEST(ValidationTest, CoordinatesAndEmail) {
  EXPECT_TRUE(ParseLatitude("-33.8688").has_value());
  EXPECT_FALSE(ParseLatitude("91").has_value());
  EXPECT_FALSE(ParseLatitude("1e3").has_value());
  EXPECT_TRUE(ParseLongitude("151.2093").has_value());
  EXPECT_FALSE(ParseLongitude("-181").has_value());
  EXPECT_TRUE(IsEmailAddress("a.b@example.com"));
  EXPECT_FALSE(IsEmailAddress("a.b@example"));
  EXPECT_FALSE(IsEmailAddress("no-at.example.com"));
  EXPECT_FALSE(IsEmailAddress("a b@example.com"));
}

TEST(IdsTest, GuidsAreVersion4AndUnique) {
  const std::string a = NewGuid();
  const std::string b = NewGuid();
  EXPECT_TRUE(IsGuid(a));
  EXPECT_NE(a, b);
  EXPECT_EQ(a[14], '4');
  EXPECT_FALSE(IsGuid("not-a-guid"));
}

TEST(IdsTest, NumberAssignmentIdIsBase64UrlOfTenantAndNumber) {
  // Matches the shape of the Graph documentation's ids.
  const std::string id = NumberAssignmentId("bc2632e3-0000-0000-0000-000000000000", "+12023456788");
  EXPECT_EQ(Base64UrlDecode(id), "bc2632e3-0000-0000-0000-000000000000|+12023456788");
  EXPECT_EQ(id.find('='), std::string::npos);
  auto parsed = ParseNumberAssignmentId(id);
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->second, "+12023456788");
  EXPECT_FALSE(ParseNumberAssignmentId("%%%").has_value());
}

TEST(ODataFilterTest, ParsesAndMatchesTheSubset) {
  const http::FilterSchema schema = {
      {"assignmentStatus", false, nullptr},
      {"telephoneNumber", false, [](std::string_view v) { return NormalizeE164(v); }},
      {"capabilities", true, nullptr},
  };
  const nlohmann::json number = {{"assignmentStatus", "unassigned"},
                                 {"telephoneNumber", "+12052582895"},
                                 {"capabilities", {"userAssignment", "teamsPhoneMobile"}}};
  auto matches = [&](const std::string& text) {
    absl::StatusOr<http::Filter> filter = http::Filter::Parse(text, schema);
    EXPECT_TRUE(filter.ok()) << text << ": " << filter.status();
    return filter.ok() && filter->Matches(number);
  };
  EXPECT_TRUE(matches("assignmentStatus eq 'unassigned'"));
  EXPECT_TRUE(matches("assignmentStatus eq 'Unassigned'"));  // enums ignore case
  EXPECT_FALSE(matches("assignmentStatus eq 'userAssigned'"));
  EXPECT_TRUE(
      matches("assignmentStatus eq 'unassigned' and capabilities/any(c:c eq 'userAssignment')"));
  EXPECT_FALSE(matches("capabilities/any(c:c eq 'conferenceAssignment')"));
  EXPECT_TRUE(matches("(telephoneNumber eq '12052582895')"));
  EXPECT_TRUE(matches("telephoneNumber eq ' 12052582895'"));  // '+' decoded as a space
  for (const char* bad :
       {"assignmentStatus ne 'x'", "assignmentStatus eq 'x' or city eq 'y'", "city eq 'x'",
        "capabilities eq 'x'", "assignmentStatus eq 'x", "assignmentStatus eq"}) {
    absl::StatusOr<http::Filter> filter = http::Filter::Parse(bad, schema);
    EXPECT_FALSE(filter.ok()) << bad;
    EXPECT_EQ(filter.status().code(), absl::StatusCode::kInvalidArgument) << bad;
  }
}

TEST(RouterTest, MatchesTemplatesAndPrefersLiterals) {
  http::Router router;
  auto ok = [](http::RequestContext&) -> absl::StatusOr<http::HttpResponse> {
    return http::HttpResponse::Empty(200);
  };
  router.Add("GET", "/a/items/{id}", http::Access::kTenant, ok);
  router.Add("POST", "/a/items/special", http::Access::kTenant, ok);
  router.Add("GET", "/a/operations('{op}')", http::Access::kTenant, ok);
  std::vector<std::string> allowed;
  auto match = router.Find("GET", "/a/items/42", &allowed);
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->params["id"], "42");
  match = router.Find("GET", "/a/operations('abc-1')", &allowed);
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->params["op"], "abc-1");
  match = router.Find("POST", "/a/items/special", &allowed);
  ASSERT_TRUE(match.has_value());
  EXPECT_EQ(match->route->pattern, "/a/items/special");
  allowed.clear();
  EXPECT_FALSE(router.Find("DELETE", "/a/items/42", &allowed).has_value());
  EXPECT_EQ(allowed, std::vector<std::string>{"GET"});
  EXPECT_FALSE(router.Find("GET", "/nothing", nullptr).has_value());
}

}  // namespace
}  // namespace opcsim
