// The contract's own areas: Graph-style paths of this project (schemas/tenant-api.yaml) for
// which Microsoft publishes no API, operator consents and the catalog
// (/beta/admin/teams/operatorConnect) and emergency addresses and places
// (/beta/admin/teams/emergencyCalling). Microsoft's Graph answers them as it answers any path
// segment it does not know, so a resource that needs them asks ContractProbe first and refuses
// at plan instead of failing at apply with a raw API error.
#pragma once

#include <array>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string_view>

#include "absl/status/statusor.h"
#include "provider/client/graph_client.h"
#include "provider/common/cancellation.h"

namespace opc::client {

enum class ContractArea { kOperatorConnect, kEmergencyCalling };

// "/beta/admin/teams/operatorConnect" or "/beta/admin/teams/emergencyCalling".
std::string_view ContractAreaPath(ContractArea area);

// Whether `status`, the failure of a request for a collection of the contract's own paths, says
// the endpoint does not serve those paths at all:
//   - 404: an endpoint that has no such collection;
//   - 400 BadRequest "Resource not found for the segment '<segment>'.", Graph's answer to an
//     unknown path segment, when <segment> is one of the contract's own (operatorConnect,
//     operators, consents, emergencyCalling, civicAddresses, locations; any case, as Graph
//     echoes the client's spelling).
// Any other 400 (another message, or a segment that is not ours) is an ordinary API error.
bool IsUnservedPathAnswer(const absl::Status& status);

// Finds out, once per area and process, whether the endpoint serves the area: one GET of a
// collection in it ($top=1) the first time it is asked, its answer kept for the client's
// lifetime. Concurrent callers wait for the one request in flight. Thread-safe.
class ContractProbe {
 public:
  explicit ContractProbe(const GraphClient& client) : client_(client) {}

  // true: served; false: the endpoint answered as one that does not serve the area
  // (IsUnservedPathAnswer). Any other failure (credentials, network, throttling after retries)
  // is returned as is and kept too, except a cancellation, which the next caller retries.
  absl::StatusOr<bool> Serves(ContractArea area, const CancellationToken& cancel) const;

 private:
  struct Answer {
    bool in_flight = false;
    std::optional<absl::StatusOr<bool>> known;
  };
  absl::StatusOr<bool> Probe(ContractArea area, const CancellationToken& cancel) const;

  const GraphClient& client_;
  mutable std::mutex mu_;
  mutable std::condition_variable done_;
  mutable std::array<Answer, 2> answers_;
};

}  // namespace opc::client
