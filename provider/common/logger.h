// Logging in go-hclog's JSON line format on stderr, which Terraform parses and re-emits under
// its own TF_LOG settings. Terraform drops plugin stderr entirely unless TF_LOG or
// TF_LOG_PROVIDER is set, so we skip formatting altogether in that case.
#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "provider/common/environment.h"

namespace opc {

enum class LogLevel { kTrace = 0, kDebug, kInfo, kWarn, kError, kOff };

// "trace", "DEBUG", "warn", "off"... (case-insensitive); "json" means trace, as in Terraform.
std::optional<LogLevel> ParseLogLevel(std::string_view text);
std::string_view LogLevelName(LogLevel level);  // hclog's spelling: "trace", "warn", ...

// TF_LOG_PROVIDER_OPERATORCONNECT, then TF_LOG_PROVIDER, then TF_LOG; off when none is set.
// A set but unrecognised value means trace, which is what Terraform does with it.
LogLevel LogLevelFromEnv(const EnvLookup& env);

// `2026-11-25T03:03:48.877123Z`: UTC, exactly six fractional digits (the only layout Terraform
// parses).
std::string FormatLogTimestamp(std::chrono::system_clock::time_point time);

using LogField = std::pair<std::string, nlohmann::json>;

class Logger {
 public:
  using Sink = std::function<void(std::string_view line)>;  // one complete line with '\n'
  using Clock = std::function<std::chrono::system_clock::time_point()>;

  Logger(
      std::string module, LogLevel level, Sink sink,
      Clock clock = [] { return std::chrono::system_clock::now(); });

  // A logger for a part of the provider: module "<this module>.<name>", same level and sink.
  Logger Named(std::string_view name) const;

  void SetLevel(LogLevel level) { core_->level.store(level); }
  LogLevel level() const { return core_->level.load(); }
  bool Enabled(LogLevel level) const;
  const std::string& module() const { return module_; }

  void Log(LogLevel level, std::string_view message,
           std::initializer_list<LogField> fields = {}) const;
  void Trace(std::string_view message, std::initializer_list<LogField> fields = {}) const {
    Log(LogLevel::kTrace, message, fields);
  }
  void Debug(std::string_view message, std::initializer_list<LogField> fields = {}) const {
    Log(LogLevel::kDebug, message, fields);
  }
  void Info(std::string_view message, std::initializer_list<LogField> fields = {}) const {
    Log(LogLevel::kInfo, message, fields);
  }
  void Warn(std::string_view message, std::initializer_list<LogField> fields = {}) const {
    Log(LogLevel::kWarn, message, fields);
  }
  void Error(std::string_view message, std::initializer_list<LogField> fields = {}) const {
    Log(LogLevel::kError, message, fields);
  }

 private:
  struct Core {
    std::atomic<LogLevel> level{LogLevel::kOff};
    Sink sink;
    Clock clock;
  };
  Logger(std::string module, std::shared_ptr<Core> core)
      : module_(std::move(module)), core_(std::move(core)) {}

  std::string module_;
  std::shared_ptr<Core> core_;
};

// Writes each line to stderr with a single write(2), so lines from threads never interleave.
Logger::Sink StderrSink();

// The provider's logger: module "operatorconnect", stderr, level from the environment (read on
// first use). Use Named() for parts: ProcessLogger().Named("client").
Logger& ProcessLogger();

}  // namespace opc
