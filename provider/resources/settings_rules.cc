#include "provider/resources/settings_rules.h"

#include <unistd.h>

#include <cctype>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "provider/resources/provider_settings.h"

namespace opc::resources::rules {
namespace {

std::string Quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool IsLoopbackHost(const std::string& host) {
  if (host == "localhost" || host == "[::1]") {
    return true;
  }
  // 127.0.0.0/8 written as a dotted quad.
  if (host.rfind("127.", 0) != 0) {
    return false;
  }
  int parts = 0;
  size_t start = 0;
  while (start <= host.size()) {
    size_t dot = host.find('.', start);
    std::string_view part = std::string_view(host).substr(
        start, dot == std::string::npos ? std::string::npos : dot - start);
    int value = -1;
    auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
    if (part.empty() || ec != std::errc() || end != part.data() + part.size() || value > 255) {
      return false;
    }
    ++parts;
    if (dot == std::string::npos) {
      break;
    }
    start = dot + 1;
  }
  return parts == 4;
}

}  // namespace

absl::Status CheckGuid(std::string_view text) {
  static constexpr int kGroups[] = {8, 4, 4, 4, 12};
  size_t pos = 0;
  bool ok = text.size() == 36;
  for (int g = 0; ok && g < 5; ++g) {
    for (int i = 0; i < kGroups[g]; ++i, ++pos) {
      if (!std::isxdigit(static_cast<unsigned char>(text[pos]))) {
        ok = false;
        break;
      }
    }
    if (ok && g < 4) {
      ok = text[pos++] == '-';
    }
  }
  if (!ok) {
    return absl::InvalidArgumentError(
        Quote(text) +
        " is not a GUID: expected 8-4-4-4-12 hexadecimal digits, like "
        "\"00000000-0000-0000-0000-000000000000\".");
  }
  return absl::OkStatus();
}

absl::Status CheckServiceUrl(std::string_view text) {
  const std::string url(text);
  const std::string lower = Lower(text);
  std::string rest;
  bool https = false;
  if (lower.rfind("https://", 0) == 0) {
    https = true;
    rest = url.substr(8);
  } else if (lower.rfind("http://", 0) == 0) {
    rest = url.substr(7);
  } else {
    return absl::InvalidArgumentError(Quote(text) + " is not an absolute http:// or https:// URL.");
  }
  if (url.find_first_of(" \t\r\n") != std::string::npos) {
    return absl::InvalidArgumentError(Quote(text) + " contains whitespace.");
  }
  if (rest.find_first_of("?#") != std::string::npos) {
    return absl::InvalidArgumentError(Quote(text) +
                                      " must be a base URL without a query or fragment.");
  }
  std::string authority = rest.substr(0, rest.find('/'));
  if (authority.find('@') != std::string::npos) {
    return absl::InvalidArgumentError("The URL must not carry credentials (user@host).");
  }
  std::string host = authority;
  if (!authority.empty() && authority[0] == '[') {
    size_t close = authority.find(']');
    if (close == std::string::npos) {
      return absl::InvalidArgumentError(Quote(text) + " has an unterminated IPv6 address.");
    }
    host = authority.substr(0, close + 1);
    std::string port = authority.substr(close + 1);
    if (!port.empty() && port[0] != ':') {
      return absl::InvalidArgumentError(Quote(text) + " has an invalid host.");
    }
    authority = host + port;
  } else {
    host = authority.substr(0, authority.find(':'));
  }
  if (host.empty() || host == "[]") {
    return absl::InvalidArgumentError(Quote(text) + " has no host.");
  }
  if (authority.size() > host.size()) {
    std::string_view port = std::string_view(authority).substr(host.size() + 1);
    int value = 0;
    auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
    if (port.empty() || ec != std::errc() || end != port.data() + port.size() || value < 1 ||
        value > 65535) {
      return absl::InvalidArgumentError(Quote(text) + " has an invalid port.");
    }
  }
  if (!https && !IsLoopbackHost(Lower(host))) {
    return absl::InvalidArgumentError(
        Quote(text) +
        " uses plain http, which is only allowed for a loopback host (localhost, 127.0.0.1, "
        "[::1]) such as a local simulator; use https.");
  }
  return absl::OkStatus();
}

absl::Status CheckCaFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return absl::NotFoundError(Quote(path) + " does not exist.");
  }
  if (!std::filesystem::is_regular_file(path, ec)) {
    return absl::InvalidArgumentError(Quote(path) + " is not a regular file.");
  }
  std::ifstream file(path);
  if (!file || ::access(path.c_str(), R_OK) != 0) {
    return absl::PermissionDeniedError(Quote(path) + " cannot be read.");
  }
  std::stringstream contents;
  contents << file.rdbuf();
  if (contents.str().find("-----BEGIN CERTIFICATE-----") == std::string::npos) {
    return absl::InvalidArgumentError(
        Quote(path) + " contains no PEM certificate (-----BEGIN CERTIFICATE-----).");
  }
  return absl::OkStatus();
}

absl::StatusOr<std::chrono::milliseconds> ParseDuration(std::string_view text) {
  const auto invalid = [&] {
    return absl::InvalidArgumentError(
        Quote(text) +
        " is not a duration: use a number with a unit (ms, s, m, h), like \"30s\", \"2m\" or "
        "\"1m30s\".");
  };
  if (text.empty()) {
    return invalid();
  }
  double total_ms = 0;
  std::string_view rest = text;
  while (!rest.empty()) {
    size_t digits = 0;
    while (digits < rest.size() &&
           (std::isdigit(static_cast<unsigned char>(rest[digits])) || rest[digits] == '.')) {
      ++digits;
    }
    if (digits == 0) {
      return invalid();
    }
    double number = 0;
    auto [end, ec] = std::from_chars(rest.data(), rest.data() + digits, number);
    if (ec != std::errc() || end != rest.data() + digits) {
      return invalid();
    }
    rest.remove_prefix(digits);
    size_t unit_len = 0;
    while (unit_len < rest.size() && std::isalpha(static_cast<unsigned char>(rest[unit_len]))) {
      ++unit_len;
    }
    std::string_view unit = rest.substr(0, unit_len);
    rest.remove_prefix(unit_len);
    if (unit == "ms") {
      total_ms += number;
    } else if (unit == "s") {
      total_ms += number * 1000;
    } else if (unit == "m") {
      total_ms += number * 60'000;
    } else if (unit == "h") {
      total_ms += number * 3'600'000;
    } else {
      return invalid();
    }
  }
  if (total_ms < 1) {
    return absl::InvalidArgumentError(Quote(text) + " is not a positive duration (at least 1ms).");
  }
  if (total_ms > 24.0 * 3'600'000) {
    return absl::InvalidArgumentError(Quote(text) + " is too long: at most 24h.");
  }
  return std::chrono::milliseconds(static_cast<int64_t>(total_ms));
}

absl::StatusOr<int> ParseMaxRetries(std::string_view text) {
  int value = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0 ||
      value > kMaxMaxRetries) {
    return absl::InvalidArgumentError("max_retries must be a whole number between 0 and " +
                                      std::to_string(kMaxMaxRetries) + ", got " +
                                      std::string(text) + ".");
  }
  return value;
}

absl::StatusOr<int64_t> ParseMaxListItems(std::string_view text) {
  int64_t value = -1;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 1 ||
      value > kMaxMaxListItems) {
    return absl::InvalidArgumentError("max_list_items must be a whole number between 1 and " +
                                      std::to_string(kMaxMaxListItems) + ", got " +
                                      std::string(text) + ".");
  }
  return value;
}

}  // namespace opc::resources::rules
