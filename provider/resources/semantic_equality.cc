#include "provider/resources/semantic_equality.h"

#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "provider/client/e164.h"

namespace opc::resources {

using framework::Type;
using framework::Value;

namespace {

bool IsKnownString(const Value& value) {
  return value.IsKnown() && !value.IsNull() && value.type().kind() == Type::Kind::kString;
}

}  // namespace

bool EqualIgnoringCase(const Value& a, const Value& b) {
  return IsKnownString(a) && IsKnownString(b) && absl::EqualsIgnoreCase(a.AsString(), b.AsString());
}

bool SameTelephoneNumberText(std::string_view a, std::string_view b) {
  absl::StatusOr<std::string> left = client::NormalizeE164(a);
  absl::StatusOr<std::string> right = client::NormalizeE164(b);
  return left.ok() && right.ok() && *left == *right;
}

bool SameTelephoneNumber(const Value& a, const Value& b) {
  return IsKnownString(a) && IsKnownString(b) &&
         SameTelephoneNumberText(a.AsString(), b.AsString());
}

Value KeepSpelling(const Value& reference, const std::optional<std::string>& service,
                   const framework::SemanticEquality& same) {
  if (!service) {
    return Value::Null(Type::String());
  }
  Value from_service = Value::String(*service);
  if (IsKnownString(reference) && same(reference, from_service)) {
    return reference;
  }
  return from_service;
}

Value KeepCase(const Value& reference, const std::optional<std::string>& service) {
  return KeepSpelling(reference, service, EqualIgnoringCase);
}

std::optional<std::string> KeepSpellingText(const std::optional<std::string>& reference,
                                            const std::optional<std::string>& service,
                                            bool (*same)(std::string_view, std::string_view)) {
  return reference && service && same(*reference, *service) ? reference : service;
}

std::optional<std::string> KeepCaseText(const std::optional<std::string>& reference,
                                        const std::optional<std::string>& service) {
  return KeepSpellingText(reference, service, [](std::string_view a, std::string_view b) {
    return absl::EqualsIgnoreCase(absl::string_view(a.data(), a.size()),
                                  absl::string_view(b.data(), b.size()));
  });
}

}  // namespace opc::resources
