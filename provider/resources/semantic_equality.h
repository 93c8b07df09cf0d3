// When two spellings mean the same to the service: ids (GUIDs) and enumerations compare
// without regard to letter case, telephone numbers by their E.164 form. Used as attributes'
// semantic_equality (the planner keeps the prior spelling) and when building state from a
// service answer (the configured spelling is kept where the service only normalized it).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "provider/framework/schema.h"
#include "provider/framework/value.h"

namespace opc::resources {

// Both known, non-null strings that differ at most in letter case.
bool EqualIgnoringCase(const framework::Value& a, const framework::Value& b);
// Both known, non-null strings that spell one valid telephone number.
bool SameTelephoneNumber(const framework::Value& a, const framework::Value& b);
// The same for plain text ("+1 425 555 0100" and "+14255550100").
bool SameTelephoneNumberText(std::string_view a, std::string_view b);

// The service's text as a state value (null when absent), spelled as in `reference` when
// `same` says the two mean the same.
framework::Value KeepSpelling(const framework::Value& reference,
                              const std::optional<std::string>& service,
                              const framework::SemanticEquality& same);
// KeepSpelling with EqualIgnoringCase: ids and enumerations.
framework::Value KeepCase(const framework::Value& reference,
                          const std::optional<std::string>& service);

// The same for typed models' fields: `reference` when `same` says it means `service`.
std::optional<std::string> KeepSpellingText(const std::optional<std::string>& reference,
                                            const std::optional<std::string>& service,
                                            bool (*same)(std::string_view, std::string_view));
std::optional<std::string> KeepCaseText(const std::optional<std::string>& reference,
                                        const std::optional<std::string>& service);

}  // namespace opc::resources
