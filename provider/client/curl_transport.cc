#include "provider/client/curl_transport.h"

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>

#include "provider/client/curl_library.h"
#include "provider/client/string_util.h"

namespace opc::client {
namespace {

struct SlistDeleter {
  const CurlLibrary* lib;
  void operator()(curl_slist* list) const { lib->slist_free_all(list); }
};
using SlistPtr = std::unique_ptr<curl_slist, SlistDeleter>;

struct TransferState {
  HttpResponse response;
  std::size_t max_bytes = 0;
  bool too_large = false;
  const CancellationToken* cancel = nullptr;
  std::chrono::milliseconds cancel_grace{0};
  // When the transfer first saw `cancel` fired; the grace runs from there.
  std::optional<std::chrono::steady_clock::time_point> cancel_seen;
};

std::size_t OnBody(char* data, std::size_t size, std::size_t count, void* user) {
  auto* state = static_cast<TransferState*>(user);
  std::size_t bytes = size * count;
  if (state->response.body.size() + bytes > state->max_bytes) {
    state->too_large = true;
    return 0;  // makes curl fail with CURLE_WRITE_ERROR
  }
  state->response.body.append(data, bytes);
  return bytes;
}

std::size_t OnHeader(char* data, std::size_t size, std::size_t count, void* user) {
  auto* state = static_cast<TransferState*>(user);
  std::size_t bytes = size * count;
  std::string_view line(data, bytes);
  // A new status line starts a new response (after "100 Continue" or a proxy's CONNECT reply):
  // only the final response's headers count.
  if (line.starts_with("HTTP/")) {
    state->response.headers = HttpHeaders();
    return bytes;
  }
  std::size_t colon = line.find(':');
  if (colon == std::string_view::npos) {
    return bytes;  // the blank line ending the block, or a malformed line
  }
  state->response.headers.Add(std::string(StripWhitespace(line.substr(0, colon))),
                              std::string(StripWhitespace(line.substr(colon + 1))));
  return bytes;
}

int OnProgress(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  auto* state = static_cast<TransferState*>(user);
  if (!state->cancel->IsCancelled()) {
    return 0;
  }
  const auto now = std::chrono::steady_clock::now();
  if (!state->cancel_seen) {
    state->cancel_seen = now;
  }
  // Non-zero aborts the transfer: a write already sent keeps its grace to be answered.
  return now - *state->cancel_seen >= state->cancel_grace ? 1 : 0;
}

absl::Status CurlErrorToStatus(const CurlLibrary& lib, CURLcode code, const char* detail,
                               const TransferState& state) {
  std::string message = StrCat(detail[0] != '\0' ? detail : lib.easy_strerror(code),
                               " (curl error ", static_cast<int>(code), ")");
  switch (code) {
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
      return DroppedConnectionError(StrCat("connection failed: ", message));
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
    case CURLE_COULDNT_CONNECT:
    case CURLE_SSL_CONNECT_ERROR:
      return absl::UnavailableError(StrCat("connection failed: ", message));
    case CURLE_OPERATION_TIMEDOUT:
      return absl::DeadlineExceededError(StrCat("timed out: ", message));
    case CURLE_ABORTED_BY_CALLBACK:
      return absl::CancelledError("cancelled while the request was in flight");
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
      return absl::FailedPreconditionError(
          StrCat("TLS verification failed (check ca_file): ", message));
    case CURLE_URL_MALFORMAT:
    case CURLE_UNSUPPORTED_PROTOCOL:
      return absl::InvalidArgumentError(StrCat("invalid URL: ", message));
    case CURLE_WRITE_ERROR:
      if (state.too_large) {
        return absl::ResourceExhaustedError(
            StrCat("the response is larger than ", state.max_bytes, " bytes; refusing it"));
      }
      return absl::InternalError(message);
    default:
      return absl::InternalError(message);
  }
}

}  // namespace

// libcurl is loaded by the first Send (see curl_library.h), not here.
CurlTransport::CurlTransport(CurlTransportOptions options) : options_(std::move(options)) {}

CurlTransport::~CurlTransport() {
  if (pool_.empty()) {
    return;
  }
  // Handles exist only once a Send has loaded the library.
  const CurlLibrary* lib = *LoadCurl();
  for (void* handle : pool_) {
    lib->easy_cleanup(static_cast<CURL*>(handle));
  }
}

void* CurlTransport::AcquireHandle(const CurlLibrary& lib) {
  {
    std::lock_guard lock(pool_mu_);
    if (!pool_.empty()) {
      void* handle = pool_.back();
      pool_.pop_back();
      return handle;
    }
  }
  return lib.easy_init();
}

void CurlTransport::ReleaseHandle(const CurlLibrary& lib, void* handle) {
  // curl_easy_reset clears every option but keeps the connection cache for reuse.
  lib.easy_reset(static_cast<CURL*>(handle));
  std::lock_guard lock(pool_mu_);
  if (pool_.size() < kMaxPooledHandles) {
    pool_.push_back(handle);
    return;
  }
  lib.easy_cleanup(static_cast<CURL*>(handle));
}

absl::StatusOr<HttpResponse> CurlTransport::Send(const HttpRequest& request,
                                                 const CancellationToken& cancel) {
  if (cancel.IsCancelled()) {
    return absl::CancelledError("cancelled before the request was sent");
  }
  absl::StatusOr<const CurlLibrary*> loaded = LoadCurl();
  if (!loaded.ok()) {
    return loaded.status();
  }
  const CurlLibrary& lib = **loaded;
  CURL* curl = static_cast<CURL*>(AcquireHandle(lib));
  if (curl == nullptr) {
    return absl::InternalError("curl_easy_init failed");
  }
  struct Releaser {
    CurlTransport* self;
    const CurlLibrary& lib;
    CURL* handle;
    ~Releaser() { self->ReleaseHandle(lib, handle); }
  } releaser{this, lib, curl};

  TransferState state;
  state.max_bytes = options_.max_response_bytes;
  state.cancel = &cancel;
  state.cancel_grace = request.cancel_grace;
  char error_buffer[CURL_ERROR_SIZE] = {};

  SlistPtr headers(nullptr, SlistDeleter{&lib});
  for (const auto& [name, value] : request.headers.entries()) {
    // curl sends a header line as given: a CR or LF in it would add headers of its own (a
    // value that came from a hostile response, e.g. an ETag echoed as If-Match).
    if (name.find_first_of(std::string_view("\r\n\0:", 4)) != std::string::npos ||
        value.find_first_of(std::string_view("\r\n\0", 3)) != std::string::npos) {
      return absl::InvalidArgumentError(StrCat("refusing to send the ",
                                               name.substr(0, name.find_first_of("\r\n")),
                                               " header: it contains a line break or NUL"));
    }
    std::string line = value.empty() ? StrCat(name, ";") : StrCat(name, ": ", value);
    curl_slist* appended = lib.slist_append(headers.get(), line.c_str());
    if (appended == nullptr) {
      return absl::InternalError("curl_slist_append failed");
    }
    headers.release();
    headers.reset(appended);
  }
  // curl would otherwise send "Expect: 100-continue" for larger bodies and wait for a reply.
  if (curl_slist* appended = lib.slist_append(headers.get(), "Expect:")) {
    headers.release();
    headers.reset(appended);
  }

  const auto timeout = request.timeout.count() > 0 ? request.timeout : options_.default_timeout;
  lib.easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  lib.easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  lib.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);  // required for multi-threaded use
#if LIBCURL_VERSION_NUM >= 0x075500
  lib.easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
#else
  lib.easy_setopt(curl, CURLOPT_PROTOCOLS, CURLPROTO_HTTP | CURLPROTO_HTTPS);
#endif
  lib.easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 0L);  // a 202's Location is polled, not followed
  lib.easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  lib.easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!options_.ca_file.empty()) {
    lib.easy_setopt(curl, CURLOPT_CAINFO, options_.ca_file.c_str());
  }
  lib.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS,
                  static_cast<long>(std::min(options_.connect_timeout, timeout).count()));
  lib.easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  lib.easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // every encoding curl can decode
  lib.easy_setopt(curl, CURLOPT_HTTPHEADER, headers.get());
  lib.easy_setopt(curl, CURLOPT_WRITEFUNCTION, &OnBody);
  lib.easy_setopt(curl, CURLOPT_WRITEDATA, &state);
  lib.easy_setopt(curl, CURLOPT_HEADERFUNCTION, &OnHeader);
  lib.easy_setopt(curl, CURLOPT_HEADERDATA, &state);
  lib.easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  lib.easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &OnProgress);
  lib.easy_setopt(curl, CURLOPT_XFERINFODATA, &state);

  switch (request.method) {
    case HttpMethod::kGet:
      lib.easy_setopt(curl, CURLOPT_HTTPGET, 1L);
      break;
    case HttpMethod::kPost:
      lib.easy_setopt(curl, CURLOPT_POST, 1L);
      break;
    case HttpMethod::kPut:
    case HttpMethod::kPatch:
    case HttpMethod::kDelete:
      // HttpMethodName returns a NUL-terminated literal.
      lib.easy_setopt(curl, CURLOPT_CUSTOMREQUEST, HttpMethodName(request.method).data());
      break;
  }
  if (request.method != HttpMethod::kGet &&
      (request.method != HttpMethod::kDelete || !request.body.empty())) {
    lib.easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.data());
    lib.easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE,
                    static_cast<curl_off_t>(request.body.size()));
  }

  CURLcode code = lib.easy_perform(curl);
  if (code != CURLE_OK) {
    if (code == CURLE_ABORTED_BY_CALLBACK || (cancel.IsCancelled() && !state.cancel_seen)) {
      return absl::CancelledError("cancelled while the request was in flight");
    }
    return CurlErrorToStatus(lib, code, error_buffer, state);
  }
  long status_code = 0;
  lib.easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status_code);
  state.response.status_code = static_cast<int>(status_code);
  return std::move(state.response);
}

}  // namespace opc::client
