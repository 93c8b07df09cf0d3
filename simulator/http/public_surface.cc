#include "simulator/http/public_surface.h"

#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "simulator/domain/errors.h"

namespace opcsim::http {
namespace {

// Graph serves /beta/admin/teams (telephoneNumberManagement, userConfigurations, policy), so the
// first unknown segment of the contract's own paths is the one after it.
constexpr std::string_view kServedPrefix[] = {"beta", "admin", "teams"};
constexpr std::string_view kUnpublishedAreas[] = {"operatorConnect", "emergencyCalling"};

}  // namespace

std::optional<std::string> UnpublishedSegment(std::string_view path) {
  std::vector<absl::string_view> parts =
      absl::StrSplit(absl::string_view(path.data(), path.size()), '/', absl::SkipEmpty());
  const size_t prefix_size = std::size(kServedPrefix);
  if (parts.size() <= prefix_size) {
    return std::nullopt;
  }
  for (size_t i = 0; i < prefix_size; ++i) {
    if (!absl::EqualsIgnoreCase(
            parts[i], absl::string_view(kServedPrefix[i].data(), kServedPrefix[i].size()))) {
      return std::nullopt;
    }
  }
  const absl::string_view segment = parts[prefix_size];
  for (std::string_view area : kUnpublishedAreas) {
    if (absl::EqualsIgnoreCase(segment, absl::string_view(area.data(), area.size()))) {
      return std::string(segment);
    }
  }
  return std::nullopt;
}

absl::Status SegmentNotFound(std::string_view segment) {
  return BadRequest("BadRequest",
                    absl::StrCat("Resource not found for the segment '",
                                 absl::string_view(segment.data(), segment.size()), "'."));
}

}  // namespace opcsim::http
