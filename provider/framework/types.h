// Terraform's type system (cty): primitive, collection, structural and dynamic types.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace opc::framework {

class Type {
 public:
  enum class Kind { kDynamic, kBool, kNumber, kString, kList, kSet, kMap, kObject, kTuple };

  Type();  // dynamic
  static Type Dynamic();
  static Type Bool();
  static Type Number();
  static Type String();
  static Type List(Type element);
  static Type Set(Type element);
  static Type Map(Type element);
  // `optional` names attributes that may be omitted in type constraints; schema types have none.
  static Type Object(std::map<std::string, Type> attributes, std::set<std::string> optional = {});
  static Type Tuple(std::vector<Type> elements);

  Kind kind() const { return kind_; }
  bool IsPrimitive() const;
  bool IsCollection() const;  // list, set, map
  bool IsDynamic() const { return kind_ == Kind::kDynamic; }

  // Collections: the element type. Must not be called on other kinds.
  const Type& element() const;
  // Objects: attribute types, sorted by name, and the optional attribute names.
  const std::map<std::string, Type>& attributes() const;
  const std::set<std::string>& optional_attributes() const;
  // Tuples: element types in order.
  const std::vector<Type>& elements() const;

  bool operator==(const Type& other) const;
  bool operator!=(const Type& other) const { return !(*this == other); }

  // Type JSON as in Schema.Attribute.type: "string", ["list","string"], ["object",{...}], ...
  nlohmann::json ToJson() const;
  std::string ToJsonString() const { return ToJson().dump(); }
  static absl::StatusOr<Type> FromJson(const nlohmann::json& json);
  static absl::StatusOr<Type> FromJsonString(std::string_view text);

  // Human form for diagnostics: "list of string", "object", ...
  std::string FriendlyName() const;

 private:
  struct Structure;  // shared, immutable payload for non-primitive kinds
  Kind kind_;
  std::shared_ptr<const Structure> structure_;
};

}  // namespace opc::framework
