// Config validation from the schema: required attributes and each attribute's validators.
#pragma once

#include "provider/framework/diagnostics.h"
#include "provider/framework/schema.h"
#include "provider/framework/value.h"

namespace opc::framework {

// Runs the schema's validators over a config (skipping unknown and null values) and checks
// required attributes. Paths in diagnostics name the attribute.
void ValidateAgainstSchema(const Block& block, const Value& config, Diagnostics& diags);

}  // namespace opc::framework
