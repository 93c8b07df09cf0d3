#include "provider/framework/diagnostics.h"

#include <algorithm>
#include <utility>

namespace opc::framework {

void Diagnostics::AddError(std::string summary, std::string detail,
                           std::optional<AttributePath> attribute) {
  items_.push_back(Diagnostic{Diagnostic::Severity::kError, std::move(summary), std::move(detail),
                              std::move(attribute)});
}

void Diagnostics::AddWarning(std::string summary, std::string detail,
                             std::optional<AttributePath> attribute) {
  items_.push_back(Diagnostic{Diagnostic::Severity::kWarning, std::move(summary), std::move(detail),
                              std::move(attribute)});
}

void Diagnostics::AddStatusError(std::string summary, const absl::Status& status,
                                 std::optional<AttributePath> attribute) {
  std::string detail(status.message());
  if (detail.empty()) {
    detail = status.ToString();
  }
  AddError(std::move(summary), std::move(detail), std::move(attribute));
}

void Diagnostics::Append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::HasError() const {
  return std::any_of(items_.begin(), items_.end(), [](const Diagnostic& d) {
    return d.severity == Diagnostic::Severity::kError;
  });
}

}  // namespace opc::framework
