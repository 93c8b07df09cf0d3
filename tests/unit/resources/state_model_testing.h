// Checks that a typed model's StateMapping and its schema agree: the mapping names every
// schema attribute and nothing else, and a value with every attribute set round-trips through
// the model unchanged (so no field reads or writes the wrong attribute).
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "provider/framework/schema.h"
#include "provider/framework/value.h"
#include "provider/resources/state_model.h"

namespace opc::resources::testing {

// A known, non-null value of `type` whose strings differ per attribute (`seed`).
inline framework::Value SampleValue(const framework::Type& type, const std::string& seed) {
  using framework::Type;
  using framework::Value;
  switch (type.kind()) {
    case Type::Kind::kBool:
      return Value::Bool(seed.size() % 2 == 0);
    case Type::Kind::kNumber:
      return Value::Int(static_cast<int64_t>(seed.size()));
    case Type::Kind::kString:
      return Value::String(seed + "-value");
    case Type::Kind::kList:
      return Value::List(type.element(), {SampleValue(type.element(), seed + "[0]")});
    case Type::Kind::kSet:
      return Value::Set(type.element(), {SampleValue(type.element(), seed + "[0]")});
    case Type::Kind::kMap:
      return Value::Map(type.element(), {{"key", SampleValue(type.element(), seed + "[key]")}});
    case Type::Kind::kObject: {
      std::map<std::string, Value> attributes;
      for (const auto& [name, attribute_type] : type.attributes()) {
        attributes[name] = SampleValue(attribute_type, seed + "." + name);
      }
      return Value::Object(type, std::move(attributes));
    }
    default:
      ADD_FAILURE() << "no sample for " << type.FriendlyName();
      return Value();
  }
}

template <typename Model>
void ExpectMappingMatchesSchema(const StateMapping<Model>& mapping,
                                const framework::Schema& schema) {
  std::vector<std::string> mapped = mapping.Names();
  std::vector<std::string> declared;
  for (const framework::Attribute& attribute : schema.block.attributes) {
    declared.push_back(attribute.name);
  }
  for (const framework::NestedBlock& block : schema.block.blocks) {
    declared.push_back(block.type_name);
  }
  std::sort(mapped.begin(), mapped.end());
  std::sort(declared.begin(), declared.end());
  EXPECT_EQ(mapped, declared) << "the model must map every schema attribute, and only those";

  const framework::Type type = schema.ImpliedType();
  const framework::Value sample = SampleValue(type, "");
  EXPECT_EQ(mapping.Write(mapping.Read(sample), type), sample)
      << "a field reads or writes another attribute";
  const framework::Value null = framework::Value::Object(type, {});
  EXPECT_EQ(mapping.Write(mapping.Read(null), type), null) << "null attributes stay null";
}

}  // namespace opc::resources::testing
