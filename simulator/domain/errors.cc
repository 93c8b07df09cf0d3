#include "simulator/domain/errors.h"

#include "absl/strings/cord.h"

namespace opcsim {
namespace {

constexpr char kGraphCodePayload[] = "opcsim.graph-code";

}  // namespace

absl::Status ApiError(absl::StatusCode code, std::string_view graph_code,
                      std::string_view message) {
  absl::Status status(code, std::string(message));
  status.SetPayload(kGraphCodePayload, absl::Cord(std::string(graph_code)));
  return status;
}

absl::Status BadRequest(std::string_view message) {
  return ApiError(absl::StatusCode::kInvalidArgument, "BadRequest", message);
}

absl::Status BadRequest(std::string_view graph_code, std::string_view message) {
  return ApiError(absl::StatusCode::kInvalidArgument, graph_code, message);
}

absl::Status NotFoundError(std::string_view message) {
  return ApiError(absl::StatusCode::kNotFound, "NotFound", message);
}

absl::Status Conflict(std::string_view graph_code, std::string_view message) {
  return ApiError(absl::StatusCode::kFailedPrecondition, graph_code, message);
}

absl::Status Forbidden(std::string_view graph_code, std::string_view message) {
  return ApiError(absl::StatusCode::kPermissionDenied, graph_code, message);
}

absl::Status PreconditionFailed(std::string_view message) {
  return ApiError(absl::StatusCode::kAborted, "PreconditionFailed", message);
}

absl::Status Unauthenticated(std::string_view message) {
  return ApiError(absl::StatusCode::kUnauthenticated, "InvalidAuthenticationToken", message);
}

int HttpStatusFor(const absl::Status& status) {
  switch (status.code()) {
    case absl::StatusCode::kOk:
      return 200;
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kOutOfRange:
      return 400;
    case absl::StatusCode::kUnauthenticated:
      return 401;
    case absl::StatusCode::kPermissionDenied:
      return 403;
    case absl::StatusCode::kNotFound:
      return 404;
    case absl::StatusCode::kUnimplemented:
      return 405;
    case absl::StatusCode::kAlreadyExists:
    case absl::StatusCode::kFailedPrecondition:
      return 409;
    case absl::StatusCode::kAborted:
      return 412;
    case absl::StatusCode::kResourceExhausted:
      return 429;
    case absl::StatusCode::kUnavailable:
      return 503;
    default:
      return 500;
  }
}

std::string GraphCodeOf(const absl::Status& status) {
  if (auto payload = status.GetPayload(kGraphCodePayload)) {
    return std::string(*payload);
  }
  switch (HttpStatusFor(status)) {
    case 400:
      return "BadRequest";
    case 401:
      return "InvalidAuthenticationToken";
    case 403:
      return "Forbidden";
    case 404:
      return "NotFound";
    case 405:
      return "MethodNotAllowed";
    case 409:
      return "Conflict";
    case 412:
      return "PreconditionFailed";
    case 429:
      return "TooManyRequests";
    case 503:
      return "ServiceUnavailable";
    default:
      return "InternalServerError";
  }
}

}  // namespace opcsim
