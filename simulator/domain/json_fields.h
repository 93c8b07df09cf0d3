#pragma once

// Typed, validating access to fields of a JSON request object. Every failure is a 400
// (opcsim::BadRequest) whose message names the field; nothing here throws.

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace opcsim {

// Parses a request body that must be a JSON object.
absl::StatusOr<nlohmann::json> ParseJsonObject(std::string_view body);
// The same, refusing any field not in `allowed` (see RejectUnknownFields).
absl::StatusOr<nlohmann::json> ParseJsonObject(std::string_view body,
                                               std::initializer_list<absl::string_view> allowed);

// 400 for any key not in `allowed` (OData annotations such as "@odata.etag" are ignored).
absl::Status RejectUnknownFields(const nlohmann::json& object,
                                 std::initializer_list<absl::string_view> allowed);

bool Has(const nlohmann::json& object, absl::string_view field);

// A non-empty string.
absl::StatusOr<std::string> RequiredString(const nlohmann::json& object, absl::string_view field);
// Absent or null: nullopt. Otherwise a string (may be empty).
absl::StatusOr<std::optional<std::string>> OptionalString(const nlohmann::json& object,
                                                          absl::string_view field);

// A PATCH field: absent (leave alone), null (clear) or a value.
struct StringPatch {
  bool present = false;
  std::optional<std::string> value;
};
absl::StatusOr<StringPatch> PatchString(const nlohmann::json& object, absl::string_view field);

// How an enum value must be spelled. Graph's OData enum members are case-sensitive
// ("operatorConnect", never "OperatorConnect"), so the tenant API's bodies use kExact; the
// admin API and the seed file accept any case.
enum class EnumCase { kExact, kAnyCase };

// A string from `allowed`, returned in canonical spelling.
absl::StatusOr<std::string> RequiredEnum(const nlohmann::json& object, absl::string_view field,
                                         std::span<const std::string_view> allowed,
                                         EnumCase match = EnumCase::kAnyCase);
absl::StatusOr<std::optional<std::string>> OptionalEnum(const nlohmann::json& object,
                                                        absl::string_view field,
                                                        std::span<const std::string_view> allowed,
                                                        EnumCase match = EnumCase::kAnyCase);
// An array of such strings, duplicates removed, order kept. Absent: empty.
absl::StatusOr<std::vector<std::string>> EnumArray(const nlohmann::json& object,
                                                   absl::string_view field,
                                                   std::span<const std::string_view> allowed,
                                                   EnumCase match = EnumCase::kAnyCase);

// An array of strings. Absent or null: nullopt.
absl::StatusOr<std::optional<std::vector<std::string>>> OptionalStringArray(
    const nlohmann::json& object, absl::string_view field);

absl::StatusOr<std::optional<bool>> OptionalBool(const nlohmann::json& object,
                                                 absl::string_view field);
absl::StatusOr<std::optional<double>> OptionalNumber(const nlohmann::json& object,
                                                     absl::string_view field);
absl::StatusOr<std::optional<int64_t>> OptionalInteger(const nlohmann::json& object,
                                                       absl::string_view field);

// A request body that is an object with exactly one field, a number in [min, max] (the admin
// API's single-setting bodies, e.g. {"timeScale": 0.01}). 400 naming the field otherwise.
absl::StatusOr<double> SingleNumberBody(std::string_view body, absl::string_view field, double min,
                                        double max);

}  // namespace opcsim
