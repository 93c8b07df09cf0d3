// The seam between the API client and the network: plain request/response values and an
// interface with one method, so tests can script every exchange without opening a socket.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/status/statusor.h"
#include "provider/common/cancellation.h"

namespace opc::client {

enum class HttpMethod { kGet, kPost, kPut, kPatch, kDelete };

std::string_view HttpMethodName(HttpMethod method);

// An ordered header list with case-insensitive names (RFC 9110 section 5.1).
class HttpHeaders {
 public:
  using Entry = std::pair<std::string, std::string>;

  HttpHeaders() = default;
  HttpHeaders(std::initializer_list<Entry> entries);

  // Appends a value; repeated names are kept in order.
  void Add(std::string name, std::string value);
  // Replaces every value of `name` by `value`.
  void Set(std::string name, std::string value);
  void Remove(std::string_view name);
  // The first value of `name`, if any.
  std::optional<std::string> Get(std::string_view name) const;
  bool Has(std::string_view name) const { return Get(name).has_value(); }
  const std::vector<Entry>& entries() const { return entries_; }

 private:
  std::vector<Entry> entries_;
};

struct HttpRequest {
  HttpMethod method = HttpMethod::kGet;
  std::string url;  // absolute
  HttpHeaders headers;
  std::string body;
  // Upper bound for this single exchange (connect + transfer). Zero: the transport's default.
  std::chrono::milliseconds timeout{0};
  // How much longer an exchange already on the wire may run once `cancel` fires (still within
  // `timeout`). Zero aborts it at once; writes get a grace so that the provider learns what the
  // service did with them (docs/design/interruptions.md). A request not yet sent never starts.
  std::chrono::milliseconds cancel_grace{0};
};

struct HttpResponse {
  int status_code = 0;
  HttpHeaders headers;
  std::string body;
};

class HttpTransport {
 public:
  virtual ~HttpTransport() = default;

  // Performs one exchange. Every HTTP status, 4xx and 5xx included, is a successful result.
  // A non-OK Status means that no response arrived:
  //   Unavailable       could not connect, connection reset or dropped (worth retrying)
  //   DeadlineExceeded  `request.timeout` elapsed (worth retrying)
  //   Cancelled         `cancel` fired before the exchange started, or it was in flight and
  //                     `request.cancel_grace` ran out
  //   FailedPrecondition TLS verification failed (never retried: it will not fix itself)
  //   InvalidArgument   malformed URL or request
  virtual absl::StatusOr<HttpResponse> Send(const HttpRequest& request,
                                            const CancellationToken& cancel) = 0;
};

// True when `status` is a transport failure that a later attempt may not see.
bool IsRetryableTransportError(const absl::Status& status);

// Unavailable for a connection that was established and then dropped before the answer (reset,
// closed, nothing received): the service is there but overloaded or restarting, so the retrier
// waits it out like a 503 (a refused connection or an unknown host is a configuration problem
// more often, and gets max_retries fast attempts).
absl::Status DroppedConnectionError(std::string_view message);
bool IsDroppedConnection(const absl::Status& status);

}  // namespace opc::client
