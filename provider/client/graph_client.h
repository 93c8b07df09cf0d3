// Authorized JSON requests against the tenant API: adds the bearer token, retries what is worth
// retrying (see retry_policy.h), refreshes a token the service rejected, and turns error
// responses into Status values (see graph_error.h). Thread-safe; one instance serves all calls.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "provider/client/bounded_json.h"
#include "provider/client/client_logger.h"
#include "provider/client/http_transport.h"
#include "provider/client/retry_policy.h"
#include "provider/client/token_provider.h"
#include "provider/client/url_encoding.h"
#include "provider/common/cancellation.h"

namespace opc::client {

struct GraphRequest {
  HttpMethod method = HttpMethod::kGet;
  // A path such as "/v1.0/admin/teams/..." (appended to the endpoint), or an absolute URL
  // (an @odata.nextLink or an operation's Location), used verbatim.
  std::string path;
  // Appended to the URL, percent-encoded.
  QueryParams query;
  // Sent as application/json when present.
  std::optional<nlohmann::json> body;
  // Sent as If-Match when present (PATCH/DELETE of entities with ETags).
  std::optional<std::string> if_match;
  // When not 0, a response whose top-level "value" array has more items is refused while it is
  // parsed (paging's item budget; see JsonLimits).
  std::size_t max_page_items = 0;
  // When set, the items of a page's "value" array go here as they are parsed instead of into
  // the response body (see ParseBoundedJson).
  JsonItemSink page_items = nullptr;
};

struct GraphResponse {
  int status_code = 0;
  HttpHeaders headers;
  nlohmann::json body;              // null when the response has no body
  std::optional<std::string> etag;  // the ETag header, else the body's "@odata.etag"
  // The request-id header, for messages and support; already made safe for a message
  // (bounded, valid UTF-8, redacted: see untrusted_text.h), since the service controls it.
  std::string request_id;
};

struct GraphClientOptions {
  // Base URL, e.g. "https://graph.microsoft.com" or "http://127.0.0.1:8080".
  std::string endpoint;
  std::string user_agent;
  // Limits for parsing every response body (depth, number of values).
  JsonLimits json_limits;
  // Budgets for reading one collection (see paging.h): an endpoint that serves endless pages
  // must not keep the provider busy and growing forever.
  std::size_t max_list_items = 100'000;
  int max_list_pages = 1'000;
  // How long a request that may change the tenant (anything but GET), once on the wire, may
  // still take to be answered after StopProvider: its answer tells what it created, so that
  // Terraform records it (docs/design/interruptions.md). Reads are abandoned at once.
  std::chrono::milliseconds write_grace{std::chrono::seconds(30)};
};

class GraphClient {
 public:
  GraphClient(GraphClientOptions options, HttpTransport& transport, TokenProvider& tokens,
              const Retrier& retrier, const ClientLogger& logger);

  // Sends `request`. A 2xx response is returned (its JSON body parsed); anything else becomes a
  // Status (see graph_error.h), with " (gave up after N attempts...)" appended when retries ran
  // out. A 401 makes the client drop its token and try once more with a fresh one.
  // Absolute URLs must have the endpoint's origin: the bearer token is never sent elsewhere.
  absl::StatusOr<GraphResponse> Send(const GraphRequest& request,
                                     const CancellationToken& cancel) const;

  absl::StatusOr<GraphResponse> Get(std::string path, QueryParams query,
                                    const CancellationToken& cancel) const;
  absl::StatusOr<GraphResponse> Post(std::string path, nlohmann::json body,
                                     const CancellationToken& cancel) const;
  absl::StatusOr<GraphResponse> Patch(std::string path, nlohmann::json body,
                                      std::optional<std::string> if_match,
                                      const CancellationToken& cancel) const;
  absl::StatusOr<GraphResponse> Delete(std::string path, std::optional<std::string> if_match,
                                       const CancellationToken& cancel) const;

  // The absolute URL for a path or URL as accepted by GraphRequest::path (without query).
  std::string ResolveUrl(std::string_view path_or_url) const;
  const std::string& endpoint() const { return options_.endpoint; }
  const GraphClientOptions& options() const { return options_; }
  const ClientLogger& logger() const { return logger_; }

 private:
  absl::StatusOr<GraphResponse> SendOnce(const GraphRequest& request, const std::string& url,
                                         const std::string& client_request_id,
                                         bool* unauthorized_with_token, std::string* used_token,
                                         const CancellationToken& cancel) const;

  GraphClientOptions options_;
  HttpTransport& transport_;
  TokenProvider& tokens_;
  const Retrier& retrier_;
  const ClientLogger& logger_;
};

// "scheme://host:port" in lower case with the default port made explicit, or "" if `url` is
// not an absolute http(s) URL.
std::string UrlOrigin(std::string_view url);

}  // namespace opc::client
