// Checks that a typed model's StateMapping and its schema agree: the mapping names every
// schema attribute (nested ones too, except inside Raw fields) and nothing else, and a value
// with every attribute set round-trips through the model unchanged (so no field reads one
// attribute and writes another). Two members swapped in both directions still round-trip: each
// model's own test sets every member and checks the attribute it lands in.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <functional>
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
      // Distinct per attribute, so that two numbers mapped to each other's member differ.
      return Value::Int(static_cast<int64_t>(std::hash<std::string>{}(seed) % 1000003));
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

// Every attribute path of `block`, nested ones as "parent.child"; nothing below `opaque` paths.
inline void AppendSchemaPaths(const framework::Block& block, const std::string& prefix,
                              const std::vector<std::string>& opaque,
                              std::vector<std::string>& paths) {
  auto is_opaque = [&](const std::string& path) {
    return std::find(opaque.begin(), opaque.end(), path) != opaque.end();
  };
  std::function<void(const std::vector<framework::Attribute>&, const std::string&)> attributes =
      [&](const std::vector<framework::Attribute>& list, const std::string& at) {
        for (const framework::Attribute& attribute : list) {
          const std::string path = at + attribute.name;
          paths.push_back(path);
          if (attribute.nested && !is_opaque(path)) {
            attributes(attribute.nested->attributes, path + ".");
          }
        }
      };
  attributes(block.attributes, prefix);
  for (const framework::NestedBlock& nested : block.blocks) {
    const std::string path = prefix + nested.type_name;
    paths.push_back(path);
    if (nested.block && !is_opaque(path)) {
      AppendSchemaPaths(*nested.block, path + ".", opaque, paths);
    }
  }
}

template <typename Model>
void ExpectMappingMatchesSchema(const StateMapping<Model>& mapping,
                                const framework::Schema& schema) {
  std::vector<std::string> mapped;
  std::vector<std::string> opaque;
  mapping.AppendPaths("", mapped, opaque);
  std::vector<std::string> declared;
  AppendSchemaPaths(schema.block, "", opaque, declared);
  std::sort(mapped.begin(), mapped.end());
  std::sort(declared.begin(), declared.end());
  EXPECT_EQ(mapped, declared)
      << "the model must map every schema attribute (nested ones too), and only those";

  const framework::Type type = schema.ImpliedType();
  const framework::Value sample = SampleValue(type, "");
  EXPECT_EQ(mapping.Write(mapping.Read(sample), type), sample)
      << "a field reads or writes another attribute";
  const framework::Value null = framework::Value::Object(type, {});
  EXPECT_EQ(mapping.Write(mapping.Read(null), type), null) << "null attributes stay null";
}

// A number that stands for an attribute path, for models whose members are each set to what
// names their attribute.
inline int64_t PathNumber(const std::string& path) {
  return static_cast<int64_t>(std::hash<std::string>{}(path) % 1000003);
}

// For a value written from a model whose every member holds what names its own attribute (a
// string "parent.child", a list of that one string, PathNumber("parent.child")): each attribute
// holds its own path, so a member mapped to another attribute fails here, naming both. Nothing
// may be null (a member left unset); bools are the caller's to check.
inline void ExpectEveryAttributeHoldsItsPath(const framework::Value& object,
                                             const std::string& prefix = "") {
  using framework::Type;
  using framework::Value;
  for (const auto& [name, value] : object.Attributes()) {
    const std::string path = prefix + name;
    if (!value.IsKnown() || value.IsNull()) {
      ADD_FAILURE() << path << " is " << value.DebugString() << ": set its member";
      continue;
    }
    switch (value.type().kind()) {
      case Type::Kind::kString:
        EXPECT_EQ(value.DebugString(), Value::String(path).DebugString()) << "attribute " << path;
        break;
      case Type::Kind::kNumber:
        EXPECT_EQ(value.DebugString(), Value::Int(PathNumber(path)).DebugString())
            << "attribute " << path;
        break;
      case Type::Kind::kBool:
        break;
      case Type::Kind::kObject:
        ExpectEveryAttributeHoldsItsPath(value, path + ".");
        break;
      case Type::Kind::kList:
      case Type::Kind::kSet:
        EXPECT_FALSE(value.Elements().empty()) << path << ": give it an element";
        for (const Value& element : value.Elements()) {
          if (element.type().kind() == Type::Kind::kObject) {
            ExpectEveryAttributeHoldsItsPath(element, path + ".");
          } else {
            EXPECT_EQ(element.DebugString(), Value::String(path).DebugString())
                << "element of " << path;
          }
        }
        break;
      default:
        ADD_FAILURE() << path << ": no check for " << value.type().FriendlyName();
    }
  }
}

}  // namespace opc::resources::testing
