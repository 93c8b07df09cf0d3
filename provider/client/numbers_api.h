// Phone number management (Graph v1.0 /admin/teams/telephoneNumberManagement): reading the
// inventory, assigning and unassigning (long-running operations this API waits for), and
// updating a number's emergency location.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "provider/client/graph_client.h"
#include "provider/client/long_running_operation.h"
#include "provider/client/number_models.h"
#include "provider/common/cancellation.h"

namespace opc::client {

inline constexpr std::string_view kNumberManagementPath =
    "/v1.0/admin/teams/telephoneNumberManagement";

// Conditions for ListNumberAssignments, joined by "and". Unset fields do not filter.
struct NumberAssignmentFilter {
  std::optional<std::string> telephone_number;  // normalized to E.164 before use
  std::optional<std::string> operator_id;
  std::optional<std::string> number_type;
  std::optional<std::string> activation_state;
  std::optional<std::string> assignment_status;
  std::optional<std::string> assignment_category;
  std::optional<std::string> assignment_target_id;
  std::optional<std::string> iso_country_code;
  std::optional<std::string> location_id;
  std::optional<std::string> civic_address_id;
  std::optional<std::string> network_site_id;
  std::optional<std::string> number_source;
  std::optional<std::string> port_in_status;
  std::vector<std::string> capabilities;                   // each must be present
  std::vector<std::string> supported_customer_actions;     // each must be present
  std::vector<std::string> reverse_number_lookup_options;  // each must be present
};

// The $filter expression for `filter` ("" when it has no condition). Values are quoted and
// escaped; a telephone number that is not valid E.164 is InvalidArgument.
absl::StatusOr<std::string> BuildNumberAssignmentFilter(const NumberAssignmentFilter& filter);

class NumbersApi {
 public:
  NumbersApi(const GraphClient& client, const OperationPoller& poller);

  // Every number matching `filter`, across all pages (1000 per request).
  absl::StatusOr<std::vector<NumberAssignment>> ListNumberAssignments(
      const NumberAssignmentFilter& filter, const CancellationToken& cancel) const;
  // The same, one number at a time, for inventories too large to hold (stops at the first
  // error `visit` returns).
  absl::Status ForEachNumberAssignment(
      const NumberAssignmentFilter& filter,
      const std::function<absl::Status(const NumberAssignment&)>& visit,
      const CancellationToken& cancel) const;

  // NotFound if no such id.
  absl::StatusOr<NumberAssignment> GetNumberAssignment(std::string_view id,
                                                       const CancellationToken& cancel) const;

  // The number with this telephone number (any formatting accepted by NormalizeE164), via
  // $filter telephoneNumber eq. NotFound if the tenant does not have it.
  absl::StatusOr<NumberAssignment> FindNumberByTelephoneNumber(
      std::string_view telephone_number, const CancellationToken& cancel) const;

  // Starts assignNumber and waits for its operation. The telephone number is normalized to
  // E.164 first. A failed operation is FailedPrecondition naming the statusDetail.
  absl::StatusOr<LongRunningOperation> AssignNumber(AssignNumberRequest request,
                                                    const CancellationToken& cancel) const;
  // Starts unassignNumber and waits for its operation.
  absl::StatusOr<LongRunningOperation> UnassignNumber(UnassignNumberRequest request,
                                                      const CancellationToken& cancel) const;

  // updateNumber (synchronous). See UpdateNumberRequest for the "" / nullopt semantics.
  absl::Status UpdateNumber(UpdateNumberRequest request, const CancellationToken& cancel) const;
  // Sets the number's emergency location; nullopt or "" clears it.
  absl::Status UpdateNumberLocation(std::string_view telephone_number,
                                    std::optional<std::string> location_id,
                                    const CancellationToken& cancel) const;

 private:
  absl::StatusOr<LongRunningOperation> StartAndWait(std::string_view action,
                                                    const std::string& telephone_number,
                                                    nlohmann::json body,
                                                    const CancellationToken& cancel) const;

  const GraphClient& client_;
  const OperationPoller& poller_;
};

}  // namespace opc::client
