#include "provider/client/redaction.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "provider/client/string_util.h"

namespace opc::client {
namespace {

constexpr std::size_t kMinSecretLength = 4;

bool IsTokenChar(char c) {
  return IsAsciiAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' ||
         c == '=';
}

bool IsJwtChar(char c) { return IsAsciiAlnum(c) || c == '-' || c == '_' || c == '.'; }

// "Bearer <token>" in any case, e.g. an Authorization header echoed in a message.
std::string RedactBearer(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    std::size_t hit = FindIgnoreCase(text, "bearer", pos);
    if (hit == std::string_view::npos) {
      break;
    }
    std::size_t value = hit + 6;
    std::size_t spaces = value;
    while (spaces < text.size() && (text[spaces] == ' ' || text[spaces] == '\t')) {
      ++spaces;
    }
    std::size_t end = spaces;
    while (end < text.size() && IsTokenChar(text[end])) {
      ++end;
    }
    out.append(text.substr(pos, spaces - pos));
    if (spaces > value && end > spaces) {
      out.append(kRedacted);
      pos = end;
    } else {
      pos = spaces;
    }
  }
  out.append(text.substr(pos));
  return out;
}

// `key=value` (form or query encoding) and `"key": "value"` (JSON) for credential keys.
std::string RedactKeyedValues(std::string_view text) {
  static constexpr std::array<std::string_view, 6> kKeys = {
      "client_secret", "access_token", "refresh_token", "id_token", "client_assertion", "password"};
  std::string current(text);
  for (std::string_view key : kKeys) {
    std::string out;
    std::size_t pos = 0;
    while (true) {
      std::size_t hit = FindIgnoreCase(current, key, pos);
      if (hit == std::string_view::npos) {
        break;
      }
      std::size_t cursor = hit + key.size();
      if (cursor < current.size() && current[cursor] == '"') {
        ++cursor;
      }
      while (cursor < current.size() && current[cursor] == ' ') {
        ++cursor;
      }
      std::size_t value_begin = std::string_view::npos;
      std::size_t value_end = std::string_view::npos;
      if (cursor < current.size() && current[cursor] == '=') {
        value_begin = cursor + 1;
        value_end = value_begin;
        while (value_end < current.size() && current[value_end] != '&' &&
               !IsAsciiSpace(current[value_end]) && current[value_end] != '"' &&
               current[value_end] != '\'') {
          ++value_end;
        }
      } else if (cursor < current.size() && current[cursor] == ':') {
        ++cursor;
        while (cursor < current.size() && current[cursor] == ' ') {
          ++cursor;
        }
        if (cursor < current.size() && current[cursor] == '"') {
          value_begin = cursor + 1;
          value_end = value_begin;
          while (value_end < current.size() && current[value_end] != '"') {
            value_end += current[value_end] == '\\' ? 2 : 1;
          }
          value_end = std::min(value_end, current.size());
        }
      }
      if (value_begin == std::string_view::npos || value_end == value_begin) {
        out.append(current, pos, cursor - pos);
        pos = cursor;
        continue;
      }
      out.append(current, pos, value_begin - pos);
      out.append(kRedacted);
      pos = value_end;
    }
    out.append(current, pos, std::string::npos);
    current = std::move(out);
  }
  return current;
}

// JSON Web Tokens start with the base64url of '{"': "eyJ", and have three dot-separated parts.
std::string RedactJwts(std::string_view text) {
  std::string out;
  std::size_t pos = 0;
  while (true) {
    std::size_t hit = text.find("eyJ", pos);
    if (hit == std::string_view::npos) {
      break;
    }
    std::size_t end = hit;
    int dots = 0;
    while (end < text.size() && IsJwtChar(text[end])) {
      dots += text[end] == '.' ? 1 : 0;
      ++end;
    }
    bool at_boundary = hit == 0 || !IsJwtChar(text[hit - 1]);
    out.append(text.substr(pos, hit - pos));
    if (at_boundary && dots >= 2) {
      out.append(kRedacted);
    } else {
      out.append(text.substr(hit, end - hit));
    }
    pos = end;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace

std::string RedactCredentialPatterns(std::string_view text) {
  return RedactJwts(RedactKeyedValues(RedactBearer(text)));
}

void Redactor::AddSecret(std::string_view secret) {
  if (secret.size() < kMinSecretLength) {
    return;
  }
  std::lock_guard lock(mu_);
  if (std::find(secrets_.begin(), secrets_.end(), secret) == secrets_.end()) {
    secrets_.emplace_back(secret);
  }
}

void Redactor::AddRotatingSecret(std::string_view secret) {
  if (secret.size() < kMinSecretLength) {
    return;
  }
  std::lock_guard lock(mu_);
  if (std::find(rotating_secrets_.begin(), rotating_secrets_.end(), secret) !=
      rotating_secrets_.end()) {
    return;
  }
  rotating_secrets_.emplace_back(secret);
  if (rotating_secrets_.size() > kMaxRotatingSecrets) {
    rotating_secrets_.pop_front();
  }
}

std::string Redactor::Redact(std::string_view text) const {
  std::string out(text);
  {
    std::lock_guard lock(mu_);
    for (const std::string& secret : secrets_) {
      out = ReplaceAll(out, secret, kRedacted);
    }
    for (const std::string& secret : rotating_secrets_) {
      out = ReplaceAll(out, secret, kRedacted);
    }
  }
  return RedactCredentialPatterns(out);
}

}  // namespace opc::client
