// A port of Terraform core's objchange.AssertObjectCompatible (internal/plans/objchange/
// compatible.go, following the rules of Terraform 1.11.x): the checks Terraform makes on the
// new state an apply returns against the planned state.
#pragma once

#include "provider/framework/diagnostics.h"
#include "provider/framework/value.h"

namespace opc::framework {

// Checks a value against a planned value the way Terraform does after apply: every known
// planned leaf must be equal in `actual` (unknowns honour their refinements), set elements
// correlate, and `actual` must be wholly known. Used to turn a provider bug into a clear
// diagnostic instead of Terraform's "inconsistent result".
void CheckAppliedAgainstPlan(const Value& planned, const Value& actual, Diagnostics& diags);

}  // namespace opc::framework
