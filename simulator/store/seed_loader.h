#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "absl/status/status.h"
#include "simulator/clock.h"
#include "simulator/store/store.h"

namespace opcsim::store {

// Loads a seed (see schemas/seed/default.json): operators, and tenants with their app
// registrations and users. Idempotent: an object whose id already exists is left as it is, so
// applying the seed on every start neither duplicates nor undoes later changes. Ids are
// required in a seed so that it means the same world every time.
absl::Status ApplySeed(Store& store, const nlohmann::json& seed, SimMillis now);
absl::Status ApplySeedFile(Store& store, const std::string& path, SimMillis now);

}  // namespace opcsim::store
