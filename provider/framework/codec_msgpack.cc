// msgpack, as cty writes it: DynamicValue.msgpack, refined unknowns as extension 12.
#include <charconv>
#include <cstring>
#include <exception>
#include <msgpack.hpp>
#include <optional>
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
      return MakeSequence(type, std::move(elements));
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
      return MakeMapping(type, std::move(elements));
    }
    case Type::Kind::kDynamic:
      break;
  }
  return Error(path, "unsupported type " + type.FriendlyName());
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

}  // namespace opc::framework
