// Helpers the msgpack and JSON codecs share (not part of the framework's API).
#pragma once

#include <optional>
#include <string>

#include "absl/status/status.h"
#include "provider/framework/attribute_path.h"
#include "provider/framework/number.h"
#include "provider/framework/value.h"

namespace opc::framework::codec_internal {

// An InvalidArgument error that names the path ("tags[\"env\"]: string is required").
absl::Status Error(const AttributePath& path, const std::string& message);

// "string is required, got number".
std::string KindMismatch(const Type& expected, const Value& value);

// The double whose exact binary value is this number, if there is one.
std::optional<double> ExactDouble(const Number& n);

}  // namespace opc::framework::codec_internal
