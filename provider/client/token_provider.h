// Access tokens for Graph: the OAuth2 client-credentials grant against the Microsoft identity
// platform (`POST {authority}/{tenant}/oauth2/v2.0/token`), cached and refreshed before expiry.
#pragma once

#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "provider/client/client_logger.h"
#include "provider/client/clock.h"
#include "provider/client/http_transport.h"
#include "provider/client/retry_policy.h"
#include "provider/common/cancellation.h"

namespace opc::client {

inline constexpr std::string_view kDefaultAuthorityUrl = "https://login.microsoftonline.com";
inline constexpr std::string_view kDefaultGraphScope = "https://graph.microsoft.com/.default";

// Bounds on what a token response may hold. Entra access tokens are JWTs of 1-4 KiB that live
// 60-90 minutes (at most 24 h).
inline constexpr std::size_t kMaxAccessTokenBytes = 16 * 1024;
inline constexpr std::chrono::seconds kMaxTokenLifetime{24 * 60 * 60};

// OK when `token` can be sent as "Authorization: Bearer <token>": 1 to kMaxAccessTokenBytes
// characters of RFC 6750's b64token grammar (no space, no CR/LF: a hostile token endpoint
// must not be able to add headers to requests). The message never quotes the token.
absl::Status CheckAccessToken(std::string_view token);

class TokenProvider {
 public:
  virtual ~TokenProvider() = default;
  // A bearer token valid for a while yet. Thread-safe.
  virtual absl::StatusOr<std::string> GetToken(const CancellationToken& cancel) = 0;
  // Forgets `token` if it is the cached one (the service rejected it with 401), so that the
  // next GetToken fetches a fresh one.
  virtual void Invalidate(std::string_view token) = 0;
};

struct ClientCredentialsOptions {
  std::string authority_url{kDefaultAuthorityUrl};
  std::string tenant_id;
  std::string client_id;
  std::string client_secret;
  std::string scope{kDefaultGraphScope};
  // A token is refreshed this long before it expires (at most half its lifetime), so that no
  // request starts with a token that runs out in flight.
  std::chrono::milliseconds refresh_margin{std::chrono::minutes(5)};
  std::string user_agent;
};

// Caches one token for all threads. Exactly one thread fetches at a time ("single flight");
// the others wait for its result instead of sending their own token requests. If a refresh
// fails while the cached token is still valid, the cached token is used and the failure
// logged. The client secret is registered with the logger's Redactor, and every token too.
class ClientCredentialsTokenProvider final : public TokenProvider {
 public:
  ClientCredentialsTokenProvider(ClientCredentialsOptions options, HttpTransport& transport,
                                 const Retrier& retrier, Clock& clock, const ClientLogger& logger);

  absl::StatusOr<std::string> GetToken(const CancellationToken& cancel) override;
  void Invalidate(std::string_view token) override;

  // `{authority_url}/{tenant_id}/oauth2/v2.0/token`
  std::string TokenUrl() const;

 private:
  struct CachedToken {
    std::string value;
    std::chrono::system_clock::time_point refresh_at;
    std::chrono::system_clock::time_point expires_at;
  };

  std::optional<std::string> FreshCachedToken() const;
  absl::StatusOr<CachedToken> Fetch(const CancellationToken& cancel);
  absl::Status TokenErrorToStatus(const HttpResponse& response) const;

  const ClientCredentialsOptions options_;
  HttpTransport& transport_;
  const Retrier& retrier_;
  Clock& clock_;
  const ClientLogger& logger_;

  // Held by the one thread talking to the token endpoint. Timed, so that a waiting thread can
  // notice cancellation instead of blocking until the fetch completes.
  std::timed_mutex fetch_mu_;
  mutable std::mutex cache_mu_;
  std::optional<CachedToken> cached_;
};

// Always returns the same token; for tests and for endpoints that take a pre-issued token.
class StaticTokenProvider final : public TokenProvider {
 public:
  explicit StaticTokenProvider(std::string token) : token_(std::move(token)) {}
  absl::StatusOr<std::string> GetToken(const CancellationToken&) override { return token_; }
  void Invalidate(std::string_view) override {}

 private:
  std::string token_;
};

}  // namespace opc::client
