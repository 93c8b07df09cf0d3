// What Microsoft publishes of the tenant API, for the simulator's --graph-public-only mode: the
// contract's own areas (operator consents and the catalog, emergency addresses and places) are
// Graph-style paths Microsoft does not serve, and Graph answers a path segment it does not know
// with 400 BadRequest "Resource not found for the segment '<segment>'." (see
// docs/design/tenant-api.md, "How Graph answers a path it does not serve").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace opcsim::http {

// The first segment of `path` that Microsoft's Graph does not serve, as the client spelled it,
// when `path` lies in one of the contract's own areas (/beta/admin/teams/operatorConnect...,
// /beta/admin/teams/emergencyCalling...); nullopt for every other path. Graph matches segments
// case-insensitively, so this does too.
std::optional<std::string> UnpublishedSegment(std::string_view path);

// Graph's answer to an unknown segment: 400 BadRequest
// "Resource not found for the segment '<segment>'.".
absl::Status SegmentNotFound(std::string_view segment);

}  // namespace opcsim::http
