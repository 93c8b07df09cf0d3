// For tests that restate a schema: the attribute by name, or a test failure naming it (and an
// empty attribute) when the schema has none, instead of dereferencing a null lookup.
#pragma once

#include <gtest/gtest.h>

#include <string_view>

#include "provider/framework/planmodifier.h"
#include "provider/framework/schema.h"

namespace opc::resources {

inline const framework::Attribute& AttributeOf(const framework::Schema& schema,
                                               std::string_view name) {
  static const framework::Attribute kMissing;
  const framework::Attribute* attribute = schema.block.FindAttribute(name);
  EXPECT_NE(attribute, nullptr) << "the schema has no attribute " << name;
  return attribute != nullptr ? *attribute : kMissing;
}

// Whether the attribute lists a plan modifier of type M (e.g. framework::RequiresReplaceModifier).
template <typename M>
bool Has(const framework::Attribute& attribute) {
  return framework::FindPlanModifier<M>(attribute) != nullptr;
}

// The attribute's default, or null when it declares none.
inline framework::Value DefaultOf(const framework::Attribute& attribute) {
  const auto* modifier = framework::FindPlanModifier<framework::DefaultModifier>(attribute);
  return modifier != nullptr ? modifier->value() : framework::Value::Null(attribute.type);
}

}  // namespace opc::resources
