#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "simulator/clock.h"

namespace opcsim::http {

// {"error":{"code","message","innerError":{"request-id","client-request-id","date"}}}
nlohmann::json GraphErrorBody(const std::string& code, const std::string& message,
                              const std::string& request_id,
                              const std::optional<std::string>& client_request_id, SimMillis now);

}  // namespace opcsim::http
