#pragma once

#include "absl/status/status.h"
#include "simulator/store/database.h"

namespace opcsim::store {

// Brings the database to the latest schema version (idempotent; each migration runs once).
absl::Status Migrate(Transaction& tx);

}  // namespace opcsim::store
