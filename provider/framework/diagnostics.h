// Diagnostics: what the user sees. Built at the framework boundary, never thrown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "provider/framework/attribute_path.h"

namespace opc::framework {

struct Diagnostic {
  enum class Severity { kError, kWarning };
  Severity severity = Severity::kError;
  std::string summary;
  std::string detail;
  std::optional<AttributePath> attribute;
};

class Diagnostics {
 public:
  void AddError(std::string summary, std::string detail = {},
                std::optional<AttributePath> attribute = std::nullopt);
  void AddWarning(std::string summary, std::string detail = {},
                  std::optional<AttributePath> attribute = std::nullopt);
  // An error built from a Status: `summary` says what was being done, the detail carries the
  // status message (which never contains secrets: the client redacts them).
  void AddStatusError(std::string summary, const absl::Status& status,
                      std::optional<AttributePath> attribute = std::nullopt);
  void Append(const Diagnostics& other);

  bool HasError() const;
  bool empty() const { return items_.empty(); }
  const std::vector<Diagnostic>& items() const { return items_; }

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace opc::framework
