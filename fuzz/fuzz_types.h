// The types the fuzzers decode against: one object that holds every kind of cty type, the way
// a resource schema nests them, and the dynamic pseudo-type.
#pragma once

#include "provider/framework/types.h"

namespace opc::fuzz {

const framework::Type& EveryKindType();

}  // namespace opc::fuzz
