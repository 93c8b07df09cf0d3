#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace opcsim {

// Random version-4 GUID, lower case ("6f1c8a8e-3a2b-4c11-9d55-2f0f3c1f9a10").
std::string NewGuid();

// True for a GUID in 8-4-4-4-12 hex form (any case).
bool IsGuid(std::string_view text);

// RFC 4648 base64url without padding, as Graph uses for numberAssignment ids.
std::string Base64UrlEncode(std::string_view bytes);
std::optional<std::string> Base64UrlDecode(std::string_view text);

// Cryptographically random bytes rendered as base64url (tokens, secrets, salts).
std::string RandomToken(size_t bytes);

// Lower-case hex SHA-256 of the input.
std::string Sha256Hex(std::string_view data);

// What is stored for a client secret: SHA-256 of salt + secret (never the secret).
inline std::string SaltedSecretHash(std::string_view salt, std::string_view secret) {
  return Sha256Hex(std::string(salt) + std::string(secret));
}

}  // namespace opcsim
