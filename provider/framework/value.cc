#include "provider/framework/value.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <utility>
#include <variant>

namespace opc::framework {

struct Value::Payload {
  std::variant<std::monostate, bool, framework::Number, std::string, std::vector<Value>,
               std::map<std::string, Value>>
      data;
  Refinements refinements;  // unknown values only
};

namespace {

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "opc::framework::Value: %s\n", what.c_str());
  std::abort();
}

// Nulls and unknowns take the type of the slot they are put in, so that a `Value()` placed in a
// string attribute equals the null string Terraform sends.
Value Retyped(const Value& v, const Type& slot) {
  if (slot.IsDynamic() || v.IsKnown() || v.type() == slot) {
    return v;
  }
  return v.IsNull() ? Value::Null(slot) : Value::Unknown(slot, v.refinements());
}

int StateRank(const Value& v) { return v.IsNull() ? 0 : (v.IsUnknown() ? 1 : 2); }

// A total order over values, consistent with Equals; used to keep set elements canonical.
int Compare(const Value& a, const Value& b) {
  if (int d = StateRank(a) - StateRank(b); d != 0) {
    return d;
  }
  auto ka = static_cast<int>(a.type().kind());
  auto kb = static_cast<int>(b.type().kind());
  if (ka != kb) {
    return ka - kb;
  }
  int c = 0;
  if (a.IsKnown()) {
    switch (a.type().kind()) {
      case Type::Kind::kBool:
        c = static_cast<int>(a.AsBool()) - static_cast<int>(b.AsBool());
        break;
      case Type::Kind::kNumber:
        c = a.AsNumber() < b.AsNumber() ? -1 : (b.AsNumber() < a.AsNumber() ? 1 : 0);
        break;
      case Type::Kind::kString:
        c = a.AsString().compare(b.AsString());
        break;
      case Type::Kind::kList:
      case Type::Kind::kSet:
      case Type::Kind::kTuple: {
        const auto& ea = a.Elements();
        const auto& eb = b.Elements();
        for (size_t i = 0; c == 0 && i < ea.size() && i < eb.size(); ++i) {
          c = Compare(ea[i], eb[i]);
        }
        if (c == 0 && ea.size() != eb.size()) {
          c = ea.size() < eb.size() ? -1 : 1;
        }
        break;
      }
      case Type::Kind::kMap:
      case Type::Kind::kObject: {
        const auto& ma = a.type().kind() == Type::Kind::kMap ? a.MapElements() : a.Attributes();
        const auto& mb = b.type().kind() == Type::Kind::kMap ? b.MapElements() : b.Attributes();
        auto ia = ma.begin();
        auto ib = mb.begin();
        for (; c == 0 && ia != ma.end() && ib != mb.end(); ++ia, ++ib) {
          c = ia->first.compare(ib->first);
          if (c == 0) {
            c = Compare(ia->second, ib->second);
          }
        }
        if (c == 0 && ma.size() != mb.size()) {
          c = ma.size() < mb.size() ? -1 : 1;
        }
        break;
      }
      case Type::Kind::kDynamic:
        break;
    }
  }
  if (c == 0 && a.type() != b.type()) {
    c = a.type().ToJsonString().compare(b.type().ToJsonString());
  }
  return c;
}

std::string Quote(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

bool Refinements::empty() const {
  return !definitely_not_null && !string_prefix && !number_lower && !number_upper &&
         !length_lower && !length_upper;
}

bool Refinements::operator==(const Refinements& o) const {
  return definitely_not_null == o.definitely_not_null && string_prefix == o.string_prefix &&
         number_lower == o.number_lower && number_upper == o.number_upper &&
         length_lower == o.length_lower && length_upper == o.length_upper;
}

Value::Value() = default;

Value Value::Null(Type type) {
  Value v;
  v.type_ = std::move(type);
  v.state_ = State::kNull;
  return v;
}

Value Value::Unknown(Type type, Refinements refinements) {
  Value v;
  v.type_ = std::move(type);
  v.state_ = State::kUnknown;
  if (!refinements.empty()) {
    auto p = std::make_shared<Payload>();
    p->refinements = std::move(refinements);
    v.payload_ = std::move(p);
  }
  return v;
}

Value Value::Bool(bool b) {
  Value v;
  v.type_ = Type::Bool();
  v.state_ = State::kKnown;
  v.payload_ = std::make_shared<Payload>(Payload{b, {}});
  return v;
}

Value Value::Number(framework::Number n) {
  Value v;
  v.type_ = Type::Number();
  v.state_ = State::kKnown;
  v.payload_ = std::make_shared<Payload>(Payload{std::move(n), {}});
  return v;
}

Value Value::String(std::string s) {
  Value v;
  v.type_ = Type::String();
  v.state_ = State::kKnown;
  v.payload_ = std::make_shared<Payload>(Payload{std::move(s), {}});
  return v;
}

Value Value::List(Type element, std::vector<Value> elements) {
  for (auto& e : elements) {
    e = Retyped(e, element);
  }
  Value v;
  v.type_ = Type::List(std::move(element));
  v.state_ = State::kKnown;
  v.payload_ = std::make_shared<Payload>(Payload{std::move(elements), {}});
  return v;
}

Value Value::Set(Type element, std::vector<Value> elements) {
  for (auto& e : elements) {
    e = Retyped(e, element);
  }
  std::stable_sort(elements.begin(), elements.end(),
                   [](const Value& a, const Value& b) { return Compare(a, b) < 0; });
  // Equal known elements collapse; unknown ones stay distinct, as in cty.
  std::vector<Value> unique;
  for (auto& e : elements) {
    if (!unique.empty() && e.IsWhollyKnown() && unique.back().IsWhollyKnown() &&
        unique.back().Equals(e)) {
      continue;
    }
    unique.push_back(std::move(e));
  }
  Value v;
  v.type_ = Type::Set(std::move(element));
  v.state_ = State::kKnown;
  v.payload_ = std::make_shared<Payload>(Payload{std::move(unique), {}});
  return v;
}

Value Value::Map(Type element, std::map<std::string, Value> elements) {
  for (auto& [key, e] : elements) {
    e = Retyped(e, element);
  }
  Value v;
  v.type_ = Type::Map(std::move(element));
  v.state_ = State::kKnown;
  v.payload_ = std::make_shared<Payload>(Payload{std::move(elements), {}});
  return v;
}

Value Value::Tuple(std::vector<Value> elements) {
  std::vector<Type> types;
  types.reserve(elements.size());
  for (const auto& e : elements) {
    types.push_back(e.type());
  }
  Value v;
  v.type_ = Type::Tuple(std::move(types));
  v.state_ = State::kKnown;
  v.payload_ = std::make_shared<Payload>(Payload{std::move(elements), {}});
  return v;
}

Value Value::Object(std::map<std::string, Value> attributes) {
  std::map<std::string, Type> types;
  for (const auto& [name, a] : attributes) {
    types.emplace(name, a.type());
  }
  Value v;
  v.type_ = Type::Object(std::move(types));
  v.state_ = State::kKnown;
  v.payload_ = std::make_shared<Payload>(Payload{std::move(attributes), {}});
  return v;
}

Value Value::Object(const Type& type, std::map<std::string, Value> attributes) {
  if (type.kind() != Type::Kind::kObject) {
    Die("Object() needs an object type, got " + type.FriendlyName());
  }
  // The common case (a decoder or transform built exactly the type's attributes) keeps the map
  // it was given instead of copying every name and value into a new one. Otherwise attributes
  // the type does not name are dropped (the type is the contract) and missing ones are null.
  const auto& slots = type.attributes();
  const bool same_names =
      attributes.size() == slots.size() &&
      std::equal(attributes.begin(), attributes.end(), slots.begin(),
                 [](const auto& a, const auto& slot) { return a.first == slot.first; });
  std::map<std::string, Value> shaped;
  if (same_names) {
    shaped = std::move(attributes);
    auto slot = slots.begin();
    for (auto& [name, value] : shaped) {
      if (!value.IsKnown() && value.type() != slot->second) {
        value = Retyped(value, slot->second);  // only nulls and unknowns ever change type
      }
      ++slot;
    }
  } else {
    for (const auto& [name, attr_type] : slots) {
      auto it = attributes.find(name);
      shaped.emplace(name,
                     it == attributes.end() ? Null(attr_type) : Retyped(it->second, attr_type));
    }
  }
  Value v;
  v.type_ = type;
  v.state_ = State::kKnown;
  v.payload_ = std::make_shared<Payload>(Payload{std::move(shaped), {}});
  return v;
}

bool Value::IsWhollyKnown() const {
  if (IsUnknown()) {
    return false;
  }
  if (IsNull()) {
    return true;
  }
  switch (type_.kind()) {
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kTuple:
      return std::all_of(Elements().begin(), Elements().end(),
                         [](const Value& e) { return e.IsWhollyKnown(); });
    case Type::Kind::kMap:
    case Type::Kind::kObject: {
      const auto& m = std::get<std::map<std::string, Value>>(payload_->data);
      return std::all_of(m.begin(), m.end(),
                         [](const auto& kv) { return kv.second.IsWhollyKnown(); });
    }
    default:
      return true;
  }
}

const Refinements& Value::refinements() const {
  static const Refinements kNone;
  return IsUnknown() && payload_ ? payload_->refinements : kNone;
}

bool Value::AsBool() const {
  if (!IsKnown() || type_.kind() != Type::Kind::kBool) {
    Die("AsBool() on " + DebugString() + " of type " + type_.FriendlyName());
  }
  return std::get<bool>(payload_->data);
}

const framework::Number& Value::AsNumber() const {
  if (!IsKnown() || type_.kind() != Type::Kind::kNumber) {
    Die("AsNumber() on " + DebugString() + " of type " + type_.FriendlyName());
  }
  return std::get<framework::Number>(payload_->data);
}

const std::string& Value::AsString() const {
  if (!IsKnown() || type_.kind() != Type::Kind::kString) {
    Die("AsString() on " + DebugString() + " of type " + type_.FriendlyName());
  }
  return std::get<std::string>(payload_->data);
}

const std::vector<Value>& Value::Elements() const {
  auto k = type_.kind();
  if (!IsKnown() || (k != Type::Kind::kList && k != Type::Kind::kSet && k != Type::Kind::kTuple)) {
    Die("Elements() on " + DebugString() + " of type " + type_.FriendlyName());
  }
  return std::get<std::vector<Value>>(payload_->data);
}

const std::map<std::string, Value>& Value::MapElements() const {
  if (!IsKnown() || type_.kind() != Type::Kind::kMap) {
    Die("MapElements() on " + DebugString() + " of type " + type_.FriendlyName());
  }
  return std::get<std::map<std::string, Value>>(payload_->data);
}

const std::map<std::string, Value>& Value::Attributes() const {
  if (!IsKnown() || type_.kind() != Type::Kind::kObject) {
    Die("Attributes() on " + DebugString() + " of type " + type_.FriendlyName());
  }
  return std::get<std::map<std::string, Value>>(payload_->data);
}

const Value& Value::GetAttr(const std::string& name) const {
  static const Value kNull;
  if (!IsKnown() || type_.kind() != Type::Kind::kObject) {
    return kNull;
  }
  const auto& attrs = std::get<std::map<std::string, Value>>(payload_->data);
  auto it = attrs.find(name);
  return it == attrs.end() ? kNull : it->second;
}

Value Value::WithAttr(const std::string& name, Value v) const {
  if (type_.kind() != Type::Kind::kObject) {
    Die("WithAttr() on a value of type " + type_.FriendlyName());
  }
  std::map<std::string, Value> attrs;
  if (IsKnown()) {
    attrs = Attributes();
  } else {
    // A null or unknown object becomes a known one with every other attribute null.
    for (const auto& [attr, attr_type] : type_.attributes()) {
      attrs.emplace(attr, Null(attr_type));
    }
  }
  auto types = type_.attributes();
  auto slot = types.find(name);
  if (slot != types.end()) {
    v = Retyped(v, slot->second);
    attrs[name] = std::move(v);
    return Object(type_, std::move(attrs));
  }
  types.emplace(name, v.type());
  attrs[name] = std::move(v);
  return Object(Type::Object(std::move(types), type_.optional_attributes()), std::move(attrs));
}

bool Value::Equals(const Value& other) const {
  if (state_ != other.state_ || type_ != other.type_) {
    return false;
  }
  if (state_ != State::kKnown) {
    return true;
  }
  if (payload_ == other.payload_) {
    return true;
  }
  return payload_->data == other.payload_->data;
}

std::string Value::DebugString() const {
  if (IsNull()) {
    return "null";
  }
  if (IsUnknown()) {
    return "(unknown)";
  }
  std::string out;
  switch (type_.kind()) {
    case Type::Kind::kBool:
      return AsBool() ? "true" : "false";
    case Type::Kind::kNumber:
      return AsNumber().ToString();
    case Type::Kind::kString:
      return Quote(AsString());
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kTuple: {
      out = "[";
      bool first = true;
      for (const auto& e : Elements()) {
        out += first ? "" : ", ";
        out += e.DebugString();
        first = false;
      }
      return out + "]";
    }
    case Type::Kind::kMap:
    case Type::Kind::kObject: {
      bool is_map = type_.kind() == Type::Kind::kMap;
      out = "{";
      bool first = true;
      for (const auto& [key, e] : is_map ? MapElements() : Attributes()) {
        out += first ? "" : ", ";
        out += (is_map ? Quote(key) : key) + " = " + e.DebugString();
        first = false;
      }
      return out + "}";
    }
    case Type::Kind::kDynamic:
      break;
  }
  return "(invalid)";
}

Value MakeSequence(const Type& type, std::vector<Value> elements) {
  switch (type.kind()) {
    case Type::Kind::kList:
      return Value::List(type.element(), std::move(elements));
    case Type::Kind::kSet:
      return Value::Set(type.element(), std::move(elements));
    default:
      return Value::Tuple(std::move(elements));
  }
}

Value MakeMapping(const Type& type, std::map<std::string, Value> elements) {
  if (type.kind() == Type::Kind::kMap) {
    return Value::Map(type.element(), std::move(elements));
  }
  return Value::Object(type, std::move(elements));
}

absl::StatusOr<Value> TransformChildren(const Value& v, const Type& type, const AttributePath& path,
                                        const ChildTransform& f) {
  if (!v.IsKnown()) {
    return v;
  }
  auto error = [&](const AttributePath& at, const std::string& message) {
    return absl::InvalidArgumentError(at.empty() ? message : at.ToString() + ": " + message);
  };
  switch (type.kind()) {
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kTuple: {
      const auto& elements = v.Elements();
      bool tuple = type.kind() == Type::Kind::kTuple;
      if (tuple && elements.size() != type.elements().size()) {
        return error(
            path, "a tuple of length " + std::to_string(type.elements().size()) + " is required");
      }
      std::vector<Value> out;
      out.reserve(elements.size());
      for (size_t i = 0; i < elements.size(); ++i) {
        auto e = f(elements[i], tuple ? type.elements()[i] : type.element(),
                   type.kind() == Type::Kind::kSet ? path : path.Index(static_cast<int64_t>(i)));
        if (!e.ok()) {
          return e.status();
        }
        out.push_back(*std::move(e));
      }
      return MakeSequence(type, std::move(out));
    }
    case Type::Kind::kMap:
    case Type::Kind::kObject: {
      bool object = type.kind() == Type::Kind::kObject;
      std::map<std::string, Value> out;
      for (const auto& [key, e] : object ? v.Attributes() : v.MapElements()) {
        const Type* et = nullptr;
        if (!object) {
          et = &type.element();
        } else {
          auto it = type.attributes().find(key);
          if (it == type.attributes().end()) {
            return error(path.Attr(key), "unsupported attribute");
          }
          et = &it->second;
        }
        auto c = f(e, *et, object ? path.Attr(key) : path.Key(key));
        if (!c.ok()) {
          return c.status();
        }
        out.emplace(key, *std::move(c));
      }
      return MakeMapping(type, std::move(out));
    }
    default:
      return v;
  }
}

namespace {

Value TransformAt(const Value& v, const AttributePath& path,
                  const std::function<Value(const AttributePath&, const Value&)>& f) {
  // The value's own type: every child keeps its type, so the rebuild cannot fail.
  auto rebuilt = TransformChildren(
      v, v.type(), path,
      [&](const Value& child, const Type&, const AttributePath& at) -> absl::StatusOr<Value> {
        return TransformAt(child, at, f);
      });
  return f(path, rebuilt.ok() ? *rebuilt : v);
}

void WalkAt(const Value& v, const AttributePath& path,
            const std::function<bool(const AttributePath&, const Value&)>& visit) {
  if (!visit(path, v) || !v.IsKnown()) {
    return;
  }
  switch (v.type().kind()) {
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kTuple: {
      bool set = v.type().kind() == Type::Kind::kSet;
      for (size_t i = 0; i < v.Elements().size(); ++i) {
        WalkAt(v.Elements()[i], set ? path : path.Index(static_cast<int64_t>(i)), visit);
      }
      break;
    }
    case Type::Kind::kMap:
      for (const auto& [key, e] : v.MapElements()) {
        WalkAt(e, path.Key(key), visit);
      }
      break;
    case Type::Kind::kObject:
      for (const auto& [name, e] : v.Attributes()) {
        WalkAt(e, path.Attr(name), visit);
      }
      break;
    default:
      break;
  }
}

}  // namespace

Value Transform(const Value& v,
                const std::function<Value(const AttributePath& path, const Value& v)>& f) {
  return TransformAt(v, AttributePath(), f);
}

void Walk(const Value& v,
          const std::function<bool(const AttributePath& path, const Value& v)>& visit) {
  WalkAt(v, AttributePath(), visit);
}

Value NullUnknowns(const Value& v) {
  if (v.IsWhollyKnown()) {
    return v;
  }
  return Transform(v, [](const AttributePath&, const Value& e) {
    return e.IsUnknown() ? Value::Null(e.type()) : e;
  });
}

}  // namespace opc::framework
