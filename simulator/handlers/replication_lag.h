#pragma once

// Graph's eventual consistency: right after a change, reads served by another replica do not
// see it yet. With a lag set, a number whose assignment completed less than the lag ago is
// invisible to reads (404 on get, left out of lists), as is a civic address or location created
// less than the lag ago. Off (0) by default; in memory only, like fault rules.

#include <atomic>
#include <set>
#include <string>

#include "absl/status/statusor.h"
#include "simulator/clock.h"
#include "simulator/store/store.h"

namespace opcsim {

class ReplicationLag {
 public:
  explicit ReplicationLag(SimMillis lag_ms = 0) : lag_ms_(lag_ms) {}
  SimMillis lag_ms() const { return lag_ms_.load(); }
  void set_lag_ms(SimMillis lag_ms) { lag_ms_.store(lag_ms); }
  // True while an object created (or changed) at `changed_ms` is still invisible at `now`.
  bool Hides(SimMillis changed_ms, SimMillis now) const {
    const SimMillis lag = lag_ms();
    return lag > 0 && now < changed_ms + lag;
  }

 private:
  std::atomic<SimMillis> lag_ms_;
};

// The tenant's telephone numbers whose assignment completed within the lag before `now`
// (operations complete `complete_after_ms` after they were accepted). Empty when the lag is 0,
// without reading anything.
absl::StatusOr<std::set<std::string>> NumbersHiddenByLag(store::Tables& tables,
                                                         const std::string& tenant_id,
                                                         SimMillis now, SimMillis complete_after_ms,
                                                         const ReplicationLag& lag);

}  // namespace opcsim
