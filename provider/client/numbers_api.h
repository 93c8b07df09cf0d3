// Phone number management (Graph v1.0 /admin/teams/telephoneNumberManagement): reading the
// inventory, assigning and unassigning (long-running operations this API waits for), and
// updating a number's emergency location.
#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "provider/client/clock.h"
#include "provider/client/collection_cache.h"
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

// How reads share listings and wait out Graph's replication lag (see collection_cache.h).
struct NumberReadOptions {
  SharedListingOptions listing;
  // Right after this process assigns a number, Graph may answer from a replica that has not
  // seen the assignment yet (404, or the number without it). Reads after a write retry that
  // for at most this long, waiting `read_after_write_interval` between tries.
  std::chrono::milliseconds read_after_write_timeout{std::chrono::seconds(30)};
  std::chrono::milliseconds read_after_write_interval{std::chrono::seconds(1)};
};

class NumbersApi {
 public:
  NumbersApi(const GraphClient& client, const OperationPoller& poller,
             const Clock& clock = SystemClock(), Sleeper& sleeper = RealSleeper(),
             NumberReadOptions options = {});
  ~NumbersApi();

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

  // The same number for a refresh: answered from the listing this process shares between
  // reads when enough reads ask for numbers (see SharedListing), else by
  // FindNumberByTelephoneNumber.
  absl::StatusOr<NumberAssignment> ReadNumber(std::string_view telephone_number,
                                              const CancellationToken& cancel) const;

  // FindNumberByTelephoneNumber right after this process wrote the number: NotFound, or a
  // number that `written` (if given) does not accept yet, is retried until
  // NumberReadOptions::read_after_write_timeout has passed on the injected clock; then the
  // last answer is returned.
  absl::StatusOr<NumberAssignment> FindNumberAfterWrite(
      std::string_view telephone_number, const CancellationToken& cancel,
      const std::function<bool(const NumberAssignment&)>& written = nullptr) const;

  // Reads and listing statistics (tests, logs).
  SharedListingStats listing_stats() const;

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
  const Clock& clock_;
  Sleeper& sleeper_;
  const NumberReadOptions options_;
  std::unique_ptr<SharedListing> listing_;  // whole inventory, keyed by E.164 number
};

}  // namespace opc::client
