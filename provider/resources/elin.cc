#include "provider/resources/elin.h"

#include "absl/strings/str_cat.h"

namespace opc::resources {
namespace {

constexpr std::size_t kMaxElinDigits = 15;  // the longest E.164 number

}  // namespace

std::optional<std::string> ElinProblem(std::string_view text) {
  std::string_view digits = text;
  if (!digits.empty() && digits.front() == '+') {
    digits.remove_prefix(1);
  }
  bool only_digits = !digits.empty();
  for (char c : digits) {
    only_digits = only_digits && c >= '0' && c <= '9';
  }
  if (only_digits && digits.size() <= kMaxElinDigits) {
    return std::nullopt;
  }
  const std::string quoted = framework::Value::String(std::string(text)).DebugString();
  if (only_digits) {
    return absl::StrCat(quoted, " has ", digits.size(), " digits; an ELIN has at most ",
                        kMaxElinDigits, " (an E.164 number).");
  }
  return absl::StrCat(quoted,
                      " is not an ELIN: it is the number the ELIN gateway sends to emergency "
                      "services, so it holds only the digits 0-9 (at most 15), optionally after "
                      "a leading \"+\", such as \"4255550100\" or \"+14255550100\".");
}

framework::Validator ElinValidator() {
  return [](const framework::Value& value, const framework::AttributePath& path,
            framework::Diagnostics& diags) {
    if (value.type().kind() != framework::Type::Kind::kString) {
      return;
    }
    if (std::optional<std::string> problem = ElinProblem(value.AsString())) {
      diags.AddError("Invalid ELIN", absl::StrCat("Attribute ", path.ToString(), ": ", *problem),
                     path);
    }
  };
}

}  // namespace opc::resources
