// The Emergency Location Identification Number (ELIN) of an emergency address or place.
//
// What Teams takes: New-CsOnlineLisLocation / Set-CsOnlineLisLocation -Elin and
// New-CsOnlineLisCivicAddress -Elin (https://learn.microsoft.com/powershell/module/teams/
// new-csonlinelislocation) describe it as "the Emergency Location Identification Number ...
// used in Direct Routing EGW scenarios": the ELIN gateway (the SBC) sends it to the emergency
// service as the calling number, and it must be in the carrier's ALI database ("Plan for
// Enhanced 9-1-1", Microsoft Learn: ELINs are uploaded to the PSTN carrier's Automatic Location
// Identification database). Microsoft publishes no character set beyond "String", so the check
// is what a calling number can be: an E.164 number's digits (at most 15, ITU-T E.164 §6),
// optionally with a leading "+". Letters, spaces, punctuation and non-ASCII ("ELIN#42<>!;",
// "42 55é<x>") are refused at validate, before anything reaches the tenant.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "provider/framework/schema.h"

namespace opc::resources {

// Why `text` is not an ELIN (quoting it), or nullopt when it is one.
std::optional<std::string> ElinProblem(std::string_view text);

// A validator for a string attribute holding an ELIN; its error names the attribute.
framework::Validator ElinValidator();

}  // namespace opc::resources
