// The generic planner: Terraform's resource-instance change lifecycle applied from the schema,
// so that no resource can produce an invalid plan by forgetting a rule.
#pragma once

#include <vector>

#include "provider/framework/attribute_path.h"
#include "provider/framework/diagnostics.h"
#include "provider/framework/schema.h"
#include "provider/framework/value.h"

namespace opc::framework {

struct PlanInput {
  const Schema& schema;
  Value prior;     // null on create
  Value proposed;  // Terraform's proposed new state; null on destroy
  Value config;    // null on destroy
};

struct PlanOutput {
  Value planned;
  std::vector<AttributePath> requires_replace;
  Diagnostics diagnostics;
};

// Rules, per attribute (recursively through nested attributes and blocks):
//  - destroy (proposed null): planned is null;
//  - configured values are kept as configured, unknowns stay unknown;
//  - a configured value that is semantically equal to the prior keeps the prior;
//  - optional+computed left null: default if declared; on create unknown; on update the prior;
//  - computed-only: on create unknown; on update the prior when use_state_for_unknown or when
//    nothing else changes, otherwise unknown;
//  - requires_replace paths are reported where prior and planned differ (never on create).
PlanOutput PlanChange(const PlanInput& input);

// Checks a plan the way Terraform does (objchange.AssertPlanValid): configured values kept
// (or the prior value kept for an equivalent config), only computed attributes filled, unknown
// config stays unknown, block counts match the config, write-only attributes null. The server
// runs it after ModifyPlan so that a resource bug becomes a clear diagnostic naming the
// attribute instead of Terraform's "Provider produced invalid plan".
void CheckPlanValid(const Block& block, const Value& prior, const Value& config,
                    const Value& planned, Diagnostics& diags);

// Checks a value against a planned value the way Terraform does after apply: every known
// planned leaf must be equal in `actual`, and `actual` must be wholly known. Used to turn a
// provider bug into a clear diagnostic instead of Terraform's "inconsistent result".
void CheckAppliedAgainstPlan(const Value& planned, const Value& actual, Diagnostics& diags);

// Runs the schema's validators over a config (skipping unknown and null values) and checks
// required attributes. Paths in diagnostics name the attribute.
void ValidateAgainstSchema(const Block& block, const Value& config, Diagnostics& diags);

}  // namespace opc::framework
