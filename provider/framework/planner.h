// The generic planner: Terraform's resource-instance change lifecycle applied from the schema,
// so that no resource can produce an invalid plan by forgetting a rule.
#pragma once

#include <vector>

#include "provider/framework/attribute_path.h"
#include "provider/framework/config_validation.h"
#include "provider/framework/diagnostics.h"
#include "provider/framework/objchange_compatible.h"
#include "provider/framework/objchange_plan_valid.h"
#include "provider/framework/requires_replace.h"
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

// The plan starts from Terraform's proposed new state, as fwserver's PlanResourceChange does;
// the config says what the user left null or unknown, the prior gives semantic equality, the
// pairing of set elements and the values of computed attributes. Rules, per attribute
// (recursively through nested attributes and blocks):
//  - destroy (proposed null): planned is null;
//  - configured values are kept as proposed (that is, as configured), unknowns stay unknown;
//  - a configured value that is semantically equal to the prior keeps the prior;
//  - optional+computed left null: on create unknown; on update the prior;
//  - computed-only: on create unknown; on update the prior when nothing else changes,
//    otherwise unknown;
//  - then, for computed attributes left null, the attribute's plan modifiers in order
//    (planmodifier.h: Default, UseStateForUnknown keeps a known prior for an unknown);
//  - requires-replace paths where prior and planned differ and a RequiresReplace(If) modifier
//    says so (never on create), sorted and de-duplicated.
PlanOutput PlanChange(const PlanInput& input);

}  // namespace opc::framework
