#include "provider/client/untrusted_text.h"

#include "provider/common/utf8.h"

namespace opc::client {
namespace {

// What is read past `max_bytes` before redacting: enough for any secret that starts within the
// shown part to be recognised whole (access tokens are at most kMaxAccessTokenBytes long).
constexpr std::size_t kRedactionWindow = 32 * 1024;

bool IsUtf8Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string TruncateUtf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) {
    return std::string(text);
  }
  std::size_t cut = max_bytes;
  while (cut > 0 && IsUtf8Continuation(text[cut])) {
    --cut;
  }
  std::string out(text.substr(0, cut));
  out += "...";
  return out;
}

std::string UntrustedText(std::string_view raw, const Redactor* redactor, std::size_t max_bytes) {
  std::string text = SanitizeUtf8(raw.substr(0, max_bytes + kRedactionWindow));
  for (char& c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7F) {
      c = ' ';
    }
  }
  text = redactor != nullptr ? redactor->Redact(text) : RedactCredentialPatterns(text);
  return TruncateUtf8(text, max_bytes);
}

}  // namespace opc::client
