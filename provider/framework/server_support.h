// What every RPC of the framework server shares (not part of the framework's API): guarding
// resource code, the common diagnostics, and the clean-ups applied to every value a resource
// returns.
#pragma once

#include <exception>
#include <string>

#include "provider/framework/attribute_path.h"
#include "provider/framework/diagnostics.h"
#include "provider/framework/schema.h"
#include "provider/framework/value.h"

namespace opc::framework::server_support {

// Resource code is not allowed to throw across the framework boundary; if it does anyway, the
// user gets a diagnostic instead of a dead provider.
template <typename F>
void Guard(Diagnostics& diags, const std::string& what, F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    diags.AddError("Internal provider error", what + " failed unexpectedly: " + e.what());
  } catch (...) {
    diags.AddError("Internal provider error", what + " failed unexpectedly.");
  }
}

void AddNotConfigured(Diagnostics& diags, const std::string& operation);
void AddUnknownType(Diagnostics& diags, const std::string& kind, const std::string& name);

// Write-only attributes are never stored, whatever a resource returns.
Value StripWriteOnly(const Block& block, const Value& v);

// Whether Terraform can follow `path` into `v` (hcl.ApplyPath succeeds).
bool PathExists(const Value& root, const AttributePath& path);

// Conforms a value a resource returned to the schema type; a mismatch is a provider bug.
bool ConformResult(const Value& v, const Type& type, const std::string& what, Value& out,
                   Diagnostics& diags);

// A returned state must be wholly known.
void CheckWhollyKnown(const Value& v, const std::string& what, Diagnostics& diags);

// A state a resource returned, as Terraform may store it: conformed to the schema, wholly known,
// write-only attributes null. False, with a diagnostic naming `what`, when it cannot be stored.
bool StorableState(const Value& returned, const Schema& schema, const std::string& what, Value& out,
                   Diagnostics& diags);

}  // namespace opc::framework::server_support
