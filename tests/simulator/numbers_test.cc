// numberAssignments: list, $filter, paging (past 1,000 numbers), get by id, updateNumber.

#include <set>

#include "simulator/domain/views.h"
#include "tests/simulator/sim_test_support.h"

namespace opcsim::testing {
namespace {

class NumbersTest : public SimTest {
 protected:
  void SetUp() override {
    SimTest::SetUp();
    Consent(kBluefin, {"GB", "US"});
    Reply uploaded = Upload(kBluefin, {{"capabilities", {"userAssignment"}},
                                       {"supportedCustomerActions", {"locationUpdate"}},
                                       {"range", {{"start", "+441632960000"}, {"count", 5}}}});
    ASSERT_EQ(uploaded.status, 201) << uploaded.body.dump();
    uploaded = Upload(kBluefin, {{"isoCountryCode", "US"},
                                 {"capabilities", {"voiceApplicationAssignment"}},
                                 {"numbers", {"+1 (202) 555-0100", "12025550101"}}});
    ASSERT_EQ(uploaded.status, 201) << uploaded.body.dump();
  }

  std::vector<std::string> NumbersMatching(const std::string& filter) {
    Reply reply = client_->Get(std::string(kNumbersPath) + "?$filter=" + Q(filter));
    EXPECT_EQ(reply.status, 200) << filter << ": " << reply.body.dump();
    std::vector<std::string> out;
    for (const auto& number : reply.body["value"]) {
      out.push_back(number["telephoneNumber"]);
    }
    return out;
  }
};

TEST_F(NumbersTest, ListsSortedGraphShapedNumbers) {
  Reply reply = client_->Get(kNumbersPath);
  ASSERT_EQ(reply.status, 200);
  const auto& value = reply.body["value"];
  ASSERT_EQ(value.size(), 7u);
  EXPECT_FALSE(reply.body.contains("@odata.nextLink"));
  EXPECT_EQ(value[0]["telephoneNumber"], "+12025550100");  // normalized on upload
  EXPECT_EQ(value[6]["telephoneNumber"], "+441632960004");
  const auto& gb = value[2];
  EXPECT_EQ(gb["numberType"], "operatorConnect");
  EXPECT_EQ(gb["activationState"], "activated");
  EXPECT_EQ(gb["assignmentStatus"], "unassigned");
  EXPECT_EQ(gb["operatorId"], kBluefin);
  EXPECT_EQ(gb["isoCountryCode"], "GB");
  EXPECT_EQ(gb["numberSource"], "online");
  EXPECT_TRUE(gb["assignmentTargetId"].is_null());
  EXPECT_TRUE(gb["locationId"].is_null());
  for (const char* field :
       {"id", "telephoneNumber", "operatorId", "numberType", "activationState", "assignmentStatus",
        "assignmentCategory", "assignmentTargetId", "capabilities", "supportedCustomerActions",
        "reverseNumberLookupOptions", "numberSource", "portInStatus", "city", "isoCountryCode",
        "locationId", "civicAddressId", "networkSiteId"}) {
    EXPECT_TRUE(gb.contains(field)) << field;
  }
  for (size_t i = 1; i < value.size(); ++i) {
    EXPECT_LT(value[i - 1]["telephoneNumber"], value[i]["telephoneNumber"]);
  }
}

TEST_F(NumbersTest, FiltersWithEqAndAnyCaseInsensitively) {
  EXPECT_EQ(NumbersMatching("isoCountryCode eq 'US'").size(), 2u);
  EXPECT_EQ(NumbersMatching("numberType eq 'OperatorConnect'").size(), 7u);
  EXPECT_EQ(NumbersMatching("capabilities/any(c:c eq 'userAssignment')").size(), 5u);
  EXPECT_EQ(NumbersMatching("assignmentStatus eq 'unassigned' and "
                            "capabilities/any(c:c eq 'voiceApplicationAssignment')")
                .size(),
            2u);
  EXPECT_EQ(NumbersMatching("telephoneNumber eq '441632960003'"),
            std::vector<std::string>{"+441632960003"});
  EXPECT_EQ(NumbersMatching("telephoneNumber eq '+441632960003'"),
            std::vector<std::string>{"+441632960003"});
  // A telephone number lookup reads one row; the rest of the filter still applies to it.
  EXPECT_EQ(NumbersMatching("isoCountryCode eq 'GB' and telephoneNumber eq '+44 1632 960003'"),
            std::vector<std::string>{"+441632960003"});
  EXPECT_TRUE(
      NumbersMatching("telephoneNumber eq '+441632960003' and isoCountryCode eq 'US'").empty());
  EXPECT_TRUE(NumbersMatching("telephoneNumber eq '+441632960999'").empty());
  EXPECT_EQ(NumbersMatching("locationId eq null").size(), 7u);
  EXPECT_TRUE(NumbersMatching("operatorId eq 'someone-else'").empty());
  EXPECT_EQ(NumbersMatching(std::string("(operatorId eq '") + kBluefin +
                            "') and supportedCustomerActions/any(a:a eq 'locationUpdate')")
                .size(),
            5u);
}

TEST_F(NumbersTest, BadQueriesAre400) {
  for (const std::string& query :
       {"$filter=" + Q("city eq 'London'"), "$filter=" + Q("assignmentStatus ne 'unassigned'"),
        "$filter=" + Q("isoCountryCode eq 'GB' or isoCountryCode eq 'US'"),
        std::string("$top=1001"), std::string("$top=0"), std::string("$top=abc"),
        std::string("$skip=-1"), std::string("$orderby=telephoneNumber")}) {
    Reply reply = client_->Get(std::string(kNumbersPath) + "?" + query);
    EXPECT_EQ(reply.status, 400) << query;
    EXPECT_EQ(reply.ErrorCode(), "BadRequest") << query;
    EXPECT_FALSE(reply.body["error"]["message"].get<std::string>().empty());
  }
}

TEST_F(NumbersTest, GetsByOpaqueIdOnlyInOwnTenant) {
  const std::string id = NumberAssignmentId(kTenantId, "+441632960002");
  Reply reply = client_->Get(std::string(kNumbersPath) + "/" + id);
  ASSERT_EQ(reply.status, 200);
  EXPECT_EQ(reply.body["id"], id);
  EXPECT_EQ(reply.body["telephoneNumber"], "+441632960002");

  Reply missing =
      client_->Get(std::string(kNumbersPath) + "/" + NumberAssignmentId(kTenantId, "+4499"));
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.ErrorCode(), "NotFound");
  Reply foreign =
      client_->Get(std::string(kNumbersPath) + "/" +
                   NumberAssignmentId("99999999-9999-4999-8999-999999999999", "+441632960002"));
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(client_->Get(std::string(kNumbersPath) + "/!!garbage!!").status, 404);
}

TEST_F(NumbersTest, PagesPastAThousandNumbersWithNextLinkAndSkip) {
  Reply uploaded = Upload(kBluefin, {{"isoCountryCode", "US"},
                                     {"capabilities", {"userAssignment"}},
                                     {"range", {{"start", "+12025551000"}, {"count", 2500}}}});
  ASSERT_EQ(uploaded.status, 201);
  ASSERT_EQ(uploaded.body["value"].size(), 2500u);

  // Follow nextLink verbatim with $top=1000 (and a filter that must survive the links).
  const std::string filter = "isoCountryCode eq 'US'";
  std::string next = std::string(kNumbersPath) + "?$filter=" + Q(filter) + "&$top=1000";
  std::set<std::string> seen;
  std::vector<size_t> page_sizes;
  std::string previous;
  while (!next.empty()) {
    Reply page = client_->Get(next);
    ASSERT_EQ(page.status, 200) << next;
    page_sizes.push_back(page.body["value"].size());
    for (const auto& number : page.body["value"]) {
      const std::string tn = number["telephoneNumber"];
      EXPECT_GT(tn, previous);  // sorted across pages
      previous = tn;
      seen.insert(tn);
    }
    next.clear();
    if (page.body.contains("@odata.nextLink")) {
      const std::string link = page.body["@odata.nextLink"];
      const std::string base = "http://127.0.0.1:" + std::to_string(server_->port());
      ASSERT_EQ(link.rfind(base, 0), 0u) << link;  // absolute
      next = link.substr(base.size());
    }
  }
  EXPECT_EQ(page_sizes, (std::vector<size_t>{1000, 1000, 502}));
  EXPECT_EQ(seen.size(), 2502u);

  // Default page size is 500; $skip pages without links.
  Reply first = client_->Get(kNumbersPath);
  EXPECT_EQ(first.body["value"].size(), 500u);
  EXPECT_TRUE(first.body.contains("@odata.nextLink"));
  Reply last = client_->Get(std::string(kNumbersPath) + "?$top=1000&$skip=2000");
  ASSERT_EQ(last.status, 200);
  EXPECT_EQ(last.body["value"].size(), 507u);
  EXPECT_FALSE(last.body.contains("@odata.nextLink"));
  Reply beyond = client_->Get(std::string(kNumbersPath) + "?$skip=5000");
  EXPECT_EQ(beyond.status, 200);
  EXPECT_TRUE(beyond.body["value"].empty());
}

class UpdateNumberTest : public NumbersTest {
 protected:
  void SetUp() override {
    NumbersTest::SetUp();
    gb_address_ = CreateAddress("GB");
    us_address_ = CreateAddress("US");
  }
  Reply Update(const nlohmann::json& body) {
    return client_->Post(std::string(kNumbersPath) + "/updateNumber", body);
  }
  nlohmann::json Number(const std::string& tn) {
    Reply reply = client_->Get(std::string(kNumbersPath) + "/" + NumberAssignmentId(kTenantId, tn));
    EXPECT_EQ(reply.status, 200);
    return reply.body;
  }
  nlohmann::json gb_address_;
  nlohmann::json us_address_;
};

TEST_F(UpdateNumberTest, SetsKeepsAndClearsLocation) {
  const std::string location = gb_address_["defaultLocationId"];
  Reply set = Update({{"telephoneNumber", "+441632960001"}, {"locationId", location}});
  EXPECT_EQ(set.status, 200);
  EXPECT_TRUE(set.body.is_null());  // no body
  nlohmann::json number = Number("+441632960001");
  EXPECT_EQ(number["locationId"], location);
  EXPECT_EQ(number["civicAddressId"], gb_address_["id"]);

  EXPECT_EQ(Update({{"telephoneNumber", "+441632960001"}, {"locationId", nullptr}}).status, 200);
  EXPECT_EQ(Update({{"telephoneNumber", "+441632960001"}, {"networkSiteId", "site-1"}}).status,
            200);
  number = Number("+441632960001");
  EXPECT_EQ(number["locationId"], location);  // null / absent keep
  EXPECT_EQ(number["networkSiteId"], "site-1");

  EXPECT_EQ(Update({{"telephoneNumber", "441632960001"},
                    {"locationId", ""},
                    {"networkSiteId", ""},
                    {"reverseNumberLookupOptions", {"skipInternalVoip"}}})
                .status,
            200);
  number = Number("+441632960001");
  EXPECT_TRUE(number["locationId"].is_null());
  EXPECT_TRUE(number["civicAddressId"].is_null());
  EXPECT_TRUE(number["networkSiteId"].is_null());
  EXPECT_EQ(number["reverseNumberLookupOptions"], nlohmann::json({"skipInternalVoip"}));
}

TEST_F(UpdateNumberTest, EnforcesOperatorPermissionAndCountry) {
  // The US numbers were uploaded without locationUpdate.
  Reply forbidden = Update(
      {{"telephoneNumber", "+12025550100"}, {"locationId", us_address_["defaultLocationId"]}});
  EXPECT_EQ(forbidden.status, 403);
  EXPECT_EQ(forbidden.ErrorCode(), "LocationUpdateNotSupported");

  Reply wrong_country = Update(
      {{"telephoneNumber", "+441632960001"}, {"locationId", us_address_["defaultLocationId"]}});
  EXPECT_EQ(wrong_country.status, 400);
  EXPECT_EQ(wrong_country.ErrorCode(), "CountryMismatch");

  Reply unknown = Update({{"telephoneNumber", "+441632960001"},
                          {"locationId", "00000000-0000-4000-8000-000000000000"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(unknown.ErrorCode(), "UnknownLocation");

  EXPECT_EQ(Update({{"telephoneNumber", "+449999999999"}, {"networkSiteId", "x"}}).status, 404);
  Reply malformed = Update({{"telephoneNumber", "not a number"}});
  EXPECT_EQ(malformed.status, 400);
  EXPECT_NE(malformed.body["error"]["message"].get<std::string>().find("telephoneNumber"),
            std::string::npos);
  EXPECT_EQ(Update({{"telephoneNumber", "+441632960001"}, {"bogus", 1}}).status, 400);
  EXPECT_EQ(Update({{"telephoneNumber", "+441632960001"}, {"reverseNumberLookupOptions", {"nope"}}})
                .status,
            400);
}

}  // namespace
}  // namespace opcsim::testing
