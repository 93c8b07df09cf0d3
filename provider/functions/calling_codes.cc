#include "provider/functions/calling_codes.h"

#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"

namespace opc::functions {
namespace {

struct Prefix {
  std::string_view digits;   // after '+'
  std::string_view country;  // ISO 3166-1 alpha-2; empty: not a country (global service)
};

// Country calling codes, from the ITU's "List of ITU-T Recommendation E.164 assigned country
// codes" (the Annex to the ITU Operational Bulletin, as amended by later bulletins).
// Codes are prefix-free, so the longest matching entry wins. Entries with more digits than a
// country code (e.g. "441481") are the number-plan exceptions below the shared codes.
constexpr Prefix kCallingCodes[] = {
    // Zone 2: Africa and islands.
    {"20", "EG"},
    {"211", "SS"},
    {"212", "MA"},
    {"213", "DZ"},
    {"216", "TN"},
    {"218", "LY"},
    {"220", "GM"},
    {"221", "SN"},
    {"222", "MR"},
    {"223", "ML"},
    {"224", "GN"},
    {"225", "CI"},
    {"226", "BF"},
    {"227", "NE"},
    {"228", "TG"},
    {"229", "BJ"},
    {"230", "MU"},
    {"231", "LR"},
    {"232", "SL"},
    {"233", "GH"},
    {"234", "NG"},
    {"235", "TD"},
    {"236", "CF"},
    {"237", "CM"},
    {"238", "CV"},
    {"239", "ST"},
    {"240", "GQ"},
    {"241", "GA"},
    {"242", "CG"},
    {"243", "CD"},
    {"244", "AO"},
    {"245", "GW"},
    {"246", "IO"},
    {"247", "SH"},
    {"248", "SC"},
    {"249", "SD"},
    {"250", "RW"},
    {"251", "ET"},
    {"252", "SO"},
    {"253", "DJ"},
    {"254", "KE"},
    {"255", "TZ"},
    {"256", "UG"},
    {"257", "BI"},
    {"258", "MZ"},
    {"260", "ZM"},
    {"261", "MG"},
    {"262", "RE"},
    {"263", "ZW"},
    {"264", "NA"},
    {"265", "MW"},
    {"266", "LS"},
    {"267", "BW"},
    {"268", "SZ"},
    {"269", "KM"},
    {"27", "ZA"},
    {"290", "SH"},
    {"291", "ER"},
    {"297", "AW"},
    {"298", "FO"},
    {"299", "GL"},
    // Zones 3 and 4: Europe.
    {"30", "GR"},
    {"31", "NL"},
    {"32", "BE"},
    {"33", "FR"},
    {"34", "ES"},
    {"350", "GI"},
    {"351", "PT"},
    {"352", "LU"},
    {"353", "IE"},
    {"354", "IS"},
    {"355", "AL"},
    {"356", "MT"},
    {"357", "CY"},
    {"358", "FI"},
    {"359", "BG"},
    {"36", "HU"},
    {"370", "LT"},
    {"371", "LV"},
    {"372", "EE"},
    {"373", "MD"},
    {"374", "AM"},
    {"375", "BY"},
    {"376", "AD"},
    {"377", "MC"},
    {"378", "SM"},
    {"379", "VA"},
    {"380", "UA"},
    {"381", "RS"},
    {"382", "ME"},
    {"385", "HR"},
    {"386", "SI"},
    {"387", "BA"},
    {"389", "MK"},
    {"39", "IT"},
    {"40", "RO"},
    {"41", "CH"},
    {"420", "CZ"},
    {"421", "SK"},
    {"423", "LI"},
    {"43", "AT"},
    {"44", "GB"},
    {"45", "DK"},
    {"46", "SE"},
    {"47", "NO"},
    {"48", "PL"},
    {"49", "DE"},
    // Zone 5: South and Central America.
    {"500", "FK"},
    {"501", "BZ"},
    {"502", "GT"},
    {"503", "SV"},
    {"504", "HN"},
    {"505", "NI"},
    {"506", "CR"},
    {"507", "PA"},
    {"508", "PM"},
    {"509", "HT"},
    {"51", "PE"},
    {"52", "MX"},
    {"53", "CU"},
    {"54", "AR"},
    {"55", "BR"},
    {"56", "CL"},
    {"57", "CO"},
    {"58", "VE"},
    {"590", "GP"},
    {"591", "BO"},
    {"592", "GY"},
    {"593", "EC"},
    {"594", "GF"},
    {"595", "PY"},
    {"596", "MQ"},
    {"597", "SR"},
    {"598", "UY"},
    {"599", "CW"},
    // Zone 6: South Pacific and Oceania.
    {"60", "MY"},
    {"61", "AU"},
    {"62", "ID"},
    {"63", "PH"},
    {"64", "NZ"},
    {"65", "SG"},
    {"66", "TH"},
    {"670", "TL"},
    {"672", "NF"},
    {"673", "BN"},
    {"674", "NR"},
    {"675", "PG"},
    {"676", "TO"},
    {"677", "SB"},
    {"678", "VU"},
    {"679", "FJ"},
    {"680", "PW"},
    {"681", "WF"},
    {"682", "CK"},
    {"683", "NU"},
    {"685", "WS"},
    {"686", "KI"},
    {"687", "NC"},
    {"688", "TV"},
    {"689", "PF"},
    {"690", "TK"},
    {"691", "FM"},
    {"692", "MH"},
    // Zone 8: East Asia and global services.
    {"800", ""},
    {"808", ""},
    {"81", "JP"},
    {"82", "KR"},
    {"84", "VN"},
    {"850", "KP"},
    {"852", "HK"},
    {"853", "MO"},
    {"855", "KH"},
    {"856", "LA"},
    {"86", "CN"},
    {"870", ""},
    {"878", ""},
    {"880", "BD"},
    {"881", ""},
    {"882", ""},
    {"883", ""},
    {"886", "TW"},
    {"888", ""},
    // Zone 9: West, Central and South Asia, Middle East.
    {"90", "TR"},
    {"91", "IN"},
    {"92", "PK"},
    {"93", "AF"},
    {"94", "LK"},
    {"95", "MM"},
    {"960", "MV"},
    {"961", "LB"},
    {"962", "JO"},
    {"963", "SY"},
    {"964", "IQ"},
    {"965", "KW"},
    {"966", "SA"},
    {"967", "YE"},
    {"968", "OM"},
    {"970", "PS"},
    {"971", "AE"},
    {"972", "IL"},
    {"973", "BH"},
    {"974", "QA"},
    {"975", "BT"},
    {"976", "MN"},
    {"977", "NP"},
    {"979", ""},
    {"98", "IR"},
    {"992", "TJ"},
    {"993", "TM"},
    {"994", "AZ"},
    {"995", "GE"},
    {"996", "KG"},
    {"998", "UZ"},
    // Shared codes resolved by the national number plans:
    //  +7: Kazakhstan has the 6xx and 7xx ranges of the shared Russian/Kazakh plan.
    {"76", "KZ"},
    {"77", "KZ"},
    {"7", "RU"},
    //  +44: the Crown Dependencies' geographic area codes in the UK plan (Ofcom's National
    //  Telephone Numbering Plan): Guernsey 01481, Jersey 01534, Isle of Man 01624. Their
    //  mobile ranges are not listed: those numbers are reported as GB.
    {"441481", "GG"},
    {"441534", "JE"},
    {"441624", "IM"},
    //  +358 18: Åland; +47 79: Svalbard; +262 269/639: Mayotte; +599 3/4/7: the Caribbean
    //  Netherlands. Saint Barthélemy and Saint Martin share Guadeloupe's +590 plan: GP.
    {"35818", "AX"},
    {"4779", "SJ"},
    {"262269", "YT"},
    {"262639", "YT"},
    {"5993", "BQ"},
    {"5994", "BQ"},
    {"5997", "BQ"},
};

// NANP (+1) area codes outside the United States, from the North American Numbering Plan
// Administrator's "Area Codes by Geographic Location" (nationalnanpa.com, NPA reports) and
// the Canadian Numbering Administrator's list of Canadian area codes (cnac.ca). Any other
// geographic area code is a US one.
constexpr std::pair<std::string_view, std::string_view> kNanpAreaCodes[] = {
    // Canada.
    {"204", "CA"},
    {"226", "CA"},
    {"236", "CA"},
    {"249", "CA"},
    {"250", "CA"},
    {"257", "CA"},
    {"263", "CA"},
    {"289", "CA"},
    {"306", "CA"},
    {"343", "CA"},
    {"354", "CA"},
    {"365", "CA"},
    {"367", "CA"},
    {"368", "CA"},
    {"382", "CA"},
    {"387", "CA"},
    {"403", "CA"},
    {"416", "CA"},
    {"418", "CA"},
    {"428", "CA"},
    {"431", "CA"},
    {"437", "CA"},
    {"438", "CA"},
    {"450", "CA"},
    {"460", "CA"},
    {"468", "CA"},
    {"474", "CA"},
    {"506", "CA"},
    {"514", "CA"},
    {"519", "CA"},
    {"548", "CA"},
    {"579", "CA"},
    {"581", "CA"},
    {"584", "CA"},
    {"587", "CA"},
    {"600", "CA"},
    {"604", "CA"},
    {"613", "CA"},
    {"622", "CA"},
    {"639", "CA"},
    {"647", "CA"},
    {"672", "CA"},
    {"683", "CA"},
    {"705", "CA"},
    {"709", "CA"},
    {"742", "CA"},
    {"753", "CA"},
    {"778", "CA"},
    {"780", "CA"},
    {"782", "CA"},
    {"807", "CA"},
    {"819", "CA"},
    {"825", "CA"},
    {"867", "CA"},
    {"873", "CA"},
    {"879", "CA"},
    {"902", "CA"},
    {"905", "CA"},
    {"942", "CA"},
    // Caribbean and Atlantic members.
    {"242", "BS"},
    {"246", "BB"},
    {"264", "AI"},
    {"268", "AG"},
    {"284", "VG"},
    {"345", "KY"},
    {"441", "BM"},
    {"473", "GD"},
    {"649", "TC"},
    {"658", "JM"},
    {"664", "MS"},
    {"721", "SX"},
    {"758", "LC"},
    {"767", "DM"},
    {"784", "VC"},
    {"809", "DO"},
    {"829", "DO"},
    {"849", "DO"},
    {"868", "TT"},
    {"869", "KN"},
    {"876", "JM"},
    // US territories with their own ISO codes.
    {"340", "VI"},
    {"670", "MP"},
    {"671", "GU"},
    {"684", "AS"},
    {"787", "PR"},
    {"939", "PR"},
};

// NANP codes shared by every member: toll-free (8xx with a repeated digit) and personal
// communications services (5xx with a repeated digit, 500/533/544/...), and 900 premium.
bool IsNanpNonGeographic(std::string_view area_code) {
  const bool repeated = area_code[1] == area_code[2];
  return ((area_code[0] == '8' || area_code[0] == '5') && repeated) || area_code == "900";
}

absl::StatusOr<std::string> NanpCountry(std::string_view national, const std::string& e164) {
  if (national.size() < 3) {
    return absl::InvalidArgumentError(absl::StrCat(e164, " is too short for a NANP number"));
  }
  const std::string area_code(national.substr(0, 3));
  if (IsNanpNonGeographic(area_code)) {
    return absl::FailedPreconditionError(
        absl::StrCat(e164, " is a NANP non-geographic number (area code ", area_code,
                     ", toll-free or personal), which belongs to no single country"));
  }
  for (const auto& [code, country] : kNanpAreaCodes) {
    if (code == area_code) {
      return std::string(country);
    }
  }
  return std::string("US");
}

}  // namespace

absl::StatusOr<std::string> CountryOfE164(std::string_view e164) {
  std::string_view digits = e164;
  if (!digits.empty() && digits.front() == '+') {
    digits.remove_prefix(1);
  }
  if (std::size_t ext = digits.find(';'); ext != std::string_view::npos) {
    digits = digits.substr(0, ext);
  }
  if (digits.empty()) {
    return absl::InvalidArgumentError("the number has no digits");
  }
  if (digits.front() == '1') {
    return NanpCountry(digits.substr(1), std::string(e164));
  }
  const Prefix* best = nullptr;
  for (const Prefix& entry : kCallingCodes) {
    if (digits.starts_with(entry.digits) &&
        (best == nullptr || entry.digits.size() > best->digits.size())) {
      best = &entry;
    }
  }
  if (best == nullptr) {
    return absl::NotFoundError(
        absl::StrCat("the calling code of ", std::string(e164), " is not assigned to any country"));
  }
  if (best->country.empty()) {
    return absl::FailedPreconditionError(
        absl::StrCat(std::string(e164), " is in +", std::string(best->digits),
                     ", an international service code that belongs to no country"));
  }
  return std::string(best->country);
}

}  // namespace opc::functions
