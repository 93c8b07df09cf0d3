#include "simulator/http/dispatcher.h"

#include <exception>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "simulator/domain/errors.h"
#include "simulator/http/auth.h"
#include "simulator/http/connection_drop.h"
#include "simulator/http/graph_error.h"
#include "simulator/http/identity_error.h"
#include "simulator/http/public_surface.h"
#include "simulator/support/ids.h"
#include "simulator/support/status_macros.h"

namespace opcsim::http {
namespace {

constexpr char kJsonType[] = "application/json; charset=utf-8";
// AADSTS90033: "A transient error has occurred. Please try again." The code for an injected
// 429/503 on the token endpoint.
constexpr int kAadstsTransientError = 90033;

bool IsAdminPath(const std::string& path) { return absl::StartsWith(path, "/_sim/"); }

std::string BaseUrl(const httplib::Request& request) {
  std::string host = request.get_header_value("Host");
  if (host.empty()) {
    host = absl::StrCat(request.local_addr, ":", request.local_port);
  }
  return absl::StrCat("http://", host);
}

}  // namespace

void Dispatcher::Handle(const httplib::Request& request, httplib::Response& response) {
  RequestContext context{request};
  context.request_id = NewGuid();
  if (request.has_header("client-request-id")) {
    context.client_request_id = request.get_header_value("client-request-id");
  }
  context.base_url = BaseUrl(request);
  context.now = clock_.Now();
  try {
    if (!IsAdminPath(request.path) && InjectFaults(request, response, context)) {
      return;
    }
    context.now = clock_.Now();  // after any injected latency
    absl::StatusOr<HttpResponse> answer = Route(context);
    if (answer.ok()) {
      Write(*answer, context, response);
    } else {
      WriteStatus(answer.status(), context, response);
    }
  } catch (const std::exception& e) {
    // A handler bug must not take the server down or leak internals.
    WriteStatus(absl::InternalError("An internal error occurred in the simulator."), context,
                response);
  }
}

bool Dispatcher::InjectFaults(const httplib::Request& request, httplib::Response& response,
                              const RequestContext& context) {
  std::optional<std::string> tenant;
  if (faults_.AnyTenantScoped()) {
    tenant = TenantHint(request, store_);
  }
  const FaultOutcome outcome = faults_.Evaluate(request.method, request.path, tenant);
  clock_.Delay(outcome.latency_ms);
  if (outcome.drop_connection) {
    DropConnection(request, response);
    return true;
  }
  if (outcome.error_status) {
    const bool throttled = *outcome.error_status == 429;
    const std::string retry_after = std::to_string(outcome.retry_after_seconds);
    if (IsTokenEndpoint(request.path)) {
      // The token endpoint is the identity platform's, not Graph's: its error format.
      HttpResponse answer = HttpResponse::Json(
          *outcome.error_status,
          IdentityErrorBody("temporarily_unavailable", kAadstsTransientError,
                            absl::StrCat(throttled ? "Too many requests"
                                                   : "The service is "
                                                     "temporarily "
                                                     "unavailable",
                                         ". Retry after ", retry_after, " seconds."),
                            context.now));
      answer.WithHeader("Retry-After", retry_after).WithHeader("Cache-Control", "no-store");
      Write(answer, context, response);
      return true;
    }
    absl::Status status =
        throttled
            ? ApiError(absl::StatusCode::kResourceExhausted, "TooManyRequests",
                       absl::StrCat("Too many requests. Retry after ", retry_after, " seconds."))
            : ApiError(absl::StatusCode::kUnavailable, "ServiceUnavailable",
                       absl::StrCat("The service is temporarily unavailable. Retry after ",
                                    retry_after, " seconds."));
    HttpResponse answer = ErrorResponse(status, context);
    answer.WithHeader("Retry-After", retry_after);
    Write(answer, context, response);
    return true;
  }
  return false;
}

absl::StatusOr<HttpResponse> Dispatcher::Route(RequestContext& context) {
  if (graph_public_only_) {
    if (std::optional<std::string> segment = UnpublishedSegment(context.request.path)) {
      // Graph checks the token first (401 without one), then resolves the path: every method.
      ASSIGN_OR_RETURN(std::string tenant,
                       AuthenticateTenant(context.request, store_, context.now));
      return SegmentNotFound(*segment);
    }
  }
  std::vector<std::string> allowed;
  std::optional<Router::Match> match =
      router_.Find(context.request.method, context.request.path, &allowed);
  if (request_counts_ != nullptr && !IsAdminPath(context.request.path)) {
    request_counts_->Record(context.request.method,
                            match ? match->route->pattern : std::string("(no route)"));
  }
  if (!match) {
    if (!allowed.empty()) {
      // RFC 9110 §15.5.6: a 405 lists the methods the resource supports.
      HttpResponse answer =
          ErrorResponse(ApiError(absl::StatusCode::kUnimplemented, "MethodNotAllowed",
                                 absl::StrCat("Method ", context.request.method,
                                              " is not allowed on ", context.request.path,
                                              " (allowed: ", absl::StrJoin(allowed, ", "), ").")),
                        context);
      answer.WithHeader("Allow", absl::StrJoin(allowed, ", "));
      return answer;
    }
    return NotFoundError(
        absl::StrCat("No resource at ", context.request.method, " ", context.request.path, "."));
  }
  context.path_params = std::move(match->params);
  switch (match->route->access) {
    case Access::kPublic:
      break;
    case Access::kAdmin:
      RETURN_IF_ERROR(CheckAdminKey(context.request, admin_key_));
      break;
    case Access::kTenant: {
      ASSIGN_OR_RETURN(std::string tenant,
                       AuthenticateTenant(context.request, store_, context.now));
      context.tenant_id = tenant;
      break;
    }
  }
  return match->route->handler(context);
}

void Dispatcher::Write(const HttpResponse& answer, const RequestContext& context,
                       httplib::Response& response) const {
  response.status = answer.status;
  for (const auto& [name, value] : answer.headers) {
    response.set_header(name.c_str(), value);
  }
  response.set_header("request-id", context.request_id);
  if (context.client_request_id) {
    response.set_header("client-request-id", *context.client_request_id);
  }
  if (answer.body) {
    // Path segments are echoed in messages and may not be UTF-8: replace, never throw.
    response.set_content(
        answer.body->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), kJsonType);
  }
}

HttpResponse Dispatcher::ErrorResponse(const absl::Status& status, const RequestContext& context) {
  HttpResponse answer = HttpResponse::Json(
      HttpStatusFor(status),
      GraphErrorBody(GraphCodeOf(status), std::string(status.message()), context.request_id,
                     context.client_request_id, context.now));
  if (answer.status == 401) {
    answer.WithHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
  }
  return answer;
}

void Dispatcher::WriteStatus(const absl::Status& status, const RequestContext& context,
                             httplib::Response& response) const {
  Write(ErrorResponse(status, context), context, response);
}

void Dispatcher::WriteRefusal(const httplib::Request& request, httplib::Response& response) const {
  if (!response.body.empty() || response.has_header("request-id")) {
    return;  // answered by Handle
  }
  RequestContext context{request};
  context.request_id = NewGuid();
  if (request.has_header("client-request-id")) {
    context.client_request_id = request.get_header_value("client-request-id");
  }
  context.now = clock_.Now();
  const std::string message =
      response.status == 413
          ? "The request body is larger than the service accepts."
          : absl::StrCat("The request could not be read (HTTP ", response.status, ").");
  const std::string code = response.status == 413  ? "RequestEntityTooLarge"
                           : response.status < 500 ? "BadRequest"
                                                   : "InternalServerError";
  HttpResponse answer = HttpResponse::Json(
      response.status,
      GraphErrorBody(code, message, context.request_id, context.client_request_id, context.now));
  Write(answer, context, response);
}

void Dispatcher::WriteInternalError(const httplib::Request& request, httplib::Response& response) {
  const std::string request_id = NewGuid();
  response.status = 500;
  response.set_header("request-id", request_id);
  response.set_content(
      GraphErrorBody("InternalServerError", "An internal error occurred in the simulator.",
                     request_id, std::nullopt, Clock::WallNow())
          .dump(),
      kJsonType);
}

}  // namespace opcsim::http
