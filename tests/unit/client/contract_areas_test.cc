#include "provider/client/contract_areas.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "fakes.h"
#include "provider/client/graph_error.h"

namespace opc::client {
namespace {

using testing::GraphErrorResponse;
using testing::GraphHarness;
using ::testing::HasSubstr;
using testing::JsonResponse;
using testing::MakeResponse;

// The recognition of "this endpoint does not serve the contract's own paths", on the Status
// that the client makes of each answer.
struct Answer {
  std::string name;
  HttpResponse response;
  bool unserved;
};

TEST(IsUnservedPathAnswer, RecognisesNotFoundAndGraphsUnknownSegmentAnswerOnly) {
  const std::vector<Answer> table = {
      {"404 from an endpoint without the collection",
       GraphErrorResponse(404, "NotFound", "No resource at GET /beta/..."), true},
      {"404 with no body at all", MakeResponse(404), true},
      {"Graph: unknown segment operatorConnect",
       GraphErrorResponse(400, "BadRequest",
                          "Resource not found for the segment 'operatorConnect'."),
       true},
      {"Graph: unknown segment emergencyCalling",
       GraphErrorResponse(400, "BadRequest",
                          "Resource not found for the segment 'emergencyCalling'."),
       true},
      {"Graph echoes the client's spelling",
       GraphErrorResponse(400, "BadRequest",
                          "Resource not found for the segment 'EmergencyCalling'."),
       true},
      {"a deeper segment of ours",
       GraphErrorResponse(400, "BadRequest",
                          "Resource not found for the segment 'civicAddresses'."),
       true},
      {"a segment that is not one of ours",
       GraphErrorResponse(400, "BadRequest", "Resource not found for the segment 'auditLog'."),
       false},
      {"Graph's own segment: the request itself is wrong, not the area missing",
       GraphErrorResponse(400, "BadRequest", "Resource not found for the segment 'teams'."), false},
      {"an ordinary bad request",
       GraphErrorResponse(400, "BadRequest", "Invalid filter clause: syntax error at position 7."),
       false},
      {"a rule of the contract",
       GraphErrorResponse(400, "DataTransferNoticeNotAccepted",
                          "The data transfer notice must be accepted."),
       false},
      {"the segment message under another code",
       GraphErrorResponse(400, "InvalidRequest",
                          "Resource not found for the segment 'operatorConnect'."),
       false},
      {"the segment message with more after it",
       GraphErrorResponse(400, "BadRequest",
                          "Resource not found for the segment 'operatorConnect'. Also: x"),
       false},
      {"400 that is no Graph envelope", MakeResponse(400, "<html>Bad Request</html>"), false},
      {"401", GraphErrorResponse(401, "InvalidAuthenticationToken", "Access token is empty."),
       false},
      {"403", GraphErrorResponse(403, "Forbidden", "Insufficient privileges."), false},
      {"500", GraphErrorResponse(500, "InternalServerError", "oops"), false},
  };
  for (const Answer& answer : table) {
    absl::Status status = StatusFromHttpResponse(answer.response);
    EXPECT_EQ(IsUnservedPathAnswer(status), answer.unserved) << answer.name << ": " << status;
    // Annotated statuses (as the typed APIs return them) are recognised the same way.
    EXPECT_EQ(IsUnservedPathAnswer(AnnotateStatus(status, "Listing: ")), answer.unserved)
        << answer.name;
  }
  EXPECT_FALSE(IsUnservedPathAnswer(absl::UnavailableError("connection refused")));
  EXPECT_FALSE(IsUnservedPathAnswer(absl::NotFoundError("not from an HTTP answer")));
}

TEST(IsUnservedPathAnswer, AnotherBadRequestStaysAnOrdinaryErrorWithItsOwnMessage) {
  absl::Status status = StatusFromHttpResponse(
      GraphErrorResponse(400, "BadRequest", "Invalid filter clause.", "req-9"));
  EXPECT_FALSE(IsUnservedPathAnswer(status));
  EXPECT_EQ(status.code(), absl::StatusCode::kInvalidArgument);
  EXPECT_EQ(status.message(),
            "Bad Request (400 BadRequest): Invalid filter clause. [request-id: req-9]");
  EXPECT_EQ(ServiceErrorMessageOf(status), "Invalid filter clause.");
}

TEST(ContractProbe, AsksOnceForEachAreaAndKeepsTheAnswer) {
  GraphHarness h;
  h.transport.SetHandler([](const HttpRequest& request) -> absl::StatusOr<HttpResponse> {
    if (request.url.find("/emergencyCalling/") != std::string::npos) {
      return GraphErrorResponse(400, "BadRequest",
                                "Resource not found for the segment 'emergencyCalling'.");
    }
    return JsonResponse(200, {{"value", nlohmann::json::array()}});
  });
  ContractProbe probe(h.client);
  for (int i = 0; i < 3; ++i) {
    absl::StatusOr<bool> operators = probe.Serves(ContractArea::kOperatorConnect, h.cancel);
    ASSERT_TRUE(operators.ok()) << operators.status();
    EXPECT_TRUE(*operators);
    absl::StatusOr<bool> emergency = probe.Serves(ContractArea::kEmergencyCalling, h.cancel);
    ASSERT_TRUE(emergency.ok()) << emergency.status();
    EXPECT_FALSE(*emergency);
  }
  std::vector<HttpRequest> requests = h.transport.requests();
  ASSERT_EQ(requests.size(), 2u);
  EXPECT_EQ(requests[0].url,
            "https://graph.test/beta/admin/teams/operatorConnect/operators?$top=1");
  EXPECT_EQ(requests[1].url,
            "https://graph.test/beta/admin/teams/emergencyCalling/civicAddresses?$top=1");
}

TEST(ContractProbe, NotFoundMeansNotServed) {
  GraphHarness h;
  h.transport.Enqueue(GraphErrorResponse(404, "NotFound", "No such path."));
  ContractProbe probe(h.client);
  absl::StatusOr<bool> served = probe.Serves(ContractArea::kOperatorConnect, h.cancel);
  ASSERT_TRUE(served.ok()) << served.status();
  EXPECT_FALSE(*served);
}

TEST(ContractProbe, AnotherFailureIsReturnedAndKept) {
  GraphHarness h;
  h.transport.Enqueue(GraphErrorResponse(403, "Forbidden", "Insufficient privileges."));
  ContractProbe probe(h.client);
  absl::StatusOr<bool> served = probe.Serves(ContractArea::kEmergencyCalling, h.cancel);
  ASSERT_FALSE(served.ok());
  EXPECT_THAT(served.status().message(), HasSubstr("Insufficient privileges."));
  EXPECT_FALSE(probe.Serves(ContractArea::kEmergencyCalling, h.cancel).ok());
  EXPECT_EQ(h.transport.request_count(), 1u);
}

TEST(ContractProbe, ACancelledProbeIsAskedAgain) {
  GraphHarness h;
  h.transport.Enqueue(absl::CancelledError("stopped"));
  h.transport.Enqueue(JsonResponse(200, {{"value", nlohmann::json::array()}}));
  ContractProbe probe(h.client);
  EXPECT_TRUE(absl::IsCancelled(probe.Serves(ContractArea::kOperatorConnect, h.cancel).status()));
  absl::StatusOr<bool> served = probe.Serves(ContractArea::kOperatorConnect, h.cancel);
  ASSERT_TRUE(served.ok()) << served.status();
  EXPECT_TRUE(*served);
  EXPECT_EQ(h.transport.request_count(), 2u);
}

TEST(ContractProbe, ConcurrentCallersShareOneRequest) {
  GraphHarness h;
  std::mutex mu;
  std::condition_variable cv;
  bool entered = false;
  bool release = false;
  h.transport.SetHandler([&](const HttpRequest&) -> absl::StatusOr<HttpResponse> {
    std::unique_lock lock(mu);
    entered = true;
    cv.notify_all();
    cv.wait(lock, [&] { return release; });
    return GraphErrorResponse(400, "BadRequest",
                              "Resource not found for the segment 'operatorConnect'.");
  });
  ContractProbe probe(h.client);
  std::vector<std::thread> callers;
  std::vector<int> answers(8, -1);
  for (int i = 0; i < 8; ++i) {
    callers.emplace_back([&, i] {
      absl::StatusOr<bool> served = probe.Serves(ContractArea::kOperatorConnect, h.cancel);
      answers[i] = served.ok() ? static_cast<int>(*served) : 2;
    });
  }
  {
    std::unique_lock lock(mu);
    cv.wait(lock, [&] { return entered; });
    release = true;
  }
  cv.notify_all();
  for (std::thread& caller : callers) {
    caller.join();
  }
  EXPECT_EQ(h.transport.request_count(), 1u);
  EXPECT_EQ(answers, std::vector<int>(8, 0));
}

}  // namespace
}  // namespace opc::client
