#include "provider/resources/iso_countries.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "absl/strings/str_cat.h"

namespace opc::resources {
namespace {

// The officially assigned ISO 3166-1 alpha-2 code elements, sorted. Source: the ISO 3166
// Maintenance Agency's Online Browsing Platform (https://www.iso.org/obp/ui/#search, type
// "Country codes", status "Officially assigned"), ISO 3166-1:2020; no code was added or
// withdrawn since SS (2011). Reserved and user-assigned codes (UK, EU, XK, AA, QM-QZ, XA-XZ,
// ZZ) are not countries and are refused.
constexpr std::array<std::string_view, 249> kCodes = {
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW"};

std::string Upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string Quoted(std::string_view text) {
  return framework::Value::String(std::string(text)).DebugString();
}

}  // namespace

bool IsIsoCountryCode(std::string_view code) {
  return std::binary_search(kCodes.begin(), kCodes.end(), code);
}

std::size_t IsoCountryCodeCount() { return kCodes.size(); }

std::optional<std::string> CountryCodeProblem(std::string_view text) {
  if (IsIsoCountryCode(text)) {
    return std::nullopt;
  }
  const std::string upper = Upper(text);
  std::string problem =
      absl::StrCat(Quoted(text),
                   " is not an ISO 3166-1 alpha-2 country code (two upper-case letters of an "
                   "assigned country, such as \"GB\" or \"US\").");
  if (upper != text && IsIsoCountryCode(upper)) {
    absl::StrAppend(&problem, " Country codes are upper case: use \"", upper, "\".");
  } else if (upper == "UK") {
    absl::StrAppend(&problem, " The United Kingdom is \"GB\".");
  }
  return problem;
}

framework::Validator IsoCountryCodeValidator() {
  return [](const framework::Value& value, const framework::AttributePath& path,
            framework::Diagnostics& diags) {
    if (value.type().kind() != framework::Type::Kind::kString) {
      return;
    }
    if (std::optional<std::string> problem = CountryCodeProblem(value.AsString())) {
      diags.AddError("Invalid country code",
                     absl::StrCat("Attribute ", path.ToString(), ": ", *problem), path);
    }
  };
}

}  // namespace opc::resources
