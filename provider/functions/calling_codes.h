// The country a telephone number belongs to, from its E.164 country calling code and, where
// several countries share a code (+1, +7, +44, ...), from the national number plan.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace opc::functions {

// `e164` must be normalized ("+442079460101", see client::NormalizeE164; an ";ext=" suffix is
// ignored). Returns the ISO 3166-1 alpha-2 code ("GB"), or:
//  * NotFound when the calling code is not assigned to a country (spare codes);
//  * FailedPrecondition when the number belongs to no single country: global services
//    (+800 freephone, +881 satellite, ...) and NANP toll-free and personal numbers (+1 8xx with
//    a repeated digit, +1 500/533/...), which are shared by every NANP member.
absl::StatusOr<std::string> CountryOfE164(std::string_view e164);

}  // namespace opc::functions
