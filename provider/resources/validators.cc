#include "provider/resources/validators.h"

#include <chrono>
#include <utility>

#include "absl/status/statusor.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "provider/client/e164.h"
#include "provider/resources/iso_countries.h"
#include "provider/resources/settings_rules.h"

namespace opc::resources::validators {

using framework::AttributePath;
using framework::Diagnostics;
using framework::Type;
using framework::Validator;
using framework::Value;

namespace {

constexpr char kGuidExample[] = "\"fb450e35-d758-4caa-b81c-c98f93176c14\"";

// Validators run for known, non-null values of the attribute's type; a string check still
// looks at the kind so that a misdeclared attribute never reaches AsString().
bool IsString(const Value& value) { return value.type().kind() == Type::Kind::kString; }

std::string Article(const std::string& noun) {
  return !noun.empty() && absl::StrContains("aeiouAEIOU", noun.front()) ? "an " : "a ";
}

}  // namespace

Validator Guid(std::string noun, std::string hint) {
  return [noun = std::move(noun), hint = std::move(hint)](
             const Value& value, const AttributePath& path, Diagnostics& diags) {
    if (!IsString(value) || rules::CheckGuid(value.AsString()).ok()) {
      return;
    }
    diags.AddError(absl::StrCat("Invalid ", noun),
                   absl::StrCat(path.ToString(), " must be ", Article(noun), noun,
                                " (a GUID such as ", kGuidExample, "), got: ", value.DebugString(),
                                ".", hint.empty() ? "" : " ", hint),
                   path);
  };
}

Validator TelephoneNumber() {
  return [](const Value& value, const AttributePath& path, Diagnostics& diags) {
    if (!IsString(value)) {
      return;
    }
    absl::StatusOr<std::string> normalized = client::NormalizeE164(value.AsString());
    if (!normalized.ok()) {
      diags.AddError("Invalid telephone number",
                     absl::StrCat(path.ToString(),
                                  " must be a telephone number in international form such as "
                                  "\"+1 425 555 0100\", got: ",
                                  value.DebugString(), ": ", normalized.status().message()),
                     path);
    }
  };
}

Validator Duration() {
  return [](const Value& value, const AttributePath& path, Diagnostics& diags) {
    if (!IsString(value)) {
      return;
    }
    absl::StatusOr<std::chrono::milliseconds> duration = rules::ParseDuration(value.AsString());
    if (!duration.ok()) {
      diags.AddError(
          "Invalid duration",
          absl::StrCat(path.ToString(), " must be a duration such as \"30m\", \"1h\" or \"90s\": ",
                       duration.status().message()),
          path);
    }
  };
}

Validator NotBlank() {
  return [](const Value& value, const AttributePath& path, Diagnostics& diags) {
    if (IsString(value) && absl::StripAsciiWhitespace(value.AsString()).empty()) {
      diags.AddError("Empty value", path.ToString() + " must not be empty.", path);
    }
  };
}

Validator MustBeTrue(std::string summary, std::string explanation) {
  return [summary = std::move(summary), explanation = std::move(explanation)](
             const Value& value, const AttributePath& path, Diagnostics& diags) {
    if (value.type().kind() == Type::Kind::kBool && !value.AsBool()) {
      diags.AddError(summary, absl::StrCat(path.ToString(), " must be true. ", explanation), path);
    }
  };
}

Validator CountryCode() {
  return IsoCountryCodeValidator();  // the real list, not just the shape (iso_countries.h)
}

}  // namespace opc::resources::validators
