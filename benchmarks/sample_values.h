// Values shaped like the provider's real schemas, for the benchmarks: every leaf filled, and
// collections of objects (the number inventory) grown to a chosen size.
#pragma once

#include <cstddef>
#include <string>

#include "provider/framework/schema.h"
#include "provider/framework/types.h"
#include "provider/framework/value.h"

namespace opc::benchmarks {

// The schema of a registered resource or data source, by type name (aborts if unknown).
framework::Schema ResourceSchema(const std::string& type_name);
framework::Schema DataSourceSchema(const std::string& type_name);

// A known value of `type`: strings derived from `seed`, numbers, true, and `collection_size`
// elements in every list, set and map whose elements are objects (others get two elements).
framework::Value SampleValue(const framework::Type& type, size_t collection_size, size_t seed = 0);

// `value` as a configuration would hold it: top-level computed-only attributes null.
framework::Value AsConfig(const framework::Block& block, const framework::Value& value);

}  // namespace opc::benchmarks
