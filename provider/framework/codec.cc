// Conforming values to types; the codecs' shared helpers.
#include "provider/framework/codec.h"

#include <charconv>
#include <cmath>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "provider/framework/attribute_path.h"
#include "provider/framework/codec_internal.h"

namespace opc::framework {

namespace codec_internal {

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

}  // namespace codec_internal

namespace {

using codec_internal::Error;
using codec_internal::KindMismatch;

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
  return TransformChildren(v, type, path, Conform);  // primitives come back as they are
}

}  // namespace

absl::StatusOr<Value> ConformValue(const Value& value, const Type& type) {
  return Conform(value, type, AttributePath());
}

}  // namespace opc::framework
