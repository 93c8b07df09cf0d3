#pragma once

#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace opcsim {

// Errors travel as absl::Status. The canonical code picks the HTTP status (see HttpStatusFor)
// and a payload carries the Graph error code ("NumbersAssigned", "InUse", ...).
//
//   InvalidArgument -> 400   Unauthenticated -> 401   PermissionDenied -> 403
//   NotFound -> 404          Unimplemented -> 405 (method not allowed)
//   FailedPrecondition / AlreadyExists -> 409
//   Aborted -> 412           ResourceExhausted -> 429  Unavailable -> 503   else 500
absl::Status ApiError(absl::StatusCode code, std::string_view graph_code, std::string_view message);

absl::Status BadRequest(std::string_view message);                               // 400 BadRequest
absl::Status BadRequest(std::string_view graph_code, std::string_view message);  // 400 <code>
absl::Status NotFoundError(std::string_view message);                            // 404 NotFound
absl::Status Conflict(std::string_view graph_code, std::string_view message);    // 409 <code>
absl::Status Forbidden(std::string_view graph_code, std::string_view message);   // 403 <code>
absl::Status PreconditionFailed(std::string_view message);                       // 412
absl::Status Unauthenticated(std::string_view message);  // 401 InvalidAuthenticationToken

int HttpStatusFor(const absl::Status& status);
// The Graph error code of a status made by ApiError, or a generic one for its HTTP status.
std::string GraphCodeOf(const absl::Status& status);

}  // namespace opcsim
