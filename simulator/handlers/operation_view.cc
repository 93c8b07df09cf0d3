#include "simulator/handlers/operation_view.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "simulator/domain/views.h"

namespace opcsim {
namespace {

SimMillis Millis(double seconds) { return static_cast<SimMillis>(std::llround(seconds * 1000)); }

}  // namespace

std::string OperationStatusAt(const Operation& operation, SimMillis now,
                              const SimSettings& settings) {
  if (operation.settled) {
    return operation.final_status;
  }
  return now < operation.created_ms + Millis(settings.operation_start_seconds) ? "notStarted"
                                                                               : "running";
}

nlohmann::json OperationView(const Operation& operation, SimMillis now, const SimSettings& settings,
                             const std::string& base_url) {
  const std::string status = OperationStatusAt(operation, now, settings);
  nlohmann::json numbers = nlohmann::json::array();
  for (const OperationNumber& entry : operation.numbers) {
    numbers.push_back(
        {{"resourceLocation",
          absl::StrCat(base_url, kNumberManagementPath, "/numberAssignments/",
                       NumberAssignmentId(operation.tenant_id, entry.telephone_number))},
         {"status", operation.settled ? entry.status : status},
         {"statusDetail",
          entry.status_detail ? nlohmann::json(*entry.status_detail) : nlohmann::json()}});
  }
  return {{"id", operation.id},
          {"createdDateTime", FormatTimestamp(operation.created_ms)},
          {"status", status},
          {"numbers", std::move(numbers)}};
}

std::string OperationLocation(const std::string& base_url, const std::string& id) {
  return absl::StrCat(base_url, kNumberManagementPath, "/operations('", id, "')");
}

std::optional<int> OperationRetryAfter(const Operation& operation, SimMillis now,
                                       const Services& services) {
  if (operation.settled) {
    return std::nullopt;
  }
  const SimMillis remaining =
      operation.created_ms + Millis(services.settings.operation_complete_seconds) - now;
  const double real_seconds = services.clock.RealSecondsFor(std::max<SimMillis>(remaining, 0));
  return real_seconds < 1.0 ? 0 : static_cast<int>(std::ceil(real_seconds));
}

}  // namespace opcsim
