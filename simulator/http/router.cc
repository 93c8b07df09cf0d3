#include "simulator/http/router.h"

#include "absl/strings/str_split.h"

namespace opcsim::http {
namespace {

std::vector<absl::string_view> SplitPath(absl::string_view path) {
  std::vector<absl::string_view> parts = absl::StrSplit(path, '/', absl::SkipEmpty());
  return parts;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Access access, Handler handler) {
  Compiled compiled;
  for (absl::string_view part : SplitPath(pattern)) {
    Segment segment;
    const size_t open = part.find('{');
    const size_t close = part.find('}');
    if (open != absl::string_view::npos && close != absl::string_view::npos && close > open) {
      segment.is_param = true;
      segment.prefix = std::string(part.substr(0, open));
      segment.name = std::string(part.substr(open + 1, close - open - 1));
      segment.suffix = std::string(part.substr(close + 1));
    } else {
      segment.prefix = std::string(part);
    }
    compiled.segments.push_back(std::move(segment));
  }
  compiled.route = Route{std::move(method), std::move(pattern), access, std::move(handler)};
  routes_.push_back(std::move(compiled));
}

int Router::MatchSegments(const std::vector<Segment>& segments,
                          const std::vector<absl::string_view>& parts,
                          std::map<std::string, std::string>* params) {
  if (segments.size() != parts.size()) {
    return -1;
  }
  int literals = 0;
  for (size_t i = 0; i < parts.size(); ++i) {
    const Segment& segment = segments[i];
    const absl::string_view part = parts[i];
    if (!segment.is_param) {
      if (part != segment.prefix) {
        return -1;
      }
      ++literals;
      continue;
    }
    if (part.size() <= segment.prefix.size() + segment.suffix.size() ||
        part.substr(0, segment.prefix.size()) != segment.prefix ||
        part.substr(part.size() - segment.suffix.size()) != segment.suffix) {
      return -1;
    }
    (*params)[segment.name] = std::string(part.substr(
        segment.prefix.size(), part.size() - segment.prefix.size() - segment.suffix.size()));
  }
  return literals;
}

std::optional<Router::Match> Router::Find(const std::string& method, const std::string& path,
                                          std::vector<std::string>* allowed_methods) const {
  const std::vector<absl::string_view> parts = SplitPath(path);
  std::optional<Match> best;
  int best_literals = -1;
  for (const Compiled& compiled : routes_) {
    std::map<std::string, std::string> params;
    const int literals = MatchSegments(compiled.segments, parts, &params);
    if (literals < 0) {
      continue;
    }
    if (compiled.route.method != method) {
      if (allowed_methods != nullptr) {
        allowed_methods->push_back(compiled.route.method);
      }
      continue;
    }
    if (literals > best_literals) {
      best_literals = literals;
      best = Match{&compiled.route, std::move(params)};
    }
  }
  return best;
}

}  // namespace opcsim::http
