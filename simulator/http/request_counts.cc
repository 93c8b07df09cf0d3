#include "simulator/http/request_counts.h"

namespace opcsim::http {

void RequestCounts::Record(const std::string& method, const std::string& route) {
  std::lock_guard lock(mu_);
  ++counts_[{route, method}];
  ++total_;
}

nlohmann::json RequestCounts::Snapshot() const {
  std::lock_guard lock(mu_);
  nlohmann::json routes = nlohmann::json::array();
  for (const auto& [key, count] : counts_) {
    routes.push_back({{"method", key.second}, {"route", key.first}, {"count", count}});
  }
  return {{"total", total_}, {"routes", std::move(routes)}};
}

void RequestCounts::Reset() {
  std::lock_guard lock(mu_);
  counts_.clear();
  total_ = 0;
}

}  // namespace opcsim::http
