// JSON, as cty writes it: state in the JSON encoding, dynamic values as {value, type}.
#include <charconv>
#include <cmath>
#include <exception>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "provider/framework/attribute_path.h"
#include "provider/framework/codec.h"
#include "provider/framework/codec_internal.h"

namespace opc::framework {

namespace {

using codec_internal::Error;
using codec_internal::ExactDouble;
using codec_internal::KindMismatch;

absl::StatusOr<nlohmann::json> NumberToJson(const Number& n, const AttributePath& path) {
  if (n.IsInfinity()) {
    return Error(path, "infinity cannot be written as JSON");
  }
  if (auto i = n.ToInt64()) {
    return nlohmann::json(*i);
  }
  const std::string& text = n.ToString();
  if (n.IsInteger() && text.front() != '-') {
    uint64_t u = 0;
    auto result = std::from_chars(text.data(), text.data() + text.size(), u);
    if (result.ec == std::errc() && result.ptr == text.data() + text.size()) {
      return nlohmann::json(u);
    }
  }
  if (auto d = ExactDouble(n)) {
    return nlohmann::json(*d);
  }
  return nlohmann::json(text);  // DecodeJson (and cty) accept numbers written as strings
}

absl::StatusOr<nlohmann::json> ToJson(const Value& v, const Type& slot, const AttributePath& path) {
  if (slot.IsDynamic() && !v.type().IsDynamic()) {
    auto inner = ToJson(v, v.type(), path);
    if (!inner.ok()) {
      return inner.status();
    }
    return nlohmann::json{{"value", *std::move(inner)}, {"type", v.type().ToJson()}};
  }
  if (v.IsUnknown()) {
    return Error(path, "value is not known");
  }
  if (v.IsNull()) {
    return nlohmann::json(nullptr);
  }
  if (v.type().kind() != slot.kind()) {
    return Error(path, KindMismatch(slot, v));
  }
  switch (slot.kind()) {
    case Type::Kind::kBool:
      return nlohmann::json(v.AsBool());
    case Type::Kind::kNumber:
      return NumberToJson(v.AsNumber(), path);
    case Type::Kind::kString:
      return nlohmann::json(v.AsString());
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kTuple: {
      const auto& elements = v.Elements();
      if (slot.kind() == Type::Kind::kTuple && elements.size() != slot.elements().size()) {
        return Error(
            path, "a tuple of length " + std::to_string(slot.elements().size()) + " is required");
      }
      nlohmann::json out = nlohmann::json::array();
      for (size_t i = 0; i < elements.size(); ++i) {
        const Type& et = slot.kind() == Type::Kind::kTuple ? slot.elements()[i] : slot.element();
        auto e = ToJson(elements[i], et, path.Index(static_cast<int64_t>(i)));
        if (!e.ok()) {
          return e.status();
        }
        out.push_back(*std::move(e));
      }
      return out;
    }
    case Type::Kind::kMap: {
      nlohmann::json out = nlohmann::json::object();
      for (const auto& [key, e] : v.MapElements()) {
        auto j = ToJson(e, slot.element(), path.Key(key));
        if (!j.ok()) {
          return j.status();
        }
        out[key] = *std::move(j);
      }
      return out;
    }
    case Type::Kind::kObject: {
      for (const auto& [name, unused] : v.Attributes()) {
        if (slot.attributes().count(name) == 0) {
          return Error(path.Attr(name), "unsupported attribute");
        }
      }
      nlohmann::json out = nlohmann::json::object();
      for (const auto& [name, attr_type] : slot.attributes()) {
        auto j = ToJson(v.GetAttr(name), attr_type, path.Attr(name));
        if (!j.ok()) {
          return j.status();
        }
        out[name] = *std::move(j);
      }
      return out;
    }
    case Type::Kind::kDynamic:
      break;
  }
  return Error(path, "cannot encode a known value of dynamic type");
}

absl::StatusOr<Value> FromJson(const nlohmann::json& j, const Type& type,
                               const AttributePath& path) {
  if (type.IsDynamic()) {
    if (j.is_null()) {
      return Value();
    }
    if (!j.is_object() || !j.contains("type")) {
      return Error(path, "a dynamic value must be an object with \"value\" and \"type\"");
    }
    for (const auto& [key, unused] : j.items()) {
      if (key != "value" && key != "type") {
        return Error(path, "invalid key \"" + key + "\" in a dynamic value");
      }
    }
    auto actual = Type::FromJson(j.at("type"));
    if (!actual.ok()) {
      return Error(path, std::string(actual.status().message()));
    }
    if (!j.contains("value")) {
      return Value::Null(*actual);
    }
    return FromJson(j.at("value"), *actual, path);
  }
  if (j.is_null()) {
    return Value::Null(type);
  }
  switch (type.kind()) {
    case Type::Kind::kBool:
      if (j.is_boolean()) {
        return Value::Bool(j.get<bool>());
      }
      if (j.is_string() && (j.get_ref<const std::string&>() == "true" ||
                            j.get_ref<const std::string&>() == "false")) {
        return Value::Bool(j.get_ref<const std::string&>() == "true");
      }
      return Error(path, "bool is required");
    case Type::Kind::kNumber:
      if (j.is_number_unsigned()) {
        return Value::Number(Number::FromUint64(j.get<uint64_t>()));
      }
      if (j.is_number_integer()) {
        return Value::Number(Number::FromInt64(j.get<int64_t>()));
      }
      if (j.is_number_float()) {
        double d = j.get<double>();
        if (!std::isfinite(d)) {
          return Error(path, "number is required");
        }
        return Value::Number(Number::FromDouble(d));
      }
      if (j.is_string()) {
        if (auto n = Number::Parse(j.get_ref<const std::string&>())) {
          return Value::Number(*n);
        }
      }
      return Error(path, "number is required");
    case Type::Kind::kString:
      if (j.is_string()) {
        return Value::String(j.get<std::string>());
      }
      // cty converts primitives to strings here, as Terraform's own JSON decoder does.
      if (j.is_boolean()) {
        return Value::String(j.get<bool>() ? "true" : "false");
      }
      if (j.is_number_unsigned()) {
        return Value::String(std::to_string(j.get<uint64_t>()));
      }
      if (j.is_number_integer()) {
        return Value::String(std::to_string(j.get<int64_t>()));
      }
      if (j.is_number_float()) {
        return Value::String(Number::FromDouble(j.get<double>()).ToString());
      }
      return Error(path, "string is required");
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kTuple: {
      if (!j.is_array()) {
        return Error(path, "a " + type.FriendlyName() + " is required");
      }
      if (type.kind() == Type::Kind::kTuple && j.size() != type.elements().size()) {
        return Error(
            path, "a tuple of length " + std::to_string(type.elements().size()) + " is required");
      }
      std::vector<Value> elements;
      for (size_t i = 0; i < j.size(); ++i) {
        const Type& et = type.kind() == Type::Kind::kTuple ? type.elements()[i] : type.element();
        auto e = FromJson(j[i], et, path.Index(static_cast<int64_t>(i)));
        if (!e.ok()) {
          return e.status();
        }
        elements.push_back(*std::move(e));
      }
      return MakeSequence(type, std::move(elements));
    }
    case Type::Kind::kMap: {
      if (!j.is_object()) {
        return Error(path, "a map is required");
      }
      std::map<std::string, Value> elements;
      for (const auto& [key, item] : j.items()) {
        auto e = FromJson(item, type.element(), path.Key(key));
        if (!e.ok()) {
          return e.status();
        }
        elements.emplace(key, *std::move(e));
      }
      return Value::Map(type.element(), std::move(elements));
    }
    case Type::Kind::kObject: {
      if (!j.is_object()) {
        return Error(path, "an object is required");
      }
      std::map<std::string, Value> attrs;
      for (const auto& [key, item] : j.items()) {
        auto it = type.attributes().find(key);
        if (it == type.attributes().end()) {
          return Error(path.Attr(key), "unsupported attribute");
        }
        auto e = FromJson(item, it->second, path.Attr(key));
        if (!e.ok()) {
          return e.status();
        }
        attrs.emplace(key, *std::move(e));
      }
      return Value::Object(type, std::move(attrs));  // missing attributes become null
    }
    case Type::Kind::kDynamic:
      break;
  }
  return Error(path, "unsupported type " + type.FriendlyName());
}

}  // namespace

absl::StatusOr<nlohmann::json> EncodeJson(const Value& value, const Type& type) {
  try {
    return ToJson(value, type, AttributePath());
  } catch (const std::exception& e) {
    return absl::InternalError(std::string("JSON encoding failed: ") + e.what());
  }
}

absl::StatusOr<Value> DecodeJson(const nlohmann::json& json, const Type& type) {
  try {
    return FromJson(json, type, AttributePath());
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(std::string("malformed JSON value: ") + e.what());
  }
}

}  // namespace opc::framework
