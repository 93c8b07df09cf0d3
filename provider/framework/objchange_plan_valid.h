// A port of Terraform core's objchange.AssertPlanValid (internal/plans/objchange/plan_valid.go,
// following the rules of Terraform 1.11.x): the checks Terraform makes on every plan a
// provider returns.
#pragma once

#include "provider/framework/diagnostics.h"
#include "provider/framework/schema.h"
#include "provider/framework/value.h"

namespace opc::framework {

// Checks a plan the way Terraform does: configured values kept (or the prior value kept for an
// equivalent config), only computed attributes filled, unknown config stays unknown, block
// counts match the config, write-only attributes null. The server runs it after ModifyPlan so
// that a resource bug becomes a clear diagnostic naming the attribute instead of Terraform's
// "Provider produced invalid plan".
void CheckPlanValid(const Block& block, const Value& prior, const Value& config,
                    const Value& planned, Diagnostics& diags);

}  // namespace opc::framework
