// Schemas for the provider, resources and data sources, with the plan behaviour of each
// attribute declared next to it (the generic planner reads these; resources add only hooks).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "provider/framework/attribute_path.h"
#include "provider/framework/diagnostics.h"
#include "provider/framework/planmodifier.h"
#include "provider/framework/types.h"
#include "provider/framework/value.h"

namespace opc::framework {

// Checks a configured value (called only for known, non-null values). Adds diagnostics with
// the given path.
using Validator =
    std::function<void(const Value& value, const AttributePath& path, Diagnostics& diags)>;

// Returns true when `prior` and `config` are the same value in the service's eyes (e.g. two
// spellings of one E.164 number), so the planner keeps the prior value and shows no diff.
using SemanticEquality = std::function<bool(const Value& prior, const Value& config)>;

struct NestedAttributes;  // attributes of a nested_type

struct Attribute {
  std::string name;
  Type type;                                 // ignored when `nested` is set
  std::shared_ptr<NestedAttributes> nested;  // nested_type (attributes of an object)
  std::string description;                   // markdown
  bool required = false;
  bool optional = false;
  bool computed = false;
  bool sensitive = false;
  bool write_only = false;
  bool deprecated = false;

  // Plan behaviour, run in order by the planner (planmodifier.h: RequiresReplace,
  // RequiresReplaceIf, UseStateForUnknown, Default).
  PlanModifiers plan_modifiers;
  SemanticEquality semantic_equality;
  std::vector<Validator> validators;

  // The type Terraform sees (the implied type of `nested` when set).
  Type EffectiveType() const;
};

// The attribute's first plan modifier of type T (e.g. DefaultModifier), or nullptr.
template <typename T>
const T* FindPlanModifier(const Attribute& attribute) {
  for (const auto& m : attribute.plan_modifiers) {
    if (const auto* t = dynamic_cast<const T*>(m.get())) {
      return t;
    }
  }
  return nullptr;
}

struct NestedAttributes {
  enum class Nesting { kSingle, kList, kSet, kMap };
  Nesting nesting = Nesting::kSingle;
  std::vector<Attribute> attributes;
};

struct Block;

struct NestedBlock {
  enum class Nesting { kSingle, kList, kSet, kMap, kGroup };
  std::string type_name;
  std::shared_ptr<Block> block;
  Nesting nesting = Nesting::kSingle;
  int64_t min_items = 0;
  int64_t max_items = 0;
};

struct Block {
  std::vector<Attribute> attributes;
  std::vector<NestedBlock> blocks;
  std::string description;  // markdown
  bool deprecated = false;

  const Attribute* FindAttribute(std::string_view name) const;
  const NestedBlock* FindBlock(std::string_view name) const;
  // The object type every DynamicValue for this block is encoded as.
  Type ImpliedType() const;
};

struct Schema {
  int64_t version = 0;
  Block block;
  Type ImpliedType() const { return block.ImpliedType(); }
};

// Convenience builders so resource schemas read declaratively.
Attribute RequiredString(std::string name, std::string description);
Attribute OptionalString(std::string name, std::string description);
Attribute ComputedString(std::string name, std::string description);
Attribute OptionalComputedString(std::string name, std::string description);

// Reusable validators.
namespace validators {
Validator OneOf(std::vector<std::string> allowed);              // string in a fixed set
Validator MatchesRegex(std::string pattern, std::string what);  // "what" names the format
Validator LengthBetween(size_t min, size_t max);
Validator NumberBetween(double min, double max);
Validator SetSizeAtLeast(size_t min);
Validator EachString(Validator each);  // applies to each element
}  // namespace validators

}  // namespace opc::framework
