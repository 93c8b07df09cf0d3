#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <string>

#include "absl/status/status.h"

namespace opcsim::http {

// W/"<hash>" over the representation's canonical JSON (object keys sorted by nlohmann::json),
// so equal content always has the same tag and a retried update is not a conflict.
std::string EtagOf(const nlohmann::json& representation);

// OK without If-Match, with "*", or with a tag equal to `current`; 412 PreconditionFailed
// otherwise.
absl::Status CheckIfMatch(const httplib::Request& request, const std::string& current);

// True when If-None-Match names `current` (or is "*"): answer 304.
bool IfNoneMatchHits(const httplib::Request& request, const std::string& current);

}  // namespace opcsim::http
