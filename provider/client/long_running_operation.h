// Long-running operations of number management: assignNumber/unassignNumber answer 202 with
// `Location: .../operations('{id}')` (and Retry-After); the operation is polled until it
// succeeds or fails. A failure names each number's statusDetail.
#pragma once

#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "provider/client/clock.h"
#include "provider/client/graph_client.h"
#include "provider/common/cancellation.h"

namespace opc::client {

// telephoneNumberLongRunningOperationDetails
struct OperationNumberDetail {
  std::optional<std::string> resource_location;  // URL of the numberAssignment
  std::optional<std::string> status;             // notStarted | running | succeeded | failed
  std::optional<std::string> status_detail;      // the failure reason

  friend bool operator==(const OperationNumberDetail&, const OperationNumberDetail&) = default;
};

// telephoneNumberLongRunningOperation
struct LongRunningOperation {
  std::string id;
  std::optional<std::string> created_date_time;
  std::string status;  // notStarted | running | succeeded | failed | skipped
  std::vector<OperationNumberDetail> numbers;

  friend bool operator==(const LongRunningOperation&, const LongRunningOperation&) = default;
};

namespace operation_status {
inline constexpr std::string_view kNotStarted = "notStarted";
inline constexpr std::string_view kRunning = "running";
inline constexpr std::string_view kSucceeded = "succeeded";
inline constexpr std::string_view kFailed = "failed";
inline constexpr std::string_view kSkipped = "skipped";
}  // namespace operation_status

void to_json(nlohmann::json& j, const OperationNumberDetail& value);
void from_json(const nlohmann::json& j, OperationNumberDetail& value);
void to_json(nlohmann::json& j, const LongRunningOperation& value);
void from_json(const nlohmann::json& j, LongRunningOperation& value);

struct PollOptions {
  // Between polls when the service sends no Retry-After.
  std::chrono::milliseconds default_interval{std::chrono::seconds(2)};
  // No floor: a wait is what Retry-After says, "0" included (the simulator at a small time
  // scale, and a fast service, finish in milliseconds). Only when the operation is still
  // running after a zero wait does the next zero wait become this, doubling on each further
  // one up to default_interval, so that a service that keeps saying 0 is not polled in a loop.
  std::chrono::milliseconds zero_wait_backoff{25};
  // Ceiling for every wait, whatever Retry-After says: a service asking for 999999 s is polled
  // at least this often (Microsoft's Graph SDKs cap a Retry-After at 180 s; operations on
  // numbers take seconds, so less here).
  std::chrono::milliseconds max_interval{std::chrono::seconds(60)};
  // Give up (DeadlineExceeded) when the operation has not finished after this long: the
  // provider's operation_timeout.
  std::chrono::milliseconds timeout{std::chrono::minutes(15)};
};

// The {id} of a Location such as ".../operations('abc')" or ".../operations/abc".
std::optional<std::string> OperationIdFromLocation(std::string_view location);

// The telephone number behind a numberAssignment URL, if its id decodes as the
// base64url of "{tenantId}|+E164" (what Graph uses today; treated as a hint only).
std::optional<std::string> TelephoneNumberFromResourceLocation(std::string_view location);

// The failed operation carried by a Status returned by OperationPoller, if any.
std::optional<LongRunningOperation> FailedOperationOf(const absl::Status& status);

// Marks a wait that ended without an outcome (stopped, timed out, a poll failed) for an
// operation the service had accepted: the change may still happen in the tenant, so the caller
// records what it knows instead of dropping it (docs/design/interruptions.md).
absl::Status MarkOperationAccepted(absl::Status status, std::string_view location);
// The accepted operation's Location, if `status` was marked by MarkOperationAccepted.
std::optional<std::string> AcceptedOperationOf(const absl::Status& status);

class OperationPoller {
 public:
  OperationPoller(const GraphClient& client, Clock& clock, Sleeper& sleeper, PollOptions options);

  // Polls `location` (absolute, or a path on the endpoint) until the operation ends. Returns
  // the operation when it succeeded or was skipped; FailedPrecondition naming each failed
  // number's statusDetail (the operation attached, see FailedOperationOf) when it failed;
  // DeadlineExceeded after the timeout; Cancelled as soon as `cancel` fires.
  // `first_delay` is the wait before the first poll (the 202's Retry-After, if any).
  absl::StatusOr<LongRunningOperation> Wait(std::string_view location,
                                            std::optional<std::chrono::milliseconds> first_delay,
                                            const CancellationToken& cancel) const;

  // Wait() for the operation that a 202 Accepted response announced.
  absl::StatusOr<LongRunningOperation> WaitForAccepted(const GraphResponse& accepted,
                                                       const CancellationToken& cancel) const;

 private:
  const GraphClient& client_;
  Clock& clock_;
  Sleeper& sleeper_;
  PollOptions options_;
};

}  // namespace opc::client
