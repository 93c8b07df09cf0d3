// The diagnostics that every resource and data source raises in the same words: a failed API
// call, an unconfigured provider, an import id that is not what the type imports by.
#pragma once

#include <optional>
#include <string_view>

#include "absl/status/status.h"
#include "provider/framework/attribute_path.h"
#include "provider/framework/diagnostics.h"

namespace opc::resources {

// "<action> failed" with the service's message (which carries its error code and request id,
// and never a secret).
void AddApiError(framework::Diagnostics& diags, std::string_view action, const absl::Status& status,
                 std::optional<framework::AttributePath> attribute = std::nullopt);

// The provider block could not be turned into a client (yet).
void AddProviderNotConfigured(framework::Diagnostics& diags);

// "Invalid import ID": `expected` says what the type imports by ("an operator relationship by
// its operator id (a GUID ...)"); `reason` (may be empty) why `id` is not that.
void AddInvalidImportId(framework::Diagnostics& diags, std::string_view expected,
                        std::string_view id, std::string_view reason = "");

}  // namespace opc::resources
