#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "simulator/domain/model.h"
#include "simulator/handlers/services.h"

namespace opcsim {

inline constexpr char kNumberManagementPath[] = "/v1.0/admin/teams/telephoneNumberManagement";

// notStarted -> running -> succeeded | failed, by the operation's age on the simulator clock.
std::string OperationStatusAt(const Operation& operation, SimMillis now,
                              const SimSettings& settings);

// The telephoneNumberLongRunningOperation representation.
nlohmann::json OperationView(const Operation& operation, SimMillis now, const SimSettings& settings,
                             const std::string& base_url);

// {base}/v1.0/admin/teams/telephoneNumberManagement/operations('{id}')
std::string OperationLocation(const std::string& base_url, const std::string& id);

// Real seconds until the operation completes (0 when under a second), or nullopt when it has.
std::optional<int> OperationRetryAfter(const Operation& operation, SimMillis now,
                                       const Services& services);

}  // namespace opcsim
