// The one place that turns data from the network (response bodies, header values, links, ids,
// service messages) into text for a Status message or a log line. A hostile or broken
// endpoint controls those bytes: they may be huge, hold invalid UTF-8 or control characters
// (gRPC refuses invalid UTF-8; CR/LF would forge log lines) or echo a credential. Every
// message that includes response data builds it with UntrustedText.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "provider/client/redaction.h"

namespace opc::client {

// Default bound for one value in a message: an excerpt of a body, a link, a service message.
inline constexpr std::size_t kMaxUntrustedText = 300;
// For short identifiers: request ids, error codes, operation status values.
inline constexpr std::size_t kMaxUntrustedId = 100;

// `raw` made safe for a message: bounded to `max_bytes` (cut at a character boundary, "..."
// appended when cut), valid UTF-8 (invalid bytes become U+FFFD), control characters turned into
// spaces, and passed through `redactor` (the literal secrets and the credential patterns), or
// through the patterns alone when `redactor` is null. Redaction runs before the cut, so a
// secret is never left half-shown.
std::string UntrustedText(std::string_view raw, const Redactor* redactor,
                          std::size_t max_bytes = kMaxUntrustedText);

// `text` (valid UTF-8) cut to at most `max_bytes` at a character boundary, with "..." appended
// when it was cut.
std::string TruncateUtf8(std::string_view text, std::size_t max_bytes);

}  // namespace opc::client
