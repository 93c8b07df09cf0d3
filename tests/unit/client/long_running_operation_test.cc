#include "provider/client/long_running_operation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "fakes.h"

namespace opc::client {
namespace {

using std::chrono::milliseconds;
using std::chrono::minutes;
using std::chrono::seconds;
using ::testing::ElementsAre;
using testing::GraphErrorResponse;
using testing::GraphHarness;
using ::testing::HasSubstr;
using testing::JsonResponse;
using testing::MakeResponse;

constexpr char kLocation[] =
    "https://graph.test/v1.0/admin/teams/telephoneNumberManagement/operations('op-1')";
// base64url("11111111-2222-3333-4444-555555555555|+441632960001"), no padding.
constexpr char kNumberLocation[] =
    "https://graph.test/v1.0/admin/teams/telephoneNumberManagement/numberAssignments/"
    "MTExMTExMTEtMjIyMi0zMzMzLTQ0NDQtNTU1NTU1NTU1NTU1fCs0NDE2MzI5NjAwMDE";

nlohmann::json Operation(const std::string& status, const std::string& number_status = "",
                         std::optional<std::string> detail = std::nullopt) {
  nlohmann::json number = {{"resourceLocation", kNumberLocation},
                           {"status", number_status.empty() ? status : number_status},
                           {"statusDetail", detail ? nlohmann::json(*detail) : nullptr}};
  return {{"id", "op-1"},
          {"createdDateTime", "2026-11-25T03:04:05Z"},
          {"status", status},
          {"numbers", {number}}};
}

GraphResponse Accepted(std::optional<std::string> retry_after) {
  GraphResponse accepted;
  accepted.status_code = 202;
  accepted.headers.Set("Location", kLocation);
  if (retry_after) {
    accepted.headers.Set("Retry-After", *retry_after);
  }
  return accepted;
}

PollOptions Options() {
  PollOptions options;
  options.default_interval = seconds(2);
  options.zero_wait_backoff = milliseconds(25);
  options.timeout = minutes(5);
  return options;
}

TEST(OperationIdFromLocation, BothForms) {
  EXPECT_EQ(OperationIdFromLocation(kLocation), "op-1");
  EXPECT_EQ(OperationIdFromLocation("https://h/v1.0/x/operations/abc-123"), "abc-123");
  EXPECT_EQ(OperationIdFromLocation("/v1.0/x/operations('a')?x=1"), "a");
  EXPECT_EQ(OperationIdFromLocation("https://h/v1.0/x/numbers/abc"), std::nullopt);
  EXPECT_EQ(OperationIdFromLocation("https://h/operations('')"), std::nullopt);
}

TEST(TelephoneNumberFromResourceLocation, DecodesTheGraphId) {
  EXPECT_EQ(TelephoneNumberFromResourceLocation(kNumberLocation), "+441632960001");
  EXPECT_EQ(TelephoneNumberFromResourceLocation("https://h/numberAssignments/opaque!"),
            std::nullopt);
  EXPECT_EQ(TelephoneNumberFromResourceLocation("https://h/numberAssignments/YWJj"),
            std::nullopt);  // "abc": no '|+digits'
}

TEST(OperationPoller, PollsUntilSucceededHonouringRetryAfter) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, Operation("notStarted"), {{"Retry-After", "3"}}));
  h.transport.Enqueue(JsonResponse(200, Operation("running"), {{"Retry-After", "5"}}));
  h.transport.Enqueue(JsonResponse(200, Operation("running")));  // no Retry-After: default
  h.transport.Enqueue(JsonResponse(200, Operation("succeeded")));
  OperationPoller poller(h.client, h.clock, h.sleeper, Options());
  absl::StatusOr<LongRunningOperation> operation = poller.WaitForAccepted(Accepted("1"), h.cancel);
  ASSERT_TRUE(operation.ok()) << operation.status();
  EXPECT_EQ(operation->id, "op-1");
  EXPECT_EQ(operation->status, "succeeded");
  ASSERT_EQ(operation->numbers.size(), 1u);
  EXPECT_EQ(operation->numbers[0].status_detail, std::nullopt);
  EXPECT_THAT(h.sleeper.sleeps(), ElementsAre(seconds(1), seconds(3), seconds(5), seconds(2)));
  for (const HttpRequest& request : h.transport.requests()) {
    EXPECT_EQ(request.url, kLocation);  // polled verbatim
    EXPECT_EQ(request.method, HttpMethod::kGet);
  }
}

TEST(OperationPoller, FailureCarriesEachNumbersStatusDetail) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(
      200, Operation("failed", "failed",
                     "Number +441632960001 is assigned to another target (7f0c...).")));
  OperationPoller poller(h.client, h.clock, h.sleeper, Options());
  absl::StatusOr<LongRunningOperation> operation =
      poller.WaitForAccepted(Accepted(std::nullopt), h.cancel);
  ASSERT_FALSE(operation.ok());
  EXPECT_EQ(operation.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_EQ(operation.status().message(),
            "operation 'op-1' failed: +441632960001: Number +441632960001 is assigned to "
            "another target (7f0c...).");
  std::optional<LongRunningOperation> failed = FailedOperationOf(operation.status());
  ASSERT_TRUE(failed.has_value());
  EXPECT_EQ(failed->numbers.at(0).status_detail,
            "Number +441632960001 is assigned to another target (7f0c...).");
}

TEST(OperationPoller, TimesOut) {
  GraphHarness h;
  h.transport.SetHandler([](const HttpRequest&) -> absl::StatusOr<HttpResponse> {
    return JsonResponse(200, Operation("running"), {{"Retry-After", "60"}});
  });
  PollOptions options = Options();
  options.timeout = minutes(3);
  OperationPoller poller(h.client, h.clock, h.sleeper, options);
  absl::StatusOr<LongRunningOperation> operation = poller.Wait(kLocation, seconds(60), h.cancel);
  EXPECT_EQ(operation.status().code(), absl::StatusCode::kDeadlineExceeded);
  EXPECT_THAT(std::string(operation.status().message()),
              HasSubstr("is still running after 3m (3 polls"));
  EXPECT_THAT(h.sleeper.sleeps(), ElementsAre(seconds(60), seconds(60), seconds(60)));
}

TEST(OperationPoller, LastPollHappensAtTheDeadline) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, Operation("running"), {{"Retry-After", "50"}}));
  h.transport.Enqueue(JsonResponse(200, Operation("succeeded")));
  PollOptions options = Options();
  options.timeout = seconds(60);
  OperationPoller poller(h.client, h.clock, h.sleeper, options);
  ASSERT_TRUE(poller.Wait(kLocation, seconds(30), h.cancel).ok());
  EXPECT_THAT(h.sleeper.sleeps(), ElementsAre(seconds(30), seconds(30)));
}

TEST(OperationPoller, RetryAfterZeroIsHonouredWithoutAFloor) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, Operation("succeeded")));
  OperationPoller poller(h.client, h.clock, h.sleeper, Options());
  ASSERT_TRUE(poller.WaitForAccepted(Accepted("0"), h.cancel).ok());
  EXPECT_THAT(h.sleeper.sleeps(), ElementsAre(milliseconds(0)));
  EXPECT_EQ(h.transport.request_count(), 1u);
}

TEST(OperationPoller, RepeatedRetryAfterZeroBacksOffUpToTheDefaultInterval) {
  GraphHarness h;
  for (int i = 0; i < 9; ++i) {
    h.transport.Enqueue(JsonResponse(200, Operation("running"), {{"Retry-After", "0"}}));
  }
  h.transport.Enqueue(JsonResponse(200, Operation("running"), {{"Retry-After", "3"}}));
  h.transport.Enqueue(JsonResponse(200, Operation("succeeded")));
  OperationPoller poller(h.client, h.clock, h.sleeper, Options());
  ASSERT_TRUE(poller.WaitForAccepted(Accepted("0"), h.cancel).ok());
  // The first zero wait as said, then 25 ms doubling, capped at the 2 s default interval; a
  // positive Retry-After is still taken as said.
  EXPECT_THAT(h.sleeper.sleeps(),
              ElementsAre(milliseconds(0), milliseconds(25), milliseconds(50), milliseconds(100),
                          milliseconds(200), milliseconds(400), milliseconds(800),
                          milliseconds(1600), seconds(2), seconds(2), seconds(3)));
}

TEST(OperationPoller, CancellationStopsTheWait) {
  GraphHarness h;
  CancellationSource source;
  h.sleeper.set_on_sleep([&](milliseconds) { source.Cancel(); });
  OperationPoller poller(h.client, h.clock, h.sleeper, Options());
  absl::StatusOr<LongRunningOperation> operation =
      poller.WaitForAccepted(Accepted("5"), source.Token());
  EXPECT_EQ(operation.status().code(), absl::StatusCode::kCancelled);
  EXPECT_EQ(h.transport.request_count(), 0u);
  // The service accepted the change: the caller learns that it may still happen.
  EXPECT_EQ(AcceptedOperationOf(operation.status()), Accepted("5").headers.Get("Location"));
}

TEST(OperationPoller, AFailedOperationIsNotMarkedAccepted) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, Operation("failed")));
  OperationPoller poller(h.client, h.clock, h.sleeper, Options());
  absl::Status status = poller.WaitForAccepted(Accepted("0"), h.cancel).status();
  ASSERT_FALSE(status.ok());
  EXPECT_FALSE(AcceptedOperationOf(status).has_value());
  EXPECT_FALSE(AcceptedOperationOf(absl::CancelledError("before sending")).has_value());
}

TEST(OperationPoller, MissingLocationIsAnError) {
  GraphHarness h;
  GraphResponse accepted;
  accepted.status_code = 202;
  accepted.request_id = "r-3";
  OperationPoller poller(h.client, h.clock, h.sleeper, Options());
  absl::Status status = poller.WaitForAccepted(accepted, h.cancel).status();
  EXPECT_EQ(status.code(), absl::StatusCode::kInternal);
  EXPECT_THAT(std::string(status.message()), HasSubstr("no Location header"));
}

TEST(OperationPoller, PollErrorsPropagate) {
  GraphHarness h;
  h.transport.Enqueue(GraphErrorResponse(404, "NotFound", "no such operation"));
  OperationPoller poller(h.client, h.clock, h.sleeper, Options());
  absl::Status status = poller.Wait(kLocation, std::nullopt, h.cancel).status();
  EXPECT_TRUE(absl::IsNotFound(status));
  EXPECT_THAT(std::string(status.message()),
              HasSubstr(std::string("polling operation ") + kLocation +
                        ": Not Found (404 NotFound): no such operation"));
}

TEST(OperationPoller, RelativeLocationIsResolvedAgainstTheEndpoint) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, Operation("succeeded")));
  OperationPoller poller(h.client, h.clock, h.sleeper, Options());
  ASSERT_TRUE(poller.Wait("/v1.0/ops/operations('op-1')", std::nullopt, h.cancel).ok());
  EXPECT_EQ(h.transport.requests()[0].url, "https://graph.test/v1.0/ops/operations('op-1')");
}

TEST(OperationPoller, SkippedCountsAsDone) {
  GraphHarness h;
  h.transport.Enqueue(JsonResponse(200, Operation("skipped")));
  OperationPoller poller(h.client, h.clock, h.sleeper, Options());
  absl::StatusOr<LongRunningOperation> operation = poller.Wait(kLocation, std::nullopt, h.cancel);
  ASSERT_TRUE(operation.ok());
  EXPECT_EQ(operation->status, "skipped");
}

}  // namespace
}  // namespace opc::client
