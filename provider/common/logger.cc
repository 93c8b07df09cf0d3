#include "provider/common/logger.h"

#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <ctime>
#include <mutex>

#include "absl/strings/str_format.h"

namespace opc {

std::optional<LogLevel> ParseLogLevel(std::string_view text) {
  std::string lower;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
      lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  if (lower == "trace" || lower == "json") {
    return LogLevel::kTrace;
  }
  if (lower == "debug") {
    return LogLevel::kDebug;
  }
  if (lower == "info") {
    return LogLevel::kInfo;
  }
  if (lower == "warn") {
    return LogLevel::kWarn;
  }
  if (lower == "error") {
    return LogLevel::kError;
  }
  if (lower == "off") {
    return LogLevel::kOff;
  }
  return std::nullopt;
}

std::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kTrace:
      return "trace";
    case LogLevel::kDebug:
      return "debug";
    case LogLevel::kInfo:
      return "info";
    case LogLevel::kWarn:
      return "warn";
    case LogLevel::kError:
      return "error";
    case LogLevel::kOff:
      return "off";
  }
  return "off";
}

LogLevel LogLevelFromEnv(const EnvLookup& env) {
  for (std::string_view key : {"TF_LOG_PROVIDER_OPERATORCONNECT", "TF_LOG_PROVIDER", "TF_LOG"}) {
    std::optional<std::string> value = env(key);
    if (value.has_value() && !value->empty()) {
      return ParseLogLevel(*value).value_or(LogLevel::kTrace);
    }
  }
  return LogLevel::kOff;
}

std::string FormatLogTimestamp(std::chrono::system_clock::time_point time) {
  using std::chrono::duration_cast;
  using std::chrono::microseconds;
  using std::chrono::seconds;
  auto since_epoch = duration_cast<microseconds>(time.time_since_epoch());
  auto whole = duration_cast<seconds>(since_epoch);
  auto micros = since_epoch - whole;
  if (micros.count() < 0) {  // before 1970: borrow a second so the fraction stays positive
    whole -= seconds(1);
    micros += seconds(1);
  }
  std::time_t t = static_cast<std::time_t>(whole.count());
  std::tm utc{};
  gmtime_r(&t, &utc);
  return absl::StrFormat("%04d-%02d-%02dT%02d:%02d:%02d.%06dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                         utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec,
                         static_cast<int>(micros.count()));
}

Logger::Logger(std::string module, LogLevel level, Sink sink, Clock clock)
    : module_(std::move(module)), core_(std::make_shared<Core>()) {
  core_->level.store(level);
  core_->sink = std::move(sink);
  core_->clock = std::move(clock);
}

Logger Logger::Named(std::string_view name) const {
  std::string module = module_;
  if (!module.empty()) {
    module.push_back('.');
  }
  module.append(name);
  return Logger(std::move(module), core_);
}

bool Logger::Enabled(LogLevel level) const {
  LogLevel threshold = core_->level.load();
  return level != LogLevel::kOff && threshold != LogLevel::kOff && level >= threshold;
}

void Logger::Log(LogLevel level, std::string_view message,
                 std::initializer_list<LogField> fields) const {
  if (!Enabled(level)) {
    return;
  }
  nlohmann::json line = nlohmann::json::object();
  line["@level"] = LogLevelName(level);
  line["@message"] = message;
  line["@timestamp"] = FormatLogTimestamp(core_->clock());
  line["@module"] = module_;
  for (const auto& [key, value] : fields) {
    if (!key.empty() && key[0] != '@') {  // the '@' keys are hclog's own
      line[key] = value;
    }
  }
  // Replace invalid UTF-8 instead of throwing: a log line must never fail the caller.
  std::string text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  text.push_back('\n');
  core_->sink(text);
}

Logger::Sink StderrSink() {
  return [](std::string_view line) {
    static std::mutex mu;
    std::lock_guard lock(mu);
    while (!line.empty()) {
      ssize_t n = ::write(STDERR_FILENO, line.data(), line.size());
      if (n < 0 && errno == EINTR) {
        continue;
      }
      if (n <= 0) {
        return;  // stderr is gone: nothing sensible left to do with a log line
      }
      line.remove_prefix(static_cast<size_t>(n));
    }
  };
}

Logger& ProcessLogger() {
  static Logger logger("operatorconnect", LogLevelFromEnv(ProcessEnvironment()), StderrSink());
  return logger;
}

}  // namespace opc
