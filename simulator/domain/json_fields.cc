#include "simulator/domain/json_fields.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "simulator/domain/errors.h"
#include "simulator/domain/validation.h"
#include "simulator/support/status_macros.h"

namespace opcsim {
namespace {

const nlohmann::json* Find(const nlohmann::json& object, absl::string_view field) {
  auto it = object.find(std::string(field));
  return it == object.end() ? nullptr : &*it;
}

absl::Status WrongType(absl::string_view field, absl::string_view expected) {
  return BadRequest(absl::StrCat("Field '", field, "' must be ", expected, "."));
}

absl::StatusOr<std::string> Canonical(absl::string_view field, const std::string& value,
                                      std::span<const std::string_view> allowed, EnumCase match) {
  if (auto canonical = CanonicalEnum(value, allowed);
      canonical && (match == EnumCase::kAnyCase || *canonical == value)) {
    return *canonical;
  }
  std::string expected;
  for (std::string_view candidate : allowed) {
    absl::StrAppend(&expected, expected.empty() ? "" : ", ", std::string(candidate));
  }
  return BadRequest(absl::StrCat("Field '", field, "' has invalid value '", value,
                                 "'; expected one of: ", expected, "."));
}

}  // namespace

absl::StatusOr<nlohmann::json> ParseJsonObject(std::string_view body) {
  if (body.empty()) {
    return BadRequest("A JSON request body is required.");
  }
  nlohmann::json parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return BadRequest("The request body is not valid JSON.");
  }
  if (!parsed.is_object()) {
    return BadRequest("The request body must be a JSON object.");
  }
  return parsed;
}

absl::StatusOr<nlohmann::json> ParseJsonObject(std::string_view body,
                                               std::initializer_list<absl::string_view> allowed) {
  absl::StatusOr<nlohmann::json> parsed = ParseJsonObject(body);
  if (!parsed.ok()) {
    return parsed;
  }
  RETURN_IF_ERROR(RejectUnknownFields(*parsed, allowed));
  return parsed;
}

absl::Status RejectUnknownFields(const nlohmann::json& object,
                                 std::initializer_list<absl::string_view> allowed) {
  for (const auto& [key, value] : object.items()) {
    if (key.rfind("@odata.", 0) == 0) {
      continue;
    }
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      return BadRequest(absl::StrCat("Field '", key, "' is not supported here (allowed: ",
                                     absl::StrJoin(allowed, ", "), ")."));
    }
  }
  return absl::OkStatus();
}

bool Has(const nlohmann::json& object, absl::string_view field) {
  return Find(object, field) != nullptr;
}

absl::StatusOr<std::string> RequiredString(const nlohmann::json& object, absl::string_view field) {
  const nlohmann::json* value = Find(object, field);
  if (value == nullptr || value->is_null()) {
    return BadRequest(absl::StrCat("Field '", field, "' is required."));
  }
  if (!value->is_string()) {
    return WrongType(field, "a string");
  }
  std::string text = value->get<std::string>();
  if (text.empty()) {
    return BadRequest(absl::StrCat("Field '", field, "' must not be empty."));
  }
  return text;
}

absl::StatusOr<std::optional<std::string>> OptionalString(const nlohmann::json& object,
                                                          absl::string_view field) {
  const nlohmann::json* value = Find(object, field);
  if (value == nullptr || value->is_null()) {
    return std::optional<std::string>();
  }
  if (!value->is_string()) {
    return WrongType(field, "a string or null");
  }
  return std::optional<std::string>(value->get<std::string>());
}

absl::StatusOr<StringPatch> PatchString(const nlohmann::json& object, absl::string_view field) {
  const nlohmann::json* value = Find(object, field);
  if (value == nullptr) {
    return StringPatch{};
  }
  if (value->is_null()) {
    return StringPatch{true, std::nullopt};
  }
  if (!value->is_string()) {
    return WrongType(field, "a string or null");
  }
  return StringPatch{true, value->get<std::string>()};
}

absl::StatusOr<std::string> RequiredEnum(const nlohmann::json& object, absl::string_view field,
                                         std::span<const std::string_view> allowed,
                                         EnumCase match) {
  ASSIGN_OR_RETURN(std::string text, RequiredString(object, field));
  return Canonical(field, text, allowed, match);
}

absl::StatusOr<std::optional<std::string>> OptionalEnum(const nlohmann::json& object,
                                                        absl::string_view field,
                                                        std::span<const std::string_view> allowed,
                                                        EnumCase match) {
  ASSIGN_OR_RETURN(std::optional<std::string> text, OptionalString(object, field));
  if (!text) {
    return std::optional<std::string>();
  }
  ASSIGN_OR_RETURN(std::string canonical, Canonical(field, *text, allowed, match));
  return std::optional<std::string>(canonical);
}

absl::StatusOr<std::vector<std::string>> EnumArray(const nlohmann::json& object,
                                                   absl::string_view field,
                                                   std::span<const std::string_view> allowed,
                                                   EnumCase match) {
  ASSIGN_OR_RETURN(std::optional<std::vector<std::string>> values,
                   OptionalStringArray(object, field));
  std::vector<std::string> out;
  if (!values) {
    return out;
  }
  for (const std::string& value : *values) {
    ASSIGN_OR_RETURN(std::string canonical, Canonical(field, value, allowed, match));
    if (std::find(out.begin(), out.end(), canonical) == out.end()) {
      out.push_back(canonical);
    }
  }
  return out;
}

absl::StatusOr<std::optional<std::vector<std::string>>> OptionalStringArray(
    const nlohmann::json& object, absl::string_view field) {
  const nlohmann::json* value = Find(object, field);
  if (value == nullptr || value->is_null()) {
    return std::optional<std::vector<std::string>>();
  }
  if (!value->is_array()) {
    return WrongType(field, "an array of strings");
  }
  std::vector<std::string> out;
  for (const nlohmann::json& item : *value) {
    if (!item.is_string()) {
      return WrongType(field, "an array of strings");
    }
    out.push_back(item.get<std::string>());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

absl::StatusOr<std::optional<bool>> OptionalBool(const nlohmann::json& object,
                                                 absl::string_view field) {
  const nlohmann::json* value = Find(object, field);
  if (value == nullptr || value->is_null()) {
    return std::optional<bool>();
  }
  if (!value->is_boolean()) {
    return WrongType(field, "true or false");
  }
  return std::optional<bool>(value->get<bool>());
}

absl::StatusOr<std::optional<double>> OptionalNumber(const nlohmann::json& object,
                                                     absl::string_view field) {
  const nlohmann::json* value = Find(object, field);
  if (value == nullptr || value->is_null()) {
    return std::optional<double>();
  }
  if (!value->is_number()) {
    return WrongType(field, "a number");
  }
  const double number = value->get<double>();
  if (!std::isfinite(number)) {
    return WrongType(field, "a finite number");
  }
  return std::optional<double>(number);
}

absl::StatusOr<std::optional<int64_t>> OptionalInteger(const nlohmann::json& object,
                                                       absl::string_view field) {
  const nlohmann::json* value = Find(object, field);
  if (value == nullptr || value->is_null()) {
    return std::optional<int64_t>();
  }
  if (!value->is_number_integer()) {
    return WrongType(field, "an integer");
  }
  return std::optional<int64_t>(value->get<int64_t>());
}

absl::StatusOr<double> SingleNumberBody(std::string_view body, absl::string_view field, double min,
                                        double max) {
  ASSIGN_OR_RETURN(nlohmann::json object, ParseJsonObject(body));
  RETURN_IF_ERROR(RejectUnknownFields(object, {field}));
  ASSIGN_OR_RETURN(std::optional<double> value, OptionalNumber(object, field));
  if (!value || *value < min || *value > max) {
    return BadRequest(
        absl::StrCat("Field '", field, "' must be a number between ", min, " and ", max, "."));
  }
  return *value;
}

}  // namespace opcsim
