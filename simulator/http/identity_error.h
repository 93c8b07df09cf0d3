#pragma once

// The Microsoft identity platform's error format (token endpoint), which is not Graph's
// envelope: {error, error_description "AADSTSnnn: ...\r\nTrace ID: ...", error_codes,
// timestamp, trace_id, correlation_id}.

#include <nlohmann/json.hpp>
#include <string>

#include "simulator/clock.h"

namespace opcsim::http {

nlohmann::json IdentityErrorBody(const std::string& error, int aadsts,
                                 const std::string& description, SimMillis now);

// Whether `path` is the token endpoint (/{tenant}/oauth2/v2.0/token), whose errors use the
// identity platform's format.
bool IsTokenEndpoint(const std::string& path);

}  // namespace opcsim::http
