#include "provider/client/url_encoding.h"

#include "provider/client/string_util.h"

namespace opc::client {
namespace {

bool IsUnreserved(unsigned char c) {
  return IsAsciiAlnum(static_cast<char>(c)) || c == '-' || c == '.' || c == '_' || c == '~';
}

std::string Encode(std::string_view text, bool keep_dollar) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    auto c = static_cast<unsigned char>(ch);
    if (IsUnreserved(c) || (keep_dollar && c == '$')) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xF]);
    }
  }
  return out;
}

}  // namespace

std::string PercentEncode(std::string_view text) { return Encode(text, false); }

std::string EncodeQuery(const QueryParams& params) {
  std::string out;
  for (const auto& [key, value] : params) {
    if (!out.empty()) {
      out.push_back('&');
    }
    out += Encode(key, true);
    out.push_back('=');
    out += Encode(value, false);
  }
  return out;
}

std::string EncodeForm(const QueryParams& params) {
  // Percent-encoding spaces as %20 instead of '+' is valid form encoding too.
  std::string out;
  for (const auto& [key, value] : params) {
    if (!out.empty()) {
      out.push_back('&');
    }
    out += Encode(key, false);
    out.push_back('=');
    out += Encode(value, false);
  }
  return out;
}

std::string AppendQuery(std::string url, const QueryParams& params) {
  if (params.empty()) {
    return url;
  }
  url.push_back(url.find('?') == std::string::npos ? '?' : '&');
  url += EncodeQuery(params);
  return url;
}

}  // namespace opc::client
