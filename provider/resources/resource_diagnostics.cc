#include "provider/resources/resource_diagnostics.h"

#include <string>
#include <utility>

namespace opc::resources {

void AddApiError(framework::Diagnostics& diags, std::string_view action, const absl::Status& status,
                 std::optional<framework::AttributePath> attribute) {
  diags.AddError(std::string(action) + " failed", std::string(status.message()),
                 std::move(attribute));
}

void AddProviderNotConfigured(framework::Diagnostics& diags) {
  diags.AddError("Provider not configured",
                 "The operatorconnect provider has no usable configuration yet (it may depend "
                 "on values known only during apply). Check the provider block and the "
                 "ARM_*/OPERATORCONNECT_* environment variables.");
}

void AddInvalidImportId(framework::Diagnostics& diags, std::string_view expected,
                        std::string_view id, std::string_view reason) {
  diags.AddError("Invalid import ID", "Import " + std::string(expected) + ", got \"" +
                                          std::string(id) + "\"" +
                                          (reason.empty() ? "" : ": " + std::string(reason)) + ".");
}

}  // namespace opc::resources
