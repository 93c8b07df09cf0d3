#include "provider/framework/codec.h"

#include <charconv>
#include <cmath>
#include <cstring>
#include <exception>
#include <msgpack.hpp>
#include <optional>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "provider/framework/attribute_path.h"

namespace opc::framework {

namespace {

using Packer = msgpack::packer<msgpack::sbuffer>;

// cty's extension type for unknowns that carry refinements, and its payload keys.
constexpr int8_t kRefinedUnknownExt = 12;
constexpr uint32_t kMaxRefinementPayload = 1024;
constexpr int kRefineNullness = 1;
constexpr int kRefineStringPrefix = 2;
constexpr int kRefineNumberLower = 3;
constexpr int kRefineNumberUpper = 4;
constexpr int kRefineLengthLower = 5;
constexpr int kRefineLengthUpper = 6;
// cty truncates long prefixes; a shorter prefix is a weaker but still true refinement.
constexpr size_t kMaxStringPrefix = 256;

absl::Status Error(const AttributePath& path, const std::string& message) {
  return absl::InvalidArgumentError(path.empty() ? message : path.ToString() + ": " + message);
}

std::string KindMismatch(const Type& expected, const Value& value) {
  return expected.FriendlyName() + " is required, got " + value.type().FriendlyName();
}

// The double whose exact binary value is this number, if there is one.
std::optional<double> ExactDouble(const Number& n) {
  if (n.IsInfinity()) {
    return n.ToDouble();
  }
  if (n.ToString().size() > 1200) {
    return std::nullopt;
  }
  double d = n.ToDouble();
  if (!std::isfinite(d)) {
    return std::nullopt;
  }
  // 1100 fraction digits hold the exact expansion of every double (2^-1074 needs 1074).
  std::string buf(1500, '\0');
  auto result =
      std::to_chars(buf.data(), buf.data() + buf.size(), d, std::chars_format::fixed, 1100);
  if (result.ec != std::errc()) {
    return std::nullopt;
  }
  auto exact = Number::Parse(std::string_view(buf.data(), result.ptr - buf.data()));
  if (!exact || *exact != n) {
    return std::nullopt;
  }
  return d;
}

bool AppliesPrefix(const Type& t) { return t.kind() == Type::Kind::kString; }
bool AppliesNumberBounds(const Type& t) { return t.kind() == Type::Kind::kNumber; }
bool AppliesLength(const Type& t) { return t.IsCollection(); }

std::string TruncateUtf8(const std::string& s, size_t max) {
  if (s.size() <= max) {
    return s;
  }
  size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) {
    --end;  // do not cut a multi-byte character
  }
  return s.substr(0, end);
}

// ---------------------------------------------------------------------------------------------
// msgpack encoding

void PackString(Packer& pk, std::string_view s) {
  pk.pack_str(static_cast<uint32_t>(s.size()));
  pk.pack_str_body(s.data(), static_cast<uint32_t>(s.size()));
}

// msgpack-cxx's pack_double writes integral doubles as integers; cty writes a float64, so the
// nine bytes are written here (pack_bin_body appends raw bytes).
void PackFloat64(Packer& pk, double d) {
  uint64_t bits = 0;
  std::memcpy(&bits, &d, sizeof(bits));
  char buf[9];
  buf[0] = static_cast<char>(0xcb);
  for (int i = 0; i < 8; ++i) {
    buf[1 + i] = static_cast<char>((bits >> (56 - 8 * i)) & 0xff);
  }
  pk.pack_bin_body(buf, sizeof(buf));
}

void PackNumber(Packer& pk, const Number& n) {
  if (auto i = n.ToInt64()) {
    pk.pack_int64(*i);
  } else if (auto d = ExactDouble(n)) {
    PackFloat64(pk, *d);
  } else {
    PackString(pk, n.ToString());
  }
}

void PackUnknown(Packer& pk, const Refinements& r, const Type& type) {
  msgpack::sbuffer payload;
  Packer body(payload);
  uint32_t entries = 0;
  if (!type.IsDynamic()) {
    // Only refinements cty accepts for this type: it rejects the others.
    entries += r.definitely_not_null.value_or(false) ? 1 : 0;
    entries += (AppliesPrefix(type) && r.string_prefix && !r.string_prefix->empty()) ? 1 : 0;
    entries += (AppliesNumberBounds(type) && r.number_lower) ? 1 : 0;
    entries += (AppliesNumberBounds(type) && r.number_upper) ? 1 : 0;
    entries += (AppliesLength(type) && r.length_lower) ? 1 : 0;
    entries += (AppliesLength(type) && r.length_upper) ? 1 : 0;
  }
  if (entries == 0) {
    const char zero = 0;
    pk.pack_ext(1, 0);
    pk.pack_ext_body(&zero, 1);
    return;
  }
  body.pack_map(entries);
  if (r.definitely_not_null.value_or(false)) {
    body.pack_int(kRefineNullness);
    body.pack_false();  // "may be null: false"
  }
  if (AppliesPrefix(type) && r.string_prefix && !r.string_prefix->empty()) {
    body.pack_int(kRefineStringPrefix);
    PackString(body, TruncateUtf8(*r.string_prefix, kMaxStringPrefix));
  }
  auto pack_bound = [&](int key, const std::pair<Number, bool>& bound) {
    body.pack_int(key);
    body.pack_array(2);
    PackNumber(body, bound.first);
    if (bound.second) {
      body.pack_true();
    } else {
      body.pack_false();
    }
  };
  if (AppliesNumberBounds(type) && r.number_lower) {
    pack_bound(kRefineNumberLower, *r.number_lower);
  }
  if (AppliesNumberBounds(type) && r.number_upper) {
    pack_bound(kRefineNumberUpper, *r.number_upper);
  }
  if (AppliesLength(type) && r.length_lower) {
    body.pack_int(kRefineLengthLower);
    body.pack_int64(*r.length_lower);
  }
  if (AppliesLength(type) && r.length_upper) {
    body.pack_int(kRefineLengthUpper);
    body.pack_int64(*r.length_upper);
  }
  pk.pack_ext(payload.size(), kRefinedUnknownExt);
  pk.pack_ext_body(payload.data(), static_cast<uint32_t>(payload.size()));
}

absl::Status Pack(Packer& pk, const Value& v, const Type& slot, const AttributePath& path) {
  if (slot.IsDynamic() && !v.type().IsDynamic()) {
    // The reader cannot know the type: send it along as [type JSON, value].
    std::string type_json = v.type().ToJsonString();
    pk.pack_array(2);
    pk.pack_bin(static_cast<uint32_t>(type_json.size()));
    pk.pack_bin_body(type_json.data(), static_cast<uint32_t>(type_json.size()));
    return Pack(pk, v, v.type(), path);
  }
  if (v.IsUnknown()) {
    PackUnknown(pk, v.refinements(), slot);
    return absl::OkStatus();
  }
  if (v.IsNull()) {
    pk.pack_nil();
    return absl::OkStatus();
  }
  if (v.type().kind() != slot.kind()) {
    return Error(path, KindMismatch(slot, v));
  }
  switch (slot.kind()) {
    case Type::Kind::kBool:
      if (v.AsBool()) {
        pk.pack_true();
      } else {
        pk.pack_false();
      }
      return absl::OkStatus();
    case Type::Kind::kNumber:
      PackNumber(pk, v.AsNumber());
      return absl::OkStatus();
    case Type::Kind::kString:
      PackString(pk, v.AsString());
      return absl::OkStatus();
    case Type::Kind::kList:
    case Type::Kind::kSet: {
      const auto& elements = v.Elements();
      pk.pack_array(static_cast<uint32_t>(elements.size()));
      int64_t i = 0;
      for (const auto& e : elements) {
        if (auto s = Pack(pk, e, slot.element(), path.Index(i++)); !s.ok()) {
          return s;
        }
      }
      return absl::OkStatus();
    }
    case Type::Kind::kTuple: {
      const auto& elements = v.Elements();
      const auto& types = slot.elements();
      if (elements.size() != types.size()) {
        return Error(path, "a tuple of length " + std::to_string(types.size()) +
                               " is required, got " + std::to_string(elements.size()));
      }
      pk.pack_array(static_cast<uint32_t>(elements.size()));
      for (size_t i = 0; i < elements.size(); ++i) {
        if (auto s = Pack(pk, elements[i], types[i], path.Index(static_cast<int64_t>(i)));
            !s.ok()) {
          return s;
        }
      }
      return absl::OkStatus();
    }
    case Type::Kind::kMap: {
      const auto& elements = v.MapElements();
      pk.pack_map(static_cast<uint32_t>(elements.size()));
      for (const auto& [key, e] : elements) {
        PackString(pk, key);
        if (auto s = Pack(pk, e, slot.element(), path.Key(key)); !s.ok()) {
          return s;
        }
      }
      return absl::OkStatus();
    }
    case Type::Kind::kObject: {
      const auto& attrs = slot.attributes();
      for (const auto& [name, unused] : v.Attributes()) {
        if (attrs.count(name) == 0) {
          return Error(path.Attr(name), "unsupported attribute");
        }
      }
      // Terraform requires every attribute of the type, so missing ones are written as nil.
      pk.pack_map(static_cast<uint32_t>(attrs.size()));
      for (const auto& [name, attr_type] : attrs) {
        PackString(pk, name);
        if (auto s = Pack(pk, v.GetAttr(name), attr_type, path.Attr(name)); !s.ok()) {
          return s;
        }
      }
      return absl::OkStatus();
    }
    case Type::Kind::kDynamic:
      break;
  }
  return Error(path, "cannot encode a known value of dynamic type");
}

// ---------------------------------------------------------------------------------------------
// msgpack decoding

std::optional<std::string_view> AsText(const msgpack::object& o) {
  if (o.type == msgpack::type::STR) {
    return std::string_view(o.via.str.ptr, o.via.str.size);
  }
  if (o.type == msgpack::type::BIN) {
    return std::string_view(o.via.bin.ptr, o.via.bin.size);
  }
  return std::nullopt;
}

std::optional<int64_t> AsInt(const msgpack::object& o) {
  if (o.type == msgpack::type::POSITIVE_INTEGER && o.via.u64 <= INT64_MAX) {
    return static_cast<int64_t>(o.via.u64);
  }
  if (o.type == msgpack::type::NEGATIVE_INTEGER) {
    return o.via.i64;
  }
  return std::nullopt;
}

absl::StatusOr<Number> UnpackNumber(const msgpack::object& o, const AttributePath& path) {
  switch (o.type) {
    case msgpack::type::POSITIVE_INTEGER:
      return Number::FromUint64(o.via.u64);
    case msgpack::type::NEGATIVE_INTEGER:
      return Number::FromInt64(o.via.i64);
    case msgpack::type::FLOAT32:
    case msgpack::type::FLOAT64:
      if (std::isnan(o.via.f64)) {
        return Error(path, "number is required (NaN is not a number)");
      }
      return Number::FromDouble(o.via.f64);
    default:
      break;
  }
  if (auto text = AsText(o)) {
    if (auto n = Number::Parse(*text)) {
      return *n;
    }
  }
  return Error(path, "number is required");
}

absl::StatusOr<Value> UnpackUnknown(const msgpack::object_ext& ext, const Type& type,
                                    const AttributePath& path) {
  if (ext.size <= 1) {
    return Value::Unknown(type);
  }
  if (ext.type() != kRefinedUnknownExt) {
    return Error(path, "unsupported extension type " + std::to_string(ext.type()) +
                           " with length " + std::to_string(ext.size));
  }
  if (ext.size > kMaxRefinementPayload) {
    return Error(path, "oversize unknown value refinement");
  }
  if (type.IsDynamic()) {
    return Value::Unknown(type);  // cty ignores refinements of wholly unknown values
  }
  msgpack::object_handle handle;
  std::size_t offset = 0;
  try {
    msgpack::unpack(handle, ext.data(), ext.size, offset);
  } catch (const std::exception& e) {
    return Error(path, std::string("malformed unknown value refinements: ") + e.what());
  }
  const msgpack::object& map = handle.get();
  if (map.type != msgpack::type::MAP) {
    return Error(path, "unknown value refinements are not a map");
  }
  Refinements r;
  const std::string bad = "invalid unknown value refinement";
  for (uint32_t i = 0; i < map.via.map.size; ++i) {
    const auto& kv = map.via.map.ptr[i];
    auto key = AsInt(kv.key);
    if (!key) {
      return Error(path, bad + ": non-integer key");
    }
    const msgpack::object& val = kv.val;
    switch (*key) {
      case kRefineNullness:
        if (val.type != msgpack::type::BOOLEAN) {
          return Error(path, bad + ": nullness is not a bool");
        }
        if (val.via.boolean) {
          return Value::Null(type);  // "definitely null" collapses to a null, as in cty
        }
        r.definitely_not_null = true;
        break;
      case kRefineStringPrefix: {
        auto text = AsText(val);
        if (!AppliesPrefix(type) || !text) {
          return Error(path, bad + ": string prefix");
        }
        r.string_prefix = std::string(*text);
        break;
      }
      case kRefineNumberLower:
      case kRefineNumberUpper: {
        if (!AppliesNumberBounds(type) || val.type != msgpack::type::ARRAY ||
            val.via.array.size != 2 || val.via.array.ptr[1].type != msgpack::type::BOOLEAN) {
          return Error(path, bad + ": number bound must be [number, bool]");
        }
        auto bound = UnpackNumber(val.via.array.ptr[0], path);
        if (!bound.ok()) {
          return bound.status();
        }
        auto pair = std::make_pair(*std::move(bound), val.via.array.ptr[1].via.boolean);
        (*key == kRefineNumberLower ? r.number_lower : r.number_upper) = std::move(pair);
        break;
      }
      case kRefineLengthLower:
      case kRefineLengthUpper: {
        auto bound = AsInt(val);
        if (!AppliesLength(type) || !bound) {
          return Error(path, bad + ": length bound");
        }
        (*key == kRefineLengthLower ? r.length_lower : r.length_upper) = *bound;
        break;
      }
      default:
        break;  // future refinements are ignored, as cty does
    }
  }
  return Value::Unknown(type, std::move(r));
}

absl::StatusOr<Value> Unpack(const msgpack::object& o, const Type& type,
                             const AttributePath& path) {
  if (o.type == msgpack::type::EXT) {
    return UnpackUnknown(o.via.ext, type, path);  // every extension is an unknown
  }
  if (type.IsDynamic()) {
    if (o.type == msgpack::type::NIL) {
      return Value();
    }
    if (o.type != msgpack::type::ARRAY || o.via.array.size != 2) {
      return Error(path, "dynamic value array must have exactly two elements");
    }
    auto type_json = AsText(o.via.array.ptr[0]);
    if (!type_json) {
      return Error(path, "the type of a dynamic value must be bytes");
    }
    auto actual = Type::FromJsonString(*type_json);
    if (!actual.ok()) {
      return Error(path, std::string(actual.status().message()));
    }
    return Unpack(o.via.array.ptr[1], *actual, path);
  }
  if (o.type == msgpack::type::NIL) {
    return Value::Null(type);
  }
  switch (type.kind()) {
    case Type::Kind::kBool:
      if (o.type != msgpack::type::BOOLEAN) {
        return Error(path, "bool is required");
      }
      return Value::Bool(o.via.boolean);
    case Type::Kind::kNumber: {
      auto n = UnpackNumber(o, path);
      if (!n.ok()) {
        return n.status();
      }
      return Value::Number(*std::move(n));
    }
    case Type::Kind::kString: {
      auto text = AsText(o);
      if (!text) {
        return Error(path, "string is required");
      }
      return Value::String(std::string(*text));
    }
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kTuple: {
      if (o.type != msgpack::type::ARRAY) {
        return Error(path, "a " + type.FriendlyName() + " is required");
      }
      uint32_t size = o.via.array.size;
      if (type.kind() == Type::Kind::kTuple && size != type.elements().size()) {
        return Error(
            path, "a tuple of length " + std::to_string(type.elements().size()) + " is required");
      }
      std::vector<Value> elements;
      elements.reserve(size);
      for (uint32_t i = 0; i < size; ++i) {
        const Type& et = type.kind() == Type::Kind::kTuple ? type.elements()[i] : type.element();
        auto e = Unpack(o.via.array.ptr[i], et, path.Index(i));
        if (!e.ok()) {
          return e.status();
        }
        elements.push_back(*std::move(e));
      }
      if (type.kind() == Type::Kind::kList) {
        return Value::List(type.element(), std::move(elements));
      }
      if (type.kind() == Type::Kind::kSet) {
        return Value::Set(type.element(), std::move(elements));
      }
      return Value::Tuple(std::move(elements));
    }
    case Type::Kind::kMap:
    case Type::Kind::kObject: {
      if (o.type != msgpack::type::MAP) {
        return Error(path, std::string(type.kind() == Type::Kind::kMap ? "a map" : "an object") +
                               " is required");
      }
      uint32_t size = o.via.map.size;
      bool is_object = type.kind() == Type::Kind::kObject;
      if (is_object && size != type.attributes().size()) {
        return Error(path, "an object with " + std::to_string(type.attributes().size()) +
                               " attributes is required (" + std::to_string(size) + " given)");
      }
      std::map<std::string, Value> elements;
      for (uint32_t i = 0; i < size; ++i) {
        const auto& kv = o.via.map.ptr[i];
        auto key = AsText(kv.key);
        if (!key) {
          return Error(path, "all keys must be strings");
        }
        std::string name(*key);
        const Type* et = &type;
        if (is_object) {
          auto it = type.attributes().find(name);
          if (it == type.attributes().end()) {
            return Error(path.Attr(name), "unsupported attribute");
          }
          et = &it->second;
        } else {
          et = &type.element();
        }
        auto child_path = is_object ? path.Attr(name) : path.Key(name);
        auto e = Unpack(kv.val, *et, child_path);
        if (!e.ok()) {
          return e.status();
        }
        if (!elements.emplace(name, *std::move(e)).second) {
          return Error(child_path, "duplicate key");
        }
      }
      if (is_object) {
        return Value::Object(type, std::move(elements));
      }
      return Value::Map(type.element(), std::move(elements));
    }
    case Type::Kind::kDynamic:
      break;
  }
  return Error(path, "unsupported type " + type.FriendlyName());
}

// ---------------------------------------------------------------------------------------------
// JSON

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
      if (type.kind() == Type::Kind::kList) {
        return Value::List(type.element(), std::move(elements));
      }
      if (type.kind() == Type::Kind::kSet) {
        return Value::Set(type.element(), std::move(elements));
      }
      return Value::Tuple(std::move(elements));
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

// Builds a JSON document, keeping number tokens a double cannot hold exactly as strings.
class PreciseSax : public nlohmann::json_sax<nlohmann::json> {
 public:
  nlohmann::json& root() { return root_; }
  const std::string& error() const { return error_; }

  bool null() override { return Add(nullptr); }
  bool boolean(bool v) override { return Add(v); }
  bool number_integer(number_integer_t v) override { return Add(v); }
  bool number_unsigned(number_unsigned_t v) override { return Add(v); }
  bool number_float(number_float_t v, const string_t& text) override {
    auto exact = Number::Parse(text);
    if (exact && std::isfinite(v) && Number::FromDouble(v) == *exact) {
      return Add(v);
    }
    return Add(exact ? exact->ToString() : text);
  }
  bool string(string_t& v) override { return Add(std::move(v)); }
  bool binary(binary_t& v) override { return Add(nlohmann::json::binary(std::move(v))); }
  bool start_object(std::size_t) override {
    nlohmann::json* added = Insert(nlohmann::json::object());
    stack_.push_back(added);
    return true;
  }
  bool key(string_t& k) override {
    key_ = std::move(k);
    return true;
  }
  bool end_object() override {
    stack_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    nlohmann::json* added = Insert(nlohmann::json::array());
    stack_.push_back(added);
    return true;
  }
  bool end_array() override {
    stack_.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&,
                   const nlohmann::detail::exception& ex) override {
    error_ = ex.what();
    return false;
  }

 private:
  bool Add(nlohmann::json v) {
    Insert(std::move(v));
    return true;
  }
  // Only the innermost open container grows, so pointers to the open ones stay valid.
  nlohmann::json* Insert(nlohmann::json v) {
    if (stack_.empty()) {
      root_ = std::move(v);
      return &root_;
    }
    nlohmann::json* top = stack_.back();
    if (top->is_array()) {
      top->push_back(std::move(v));
      return &top->back();
    }
    nlohmann::json& slot = (*top)[key_];
    slot = std::move(v);
    return &slot;
  }

  nlohmann::json root_;
  std::vector<nlohmann::json*> stack_;
  std::string key_;
  std::string error_;
};

// nlohmann's parser rejects numbers beyond double range (1e400); JSON numbers have no range,
// so such tokens are turned into strings first, which keeps their exact text.
std::string QuoteOverflowingNumbers(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool in_string = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      out += c;
      if (c == '\\' && i + 1 < text.size()) {
        out += text[++i];
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
      out += c;
      continue;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      size_t end = i;
      while (end < text.size() &&
             std::string_view("0123456789+-.eE").find(text[end]) != std::string_view::npos) {
        ++end;
      }
      std::string_view token = text.substr(i, end - i);
      auto n = Number::Parse(token);
      if (n && !n->IsInfinity() && std::isinf(n->ToDouble())) {
        out += '"';
        out += n->ToString();
        out += '"';
      } else {
        out += token;
      }
      i = end - 1;
      continue;
    }
    out += c;
  }
  return out;
}

absl::StatusOr<Value> Conform(const Value& v, const Type& type, const AttributePath& path) {
  if (type.IsDynamic()) {
    return v;
  }
  if (v.IsNull()) {
    return Value::Null(type);
  }
  if (v.IsUnknown()) {
    return Value::Unknown(type, v.refinements());
  }
  if (v.type().kind() != type.kind()) {
    return Error(path, KindMismatch(type, v));
  }
  switch (type.kind()) {
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kTuple: {
      const auto& elements = v.Elements();
      if (type.kind() == Type::Kind::kTuple && elements.size() != type.elements().size()) {
        return Error(
            path, "a tuple of length " + std::to_string(type.elements().size()) + " is required");
      }
      std::vector<Value> out;
      out.reserve(elements.size());
      for (size_t i = 0; i < elements.size(); ++i) {
        const Type& et = type.kind() == Type::Kind::kTuple ? type.elements()[i] : type.element();
        auto e = Conform(elements[i], et, path.Index(static_cast<int64_t>(i)));
        if (!e.ok()) {
          return e.status();
        }
        out.push_back(*std::move(e));
      }
      if (type.kind() == Type::Kind::kList) {
        return Value::List(type.element(), std::move(out));
      }
      if (type.kind() == Type::Kind::kSet) {
        return Value::Set(type.element(), std::move(out));
      }
      return Value::Tuple(std::move(out));
    }
    case Type::Kind::kMap: {
      std::map<std::string, Value> out;
      for (const auto& [key, e] : v.MapElements()) {
        auto c = Conform(e, type.element(), path.Key(key));
        if (!c.ok()) {
          return c.status();
        }
        out.emplace(key, *std::move(c));
      }
      return Value::Map(type.element(), std::move(out));
    }
    case Type::Kind::kObject: {
      std::map<std::string, Value> out;
      for (const auto& [name, e] : v.Attributes()) {
        auto it = type.attributes().find(name);
        if (it == type.attributes().end()) {
          return Error(path.Attr(name), "unsupported attribute");
        }
        auto c = Conform(e, it->second, path.Attr(name));
        if (!c.ok()) {
          return c.status();
        }
        out.emplace(name, *std::move(c));
      }
      return Value::Object(type, std::move(out));
    }
    default:
      return v;  // primitives of the right kind
  }
}

}  // namespace

absl::StatusOr<std::string> EncodeMsgpack(const Value& value, const Type& type) {
  try {
    msgpack::sbuffer buffer;
    Packer pk(buffer);
    if (auto s = Pack(pk, value, type, AttributePath()); !s.ok()) {
      return s;
    }
    return std::string(buffer.data(), buffer.size());
  } catch (const std::exception& e) {
    return absl::InternalError(std::string("msgpack encoding failed: ") + e.what());
  }
}

absl::StatusOr<Value> DecodeMsgpack(std::string_view bytes, const Type& type) {
  if (bytes.empty()) {
    return Value::Null(type);
  }
  try {
    msgpack::object_handle handle;
    std::size_t offset = 0;
    // No container can hold more elements than there are bytes; refusing larger claims up
    // front keeps a corrupt length from turning into a huge allocation.
    msgpack::unpack_limit limit(bytes.size(), bytes.size(), bytes.size(), bytes.size(),
                                bytes.size(), /*depth=*/10000);
    msgpack::unpack(handle, bytes.data(), bytes.size(), offset, nullptr, nullptr, limit);
    if (offset != bytes.size()) {
      return absl::InvalidArgumentError("unexpected data after the msgpack value");
    }
    return Unpack(handle.get(), type, AttributePath());
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(std::string("malformed msgpack: ") + e.what());
  }
}

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

absl::StatusOr<nlohmann::json> ParseJsonPreservingNumbers(std::string_view text) {
  try {
    PreciseSax sax;
    std::string quoted = QuoteOverflowingNumbers(text);
    bool ok = nlohmann::json::sax_parse(quoted.begin(), quoted.end(), &sax);
    if (!ok) {
      return absl::InvalidArgumentError("malformed JSON: " + sax.error());
    }
    return std::move(sax.root());
  } catch (const std::exception& e) {
    return absl::InvalidArgumentError(std::string("malformed JSON: ") + e.what());
  }
}

absl::StatusOr<Value> DecodeJsonText(std::string_view text, const Type& type) {
  auto json = ParseJsonPreservingNumbers(text);
  if (!json.ok()) {
    return json.status();
  }
  return DecodeJson(*json, type);
}

absl::StatusOr<Value> ConformValue(const Value& value, const Type& type) {
  return Conform(value, type, AttributePath());
}

}  // namespace opc::framework
