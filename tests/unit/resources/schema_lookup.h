// For tests that restate a schema: the attribute by name, or a test failure naming it (and an
// empty attribute) when the schema has none, instead of dereferencing a null lookup.
#pragma once

#include <gtest/gtest.h>

#include <string_view>

#include "provider/framework/schema.h"

namespace opc::resources {

inline const framework::Attribute& AttributeOf(const framework::Schema& schema,
                                               std::string_view name) {
  static const framework::Attribute kMissing;
  const framework::Attribute* attribute = schema.block.FindAttribute(name);
  EXPECT_NE(attribute, nullptr) << "the schema has no attribute " << name;
  return attribute != nullptr ? *attribute : kMissing;
}

}  // namespace opc::resources
