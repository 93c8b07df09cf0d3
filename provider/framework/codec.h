// Wire encodings of values: msgpack (DynamicValue.msgpack) and JSON (RawState, DynamicValue.json).
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "absl/status/statusor.h"
#include "provider/framework/types.h"
#include "provider/framework/value.h"

namespace opc::framework {

// Encodes `value` as a value of `type` (the schema type: a `dynamic` slot is written as
// [type JSON, value]). Unknowns are written as ext 0, or ext 12 with their refinements.
absl::StatusOr<std::string> EncodeMsgpack(const Value& value, const Type& type);
// Decodes msgpack bytes as a value of `type`. Accepts every number form (ints, floats,
// decimal strings), any ext type as unknown, and objects must carry exactly their attributes.
absl::StatusOr<Value> DecodeMsgpack(std::string_view bytes, const Type& type);

// JSON cannot carry unknowns: encoding one is an error. Missing object attributes decode as
// null; extra ones are an error.
absl::StatusOr<nlohmann::json> EncodeJson(const Value& value, const Type& type);
absl::StatusOr<Value> DecodeJson(const nlohmann::json& json, const Type& type);

}  // namespace opc::framework
