// The validators that several resources and data sources share, declared once with one wording
// per message. A resource's own rules (an email shape, an enumeration) stay in its file.
#pragma once

#include <string>

#include "provider/framework/schema.h"

namespace opc::resources::validators {

// A GUID in any letter case. `noun` names the id ("operator id", "object id"); `hint` (may be
// empty) is a sentence saying where to find one.
framework::Validator Guid(std::string noun, std::string hint = "");
// A telephone number in international form, in any spelling (`+1 425 555 0100`).
framework::Validator TelephoneNumber();
// A Go-style duration such as "30m" (rules::ParseDuration).
framework::Validator Duration();
// A string with at least one character that is not white space.
framework::Validator NotBlank();
// A bool that must be true; `summary` is the error's title and `explanation` says why.
framework::Validator MustBeTrue(std::string summary, std::string explanation);
// An officially assigned ISO 3166-1 alpha-2 country code ("GB", "US"), upper case; the
// error hints at the fix for "gb" or "UK" (iso_countries.h).
framework::Validator CountryCode();

}  // namespace opc::resources::validators
