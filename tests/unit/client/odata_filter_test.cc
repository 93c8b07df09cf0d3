#include "provider/client/odata_filter.h"

#include <gtest/gtest.h>

#include "provider/client/emergency_api.h"
#include "provider/client/numbers_api.h"
#include "provider/client/operators_api.h"
#include "provider/client/url_encoding.h"

namespace opc::client {
namespace {

TEST(QuoteODataString, DoublesSingleQuotes) {
  EXPECT_EQ(QuoteODataString("plain"), "'plain'");
  EXPECT_EQ(QuoteODataString("O'Brien"), "'O''Brien'");
  EXPECT_EQ(QuoteODataString("''"), "''''''");
  EXPECT_EQ(QuoteODataString(""), "''");
}

TEST(ODataFilter, JoinsClausesWithAnd) {
  ODataFilter filter;
  EXPECT_TRUE(filter.empty());
  EXPECT_EQ(filter.ToString(), "");
  filter.Eq("status", "active").AnyEq("countryCodes", "GB", "c");
  EXPECT_EQ(filter.ToString(), "status eq 'active' and countryCodes/any(c:c eq 'GB')");
}

TEST(ODataFilter, InjectionStaysInsideTheLiteral) {
  ODataFilter filter;
  filter.Eq("description", "x' or 1 eq 1 or 'a' eq 'a");
  EXPECT_EQ(filter.ToString(), "description eq 'x'' or 1 eq 1 or ''a'' eq ''a'");
}

TEST(BuildNumberAssignmentFilter, EveryFieldAndLambda) {
  NumberAssignmentFilter filter;
  filter.telephone_number = "+1 (425) 555-0100";
  filter.assignment_status = "unassigned";
  filter.number_type = "operatorConnect";
  filter.iso_country_code = "US";
  filter.capabilities = {"userAssignment"};
  filter.supported_customer_actions = {"locationUpdate"};
  absl::StatusOr<std::string> expression = BuildNumberAssignmentFilter(filter);
  ASSERT_TRUE(expression.ok()) << expression.status();
  EXPECT_EQ(*expression,
            "telephoneNumber eq '+14255550100' and numberType eq 'operatorConnect' and "
            "assignmentStatus eq 'unassigned' and isoCountryCode eq 'US' and "
            "capabilities/any(c:c eq 'userAssignment') and "
            "supportedCustomerActions/any(a:a eq 'locationUpdate')");
}

TEST(BuildNumberAssignmentFilter, EmptyFilterIsEmpty) {
  absl::StatusOr<std::string> expression = BuildNumberAssignmentFilter({});
  ASSERT_TRUE(expression.ok());
  EXPECT_EQ(*expression, "");
}

TEST(BuildNumberAssignmentFilter, InvalidNumberIsRejected) {
  NumberAssignmentFilter filter;
  filter.telephone_number = "555-0100";
  EXPECT_EQ(BuildNumberAssignmentFilter(filter).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST(BuildOperatorFilter, CountryOfferTypeAndEscapedName) {
  OperatorFilter filter;
  filter.country_code = "GB";
  filter.offer_type = "calling";
  filter.display_name = "Contoso's Telecom";
  EXPECT_EQ(BuildOperatorFilter(filter),
            "countryCodes/any(c:c eq 'GB') and offerTypes/any(t:t eq 'calling') and "
            "displayName eq 'Contoso''s Telecom'");
}

TEST(BuildConsentFilter, StatusAndOperator) {
  EXPECT_EQ(BuildConsentFilter(ConsentFilter{"active", "op-1"}),
            "status eq 'active' and operatorId eq 'op-1'");
  EXPECT_EQ(BuildConsentFilter({}), "");
}

TEST(BuildEmergencyFilters, AddressAndLocation) {
  EXPECT_EQ(BuildCivicAddressFilter(CivicAddressFilter{"US", {}, "Redmond", {}, {}}),
            "countryOrRegion eq 'US' and city eq 'Redmond'");
  EXPECT_EQ(BuildLocationFilter(LocationFilter{"a-1", "Floor 2", {}, {}}),
            "civicAddressId eq 'a-1' and description eq 'Floor 2'");
}

TEST(EncodeQuery, FilterValueIsPercentEncoded) {
  EXPECT_EQ(EncodeQuery({{"$filter", "telephoneNumber eq '+14255550100'"}, {"$top", "1000"}}),
            "$filter=telephoneNumber%20eq%20%27%2B14255550100%27&$top=1000");
}

TEST(UrlEncoding, FormAndAppend) {
  EXPECT_EQ(EncodeForm({{"scope", "https://graph.microsoft.com/.default"}, {"a b", "c&d=e"}}),
            "scope=https%3A%2F%2Fgraph.microsoft.com%2F.default&a%20b=c%26d%3De");
  EXPECT_EQ(AppendQuery("https://x/y", {{"k", "v"}}), "https://x/y?k=v");
  EXPECT_EQ(AppendQuery("https://x/y?a=1", {{"k", "v"}}), "https://x/y?a=1&k=v");
  EXPECT_EQ(AppendQuery("https://x/y?a=1", {}), "https://x/y?a=1");
  EXPECT_EQ(PercentEncode("AZaz09-._~ /+"), "AZaz09-._~%20%2F%2B");
}

}  // namespace
}  // namespace opc::client
