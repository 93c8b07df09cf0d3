#include "provider/framework/types.h"

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "absl/status/status.h"

namespace opc::framework {

struct Type::Structure {
  std::vector<Type> element;  // collections: exactly one entry (avoids a recursive member)
  std::map<std::string, Type> attributes;
  std::set<std::string> optional;
  std::vector<Type> elements;
};

namespace {

[[noreturn]] void Die(const char* what) {
  std::fprintf(stderr, "opc::framework::Type: %s\n", what);
  std::abort();
}

const char* PrimitiveName(Type::Kind kind) {
  switch (kind) {
    case Type::Kind::kDynamic:
      return "dynamic";
    case Type::Kind::kBool:
      return "bool";
    case Type::Kind::kNumber:
      return "number";
    case Type::Kind::kString:
      return "string";
    default:
      return nullptr;
  }
}

const char* CollectionName(Type::Kind kind) {
  switch (kind) {
    case Type::Kind::kList:
      return "list";
    case Type::Kind::kSet:
      return "set";
    case Type::Kind::kMap:
      return "map";
    default:
      return nullptr;
  }
}

absl::Status Invalid(const std::string& message) {
  return absl::InvalidArgumentError("invalid type JSON: " + message);
}

}  // namespace

Type::Type() : kind_(Kind::kDynamic) {}

Type Type::Dynamic() { return Type(); }

Type Type::Bool() {
  Type t;
  t.kind_ = Kind::kBool;
  return t;
}

Type Type::Number() {
  Type t;
  t.kind_ = Kind::kNumber;
  return t;
}

Type Type::String() {
  Type t;
  t.kind_ = Kind::kString;
  return t;
}

Type Type::List(Type element) {
  Type t;
  t.kind_ = Kind::kList;
  auto s = std::make_shared<Structure>();
  s->element.push_back(std::move(element));
  t.structure_ = std::move(s);
  return t;
}

Type Type::Set(Type element) {
  Type t = List(std::move(element));
  t.kind_ = Kind::kSet;
  return t;
}

Type Type::Map(Type element) {
  Type t = List(std::move(element));
  t.kind_ = Kind::kMap;
  return t;
}

Type Type::Object(std::map<std::string, Type> attributes, std::set<std::string> optional) {
  Type t;
  t.kind_ = Kind::kObject;
  auto s = std::make_shared<Structure>();
  s->attributes = std::move(attributes);
  // Optional names must be attributes of the object; others are meaningless.
  for (auto& name : optional) {
    if (s->attributes.count(name) > 0) {
      s->optional.insert(name);
    }
  }
  t.structure_ = std::move(s);
  return t;
}

Type Type::Tuple(std::vector<Type> elements) {
  Type t;
  t.kind_ = Kind::kTuple;
  auto s = std::make_shared<Structure>();
  s->elements = std::move(elements);
  t.structure_ = std::move(s);
  return t;
}

bool Type::IsPrimitive() const {
  return kind_ == Kind::kBool || kind_ == Kind::kNumber || kind_ == Kind::kString;
}

bool Type::IsCollection() const {
  return kind_ == Kind::kList || kind_ == Kind::kSet || kind_ == Kind::kMap;
}

const Type& Type::element() const {
  if (!IsCollection()) {
    Die("element() called on a type that is not a collection");
  }
  return structure_->element.front();
}

const std::map<std::string, Type>& Type::attributes() const {
  if (kind_ != Kind::kObject) {
    Die("attributes() called on a type that is not an object");
  }
  return structure_->attributes;
}

const std::set<std::string>& Type::optional_attributes() const {
  if (kind_ != Kind::kObject) {
    Die("optional_attributes() called on a type that is not an object");
  }
  return structure_->optional;
}

const std::vector<Type>& Type::elements() const {
  if (kind_ != Kind::kTuple) {
    Die("elements() called on a type that is not a tuple");
  }
  return structure_->elements;
}

bool Type::operator==(const Type& other) const {
  if (kind_ != other.kind_) {
    return false;
  }
  if (structure_ == other.structure_) {
    return true;  // same shared payload, or both primitive
  }
  switch (kind_) {
    case Kind::kList:
    case Kind::kSet:
    case Kind::kMap:
      return element() == other.element();
    case Kind::kObject:
      return structure_->attributes == other.structure_->attributes &&
             structure_->optional == other.structure_->optional;
    case Kind::kTuple:
      return structure_->elements == other.structure_->elements;
    default:
      return true;
  }
}

nlohmann::json Type::ToJson() const {
  if (const char* name = PrimitiveName(kind_)) {
    return name;
  }
  if (const char* name = CollectionName(kind_)) {
    return nlohmann::json::array({name, element().ToJson()});
  }
  if (kind_ == Kind::kObject) {
    nlohmann::json attrs = nlohmann::json::object();
    for (const auto& [name, type] : structure_->attributes) {
      attrs[name] = type.ToJson();
    }
    nlohmann::json out = nlohmann::json::array({"object", std::move(attrs)});
    if (!structure_->optional.empty()) {
      nlohmann::json names = nlohmann::json::array();
      for (const auto& name : structure_->optional) {
        names.push_back(name);
      }
      out.push_back(std::move(names));
    }
    return out;
  }
  nlohmann::json elems = nlohmann::json::array();
  for (const auto& type : structure_->elements) {
    elems.push_back(type.ToJson());
  }
  return nlohmann::json::array({"tuple", std::move(elems)});
}

namespace {

// Type JSON comes from Terraform inside dynamic values; bound the recursion all the same.
constexpr int kMaxTypeDepth = 64;

absl::StatusOr<Type> ParseType(const nlohmann::json& json, int depth) {
  if (depth > kMaxTypeDepth) {
    return Invalid("types nest too deeply");
  }
  if (json.is_string()) {
    const auto& name = json.get_ref<const std::string&>();
    if (name == "string") {
      return Type::String();
    }
    if (name == "number") {
      return Type::Number();
    }
    if (name == "bool") {
      return Type::Bool();
    }
    if (name == "dynamic") {
      return Type::Dynamic();
    }
    return Invalid("unsupported primitive type \"" + name + "\"");
  }
  if (!json.is_array() || json.size() < 2 || !json[0].is_string()) {
    return Invalid(
        "expected a type name or a [kind, ...] array, got " +
        json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace).substr(0, 200));
  }
  const auto& kind = json[0].get_ref<const std::string&>();
  if (kind == "list" || kind == "set" || kind == "map") {
    if (json.size() != 2) {
      return Invalid("a " + kind + " type has exactly one element type");
    }
    auto element = ParseType(json[1], depth + 1);
    if (!element.ok()) {
      return element.status();
    }
    if (kind == "list") {
      return Type::List(*std::move(element));
    }
    if (kind == "set") {
      return Type::Set(*std::move(element));
    }
    return Type::Map(*std::move(element));
  }
  if (kind == "object") {
    if (json.size() > 3 || !json[1].is_object()) {
      return Invalid("an object type is [\"object\", {attributes}] with an optional name list");
    }
    std::map<std::string, Type> attributes;
    for (const auto& [name, value] : json[1].items()) {
      auto type = ParseType(value, depth + 1);
      if (!type.ok()) {
        return type.status();
      }
      attributes.emplace(name, *std::move(type));
    }
    std::set<std::string> optional;
    if (json.size() == 3) {
      if (!json[2].is_array()) {
        return Invalid("the optional attributes of an object type must be a list of names");
      }
      for (const auto& name : json[2]) {
        if (!name.is_string() || attributes.count(name.get<std::string>()) == 0) {
          return Invalid("optional attribute " + name.dump() +
                         " is not an attribute of the object");
        }
        optional.insert(name.get<std::string>());
      }
    }
    return Type::Object(std::move(attributes), std::move(optional));
  }
  if (kind == "tuple") {
    if (json.size() != 2 || !json[1].is_array()) {
      return Invalid("a tuple type is [\"tuple\", [element types]]");
    }
    std::vector<Type> elements;
    for (const auto& value : json[1]) {
      auto type = ParseType(value, depth + 1);
      if (!type.ok()) {
        return type.status();
      }
      elements.push_back(*std::move(type));
    }
    return Type::Tuple(std::move(elements));
  }
  return Invalid("unsupported type kind \"" + kind + "\"");
}

}  // namespace

absl::StatusOr<Type> Type::FromJson(const nlohmann::json& json) { return ParseType(json, 0); }

absl::StatusOr<Type> Type::FromJsonString(std::string_view text) {
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) {
    return Invalid("not valid JSON: " + std::string(text.substr(0, 200)));
  }
  return FromJson(json);
}

std::string Type::FriendlyName() const {
  if (const char* name = PrimitiveName(kind_)) {
    return name;
  }
  if (const char* name = CollectionName(kind_)) {
    return std::string(name) + " of " + element().FriendlyName();
  }
  return kind_ == Kind::kObject ? "object" : "tuple";
}

}  // namespace opc::framework
