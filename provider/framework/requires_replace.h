// The requires-replace collector: which attribute changes of a plan force a new object, by the
// schema's requires_replace rules (fwserver's RequiresReplace plan-modifier responses).
#pragma once

#include <vector>

#include "provider/framework/attribute_path.h"
#include "provider/framework/schema.h"
#include "provider/framework/value.h"

namespace opc::framework {

// Paths of `block` whose planned value differs from the prior and whose rule says the change
// replaces the object. Sorted and free of duplicates.
std::vector<AttributePath> CollectRequiresReplace(const Block& block, const Value& prior,
                                                  const Value& planned);

// Sorts paths and removes duplicates: the one normal form every replace list is reported in.
void SortAndDeduplicate(std::vector<AttributePath>& paths);

}  // namespace opc::framework
