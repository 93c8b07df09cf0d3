#pragma once

#include "absl/status/status.h"
#include "simulator/store/database.h"

namespace opcsim::store {

// The condition (over the operations table's `doc`) of an operation not yet settled; the
// partial index operations_pending is built on it, so queries must use it verbatim.
inline constexpr char kPendingOperationCondition[] = "json_extract(doc, '$.settled') = 0";

// Brings the database to the latest schema version (idempotent; each migration runs once).
absl::Status Migrate(Transaction& tx);

}  // namespace opcsim::store
