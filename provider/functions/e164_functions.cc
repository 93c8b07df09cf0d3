#include "provider/functions/e164_functions.h"

#include <optional>
#include <string>
#include <utility>

#include "absl/status/statusor.h"
#include "provider/client/e164.h"
#include "provider/functions/calling_codes.h"

namespace opc::functions {

using framework::FunctionDefinition;
using framework::FunctionError;
using framework::FunctionParameter;
using framework::Type;
using framework::Value;

namespace {

constexpr char kNumberDescription[] =
    "A telephone number with its country code, in any common spelling: `+44 20 7946 0101`, "
    "`+1 (425) 555-0100`, `0044 20 7946 0101`, `tel:+14255550100`.";

FunctionParameter NumberParameter(std::string description = kNumberDescription) {
  FunctionParameter parameter;
  parameter.name = "number";
  parameter.type = Type::String();
  parameter.description = std::move(description);
  return parameter;
}

// The error for the one argument these functions take: Terraform names the argument.
FunctionError NumberError(std::string text) { return FunctionError{std::move(text), 0}; }

// The argument in E.164 form, or nullopt with the error set on `resp`.
std::optional<std::string> NormalizedArgument(const framework::CallFunctionRequest& req,
                                              framework::CallFunctionResponse& resp) {
  absl::StatusOr<std::string> normalized = client::NormalizeE164(req.arguments[0].AsString());
  if (!normalized.ok()) {
    resp.error = NumberError(std::string(normalized.status().message()));
    return std::nullopt;
  }
  return *std::move(normalized);
}

}  // namespace

bool IsStrictE164(std::string_view text) {
  if (text.size() < 8 || text.size() > 16 || text[0] != '+' || text[1] == '0') {
    return false;
  }
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] < '0' || text[i] > '9') {
      return false;
    }
  }
  return true;
}

FunctionDefinition NormalizeE164Function::Definition() const {
  FunctionDefinition definition;
  definition.parameters = {NumberParameter()};
  definition.return_type = Type::String();
  definition.summary = "Normalize a telephone number to E.164";
  definition.description =
      "Returns the number in E.164 form, as the service stores it: `+`, the country code and "
      "the national number, without separators (`\"+44 20 7946 0101\"` gives "
      "`\"+442079460101\"`). Accepts spaces and `-` `.` `/` `(` `)` as separators, the trunk "
      "prefix notation `(0)`, the international prefix `00` instead of `+`, a `tel:` prefix "
      "and a Direct Routing extension `;ext=1234` (kept). Anything else, such as a national "
      "number without a country code, is an error that says what is wrong.";
  return definition;
}

void NormalizeE164Function::Run(const framework::CallFunctionRequest& req,
                                framework::CallFunctionResponse& resp) const {
  if (std::optional<std::string> normalized = NormalizedArgument(req, resp)) {
    resp.result = Value::String(*std::move(normalized));
  }
}

FunctionDefinition E164CountryFunction::Definition() const {
  FunctionDefinition definition;
  definition.parameters = {NumberParameter()};
  definition.return_type = Type::String();
  definition.summary = "The country of a telephone number";
  definition.description =
      "Returns the ISO 3166-1 alpha-2 code of the country a telephone number belongs to "
      "(`\"+44 20 7946 0101\"` gives `\"GB\"`), from its country calling code (the ITU-T "
      "E.164 list of assigned country codes) and, where countries share a code, from the "
      "national number plan: the NANP area code for `+1` (`+1 416` is `CA`, `+1 876` is "
      "`JM`, other geographic area codes are `US`), the 6xx/7xx ranges of `+7` for `KZ` "
      "(else `RU`), and the Crown Dependencies' area codes in `+44` (`GG`, `JE`, `IM`). "
      "Numbers that belong to no single country are an error: international service codes "
      "(`+800`, `+881`, ...) and NANP toll-free and personal numbers (`+1 800`, `+1 888`, "
      "`+1 500`, ...).";
  return definition;
}

void E164CountryFunction::Run(const framework::CallFunctionRequest& req,
                              framework::CallFunctionResponse& resp) const {
  std::optional<std::string> normalized = NormalizedArgument(req, resp);
  if (!normalized) {
    return;
  }
  absl::StatusOr<std::string> country = CountryOfE164(*normalized);
  if (!country.ok()) {
    resp.error = NumberError(std::string(country.status().message()));
    return;
  }
  resp.result = Value::String(*std::move(country));
}

FunctionDefinition IsE164Function::Definition() const {
  FunctionDefinition definition;
  definition.parameters = {NumberParameter("Any string.")};
  definition.return_type = Type::Bool();
  definition.summary = "Whether a string is a telephone number in E.164 form";
  definition.description =
      "Returns `true` when the string is a number in strict E.164 form: `+`, then 7 to 15 "
      "digits, the first not `0`, and nothing else (`\"+442079460101\"`). Other spellings of "
      "a valid number (`\"+44 20 7946 0101\"`) and extensions give `false`: use "
      "`normalize_e164` to convert them. Never an error, so it fits `validation` blocks.";
  return definition;
}

void IsE164Function::Run(const framework::CallFunctionRequest& req,
                         framework::CallFunctionResponse& resp) const {
  resp.result = Value::Bool(IsStrictE164(req.arguments[0].AsString()));
}

void AddE164Functions(FunctionList& out) {
  out.push_back(std::make_unique<NormalizeE164Function>());
  out.push_back(std::make_unique<E164CountryFunction>());
  out.push_back(std::make_unique<IsE164Function>());
}

}  // namespace opc::functions
