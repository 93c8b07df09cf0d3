// HttpTransport over libcurl. TLS peer and host verification are always on; `ca_file` replaces
// the system CA bundle (CURLOPT_CAINFO), e.g. for a corporate TLS-inspecting proxy.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "provider/client/http_transport.h"

namespace opc::client {

struct CurlLibrary;

struct CurlTransportOptions {
  std::string ca_file;  // PEM bundle; empty: the system's default CA store
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(15)};
  // Used when a request has no timeout of its own.
  std::chrono::milliseconds default_timeout{std::chrono::seconds(60)};
  // Larger responses are refused (a protection against a misbehaving endpoint).
  std::size_t max_response_bytes = std::size_t{64} << 20;
};

// Thread-safe: each exchange uses its own easy handle, taken from a small pool so that
// connections (and TLS sessions) are reused between requests. libcurl is loaded, and
// curl_global_init run, once per process by the first Send (see curl_library.h); a Send that
// cannot load it fails with FailedPrecondition naming the library.
class CurlTransport final : public HttpTransport {
 public:
  explicit CurlTransport(CurlTransportOptions options = {});
  ~CurlTransport() override;
  CurlTransport(const CurlTransport&) = delete;
  CurlTransport& operator=(const CurlTransport&) = delete;

  absl::StatusOr<HttpResponse> Send(const HttpRequest& request,
                                    const CancellationToken& cancel) override;

 private:
  void* AcquireHandle(const CurlLibrary& lib);
  void ReleaseHandle(const CurlLibrary& lib, void* handle);

  static constexpr std::size_t kMaxPooledHandles = 8;
  CurlTransportOptions options_;
  std::mutex pool_mu_;
  std::vector<void*> pool_;  // CURL* (kept opaque so this header needs no curl.h)
};

}  // namespace opc::client
