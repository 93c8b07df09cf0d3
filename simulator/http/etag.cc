#include "simulator/http/etag.h"

#include <vector>

#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "simulator/domain/errors.h"
#include "simulator/support/ids.h"

namespace opcsim::http {
namespace {

// The opaque part of a tag, so W/"x", "x" and x compare equal (weak comparison).
absl::string_view Opaque(absl::string_view tag) {
  tag = absl::StripAsciiWhitespace(tag);
  absl::ConsumePrefix(&tag, "W/");
  absl::ConsumePrefix(&tag, "\"");
  absl::ConsumeSuffix(&tag, "\"");
  return tag;
}

bool ListContains(const std::string& header, const std::string& current) {
  for (absl::string_view candidate : absl::StrSplit(header, ',')) {
    if (absl::StripAsciiWhitespace(candidate) == "*" || Opaque(candidate) == Opaque(current)) {
      return true;
    }
  }
  return false;
}

}  // namespace

std::string EtagOf(const nlohmann::json& representation) {
  return "W/\"" + Sha256Hex(representation.dump()).substr(0, 20) + "\"";
}

absl::Status CheckIfMatch(const httplib::Request& request, const std::string& current) {
  if (!request.has_header("If-Match")) {
    return absl::OkStatus();
  }
  if (ListContains(request.get_header_value("If-Match"), current)) {
    return absl::OkStatus();
  }
  return PreconditionFailed(
      "The entity has changed since it was read (If-Match does not match the current ETag).");
}

bool IfNoneMatchHits(const httplib::Request& request, const std::string& current) {
  return request.has_header("If-None-Match") &&
         ListContains(request.get_header_value("If-None-Match"), current);
}

}  // namespace opcsim::http
