// Phone numbers in E.164 form ("+14255550100"), so that the provider compares numbers the way
// the service does: "+1 425 555 0100", "+1 (425) 555-0100" and "+14255550100" are one number.
//
// Accepted input:
//  * an optional "tel:" prefix;
//  * a leading '+', or the international call prefix "00" (ITU-T E.164 recommends it and most
//    countries use it; "0014255550100" becomes "+14255550100"). Other national or
//    international prefixes (e.g. NANP "011") and numbers without any prefix are rejected:
//    they cannot be told apart from national numbers;
//  * separators ' ', '-', '.', '/', '(' and ')' anywhere after the prefix, and the trunk-prefix
//    notation "(0)" ("+44 (0)20 7946 0018" is "+442079460018");
//  * 7 to 15 digits, the first not 0 (country codes never start with 0);
//  * an optional Direct Routing extension ";ext=1234" (1 to 10 digits), kept as ";ext=1234".
// Anything else is InvalidArgument with a message naming what is wrong.
#pragma once

#include <string>
#include <string_view>

#include "absl/status/statusor.h"

namespace opc::client {

absl::StatusOr<std::string> NormalizeE164(std::string_view input);

// True if `text` is already in the form NormalizeE164 returns.
bool IsNormalizedE164(std::string_view text);

}  // namespace opc::client
