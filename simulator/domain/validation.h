#pragma once

// Pure domain rules: formats, countries, and the LIS cmdlets' constraints.

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace opcsim {

// "+44 20 7946 0000", "442079460000", "+44-(20)-7946.0000" -> "+442079460000". Nullopt unless
// the result is '+' and 1..15 digits with a non-zero first digit.
std::optional<std::string> NormalizeE164(std::string_view text);

// Strict E.164 as written ('+' required, no separators): used for contact phone numbers, which
// are stored as given.
bool IsStrictE164(std::string_view text);

// ISO 3166-1 alpha-2, any case in; upper case out. Nullopt for anything not assigned.
std::optional<std::string> NormalizeCountry(std::string_view text);

// Countries whose addresses may be edited in place (Set-CsOnlineLisCivicAddress).
bool CivicAddressEditAllowed(std::string_view country);

// Latitude and longitude are required everywhere except Australia and Japan.
bool GeocodeRequired(std::string_view country);

// Decimal degrees within range; nullopt if not a plain decimal number.
std::optional<double> ParseLatitude(std::string_view text);
std::optional<double> ParseLongitude(std::string_view text);

bool IsEmailAddress(std::string_view text);

// Case-insensitive match against a vocabulary; returns the canonical spelling.
std::optional<std::string> CanonicalEnum(std::string_view value,
                                         std::span<const std::string_view> allowed);

// The country a +E164 number belongs to, when its calling code maps to exactly one country
// (so never for +1, which NANP shares).
std::optional<std::string> CountryForCallingCode(std::string_view e164);

// The capability a target needs: userAssignment for users, voiceApplicationAssignment for
// resource accounts.
std::string_view RequiredCapability(std::string_view account_type);
// assignmentStatus after assigning to this kind of target.
std::string_view AssignedStatusFor(std::string_view account_type);

bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace opcsim
