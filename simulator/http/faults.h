#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace re2 {
class RE2;
}

namespace opcsim::http {

// What the injected faults do to one request.
struct FaultOutcome {
  int latency_ms = 0;               // sleep before serving
  std::optional<int> error_status;  // 429 or 503 instead of serving
  int retry_after_seconds = 0;      // for error_status
  bool drop_connection = false;     // close the connection without a response
};

// Seeded, per-route fault rules (in memory; a restart clears them). Each rule has its own
// random generator, so the same request sequence always meets the same faults.
class FaultInjector {
 public:
  explicit FaultInjector(uint64_t default_seed) : default_seed_(default_seed) {}

  // Validates and adds a rule from its JSON form (see SimFaultInput in tenant-api.yaml).
  absl::StatusOr<nlohmann::json> Add(const nlohmann::json& input);
  nlohmann::json List() const;
  bool Remove(const std::string& id);
  void Clear();

  // Whether any rule is limited to a tenant (so the caller must work out the tenant).
  bool AnyTenantScoped() const;

  FaultOutcome Evaluate(const std::string& method, const std::string& path,
                        const std::optional<std::string>& tenant_id);

 private:
  struct Rule {
    std::string id;
    std::string method;
    std::string path_pattern;
    // RE2: the pattern comes from input, and RE2 matches in linear time whatever it is.
    std::shared_ptr<const re2::RE2> path_regex;
    std::optional<std::string> tenant_id;
    std::string kind;  // throttle | unavailable | latency | drop
    int retry_after_seconds = 1;
    int latency_ms = 0;
    std::optional<int64_t> count;
    double probability = 1.0;
    uint64_t seed = 0;
    int64_t fired = 0;
    std::mt19937_64 random;
  };
  static nlohmann::json ToJson(const Rule& rule);

  mutable std::mutex mutex_;
  uint64_t default_seed_;
  std::vector<Rule> rules_;
};

}  // namespace opcsim::http
