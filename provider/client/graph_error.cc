#include "provider/client/graph_error.h"

#include <nlohmann/json.hpp>

#include "provider/client/bounded_json.h"
#include "provider/client/string_util.h"
#include "provider/client/untrusted_text.h"

namespace opc::client {
namespace {

constexpr char kPayloadUrl[] = "type.opc/opc.client.GraphError";
constexpr char kMessagePayloadUrl[] = "type.opc/opc.client.GraphErrorMessage";

std::string StringField(const nlohmann::json& object, std::string_view key) {
  if (!object.is_object()) {
    return "";
  }
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) {
    return "";
  }
  return it->get<std::string>();
}

// A service message may be long (validation details), but not unbounded.
constexpr std::size_t kMaxServiceMessage = 1000;

}  // namespace

GraphError ParseGraphError(const HttpResponse& response) {
  GraphError error;
  error.http_status = response.status_code;
  nlohmann::json body = ParseBoundedJson(response.body).value_or(nlohmann::json());
  const nlohmann::json* envelope = nullptr;
  if (body.is_object()) {
    auto it = body.find("error");
    if (it != body.end() && it->is_object()) {
      envelope = &*it;
    }
  }
  if (envelope != nullptr) {
    error.code = StringField(*envelope, "code");
    error.message = StringField(*envelope, "message");
    for (std::string_view inner_key : {"innerError", "innererror"}) {
      auto inner = envelope->find(inner_key);
      if (inner != envelope->end() && inner->is_object()) {
        error.request_id = StringField(*inner, "request-id");
        error.client_request_id = StringField(*inner, "client-request-id");
        error.date = StringField(*inner, "date");
        break;
      }
    }
  } else if (!response.body.empty()) {
    // Made safe for a message by FormatGraphError, like every field. The redaction window
    // must hold a secret that starts within the excerpt.
    error.message =
        std::string(StripWhitespace(std::string_view(response.body).substr(0, 64 * 1024)));
    error.message_is_body_excerpt = true;
  }
  if (error.code.empty()) {
    error.code = response.headers.Get("x-ms-error-code").value_or("");
  }
  if (error.request_id.empty()) {
    error.request_id = response.headers.Get("request-id").value_or("");
  }
  if (error.client_request_id.empty()) {
    error.client_request_id = response.headers.Get("client-request-id").value_or("");
  }
  return error;
}

std::string HttpReasonPhrase(int http_status) {
  switch (http_status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 408:
      return "Request Timeout";
    case 409:
      return "Conflict";
    case 410:
      return "Gone";
    case 412:
      return "Precondition Failed";
    case 413:
      return "Payload Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 501:
      return "Not Implemented";
    case 502:
      return "Bad Gateway";
    case 503:
      return "Service Unavailable";
    case 504:
      return "Gateway Timeout";
    default:
      return StrCat("HTTP ", http_status);
  }
}

absl::StatusCode StatusCodeForHttpError(int http_status, std::string_view service_code) {
  switch (http_status) {
    case 400:
    case 413:
    case 415:
    case 422:
      return absl::StatusCode::kInvalidArgument;
    case 401:
      return absl::StatusCode::kUnauthenticated;
    case 403:
      return absl::StatusCode::kPermissionDenied;
    case 404:
    case 410:
      return absl::StatusCode::kNotFound;
    case 408:
    case 504:
      return absl::StatusCode::kDeadlineExceeded;
    case 409:
      // A duplicate create is "already exists"; every other conflict is a broken rule
      // (NumbersAssigned, InUse, DefaultLocation, ...) the user must resolve first.
      if (ContainsIgnoreCase(service_code, "AlreadyExists") ||
          ContainsIgnoreCase(service_code, "Duplicate")) {
        return absl::StatusCode::kAlreadyExists;
      }
      return absl::StatusCode::kFailedPrecondition;
    case 412:
      return absl::StatusCode::kAborted;
    case 429:
      return absl::StatusCode::kResourceExhausted;
    case 501:
      return absl::StatusCode::kUnimplemented;
    case 502:
    case 503:
      return absl::StatusCode::kUnavailable;
    default:
      if (http_status >= 500) {
        return absl::StatusCode::kInternal;
      }
      return absl::StatusCode::kUnknown;
  }
}

std::string FormatGraphError(const GraphError& error, const Redactor* redactor) {
  std::string text = StrCat(HttpReasonPhrase(error.http_status), " (", error.http_status);
  if (!error.code.empty()) {
    StrAppend(&text, " ", UntrustedText(error.code, redactor, kMaxUntrustedId));
  }
  StrAppend(&text, ")");
  if (!error.message.empty()) {
    StrAppend(
        &text, ": ",
        UntrustedText(error.message, redactor,
                      error.message_is_body_excerpt ? kMaxUntrustedText : kMaxServiceMessage));
  }
  if (!error.request_id.empty()) {
    StrAppend(&text, " [request-id: ", UntrustedText(error.request_id, redactor, kMaxUntrustedId),
              "]");
  }
  return text;
}

absl::Status GraphErrorToStatus(const GraphError& error, const Redactor* redactor) {
  std::string message = FormatGraphError(error, redactor);
  absl::Status status(StatusCodeForHttpError(error.http_status, error.code), message);
  status.SetPayload(kPayloadUrl, absl::Cord(StrCat(error.http_status, "\n", error.code)));
  // Bounded, valid UTF-8 and redacted like every other piece of response data in a message.
  const std::string service_message = UntrustedText(error.message, redactor);
  status.SetPayload(kMessagePayloadUrl, absl::Cord(service_message));
  return status;
}

absl::Status StatusFromHttpResponse(const HttpResponse& response, const Redactor* redactor) {
  return GraphErrorToStatus(ParseGraphError(response), redactor);
}

absl::Status AnnotateStatus(const absl::Status& status, std::string_view prefix,
                            std::string_view suffix) {
  if (status.ok()) {
    return status;
  }
  absl::Status annotated(status.code(), StrCat(prefix, StatusMessage(status), suffix));
  status.ForEachPayload([&](absl::string_view url, const absl::Cord& payload) {
    annotated.SetPayload(url, payload);
  });
  return annotated;
}

std::optional<int> HttpStatusOf(const absl::Status& status) {
  auto payload = status.GetPayload(kPayloadUrl);
  if (!payload) {
    return std::nullopt;
  }
  std::string text(*payload);
  int64_t code = 0;
  if (!ParseInt64(std::string_view(text).substr(0, text.find('\n')), &code)) {
    return std::nullopt;
  }
  return static_cast<int>(code);
}

std::optional<std::string> ServiceErrorCodeOf(const absl::Status& status) {
  auto payload = status.GetPayload(kPayloadUrl);
  if (!payload) {
    return std::nullopt;
  }
  std::string text(*payload);
  std::size_t newline = text.find('\n');
  if (newline == std::string::npos || newline + 1 == text.size()) {
    return std::nullopt;
  }
  return text.substr(newline + 1);
}

std::optional<std::string> ServiceErrorMessageOf(const absl::Status& status) {
  auto payload = status.GetPayload(kMessagePayloadUrl);
  if (!payload) {
    return std::nullopt;
  }
  return std::string(*payload);
}

}  // namespace opc::client
