// Log output of the client. The client has no logging framework of its own: the provider
// passes a sink (e.g. one that writes to stderr, which Terraform shows with TF_LOG). Every line
// passes through the Redactor first, so no caller can leak a secret by logging carelessly.
#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "provider/client/redaction.h"

namespace opc::client {

enum class LogLevel { kDebug, kInfo, kWarning, kError };

std::string_view LogLevelName(LogLevel level);

// Called from any thread (Terraform runs resources in parallel): must be thread-safe.
using LogSink = std::function<void(LogLevel level, std::string_view message)>;

class ClientLogger {
 public:
  // A null `sink` discards everything. `redactor` must not be null.
  ClientLogger(LogSink sink, std::shared_ptr<Redactor> redactor);

  void Log(LogLevel level, std::string_view message) const;
  Redactor& redactor() const { return *redactor_; }

 private:
  LogSink sink_;
  std::shared_ptr<Redactor> redactor_;
};

}  // namespace opc::client
