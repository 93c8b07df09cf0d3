#include "provider/client/e164.h"

#include "provider/client/string_util.h"

namespace opc::client {
namespace {

constexpr std::size_t kMinDigits = 7;
constexpr std::size_t kMaxDigits = 15;
constexpr std::size_t kMaxExtensionDigits = 10;

bool IsSeparator(char c) {
  return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')' || c == '\t';
}

std::string Quoted(std::string_view text) { return StrCat("'", text, "'"); }

std::string Describe(char c) {
  auto u = static_cast<unsigned char>(c);
  if (u >= 0x20 && u < 0x7F) {
    return StrCat("'", std::string(1, c), "'");
  }
  static constexpr char kHex[] = "0123456789ABCDEF";
  return StrCat("byte 0x", std::string(1, kHex[u >> 4]), std::string(1, kHex[u & 0xF]));
}

}  // namespace

absl::StatusOr<std::string> NormalizeE164(std::string_view input) {
  std::string_view text = StripWhitespace(input);
  if (text.empty()) {
    return absl::InvalidArgumentError("phone number is empty");
  }
  const std::string original(text);
  if (StartsWithIgnoreCase(text, "tel:")) {
    text.remove_prefix(4);
    text = StripLeadingWhitespace(text);
  }

  // Split off a Direct Routing extension.
  std::string_view extension;
  if (std::size_t semicolon = text.find(';'); semicolon != std::string_view::npos) {
    std::string_view suffix = text.substr(semicolon);
    if (!StartsWithIgnoreCase(suffix, ";ext=")) {
      return absl::InvalidArgumentError(StrCat("phone number ", Quoted(original),
                                               " has an unsupported suffix ", Quoted(suffix),
                                               ": only an extension \";ext=<digits>\" is allowed"));
    }
    extension = suffix.substr(5);
    text = StripTrailingWhitespace(text.substr(0, semicolon));
    if (extension.empty() || extension.size() > kMaxExtensionDigits ||
        !std::all_of(extension.begin(), extension.end(), [](char c) { return IsAsciiDigit(c); })) {
      return absl::InvalidArgumentError(StrCat("phone number ", Quoted(original),
                                               " has an invalid extension ", Quoted(extension),
                                               ": expected 1 to ", kMaxExtensionDigits, " digits"));
    }
  }

  std::string digits;
  bool has_plus = false;
  bool seen_digit_or_plus = false;
  // "(0)" is the trunk prefix, dialled only nationally; drop it.
  std::string body = ReplaceAll(text, "(0)", " ");
  for (std::size_t i = 0; i < body.size(); ++i) {
    char c = body[i];
    if (c == '+') {
      if (seen_digit_or_plus) {
        return absl::InvalidArgumentError(
            StrCat("phone number ", Quoted(original), " has a '+' that is not at the start"));
      }
      has_plus = true;
      seen_digit_or_plus = true;
    } else if (IsAsciiDigit(c)) {
      digits.push_back(c);
      seen_digit_or_plus = true;
    } else if (!IsSeparator(c)) {
      return absl::InvalidArgumentError(
          StrCat("phone number ", Quoted(original), " contains ", Describe(c),
                 ": only digits, a leading '+', spaces and - . / ( ) are allowed"));
    }
  }
  if (!has_plus) {
    if (digits.starts_with("00")) {
      digits.erase(0, 2);
    } else {
      return absl::InvalidArgumentError(
          StrCat("phone number ", Quoted(original),
                 " must start with '+' and the country code, e.g. +14255550100"));
    }
  }
  if (digits.empty()) {
    return absl::InvalidArgumentError(StrCat("phone number ", Quoted(original), " has no digits"));
  }
  if (digits[0] == '0') {
    return absl::InvalidArgumentError(StrCat(
        "phone number ", Quoted(original),
        " has a country code starting with 0; write the number as '+' and the country code"));
  }
  if (digits.size() < kMinDigits || digits.size() > kMaxDigits) {
    return absl::InvalidArgumentError(StrCat("phone number ", Quoted(original), " has ",
                                             digits.size(), " digits; E.164 allows ", kMinDigits,
                                             " to ", kMaxDigits));
  }
  std::string normalized = StrCat("+", digits);
  if (!extension.empty()) {
    StrAppend(&normalized, ";ext=", extension);
  }
  return normalized;
}

bool IsNormalizedE164(std::string_view text) {
  absl::StatusOr<std::string> normalized = NormalizeE164(text);
  return normalized.ok() && *normalized == text;
}

}  // namespace opc::client
