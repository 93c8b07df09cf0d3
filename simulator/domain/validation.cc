#include "simulator/domain/validation.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <utility>

namespace opcsim {
namespace {

// ISO 3166-1 alpha-2, officially assigned codes.
constexpr std::string_view kIsoCountries =
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR "
    "BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ "
    "EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW "
    "GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY "
    "KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV "
    "MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY "
    "QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG "
    "TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM "
    "ZW ";

constexpr std::array<std::string_view, 22> kLisEditableCountries = {
    "AU", "BR", "CA", "HR", "CZ", "EE", "HK", "HU", "IL", "JP", "LV",
    "LT", "MX", "NZ", "PL", "PR", "RO", "SG", "KR", "SI", "ZA", "US"};

// Calling codes with a single country. Longest prefix wins.
constexpr std::array<std::pair<std::string_view, std::string_view>, 40> kCallingCodes = {{
    {"20", "EG"},  {"27", "ZA"},  {"30", "GR"},  {"31", "NL"},  {"32", "BE"},  {"33", "FR"},
    {"34", "ES"},  {"36", "HU"},  {"39", "IT"},  {"40", "RO"},  {"41", "CH"},  {"43", "AT"},
    {"44", "GB"},  {"45", "DK"},  {"46", "SE"},  {"47", "NO"},  {"48", "PL"},  {"49", "DE"},
    {"52", "MX"},  {"55", "BR"},  {"60", "MY"},  {"61", "AU"},  {"64", "NZ"},  {"65", "SG"},
    {"81", "JP"},  {"82", "KR"},  {"852", "HK"}, {"353", "IE"}, {"351", "PT"}, {"352", "LU"},
    {"354", "IS"}, {"358", "FI"}, {"370", "LT"}, {"371", "LV"}, {"372", "EE"}, {"385", "HR"},
    {"386", "SI"}, {"420", "CZ"}, {"421", "SK"}, {"972", "IL"},
}};

std::optional<double> ParseDecimal(std::string_view text) {
  if (text.empty()) {
    return std::nullopt;
  }
  // Plain decimal only: optional sign, digits, optional fraction. No exponent, no hex.
  size_t i = (text[0] == '-' || text[0] == '+') ? 1 : 0;
  bool digits = false;
  bool dot = false;
  for (; i < text.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i]))) {
      digits = true;
    } else if (text[i] == '.' && !dot) {
      dot = true;
    } else {
      return std::nullopt;
    }
  }
  if (!digits) {
    return std::nullopt;
  }
  return std::strtod(std::string(text).c_str(), nullptr);
}

}  // namespace

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::optional<std::string> NormalizeE164(std::string_view text) {
  std::string digits;
  bool seen_plus = false;
  for (char c : text) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      digits.push_back(c);
    } else if (c == '+' && !seen_plus && digits.empty()) {
      seen_plus = true;
    } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
      continue;
    } else {
      return std::nullopt;
    }
  }
  if (digits.empty() || digits.size() > 15 || digits[0] == '0') {
    return std::nullopt;
  }
  return "+" + digits;
}

bool IsStrictE164(std::string_view text) {
  if (text.size() < 2 || text.size() > 16 || text[0] != '+' || text[1] == '0') {
    return false;
  }
  return std::all_of(text.begin() + 1, text.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

std::optional<std::string> NormalizeCountry(std::string_view text) {
  if (text.size() != 2) {
    return std::nullopt;
  }
  std::string upper{static_cast<char>(std::toupper(static_cast<unsigned char>(text[0]))),
                    static_cast<char>(std::toupper(static_cast<unsigned char>(text[1])))};
  if (!std::isalpha(static_cast<unsigned char>(upper[0])) ||
      !std::isalpha(static_cast<unsigned char>(upper[1]))) {
    return std::nullopt;
  }
  for (size_t i = 0; i + 2 <= kIsoCountries.size(); i += 3) {
    if (kIsoCountries.substr(i, 2) == upper) {
      return upper;
    }
  }
  return std::nullopt;
}

bool CivicAddressEditAllowed(std::string_view country) {
  return std::find(kLisEditableCountries.begin(), kLisEditableCountries.end(), country) !=
         kLisEditableCountries.end();
}

bool GeocodeRequired(std::string_view country) { return country != "AU" && country != "JP"; }

std::optional<double> ParseLatitude(std::string_view text) {
  auto value = ParseDecimal(text);
  if (!value || *value < -90.0 || *value > 90.0) {
    return std::nullopt;
  }
  return value;
}

std::optional<double> ParseLongitude(std::string_view text) {
  auto value = ParseDecimal(text);
  if (!value || *value < -180.0 || *value > 180.0) {
    return std::nullopt;
  }
  return value;
}

bool IsEmailAddress(std::string_view text) {
  const size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const std::string_view domain = text.substr(at + 1);
  const size_t dot = domain.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 1 >= domain.size()) {
    return false;
  }
  return std::none_of(text.begin(), text.end(), [](char c) {
    return std::isspace(static_cast<unsigned char>(c)) ||
           std::iscntrl(static_cast<unsigned char>(c));
  });
}

std::optional<std::string> CanonicalEnum(std::string_view value,
                                         std::span<const std::string_view> allowed) {
  for (std::string_view candidate : allowed) {
    if (EqualsIgnoreCase(candidate, value)) {
      return std::string(candidate);
    }
  }
  return std::nullopt;
}

std::optional<std::string> CountryForCallingCode(std::string_view e164) {
  if (e164.size() < 2 || e164[0] != '+') {
    return std::nullopt;
  }
  const std::string_view digits = e164.substr(1);
  std::optional<std::string> best;
  size_t best_length = 0;
  for (const auto& [code, country] : kCallingCodes) {
    if (digits.substr(0, code.size()) == code && code.size() > best_length) {
      best = std::string(country);
      best_length = code.size();
    }
  }
  return best;
}

std::string_view RequiredCapability(std::string_view account_type) {
  return account_type == "resourceAccount" ? "voiceApplicationAssignment" : "userAssignment";
}

std::string_view AssignedStatusFor(std::string_view account_type) {
  return account_type == "resourceAccount" ? "voiceApplicationAssigned" : "userAssigned";
}

}  // namespace opcsim
