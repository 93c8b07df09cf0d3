// Small string helpers on std::string_view. Debian's abseil is built with its own
// absl::string_view (ABSL_OPTION_USE_STD_STRING_VIEW 0), which does not convert from
// std::string_view, so absl/strings cannot be used with C++17 string views here.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "absl/status/status.h"
#include "absl/strings/string_view.h"

namespace opc::client {

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
inline char AsciiToLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

std::string AsciiStrToLower(std::string_view text);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
bool StartsWithIgnoreCase(std::string_view text, std::string_view prefix);
bool ContainsIgnoreCase(std::string_view text, std::string_view needle);
// Position of `needle` (any case) in `text` at or after `pos`, or npos.
std::size_t FindIgnoreCase(std::string_view text, std::string_view needle, std::size_t pos = 0);

std::string_view StripWhitespace(std::string_view text);
std::string_view StripLeadingWhitespace(std::string_view text);
std::string_view StripTrailingWhitespace(std::string_view text);
// Removes `prefix`/`suffix` from `text` if present; returns whether it was.
bool ConsumePrefix(std::string_view* text, std::string_view prefix);
bool ConsumeSuffix(std::string_view* text, std::string_view suffix);

std::string ReplaceAll(std::string_view text, std::string_view from, std::string_view to);
std::string Join(const std::vector<std::string>& parts, std::string_view separator);
bool ParseInt64(std::string_view text, int64_t* value);

// A Status's message as a std::string_view.
inline std::string_view StatusMessage(const absl::Status& status) {
  absl::string_view message = status.message();
  return std::string_view(message.data(), message.size());
}

namespace string_util_internal {
inline void Append(std::string& out, std::string_view piece) { out.append(piece); }
inline void Append(std::string& out, const char* piece) { out.append(piece); }
inline void Append(std::string& out, const std::string& piece) { out.append(piece); }
inline void Append(std::string& out, absl::string_view piece) {
  out.append(piece.data(), piece.size());
}
inline void Append(std::string& out, char c) { out.push_back(c); }
template <typename T>
requires(std::is_integral_v<T> && !std::is_same_v<T, char> &&
         !std::is_same_v<T, bool>) void Append(std::string& out, T value) {
  out += std::to_string(value);
}
}  // namespace string_util_internal

template <typename... Pieces>
std::string StrCat(const Pieces&... pieces) {
  std::string out;
  (string_util_internal::Append(out, pieces), ...);
  return out;
}

template <typename... Pieces>
void StrAppend(std::string* out, const Pieces&... pieces) {
  (string_util_internal::Append(*out, pieces), ...);
}

}  // namespace opc::client
