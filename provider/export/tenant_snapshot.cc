#include "provider/export/tenant_snapshot.h"

#include <algorithm>
#include <set>

#include "provider/client/string_util.h"

namespace opc::exporter {
namespace {

std::string Upper(std::string text) {
  for (char& c : text) {
    if (c >= 'a' && c <= 'z') {
      c = static_cast<char>(c - 'a' + 'A');
    }
  }
  return text;
}

std::string Lower(std::string text) { return client::AsciiStrToLower(text); }

// Empty `wanted` matches everything.
bool Wanted(const std::vector<std::string>& wanted, const std::string& value) {
  return wanted.empty() || std::find(wanted.begin(), wanted.end(), value) != wanted.end();
}

bool WantedOptional(const std::vector<std::string>& wanted, const std::optional<std::string>& value,
                    std::string (*normalize)(std::string)) {
  return wanted.empty() || (value && Wanted(wanted, normalize(*value)));
}

template <typename T, typename Keep>
void KeepOnly(std::vector<T>& items, Keep keep) {
  items.erase(
      std::remove_if(items.begin(), items.end(), [&](const T& item) { return !keep(item); }),
      items.end());
}

template <typename T, typename Key>
void SortBy(std::vector<T>& items, Key key) {
  std::sort(items.begin(), items.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
}

}  // namespace

bool IsAssignedNumber(const client::NumberAssignment& number) {
  return !client::EqualsIgnoreCase(number.assignment_status,
                                   client::assignment_status::kUnassigned) &&
         number.assignment_target_id.has_value() && !number.assignment_target_id->empty();
}

ExportFilter NormalizeFilter(ExportFilter filter) {
  std::set<std::string> countries;
  for (const std::string& country : filter.countries) {
    countries.insert(Upper(std::string(client::StripWhitespace(country))));
  }
  std::set<std::string> operators;
  for (const std::string& id : filter.operators) {
    operators.insert(Lower(std::string(client::StripWhitespace(id))));
  }
  filter.countries.assign(countries.begin(), countries.end());
  filter.operators.assign(operators.begin(), operators.end());
  return filter;
}

TenantSnapshot ApplyFilter(TenantSnapshot snapshot, const ExportFilter& filter) {
  KeepOnly(snapshot.relationships, [&](const client::Consent& consent) {
    if (!Wanted(filter.operators, Lower(consent.operator_id))) {
      return false;
    }
    return filter.countries.empty() ||
           std::any_of(consent.consented_countries.begin(), consent.consented_countries.end(),
                       [&](const std::string& c) { return Wanted(filter.countries, Upper(c)); });
  });
  std::set<std::string> kept_addresses;
  KeepOnly(snapshot.addresses, [&](const client::CivicAddress& address) {
    bool keep = Wanted(filter.countries, Upper(address.country_or_region));
    if (keep) {
      kept_addresses.insert(Lower(address.id));
    }
    return keep;
  });
  KeepOnly(snapshot.places, [&](const client::EmergencyLocation& place) {
    return kept_addresses.count(Lower(place.civic_address_id)) != 0;
  });
  auto number_wanted = [&](const client::NumberAssignment& number) {
    return WantedOptional(filter.countries, number.iso_country_code, Upper) &&
           WantedOptional(filter.operators, number.operator_id, Lower);
  };
  KeepOnly(snapshot.assigned_numbers, number_wanted);
  KeepOnly(snapshot.unassigned_numbers, number_wanted);
  if (filter.assigned_only) {
    snapshot.unassigned_numbers.clear();
  }

  SortBy(snapshot.relationships, [](const client::Consent& c) { return Lower(c.operator_id); });
  SortBy(snapshot.addresses, [](const client::CivicAddress& a) { return Lower(a.id); });
  SortBy(snapshot.places, [](const client::EmergencyLocation& p) { return Lower(p.id); });
  SortBy(snapshot.assigned_numbers,
         [](const client::NumberAssignment& n) { return n.telephone_number; });
  SortBy(snapshot.unassigned_numbers,
         [](const client::NumberAssignment& n) { return n.telephone_number; });
  return snapshot;
}

}  // namespace opc::exporter
