#include "provider/resources/emergency_compliance.h"

#include <algorithm>
#include <map>
#include <set>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "provider/resources/phone_number_assignment_resource.h"

namespace opc::resources {
namespace {

std::string Upper(const std::string& text) { return absl::AsciiStrToUpper(text); }
std::string Lower(const std::string& text) { return absl::AsciiStrToLower(text); }

bool InCountryScope(const ComplianceScope& scope, const std::optional<std::string>& country) {
  return !scope.country || (country && Upper(*country) == Upper(*scope.country));
}

bool InOperatorScope(const ComplianceScope& scope, const std::optional<std::string>& operator_id) {
  return !scope.operator_id || (operator_id && Lower(*operator_id) == Lower(*scope.operator_id));
}

// Where a location is: its own country, else its address's. Keys are lower-case ids.
struct Places {
  std::map<std::string, const client::EmergencyLocation*> locations;
  std::map<std::string, const client::CivicAddress*> addresses;

  const client::EmergencyLocation* Location(const std::optional<std::string>& id) const {
    if (!id || id->empty()) {
      return nullptr;
    }
    auto it = locations.find(Lower(*id));
    return it == locations.end() ? nullptr : it->second;
  }
  std::optional<std::string> CountryOf(const client::EmergencyLocation& location) const {
    if (location.country_or_region && !location.country_or_region->empty()) {
      return Upper(*location.country_or_region);
    }
    auto it = addresses.find(Lower(location.civic_address_id));
    if (it == addresses.end()) {
      return std::nullopt;
    }
    return Upper(it->second->country_or_region);
  }
};

std::string NumberList(const std::vector<std::string>& items) {
  constexpr size_t kShown = 10;
  std::vector<std::string> shown(items.begin(),
                                 items.begin() + static_cast<long>(std::min(items.size(), kShown)));
  std::string text = absl::StrJoin(shown, ", ");
  if (items.size() > kShown) {
    absl::StrAppend(&text, " and ", items.size() - kShown, " more");
  }
  return text;
}

}  // namespace

std::string ComplianceReport::Summary() const {
  std::vector<std::string> lines;
  if (!numbers_without_location.empty()) {
    lines.push_back(absl::StrCat(numbers_without_location.size(),
                                 " assigned number(s) without an emergency location: ",
                                 NumberList(numbers_without_location)));
  }
  if (!numbers_with_foreign_location.empty()) {
    std::vector<std::string> items;
    for (const ForeignLocation& f : numbers_with_foreign_location) {
      items.push_back(
          absl::StrCat(f.telephone_number, " (", f.number_country, ") -> ", f.location_country));
    }
    lines.push_back(absl::StrCat(
        numbers_with_foreign_location.size(),
        " number(s) with an emergency location in another country: ", NumberList(items)));
  }
  if (!countries_without_address.empty()) {
    lines.push_back(absl::StrCat("numbers assigned but no emergency address in: ",
                                 absl::StrJoin(countries_without_address, ", ")));
  }
  if (!consented_countries_without_address.empty()) {
    lines.push_back(absl::StrCat("consented countries without an emergency address: ",
                                 absl::StrJoin(consented_countries_without_address, ", ")));
  }
  if (!unused_addresses.empty()) {
    std::vector<std::string> ids;
    for (const UnusedAddress& a : unused_addresses) {
      ids.push_back(a.id);
    }
    lines.push_back(absl::StrCat(unused_addresses.size(),
                                 " emergency address(es) no number uses: ", NumberList(ids)));
  }
  return absl::StrJoin(lines, "\n");
}

ComplianceReport AssessCompliance(const ComplianceScope& scope,
                                  const std::vector<client::NumberAssignment>& numbers,
                                  const std::vector<client::Consent>& consents,
                                  const std::vector<client::CivicAddress>& addresses,
                                  const std::vector<client::EmergencyLocation>& locations) {
  Places places;
  std::set<std::string> address_countries;
  for (const client::CivicAddress& address : addresses) {
    places.addresses[Lower(address.id)] = &address;
    address_countries.insert(Upper(address.country_or_region));
  }
  for (const client::EmergencyLocation& location : locations) {
    places.locations[Lower(location.id)] = &location;
  }

  ComplianceReport report;
  std::set<std::string> without_location;
  std::set<std::string> countries_without_address;
  std::set<std::string> used_addresses;  // lower-case ids, by any assigned number
  std::map<std::string, ForeignLocation> foreign;
  for (const client::NumberAssignment& number : numbers) {
    if (!IsAssigned(number)) {
      continue;
    }
    const client::EmergencyLocation* location = places.Location(number.location_id);
    if (location != nullptr) {
      used_addresses.insert(Lower(location->civic_address_id));
    } else if (number.civic_address_id) {
      used_addresses.insert(Lower(*number.civic_address_id));
    }
    if (!InCountryScope(scope, number.iso_country_code) ||
        !InOperatorScope(scope, number.operator_id)) {
      continue;
    }
    ++report.assigned_numbers;
    const std::optional<std::string> number_country =
        number.iso_country_code ? std::optional(Upper(*number.iso_country_code)) : std::nullopt;
    if (number_country && !address_countries.contains(*number_country)) {
      countries_without_address.insert(*number_country);
    }
    if (location == nullptr) {
      without_location.insert(number.telephone_number);
      continue;
    }
    const std::optional<std::string> location_country = places.CountryOf(*location);
    if (number_country && location_country && *number_country != *location_country) {
      foreign[number.telephone_number] = ForeignLocation{number.telephone_number, *number_country,
                                                         location->id, *location_country};
    }
  }

  std::set<std::string> consented_without_address;
  for (const client::Consent& consent : consents) {
    if (!InOperatorScope(scope, consent.operator_id)) {
      continue;
    }
    for (const std::string& country : consent.consented_countries) {
      if (InCountryScope(scope, country) && !address_countries.contains(Upper(country))) {
        consented_without_address.insert(Upper(country));
      }
    }
  }

  for (const client::CivicAddress& address : addresses) {
    if (InCountryScope(scope, address.country_or_region) &&
        !used_addresses.contains(Lower(address.id))) {
      report.unused_addresses.push_back(
          UnusedAddress{address.id, address.description, Upper(address.country_or_region)});
    }
  }
  std::sort(report.unused_addresses.begin(), report.unused_addresses.end(),
            [](const UnusedAddress& a, const UnusedAddress& b) { return a.id < b.id; });

  report.numbers_without_location.assign(without_location.begin(), without_location.end());
  for (auto& [number, entry] : foreign) {
    report.numbers_with_foreign_location.push_back(std::move(entry));
  }
  report.countries_without_address.assign(countries_without_address.begin(),
                                          countries_without_address.end());
  report.consented_countries_without_address.assign(consented_without_address.begin(),
                                                    consented_without_address.end());
  return report;
}

}  // namespace opc::resources
