#include "provider/client/numbers_api.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes.h"
#include "provider/client/graph_error.h"

namespace opc::client {
namespace {

using std::chrono::seconds;
using testing::GraphErrorResponse;
using testing::GraphHarness;
using ::testing::HasSubstr;
using testing::JsonResponse;
using testing::MakeResponse;

constexpr char kBase[] = "https://graph.test/v1.0/admin/teams/telephoneNumberManagement";

nlohmann::json NumberJson(const std::string& number) {
  return {{"id", "id-" + number},
          {"telephoneNumber", number},
          {"operatorId", "op-1"},
          {"numberType", "operatorConnect"},
          {"activationState", "activated"},
          {"assignmentStatus", "unassigned"},
          {"assignmentCategory", nullptr},
          {"assignmentTargetId", nullptr},
          {"capabilities", {"userAssignment"}},
          {"supportedCustomerActions", {"locationUpdate"}},
          {"reverseNumberLookupOptions", nlohmann::json::array()},
          {"numberSource", "online"},
          {"portInStatus", nullptr},
          {"city", "London"},
          {"isoCountryCode", "GB"},
          {"locationId", nullptr},
          {"civicAddressId", nullptr},
          {"networkSiteId", nullptr}};
}

class NumbersApiTest : public ::testing::Test {
 protected:
  NumbersApiTest()
      : poller_(h_.client, h_.clock, h_.sleeper, PollOptions{}), api_(h_.client, poller_) {}

  GraphHarness h_;
  OperationPoller poller_;
  NumbersApi api_;
};

TEST_F(NumbersApiTest, ListPagesThroughAnyNumberOfNumbers) {
  // 2,500 numbers over three pages of at most 1,000.
  int next_number = 0;
  for (int page = 0; page < 3; ++page) {
    nlohmann::json body = {{"value", nlohmann::json::array()}};
    int count = page < 2 ? 1000 : 500;
    for (int i = 0; i < count; ++i) {
      body["value"].push_back(NumberJson("+4416329" + std::to_string(10000 + next_number++)));
    }
    if (page < 2) {
      body["@odata.nextLink"] = std::string(kBase) + "/numberAssignments?$top=1000&$skip=" +
                                std::to_string((page + 1) * 1000);
    }
    h_.transport.Enqueue(JsonResponse(200, body));
  }
  NumberAssignmentFilter filter;
  filter.number_type = "operatorConnect";
  absl::StatusOr<std::vector<NumberAssignment>> numbers =
      api_.ListNumberAssignments(filter, h_.cancel);
  ASSERT_TRUE(numbers.ok()) << numbers.status();
  EXPECT_EQ(numbers->size(), 2500u);
  EXPECT_EQ(numbers->back().telephone_number, "+441632912499");
  std::vector<HttpRequest> requests = h_.transport.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].url, std::string(kBase) +
                                 "/numberAssignments?$filter=numberType%20eq%20%27operatorConnect"
                                 "%27&$top=1000");
  EXPECT_EQ(requests[2].url, std::string(kBase) + "/numberAssignments?$top=1000&$skip=2000");
}

TEST_F(NumbersApiTest, ForEachStreamsAndStopsOnVisitorError) {
  h_.transport.Enqueue(
      JsonResponse(200, {{"value", {NumberJson("+441632960001"), NumberJson("+441632960002")}}}));
  std::vector<std::string> seen;
  absl::Status status = api_.ForEachNumberAssignment(
      {},
      [&](const NumberAssignment& number) {
        seen.push_back(number.telephone_number);
        return absl::OkStatus();
      },
      h_.cancel);
  ASSERT_TRUE(status.ok()) << status;
  EXPECT_EQ(seen, (std::vector<std::string>{"+441632960001", "+441632960002"}));
}

TEST_F(NumbersApiTest, GetEscapesTheId) {
  h_.transport.Enqueue(JsonResponse(200, NumberJson("+441632960001")));
  absl::StatusOr<NumberAssignment> number = api_.GetNumberAssignment("a/b=c", h_.cancel);
  ASSERT_TRUE(number.ok());
  EXPECT_EQ(number->telephone_number, "+441632960001");
  EXPECT_EQ(h_.transport.requests()[0].url, std::string(kBase) + "/numberAssignments/a%2Fb%3Dc");
  EXPECT_EQ(api_.GetNumberAssignment("", h_.cancel).status().code(),
            absl::StatusCode::kInvalidArgument);
}

TEST_F(NumbersApiTest, GetMissingIsNotFound) {
  h_.transport.Enqueue(GraphErrorResponse(404, "NotFound", "no such number"));
  EXPECT_TRUE(absl::IsNotFound(api_.GetNumberAssignment("x", h_.cancel).status()));
}

TEST_F(NumbersApiTest, FindByTelephoneNumberNormalizesAndFilters) {
  h_.transport.Enqueue(JsonResponse(200, {{"value", {NumberJson("+14255550100")}}}));
  absl::StatusOr<NumberAssignment> number =
      api_.FindNumberByTelephoneNumber("+1 (425) 555-0100", h_.cancel);
  ASSERT_TRUE(number.ok()) << number.status();
  EXPECT_EQ(number->telephone_number, "+14255550100");
  EXPECT_EQ(h_.transport.requests()[0].url,
            std::string(kBase) +
                "/numberAssignments?$filter=telephoneNumber%20eq%20%27%2B14255550100%27&$top=1000");
}

TEST_F(NumbersApiTest, FindByTelephoneNumberNotFound) {
  h_.transport.Enqueue(JsonResponse(200, {{"value", nlohmann::json::array()}}));
  absl::Status status = api_.FindNumberByTelephoneNumber("+14255550100", h_.cancel).status();
  EXPECT_TRUE(absl::IsNotFound(status));
  EXPECT_THAT(std::string(status.message()), HasSubstr("+14255550100"));
}

TEST_F(NumbersApiTest, FindRejectsInvalidNumbersWithoutARequest) {
  EXPECT_EQ(api_.FindNumberByTelephoneNumber("555-0100", h_.cancel).status().code(),
            absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(h_.transport.request_count(), 0u);
}

TEST_F(NumbersApiTest, AssignPostsTheNormalizedNumberAndWaitsForTheOperation) {
  HttpHeaders accepted_headers{{"Location", std::string(kBase) + "/operations('op-9')"},
                               {"Retry-After", "2"}};
  h_.transport.Enqueue(MakeResponse(202, "", accepted_headers));
  h_.transport.Enqueue(JsonResponse(
      200, {{"id", "op-9"}, {"status", "succeeded"}, {"numbers", nlohmann::json::array()}}));
  AssignNumberRequest request;
  request.telephone_number = "+44 1632 960001";
  request.assignment_target_id = "user-1";
  request.number_type = "operatorConnect";
  request.location_id = "loc-1";
  absl::StatusOr<LongRunningOperation> operation = api_.AssignNumber(request, h_.cancel);
  ASSERT_TRUE(operation.ok()) << operation.status();
  EXPECT_EQ(operation->status, "succeeded");

  std::vector<HttpRequest> requests = h_.transport.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].url, std::string(kBase) + "/numberAssignments/assignNumber");
  EXPECT_EQ(nlohmann::json::parse(requests[0].body),
            (nlohmann::json{{"telephoneNumber", "+441632960001"},
                            {"assignmentTargetId", "user-1"},
                            {"numberType", "operatorConnect"},
                            {"locationId", "loc-1"}}));
  EXPECT_EQ(requests[1].url, std::string(kBase) + "/operations('op-9')");
  EXPECT_EQ(h_.sleeper.sleeps().front(), seconds(2));
}

TEST_F(NumbersApiTest, AssignFailureNamesTheNumberAndTheReason) {
  h_.transport.Enqueue(
      MakeResponse(202, "", {{"Location", std::string(kBase) + "/operations('op-9')"}}));
  h_.transport.Enqueue(
      JsonResponse(200, {{"id", "op-9"},
                         {"status", "failed"},
                         {"numbers",
                          {{{"resourceLocation", "https://graph.test/x/numberAssignments/opaque"},
                            {"status", "failed"},
                            {"statusDetail", "Target user-1 is unknown."}}}}}));
  AssignNumberRequest request{"+441632960001", "user-1", "operatorConnect", std::nullopt,
                              std::nullopt};
  absl::Status status = api_.AssignNumber(request, h_.cancel).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("assignNumber +441632960001: operation 'op-9' failed:"));
  EXPECT_THAT(std::string(status.message()), HasSubstr("Target user-1 is unknown."));
  EXPECT_TRUE(FailedOperationOf(status).has_value());
}

TEST_F(NumbersApiTest, AssignBadRequestIsImmediate) {
  h_.transport.Enqueue(GraphErrorResponse(400, "BadRequest", "numberType is invalid"));
  AssignNumberRequest request{"+441632960001", "user-1", "bogus", std::nullopt, std::nullopt};
  absl::Status status = api_.AssignNumber(request, h_.cancel).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(ServiceErrorCodeOf(status), "BadRequest");
  EXPECT_EQ(h_.transport.request_count(), 1u);
}

TEST_F(NumbersApiTest, UnassignWaitsForTheOperation) {
  h_.transport.Enqueue(
      MakeResponse(202, "", {{"Location", std::string(kBase) + "/operations('op-2')"}}));
  h_.transport.Enqueue(JsonResponse(200, {{"id", "op-2"}, {"status", "succeeded"}}));
  ASSERT_TRUE(api_.UnassignNumber({"0044 1632 960001", "operatorConnect"}, h_.cancel).ok());
  EXPECT_EQ(
      nlohmann::json::parse(h_.transport.requests()[0].body),
      (nlohmann::json{{"telephoneNumber", "+441632960001"}, {"numberType", "operatorConnect"}}));
}

TEST_F(NumbersApiTest, UpdateNumberLocationSetsAndClears) {
  h_.transport.Enqueue(MakeResponse(200));
  h_.transport.Enqueue(MakeResponse(200));
  h_.transport.Enqueue(MakeResponse(200));
  ASSERT_TRUE(api_.UpdateNumberLocation("+441632960001", "loc-2", h_.cancel).ok());
  ASSERT_TRUE(api_.UpdateNumberLocation("+441632960001", "", h_.cancel).ok());
  ASSERT_TRUE(api_.UpdateNumberLocation("+441632960001", std::nullopt, h_.cancel).ok());
  std::vector<HttpRequest> requests = h_.transport.requests();
  EXPECT_EQ(requests[0].url, std::string(kBase) + "/numberAssignments/updateNumber");
  EXPECT_EQ(nlohmann::json::parse(requests[0].body),
            (nlohmann::json{{"telephoneNumber", "+441632960001"}, {"locationId", "loc-2"}}));
  EXPECT_EQ(nlohmann::json::parse(requests[1].body),
            (nlohmann::json{{"telephoneNumber", "+441632960001"}, {"locationId", ""}}));
  EXPECT_EQ(nlohmann::json::parse(requests[2].body),
            (nlohmann::json{{"telephoneNumber", "+441632960001"}, {"locationId", ""}}));
}

TEST_F(NumbersApiTest, UpdateNumberOmitsUnsetFields) {
  h_.transport.Enqueue(MakeResponse(200));
  UpdateNumberRequest request;
  request.telephone_number = "+441632960001";
  request.reverse_number_lookup_options = std::vector<std::string>{"skipInternalVoip"};
  ASSERT_TRUE(api_.UpdateNumber(request, h_.cancel).ok());
  EXPECT_EQ(nlohmann::json::parse(h_.transport.requests()[0].body),
            (nlohmann::json{{"telephoneNumber", "+441632960001"},
                            {"reverseNumberLookupOptions", {"skipInternalVoip"}}}));
}

TEST_F(NumbersApiTest, LocationUpdateNotSupportedIsPermissionDenied) {
  h_.transport.Enqueue(GraphErrorResponse(403, "LocationUpdateNotSupported", "operator forbids"));
  absl::Status status = api_.UpdateNumberLocation("+441632960001", "loc-1", h_.cancel);
  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_THAT(std::string(status.message()),
              HasSubstr("updateNumber +441632960001: Forbidden (403 LocationUpdateNotSupported)"));
  EXPECT_EQ(ServiceErrorCodeOf(status), "LocationUpdateNotSupported");
}

}  // namespace
}  // namespace opc::client
