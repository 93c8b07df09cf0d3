#include "provider/resources/resource_diagnostics.h"

#include <string>
#include <utility>

#include "provider/resources/api_field_names.h"

namespace opc::resources {

void AddApiError(framework::Diagnostics& diags, std::string_view action, const absl::Status& status,
                 std::optional<framework::AttributePath> attribute) {
  // The service names its JSON fields; the user wrote attributes (api_field_names.h).
  NamedMessage named =
      WithAttributeNames(std::string_view(status.message().data(), status.message().size()));
  diags.AddError(std::string(action) + " failed", std::move(named.message),
                 attribute ? std::move(attribute) : std::move(named.attribute));
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
