#include "provider/client/graph_client.h"

#include <cstdio>
#include <random>

#include "provider/client/graph_error.h"
#include "provider/client/string_util.h"
#include "provider/client/untrusted_text.h"

namespace opc::client {
namespace {

using std::chrono::milliseconds;

bool IsAbsoluteUrl(std::string_view text) {
  return StartsWithIgnoreCase(text, "http://") || StartsWithIgnoreCase(text, "https://");
}

// A random (version 4) UUID for the client-request-id header, which Graph echoes and logs:
// it ties all attempts of one call together when talking to support.
std::string NewClientRequestId() {
  thread_local std::mt19937_64 engine(std::random_device{}());
  uint64_t high = engine();
  uint64_t low = engine();
  high = (high & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
  low = (low & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
  char text[37];
  std::snprintf(text, sizeof(text), "%08llx-%04llx-%04llx-%04llx-%012llx",
                static_cast<unsigned long long>(high >> 32),
                static_cast<unsigned long long>((high >> 16) & 0xFFFF),
                static_cast<unsigned long long>(high & 0xFFFF),
                static_cast<unsigned long long>(low >> 48),
                static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
  return text;
}

bool IsSuccess(int status_code) { return status_code >= 200 && status_code < 300; }

}  // namespace

std::string UrlOrigin(std::string_view url) {
  std::string scheme;
  if (StartsWithIgnoreCase(url, "https://")) {
    scheme = "https";
  } else if (StartsWithIgnoreCase(url, "http://")) {
    scheme = "http";
  } else {
    return "";
  }
  std::string_view rest = url.substr(scheme.size() + 3);
  std::string_view authority = rest.substr(0, rest.find_first_of("/?#"));
  if (auto at = authority.rfind('@'); at != std::string_view::npos) {
    authority.remove_prefix(at + 1);
  }
  std::string host = AsciiStrToLower(authority);
  // A port follows the last ':' unless that colon is inside an IPv6 literal "[...]".
  auto colon = host.rfind(':');
  if (colon == std::string::npos ||
      (host.find(']') != std::string::npos && colon < host.find(']'))) {
    StrAppend(&host, scheme == "https" ? ":443" : ":80");
  }
  return StrCat(scheme, "://", host);
}

GraphClient::GraphClient(GraphClientOptions options, HttpTransport& transport,
                         TokenProvider& tokens, const Retrier& retrier, const ClientLogger& logger)
    : options_(std::move(options)),
      transport_(transport),
      tokens_(tokens),
      retrier_(retrier),
      logger_(logger) {}

std::string GraphClient::ResolveUrl(std::string_view path_or_url) const {
  if (IsAbsoluteUrl(path_or_url)) {
    return std::string(path_or_url);
  }
  std::string_view base = options_.endpoint;
  while (ConsumeSuffix(&base, "/")) {
  }
  if (!path_or_url.starts_with("/")) {
    return StrCat(base, "/", path_or_url);
  }
  return StrCat(base, path_or_url);
}

absl::StatusOr<GraphResponse> GraphClient::Send(const GraphRequest& request,
                                                const CancellationToken& cancel) const {
  const std::string url = AppendQuery(ResolveUrl(request.path), request.query);
  if (UrlOrigin(url).empty() || UrlOrigin(url) != UrlOrigin(options_.endpoint)) {
    return absl::PermissionDeniedError(
        StrCat("refusing to send credentials to ", UntrustedText(url, &logger_.redactor()),
               ": it is not on the configured endpoint ", options_.endpoint));
  }
  const std::string client_request_id = NewClientRequestId();
  bool unauthorized = false;
  std::string used_token;
  absl::StatusOr<GraphResponse> response =
      SendOnce(request, url, client_request_id, &unauthorized, &used_token, cancel);
  if (unauthorized) {
    // The token may have been revoked or the service's clock disagrees with ours: one more
    // try with a fresh token tells a stale token apart from missing permissions.
    logger_.Log(LogLevel::kInfo,
                StrCat(HttpMethodName(request.method), " ", UntrustedText(url, &logger_.redactor()),
                       ": 401, retrying once with a new access token"));
    tokens_.Invalidate(used_token);
    response = SendOnce(request, url, client_request_id, &unauthorized, &used_token, cancel);
  }
  return response;
}

absl::StatusOr<GraphResponse> GraphClient::SendOnce(
    const GraphRequest& request, const std::string& url, const std::string& client_request_id,
    bool* unauthorized_with_token, std::string* used_token, const CancellationToken& cancel) const {
  *unauthorized_with_token = false;
  HttpRequest http;
  http.method = request.method;
  http.url = url;
  http.headers.Set("Accept", "application/json");
  http.headers.Set("client-request-id", client_request_id);
  if (!options_.user_agent.empty()) {
    http.headers.Set("User-Agent", options_.user_agent);
  }
  if (request.body) {
    http.headers.Set("Content-Type", "application/json");
    // Invalid UTF-8 in user input must not throw out of the client.
    http.body = request.body->dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  if (request.if_match) {
    http.headers.Set("If-Match", *request.if_match);
  }
  if (request.method != HttpMethod::kGet) {
    http.cancel_grace = options_.write_grace;
  }

  // The URL may be a link the service sent (@odata.nextLink, an operation's Location).
  const std::string description =
      StrCat(HttpMethodName(request.method), " ", UntrustedText(url, &logger_.redactor()));
  // Token failures are reported as they are, not retried here: the token provider retries
  // its own requests.
  std::optional<absl::Status> token_error;
  RetryOutcome outcome = retrier_.Run(
      description,
      [&](milliseconds timeout) -> absl::StatusOr<HttpResponse> {
        absl::StatusOr<std::string> token = tokens_.GetToken(cancel);
        if (!token.ok()) {
          token_error = token.status();
          return absl::FailedPreconditionError("no access token");
        }
        *used_token = *token;
        HttpRequest attempt = http;
        attempt.headers.Set("Authorization", StrCat("Bearer ", *token));
        attempt.timeout = timeout;
        return transport_.Send(attempt, cancel);
      },
      cancel);
  if (token_error) {
    return *token_error;
  }
  const std::string suffix =
      outcome.gave_up_reason.empty() ? "" : StrCat(" (", outcome.gave_up_reason, ")");
  if (!outcome.result.ok()) {
    const absl::Status& status = outcome.result.status();
    return absl::Status(status.code(), logger_.redactor().Redact(
                                           StrCat(description, ": ", status.message(), suffix)));
  }
  HttpResponse& http_response = *outcome.result;
  GraphResponse response;
  response.status_code = http_response.status_code;
  response.request_id = UntrustedText(http_response.headers.Get("request-id").value_or(""),
                                      &logger_.redactor(), kMaxUntrustedId);
  logger_.Log(LogLevel::kDebug, StrCat(description, " -> ", response.status_code,
                                       " [request-id: ", response.request_id, "]"));
  if (!IsSuccess(response.status_code)) {
    absl::Status status = StatusFromHttpResponse(http_response, &logger_.redactor());
    if (response.status_code == 401 && !used_token->empty()) {
      *unauthorized_with_token = true;
    }
    status = AnnotateStatus(status, "", suffix);
    logger_.Log(LogLevel::kDebug, StrCat(description, ": ", status.message()));
    return status;
  }
  if (!StripWhitespace(http_response.body).empty()) {
    JsonLimits limits = options_.json_limits;
    limits.max_page_items = request.max_page_items;
    absl::StatusOr<nlohmann::json> body = ParseBoundedJson(
        http_response.body, limits, &cancel, request.page_items ? &request.page_items : nullptr);
    if (!body.ok()) {
      if (absl::IsCancelled(body.status())) {
        return absl::CancelledError(StrCat(description, ": ", body.status().message()));
      }
      // The parser's messages never quote the body (see bounded_json.h).
      return absl::Status(absl::IsResourceExhausted(body.status())
                              ? absl::StatusCode::kResourceExhausted
                              : absl::StatusCode::kInternal,
                          StrCat(description, ": the response (", response.status_code,
                                 ") was refused: ", body.status().message(),
                                 " [request-id: ", response.request_id, "]"));
    }
    response.body = *std::move(body);
  }
  response.etag = http_response.headers.Get("ETag");
  if (!response.etag && response.body.is_object()) {
    auto it = response.body.find("@odata.etag");
    if (it != response.body.end() && it->is_string()) {
      response.etag = it->get<std::string>();
    }
  }
  response.headers = std::move(http_response.headers);
  return response;
}

absl::StatusOr<GraphResponse> GraphClient::Get(std::string path, QueryParams query,
                                               const CancellationToken& cancel) const {
  return Send(
      GraphRequest{HttpMethod::kGet, std::move(path), std::move(query), std::nullopt, std::nullopt},
      cancel);
}

absl::StatusOr<GraphResponse> GraphClient::Post(std::string path, nlohmann::json body,
                                                const CancellationToken& cancel) const {
  return Send(GraphRequest{HttpMethod::kPost, std::move(path), {}, std::move(body), std::nullopt},
              cancel);
}

absl::StatusOr<GraphResponse> GraphClient::Patch(std::string path, nlohmann::json body,
                                                 std::optional<std::string> if_match,
                                                 const CancellationToken& cancel) const {
  return Send(
      GraphRequest{HttpMethod::kPatch, std::move(path), {}, std::move(body), std::move(if_match)},
      cancel);
}

absl::StatusOr<GraphResponse> GraphClient::Delete(std::string path,
                                                  std::optional<std::string> if_match,
                                                  const CancellationToken& cancel) const {
  return Send(
      GraphRequest{HttpMethod::kDelete, std::move(path), {}, std::nullopt, std::move(if_match)},
      cancel);
}

}  // namespace opc::client
