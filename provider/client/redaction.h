// Keeps credentials out of log lines and status messages. Two layers: the literal secrets the
// client knows (client secret, access tokens it obtained) and well-known credential shapes
// (bearer tokens, client_secret=..., "access_token": "...", JWTs) for anything else.
#pragma once

#include <cstddef>
#include <deque>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace opc::client {

inline constexpr std::string_view kRedacted = "[REDACTED]";

// Replaces credential-shaped substrings. Safe on any text; used for error bodies and logs.
std::string RedactCredentialPatterns(std::string_view text);

// Thread-safe registry of literal secrets plus the pattern rules above.
class Redactor {
 public:
  // Remembers `secret` (e.g. the client secret) for the Redactor's lifetime. Empty and very
  // short values are ignored: redacting "a" everywhere would mangle messages and protect nothing.
  void AddSecret(std::string_view secret);
  // Remembers a short-lived secret (an access token); only the most recent ones are kept,
  // since a token is refreshed about every hour for as long as the provider runs.
  void AddRotatingSecret(std::string_view secret);
  std::string Redact(std::string_view text) const;

 private:
  static constexpr std::size_t kMaxRotatingSecrets = 16;
  mutable std::mutex mu_;
  std::vector<std::string> secrets_;
  std::deque<std::string> rotating_secrets_;
};

}  // namespace opc::client
