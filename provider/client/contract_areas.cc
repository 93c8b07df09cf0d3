#include "provider/client/contract_areas.h"

#include <string>

#include "provider/client/emergency_api.h"
#include "provider/client/graph_error.h"
#include "provider/client/operators_api.h"
#include "provider/client/string_util.h"

namespace opc::client {
namespace {

// Path segments that only the contract's own paths have (never Graph's /beta/admin/teams).
constexpr std::string_view kOwnSegments[] = {"operatorConnect",  "operators",      "consents",
                                             "emergencyCalling", "civicAddresses", "locations"};
constexpr std::string_view kSegmentMessagePrefix = "Resource not found for the segment '";

// The segment named by Graph's unknown-segment message, if `message` is that message.
std::optional<std::string_view> NamedSegment(std::string_view message) {
  if (!StartsWithIgnoreCase(message, kSegmentMessagePrefix)) {
    return std::nullopt;
  }
  std::string_view rest = message.substr(kSegmentMessagePrefix.size());
  const std::size_t close = rest.find('\'');
  if (close == std::string_view::npos || close == 0) {
    return std::nullopt;
  }
  const std::string_view tail = rest.substr(close + 1);
  if (!(tail.empty() || tail == ".")) {
    return std::nullopt;
  }
  return rest.substr(0, close);
}

std::size_t IndexOf(ContractArea area) { return area == ContractArea::kOperatorConnect ? 0 : 1; }

}  // namespace

std::string_view ContractAreaPath(ContractArea area) {
  return area == ContractArea::kOperatorConnect ? kOperatorConnectPath : kEmergencyCallingPath;
}

bool IsUnservedPathAnswer(const absl::Status& status) {
  const std::optional<int> http_status = HttpStatusOf(status);
  if (!http_status) {
    return false;
  }
  if (*http_status == 404) {
    return true;
  }
  if (*http_status != 400 ||
      !EqualsIgnoreCase(ServiceErrorCodeOf(status).value_or(""), "BadRequest")) {
    return false;
  }
  const std::optional<std::string> message = ServiceErrorMessageOf(status);
  const std::optional<std::string_view> segment = message ? NamedSegment(*message) : std::nullopt;
  if (!segment) {
    return false;
  }
  for (std::string_view own : kOwnSegments) {
    if (EqualsIgnoreCase(*segment, own)) {
      return true;
    }
  }
  return false;
}

absl::StatusOr<bool> ContractProbe::Serves(ContractArea area,
                                           const CancellationToken& cancel) const {
  Answer& answer = answers_[IndexOf(area)];
  {
    std::unique_lock lock(mu_);
    done_.wait(lock, [&] { return !answer.in_flight; });
    if (answer.known) {
      return *answer.known;
    }
    answer.in_flight = true;
  }
  absl::StatusOr<bool> probed = Probe(area, cancel);
  {
    std::lock_guard lock(mu_);
    answer.in_flight = false;
    if (!absl::IsCancelled(probed.status())) {
      answer.known = probed;
    }
  }
  done_.notify_all();
  return probed;
}

absl::StatusOr<bool> ContractProbe::Probe(ContractArea area,
                                          const CancellationToken& cancel) const {
  // A collection, so that a 404 cannot mean "this one object is gone".
  const std::string collection =
      area == ContractArea::kOperatorConnect ? "/operators" : "/civicAddresses";
  absl::StatusOr<GraphResponse> response =
      client_.Get(std::string(ContractAreaPath(area)) + collection, {{"$top", "1"}}, cancel);
  if (response.ok()) {
    return true;
  }
  if (IsUnservedPathAnswer(response.status())) {
    return false;
  }
  return response.status();
}

}  // namespace opc::client
