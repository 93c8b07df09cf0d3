#include "provider/client/long_running_operation.h"

#include <algorithm>

#include "absl/strings/escaping.h"
#include "provider/client/graph_error.h"
#include "provider/client/json_fields.h"
#include "provider/client/retry_policy.h"
#include "provider/client/string_util.h"
#include "provider/client/untrusted_text.h"
#include "provider/common/status_macros.h"

namespace opc::client {
namespace {

// A Location is polled verbatim and remembered for messages; Graph's are ~200 bytes.
constexpr std::size_t kMaxLocationBytes = 16 * 1024;

using std::chrono::milliseconds;

constexpr char kFailedOperationPayload[] = "type.opc/opc.client.FailedOperation";
constexpr char kAcceptedOperationPayload[] = "type.opc/opc.client.AcceptedOperation";
// Numbers named in a failure message; the rest are counted.
constexpr std::size_t kMaxFailuresShown = 20;

std::string DescribeNumber(const OperationNumberDetail& detail, std::size_t index,
                           const Redactor& redactor) {
  if (detail.resource_location) {
    if (auto number = TelephoneNumberFromResourceLocation(*detail.resource_location)) {
      return UntrustedText(*number, &redactor, kMaxUntrustedId);
    }
    return UntrustedText(*detail.resource_location, &redactor);
  }
  return StrCat("number #", index + 1);
}

absl::Status FailureStatus(const LongRunningOperation& operation, const Redactor& redactor) {
  std::vector<std::string> details;
  std::size_t not_shown = 0;
  for (std::size_t i = 0; i < operation.numbers.size(); ++i) {
    const OperationNumberDetail& detail = operation.numbers[i];
    if (detail.status && *detail.status == operation_status::kSucceeded) {
      continue;
    }
    if (details.size() == kMaxFailuresShown) {
      ++not_shown;
      continue;
    }
    details.push_back(StrCat(
        DescribeNumber(detail, i, redactor), ": ",
        UntrustedText(detail.status_detail.value_or(detail.status.value_or("no detail given")),
                      &redactor)));
  }
  std::string message =
      StrCat("operation '", UntrustedText(operation.id, &redactor, kMaxUntrustedId), "' failed");
  if (!details.empty()) {
    StrAppend(&message, ": ", Join(details, "; "));
  }
  if (not_shown > 0) {
    StrAppend(&message, "; and ", not_shown, " more");
  }
  absl::Status status = absl::FailedPreconditionError(message);
  status.SetPayload(kFailedOperationPayload,
                    absl::Cord(nlohmann::json(operation).dump(
                        -1, ' ', false, nlohmann::json::error_handler_t::replace)));
  return status;
}

}  // namespace

void to_json(nlohmann::json& j, const OperationNumberDetail& value) {
  j = nlohmann::json::object();
  WriteOptional(j, "resourceLocation", value.resource_location);
  WriteOptional(j, "status", value.status);
  WriteOptional(j, "statusDetail", value.status_detail);
}

void from_json(const nlohmann::json& j, OperationNumberDetail& value) {
  RequireObject(j, "operation number detail");
  ReadOptional(j, "resourceLocation", value.resource_location);
  ReadOptional(j, "status", value.status);
  ReadOptional(j, "statusDetail", value.status_detail);
}

void to_json(nlohmann::json& j, const LongRunningOperation& value) {
  j = nlohmann::json::object();
  j["id"] = value.id;
  WriteOptional(j, "createdDateTime", value.created_date_time);
  j["status"] = value.status;
  j["numbers"] = value.numbers;
}

void from_json(const nlohmann::json& j, LongRunningOperation& value) {
  RequireObject(j, "operation");
  ReadValue(j, "id", value.id);
  ReadOptional(j, "createdDateTime", value.created_date_time);
  ReadValue(j, "status", value.status);
  ReadValue(j, "numbers", value.numbers);
}

std::optional<std::string> OperationIdFromLocation(std::string_view location) {
  std::string_view path = location.substr(0, location.find_first_of("?#"));
  std::size_t at = path.rfind("operations");
  if (at == std::string_view::npos) {
    return std::nullopt;
  }
  std::string_view rest = path.substr(at + std::string_view("operations").size());
  if (ConsumePrefix(&rest, "('") && ConsumeSuffix(&rest, "')") && !rest.empty()) {
    return std::string(rest);
  }
  if (ConsumePrefix(&rest, "/") && !rest.empty() && rest.find('/') == std::string_view::npos) {
    return std::string(rest);
  }
  return std::nullopt;
}

std::optional<std::string> TelephoneNumberFromResourceLocation(std::string_view location) {
  std::string_view path = location.substr(0, location.find_first_of("?#"));
  std::string_view id = path.substr(path.rfind('/') + 1);
  if (ConsumePrefix(&id, "numberAssignments('")) {
    ConsumeSuffix(&id, "')");
  }
  // base64url as Graph writes it; the standard alphabet is accepted too (a hint only).
  std::string decoded;
  const absl::string_view encoded(id.data(), id.size());
  if (id.empty() || (!absl::WebSafeBase64Unescape(encoded, &decoded) &&
                     !absl::Base64Unescape(encoded, &decoded))) {
    return std::nullopt;
  }
  std::size_t bar = decoded.rfind('|');
  if (bar == std::string::npos || bar + 2 >= decoded.size() || decoded[bar + 1] != '+') {
    return std::nullopt;
  }
  std::string number = decoded.substr(bar + 1);
  if (!std::all_of(number.begin() + 1, number.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  return number;
}

std::optional<LongRunningOperation> FailedOperationOf(const absl::Status& status) {
  auto payload = status.GetPayload(kFailedOperationPayload);
  if (!payload) {
    return std::nullopt;
  }
  nlohmann::json j =
      nlohmann::json::parse(std::string(*payload), nullptr, /*allow_exceptions=*/false);
  absl::StatusOr<LongRunningOperation> operation = DecodeJson<LongRunningOperation>(j, "operation");
  if (!operation.ok()) {
    return std::nullopt;
  }
  return *std::move(operation);
}

OperationPoller::OperationPoller(const GraphClient& client, Clock& clock, Sleeper& sleeper,
                                 PollOptions options)
    : client_(client), clock_(clock), sleeper_(sleeper), options_(options) {}

absl::Status MarkOperationAccepted(absl::Status status, std::string_view location) {
  if (!status.ok()) {
    status.SetPayload(kAcceptedOperationPayload, absl::Cord(std::string(location)));
  }
  return status;
}

std::optional<std::string> AcceptedOperationOf(const absl::Status& status) {
  auto payload = status.GetPayload(kAcceptedOperationPayload);
  if (!payload) {
    return std::nullopt;
  }
  return std::string(*payload);
}

absl::StatusOr<LongRunningOperation> OperationPoller::WaitForAccepted(
    const GraphResponse& accepted, const CancellationToken& cancel) const {
  std::optional<std::string> location = accepted.headers.Get("Location");
  if (!location) {
    location = accepted.headers.Get("Operation-Location");
  }
  if (!location || location->empty()) {
    return absl::InternalError(
        StrCat("the service accepted the request (", accepted.status_code,
               ") but sent no Location header to follow [request-id: ", accepted.request_id, "]"));
  }
  if (location->size() > kMaxLocationBytes) {
    return absl::InternalError(StrCat("the service accepted the request (", accepted.status_code,
                                      ") but its Location header is ", location->size(),
                                      " bytes long [request-id: ", accepted.request_id, "]"));
  }
  std::optional<milliseconds> first_delay;
  if (auto retry_after = accepted.headers.Get("Retry-After")) {
    first_delay = ParseRetryAfter(*retry_after, clock_.Now());
  }
  absl::StatusOr<LongRunningOperation> operation = Wait(*location, first_delay, cancel);
  if (!operation.ok() && !FailedOperationOf(operation.status())) {
    return MarkOperationAccepted(operation.status(), *location);
  }
  return operation;
}

absl::StatusOr<LongRunningOperation> OperationPoller::Wait(std::string_view location,
                                                           std::optional<milliseconds> first_delay,
                                                           const CancellationToken& cancel) const {
  const Redactor& redactor = client_.logger().redactor();
  // From a Location header: untrusted in every message.
  const std::string where = UntrustedText(location, &redactor);
  const auto deadline = clock_.Now() + options_.timeout;
  milliseconds delay = first_delay.value_or(options_.default_interval);
  milliseconds next_zero_wait(0);  // what the next "Retry-After: 0" waits (see PollOptions)
  std::string last_status = "notStarted";
  for (int polls = 0;; ++polls) {
    auto remaining = std::chrono::duration_cast<milliseconds>(deadline - clock_.Now());
    if (polls > 0 && remaining <= milliseconds(0)) {
      return absl::DeadlineExceededError(
          StrCat("operation at ", where, " is still ",
                 UntrustedText(last_status, &redactor, kMaxUntrustedId), " after ",
                 FormatDuration(options_.timeout), " (", polls,
                 " polls; the provider's operation_timeout)"));
    }
    if (delay <= milliseconds(0)) {
      delay = next_zero_wait;
      next_zero_wait = std::min(std::max(2 * next_zero_wait, options_.zero_wait_backoff),
                                std::max(options_.zero_wait_backoff, options_.default_interval));
    }
    delay = std::min(delay, options_.max_interval);
    // The last poll happens at the deadline rather than never.
    delay = std::clamp(delay, milliseconds(0), std::max(remaining, milliseconds(0)));
    if (absl::Status slept = sleeper_.Sleep(delay, cancel); !slept.ok()) {
      return absl::CancelledError(StrCat("cancelled while waiting for the operation at ", where));
    }
    absl::StatusOr<GraphResponse> response = client_.Get(std::string(location), {}, cancel);
    if (!response.ok()) {
      // Keep the code, but make clear that polling failed, not the operation itself.
      return AnnotateStatus(response.status(), StrCat("polling operation ", where, ": "));
    }
    ASSIGN_OR_RETURN(LongRunningOperation operation,
                     DecodeJson<LongRunningOperation>(response->body, "operation"));
    last_status = operation.status;
    if (EqualsIgnoreCase(operation.status, operation_status::kSucceeded) ||
        EqualsIgnoreCase(operation.status, operation_status::kSkipped)) {
      return operation;
    }
    if (EqualsIgnoreCase(operation.status, operation_status::kFailed)) {
      return FailureStatus(operation, redactor);
    }
    client_.logger().Log(
        LogLevel::kDebug,
        StrCat("operation '", UntrustedText(operation.id, &redactor, kMaxUntrustedId), "' is ",
               UntrustedText(operation.status, &redactor, kMaxUntrustedId)));
    delay = options_.default_interval;
    if (auto retry_after = response->headers.Get("Retry-After")) {
      delay = ParseRetryAfter(*retry_after, clock_.Now()).value_or(options_.default_interval);
    }
  }
}

}  // namespace opc::client
