#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>

namespace opcsim::http {

// How many tenant-API requests each route received, keyed by method and route template (e.g.
// "GET /v1.0/.../numberAssignments"), so that tests and benchmarks count the calls a client
// makes (a refresh's list pages versus per-object reads) instead of timing them. Admin
// (/_sim) calls are not counted. Thread-safe.
class RequestCounts {
 public:
  void Record(const std::string& method, const std::string& route);
  // {"total": N, "routes": [{"method", "route", "count"}...]} sorted by route, then method.
  nlohmann::json Snapshot() const;
  void Reset();

 private:
  mutable std::mutex mu_;
  std::map<std::pair<std::string, std::string>, int64_t> counts_;  // (route, method) -> count
  int64_t total_ = 0;
};

}  // namespace opcsim::http
