// Turns a failed Graph response (the `{"error":{code,message,innerError}}` envelope) into an
// absl::Status whose message carries the service's code, message and request id, e.g.
//   Conflict (409 NumbersAssigned): Numbers are assigned: +14255550100 [request-id: 7f3e...]
// Status codes: 400 InvalidArgument, 401 Unauthenticated, 403 PermissionDenied, 404 NotFound,
// 409 AlreadyExists (service code naming a duplicate) or FailedPrecondition (rule violation),
// 412 Aborted (stale If-Match), 429 ResourceExhausted, 5xx Unavailable/Internal, 408/504
// DeadlineExceeded. The HTTP status and service code are also attached as a payload, so
// callers can branch on them without parsing the message (HttpStatusOf, ServiceErrorCodeOf).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "provider/client/http_transport.h"
#include "provider/client/redaction.h"

namespace opc::client {

struct GraphError {
  int http_status = 0;
  std::string code;        // error.code (or the x-ms-error-code header), e.g. "NumbersAssigned"
  std::string message;     // error.message, or the start of a body that is no envelope
  std::string request_id;  // innerError.request-id, else the request-id header
  std::string client_request_id;
  std::string date;
  // `message` is the start of a body that is no envelope, not a service message.
  bool message_is_body_excerpt = false;
};

GraphError ParseGraphError(const HttpResponse& response);

// "Not Found", "Conflict", ...; "HTTP 599" for codes without a phrase.
std::string HttpReasonPhrase(int http_status);

absl::StatusCode StatusCodeForHttpError(int http_status, std::string_view service_code);

// "Conflict (409 NumbersAssigned): message [request-id: id]". Every field came from the
// response, so each is bounded, sanitised and redacted (see untrusted_text.h); with a null
// `redactor`, by the credential patterns alone.
std::string FormatGraphError(const GraphError& error, const Redactor* redactor = nullptr);

// The Status for `error`; its message is passed through `redactor` when one is given.
absl::Status GraphErrorToStatus(const GraphError& error, const Redactor* redactor = nullptr);

// ParseGraphError + GraphErrorToStatus for a non-2xx response.
absl::Status StatusFromHttpResponse(const HttpResponse& response,
                                    const Redactor* redactor = nullptr);

// `prefix` + status.message() + `suffix`, with the same code and payloads (so HttpStatusOf,
// ServiceErrorCodeOf and FailedOperationOf still work). OK stays OK.
absl::Status AnnotateStatus(const absl::Status& status, std::string_view prefix,
                            std::string_view suffix = "");

// The HTTP status / service error code / service message (error.message, redacted) recorded in
// a Status made by GraphErrorToStatus.
std::optional<int> HttpStatusOf(const absl::Status& status);
std::optional<std::string> ServiceErrorCodeOf(const absl::Status& status);
std::optional<std::string> ServiceErrorMessageOf(const absl::Status& status);

}  // namespace opc::client
