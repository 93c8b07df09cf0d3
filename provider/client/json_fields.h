// Helpers for the models' to_json/from_json: nullable fields map to std::optional, missing
// and null are the same thing on input, unknown fields are ignored, and decoding errors are
// contained in DecodeJson so that no nlohmann exception leaves the client.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "provider/client/string_util.h"

namespace opc::client {

// Thrown by the readers below when a field has the wrong shape; caught by DecodeJson.
class JsonShapeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline void RequireObject(const nlohmann::json& j, std::string_view what) {
  if (!j.is_object()) {
    throw JsonShapeError(StrCat(what, " is not a JSON object"));
  }
}

// Missing or null leaves `out` as nullopt.
template <typename T>
void ReadOptional(const nlohmann::json& j, std::string_view key, std::optional<T>& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    out.reset();
    return;
  }
  try {
    out = it->template get<T>();
  } catch (const nlohmann::json::exception& e) {
    throw JsonShapeError(StrCat("field '", key, "': ", e.what()));
  }
}

// Missing or null leaves `out` at its default (e.g. empty string, empty list, false).
template <typename T>
void ReadValue(const nlohmann::json& j, std::string_view key, T& out) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) {
    out = T{};
    return;
  }
  try {
    out = it->template get<T>();
  } catch (const nlohmann::json::exception& e) {
    throw JsonShapeError(StrCat("field '", key, "': ", e.what()));
  }
}

// A string field that some services send as a number (e.g. latitude): both are accepted.
inline void ReadOptionalNumericString(const nlohmann::json& j, std::string_view key,
                                      std::optional<std::string>& out) {
  auto it = j.find(key);
  if (it != j.end() && it->is_number()) {
    out = it->dump();
    return;
  }
  ReadOptional(j, key, out);
}

// Writes the value, or null when unset: models round-trip with every field present.
template <typename T>
void WriteOptional(nlohmann::json& j, std::string_view key, const std::optional<T>& value) {
  j[std::string(key)] = value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// Writes the value only when set: request bodies where absent means "not given".
template <typename T>
void WriteIfSet(nlohmann::json& j, std::string_view key, const std::optional<T>& value) {
  if (value) {
    j[std::string(key)] = *value;
  }
}

// Decodes `j` as T, turning any shape error into a Status naming `what`.
template <typename T>
absl::StatusOr<T> DecodeJson(const nlohmann::json& j, std::string_view what) {
  try {
    return j.template get<T>();
  } catch (const std::exception& e) {
    return absl::InternalError(StrCat("unexpected ", what, " in the response: ", e.what()));
  }
}

// A PATCH field with three states: left unchanged (the default: not sent), cleared (sent as
// null) or set to a value.
template <typename T>
class FieldUpdate {
 public:
  FieldUpdate() = default;
  FieldUpdate(T value) : state_(State::kSet), value_(std::move(value)) {}  // NOLINT: implicit
  static FieldUpdate Clear() {
    FieldUpdate update;
    update.state_ = State::kClear;
    return update;
  }

  bool is_unchanged() const { return state_ == State::kUnchanged; }
  bool is_clear() const { return state_ == State::kClear; }
  bool is_set() const { return state_ == State::kSet; }
  const T& value() const { return value_; }

  // Adds `key` to a PATCH body unless unchanged.
  void WriteTo(nlohmann::json& j, std::string_view key) const {
    if (state_ == State::kSet) {
      j[std::string(key)] = value_;
    } else if (state_ == State::kClear) {
      j[std::string(key)] = nullptr;
    }
  }

  friend bool operator==(const FieldUpdate&, const FieldUpdate&) = default;

 private:
  enum class State { kUnchanged, kClear, kSet };
  State state_ = State::kUnchanged;
  T value_{};
};

}  // namespace opc::client
