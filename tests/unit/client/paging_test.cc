#include "provider/client/paging.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes.h"
#include "provider/client/number_models.h"

namespace opc::client {
namespace {

using testing::GraphErrorResponse;
using testing::GraphHarness;
using ::testing::HasSubstr;
using testing::JsonResponse;

GraphRequest GetRequest(std::string path) {
  GraphRequest request;
  request.path = std::move(path);
  return request;
}

nlohmann::json Page(std::vector<int> ids, std::optional<std::string> next) {
  nlohmann::json body = {{"value", nlohmann::json::array()}};
  for (int id : ids) {
    body["value"].push_back({{"id", std::to_string(id)}});
  }
  if (next) {
    body["@odata.nextLink"] = *next;
  }
  return body;
}

TEST(Paging, FollowsNextLinkVerbatimOverThreePages) {
  GraphHarness h;
  const std::string page2 =
      "https://graph.test/v1.0/items?$filter=status%20eq%20%27active%27&$top=1000&$skip=2";
  // An opaque token with characters a client must not re-encode or reorder.
  const std::string page3 =
      "https://graph.test/v1.0/items?$skiptoken=X%2FY%2B%3D%3D&zeta=1&$top=1000";
  h.transport.Enqueue(JsonResponse(200, Page({1, 2}, page2)));
  h.transport.Enqueue(JsonResponse(200, Page({3, 4}, page3)));
  h.transport.Enqueue(JsonResponse(200, Page({5}, std::nullopt)));

  GraphRequest first;
  first.path = "/v1.0/items";
  first.query = {{"$filter", "status eq 'active'"}};
  absl::StatusOr<std::vector<nlohmann::json>> items = ListAllItems(h.client, first, h.cancel);
  ASSERT_TRUE(items.ok()) << items.status();
  ASSERT_EQ(items->size(), 5u);
  EXPECT_EQ((*items)[4]["id"], "5");

  std::vector<HttpRequest> requests = h.transport.requests();
  ASSERT_EQ(requests.size(), 3u);
  EXPECT_EQ(requests[0].url,
            "https://graph.test/v1.0/items?$filter=status%20eq%20%27active%27&$top=1000");
  EXPECT_EQ(requests[1].url, page2);
  EXPECT_EQ(requests[2].url, page3);
  for (const HttpRequest& request : requests) {
    EXPECT_EQ(request.method, HttpMethod::kGet);
    EXPECT_EQ(request.headers.Get("Authorization"), "Bearer test-access-token");
  }
}

TEST(Paging, KeepsACallersTop) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, Page({}, std::nullopt)));
  GraphRequest first;
  first.path = "/v1.0/items";
  first.query = {{"$top", "10"}};
  ASSERT_TRUE(ListAllItems(h.client, first, h.cancel).ok());
  EXPECT_EQ(h.transport.requests()[0].url, "https://graph.test/v1.0/items?$top=10");
}

TEST(Paging, RepeatedNextLinkIsAnError) {
  GraphHarness h;
  const std::string loop = "https://graph.test/v1.0/items?$skip=1";
  h.transport.Enqueue(JsonResponse(200, Page({1}, loop)));
  h.transport.Enqueue(JsonResponse(200, Page({2}, loop)));
  absl::StatusOr<std::vector<nlohmann::json>> items =
      ListAllItems(h.client, GetRequest("/v1.0/items"), h.cancel);
  EXPECT_EQ(items.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(items.status().message()), HasSubstr("same @odata.nextLink twice"));
}

TEST(Paging, MissingValueIsAnError) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, {{"items", nlohmann::json::array()}}));
  EXPECT_EQ(ListAllItems(h.client, GetRequest("/x"), h.cancel).status().code(),
            absl::StatusCode::kInternal);
}

TEST(Paging, ErrorOnALaterPagePropagates) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, Page({1}, "https://graph.test/x?p=2")));
  h.transport.Enqueue(GraphErrorResponse(400, "BadRequest", "$top out of range"));
  absl::Status status = ListAllItems(h.client, GetRequest("/x"), h.cancel).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_THAT(std::string(status.message()), HasSubstr("$top out of range"));
}

TEST(Paging, VisitorErrorStopsPaging) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, Page({1, 2}, "https://graph.test/x?p=2")));
  int seen = 0;
  absl::Status status = ForEachItem(
      h.client, GetRequest("/x"),
      [&](const nlohmann::json&) {
        ++seen;
        return absl::CancelledError("enough");
      },
      h.cancel);
  EXPECT_EQ(status.code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(seen, 1);
  EXPECT_EQ(h.transport.request_count(), 1u);
}

TEST(Paging, TypedListReportsShapeErrors) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, {{"value", {{{"id", "a"}, {"capabilities", "oops"}}}}}));
  absl::StatusOr<std::vector<NumberAssignment>> numbers =
      ListAll<NumberAssignment>(h.client, GetRequest("/x"), "numberAssignment", h.cancel);
  EXPECT_EQ(numbers.status().code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(numbers.status().message()),
              HasSubstr("unexpected numberAssignment in the response"));
  EXPECT_THAT(std::string(numbers.status().message()), HasSubstr("capabilities"));
}

TEST(Paging, NextLinkToAnotherHostIsRefused) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, Page({1}, "https://elsewhere.test/x?p=2")));
  absl::Status status = ListAllItems(h.client, GetRequest("/x"), h.cancel).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kPermissionDenied);
  EXPECT_EQ(h.transport.request_count(), 1u);
}

}  // namespace
}  // namespace opc::client
