#include "provider/client/client_logger.h"

#include <utility>

namespace opc::client {

std::string_view LogLevelName(LogLevel level) {
  switch (level) {
    case LogLevel::kDebug:
      return "DEBUG";
    case LogLevel::kInfo:
      return "INFO";
    case LogLevel::kWarning:
      return "WARN";
    case LogLevel::kError:
      return "ERROR";
  }
  return "INFO";
}

ClientLogger::ClientLogger(LogSink sink, std::shared_ptr<Redactor> redactor)
    : sink_(std::move(sink)), redactor_(std::move(redactor)) {}

void ClientLogger::Log(LogLevel level, std::string_view message) const {
  if (sink_) {
    sink_(level, redactor_->Redact(message));
  }
}

}  // namespace opc::client
