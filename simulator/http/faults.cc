#include "simulator/http/faults.h"

#include <re2/re2.h>

#include <array>

#include "absl/strings/str_cat.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/json_fields.h"
#include "simulator/domain/validation.h"
#include "simulator/support/ids.h"
#include "simulator/support/status_macros.h"

namespace opcsim::http {
namespace {

constexpr std::array<std::string_view, 4> kFaultKinds = {"throttle", "unavailable", "latency",
                                                         "drop"};

}  // namespace

absl::StatusOr<nlohmann::json> FaultInjector::Add(const nlohmann::json& input) {
  RETURN_IF_ERROR(
      RejectUnknownFields(input, {"method", "pathPattern", "tenantId", "kind", "retryAfterSeconds",
                                  "latencyMs", "count", "probability", "seed"}));
  Rule rule;
  rule.id = NewGuid();
  ASSIGN_OR_RETURN(std::string kind, RequiredEnum(input, "kind", kFaultKinds));
  rule.kind = kind;
  absl::StatusOr<std::optional<std::string>> method = OptionalString(input, "method");
  absl::StatusOr<std::optional<std::string>> pattern = OptionalString(input, "pathPattern");
  absl::StatusOr<std::optional<std::string>> tenant = OptionalString(input, "tenantId");
  absl::StatusOr<std::optional<int64_t>> retry_after = OptionalInteger(input, "retryAfterSeconds");
  absl::StatusOr<std::optional<int64_t>> latency = OptionalInteger(input, "latencyMs");
  absl::StatusOr<std::optional<int64_t>> count = OptionalInteger(input, "count");
  absl::StatusOr<std::optional<double>> probability = OptionalNumber(input, "probability");
  absl::StatusOr<std::optional<int64_t>> seed = OptionalInteger(input, "seed");
  for (const absl::Status& status :
       {method.status(), pattern.status(), tenant.status(), retry_after.status(), latency.status(),
        count.status(), probability.status(), seed.status()}) {
    if (!status.ok()) {
      return status;
    }
  }
  rule.method = method->value_or("*");
  for (char& c : rule.method) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  rule.path_pattern = pattern->value_or(".*");
  RE2::Options options;
  options.set_log_errors(false);
  auto regex = std::make_shared<const RE2>(rule.path_pattern, options);
  if (!regex->ok()) {
    return BadRequest(
        absl::StrCat("Field 'pathPattern' is not a valid regular expression: ", regex->error()));
  }
  rule.path_regex = std::move(regex);
  rule.tenant_id = *tenant;
  rule.retry_after_seconds = static_cast<int>(retry_after->value_or(1));
  if (rule.retry_after_seconds < 0 || rule.retry_after_seconds > 3600) {
    return BadRequest("Field 'retryAfterSeconds' must be between 0 and 3600.");
  }
  rule.latency_ms = static_cast<int>(latency->value_or(0));
  if (rule.latency_ms < 0 || rule.latency_ms > 60000) {
    return BadRequest("Field 'latencyMs' must be between 0 and 60000.");
  }
  if (*count && **count < 1) {
    return BadRequest("Field 'count' must be at least 1 (or null for unlimited).");
  }
  rule.count = *count;
  rule.probability = probability->value_or(1.0);
  if (rule.probability < 0 || rule.probability > 1) {
    return BadRequest("Field 'probability' must be between 0 and 1.");
  }
  std::lock_guard lock(mutex_);
  rule.seed = seed->has_value() ? static_cast<uint64_t>(**seed) : default_seed_;
  rule.random.seed(rule.seed);
  nlohmann::json json = ToJson(rule);
  rules_.push_back(std::move(rule));
  return json;
}

nlohmann::json FaultInjector::ToJson(const Rule& rule) {
  return {{"id", rule.id},
          {"method", rule.method},
          {"pathPattern", rule.path_pattern},
          {"tenantId", rule.tenant_id ? nlohmann::json(*rule.tenant_id) : nlohmann::json()},
          {"kind", rule.kind},
          {"retryAfterSeconds", rule.retry_after_seconds},
          {"latencyMs", rule.latency_ms},
          {"count", rule.count ? nlohmann::json(*rule.count) : nlohmann::json()},
          {"probability", rule.probability},
          {"seed", rule.seed},
          {"fired", rule.fired}};
}

nlohmann::json FaultInjector::List() const {
  std::lock_guard lock(mutex_);
  nlohmann::json out = nlohmann::json::array();
  for (const Rule& rule : rules_) {
    out.push_back(ToJson(rule));
  }
  return out;
}

bool FaultInjector::Remove(const std::string& id) {
  std::lock_guard lock(mutex_);
  return std::erase_if(rules_, [&](const Rule& rule) { return rule.id == id; }) > 0;
}

void FaultInjector::Clear() {
  std::lock_guard lock(mutex_);
  rules_.clear();
}

bool FaultInjector::AnyTenantScoped() const {
  std::lock_guard lock(mutex_);
  for (const Rule& rule : rules_) {
    if (rule.tenant_id) {
      return true;
    }
  }
  return false;
}

FaultOutcome FaultInjector::Evaluate(const std::string& method, const std::string& path,
                                     const std::optional<std::string>& tenant_id) {
  FaultOutcome outcome;
  std::lock_guard lock(mutex_);
  for (Rule& rule : rules_) {
    if (rule.count && *rule.count <= 0) {
      continue;
    }
    if (rule.method != "*" && rule.method != method) {
      continue;
    }
    if (rule.tenant_id && (!tenant_id || !EqualsIgnoreCase(*rule.tenant_id, *tenant_id))) {
      continue;
    }
    if (!RE2::PartialMatch(path, *rule.path_regex)) {
      continue;
    }
    const bool is_error = rule.kind != "latency";
    if (is_error && (outcome.error_status || outcome.drop_connection)) {
      continue;  // one failure per request; later rules keep their draws
    }
    if (rule.probability < 1.0) {
      std::uniform_real_distribution<double> draw(0.0, 1.0);
      if (draw(rule.random) >= rule.probability) {
        continue;
      }
    }
    ++rule.fired;
    if (rule.count) {
      --*rule.count;
    }
    if (rule.kind == "latency") {
      outcome.latency_ms += rule.latency_ms;
    } else if (rule.kind == "drop") {
      outcome.drop_connection = true;
    } else {
      outcome.error_status = rule.kind == "throttle" ? 429 : 503;
      outcome.retry_after_seconds = rule.retry_after_seconds;
    }
  }
  return outcome;
}

}  // namespace opcsim::http
