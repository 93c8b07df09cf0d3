// Country codes as Teams takes them: ISO 3166-1 alpha-2, officially assigned, upper case.
// Every country attribute (resources and data source filters) is checked against this table at
// validate time, so that "JJ" (right shape, no country) fails before any request is sent.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "provider/framework/schema.h"

namespace opc::resources {

// Whether `code` is an officially assigned ISO 3166-1 alpha-2 code, exactly as written (upper
// case): "GB" yes; "gb", "UK" (reserved, not assigned) and "JJ" no.
bool IsIsoCountryCode(std::string_view code);

// Why `text` is not a country code, with a hint where one helps ("gb" -> use "GB"; "UK" -> the
// United Kingdom is "GB"); nullopt when it is one.
std::optional<std::string> CountryCodeProblem(std::string_view text);

// The number of codes in the table (249 as of the ISO 3166-1 2020 edition and its newsletters).
std::size_t IsoCountryCodeCount();

// A validator for a string attribute holding one country code. Its error names the attribute
// (the framework's path) and says what is wrong.
framework::Validator IsoCountryCodeValidator();

}  // namespace opc::resources
