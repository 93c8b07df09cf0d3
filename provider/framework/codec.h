// Wire encodings of values: msgpack (DynamicValue.msgpack) and JSON (RawState, DynamicValue.json).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "absl/status/statusor.h"
#include "provider/framework/types.h"
#include "provider/framework/value.h"

namespace opc::framework {

// Encodes `value` as a value of `type` (the schema type: a `dynamic` slot is written as
// [type JSON, value]). Unknowns are written as ext 0, or ext 12 with their refinements.
absl::StatusOr<std::string> EncodeMsgpack(const Value& value, const Type& type);
// Decodes msgpack bytes as a value of `type`. Accepts every number form (ints, floats,
// decimal strings), any ext type as unknown, and objects must carry exactly their attributes.
// Empty input decodes as a null of `type` (Terraform's rule for an empty DynamicValue).
absl::StatusOr<Value> DecodeMsgpack(std::string_view bytes, const Type& type);

// JSON cannot carry unknowns: encoding one is an error. Missing object attributes decode as
// null; extra ones are an error.
absl::StatusOr<nlohmann::json> EncodeJson(const Value& value, const Type& type);
absl::StatusOr<Value> DecodeJson(const nlohmann::json& json, const Type& type);

// Parses JSON text (e.g. RawState.json) without losing number precision: a number that a double
// cannot hold exactly is kept as its decimal string, which DecodeJson accepts for numbers.
absl::StatusOr<nlohmann::json> ParseJsonPreservingNumbers(std::string_view text);
// ParseJsonPreservingNumbers followed by DecodeJson.
absl::StatusOr<Value> DecodeJsonText(std::string_view text, const Type& type);

// Checks `value` against `type` and returns it with exactly that type: missing object
// attributes become null, nulls and unknowns take the slot's type. Extra attributes and kind
// mismatches are errors naming the path. Used on everything a resource hands back.
absl::StatusOr<Value> ConformValue(const Value& value, const Type& type);

}  // namespace opc::framework
