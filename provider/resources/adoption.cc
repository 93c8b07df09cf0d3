#include "provider/resources/adoption.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "provider/client/string_util.h"

namespace opc::resources {
namespace {

using client::CivicAddress;
using client::CreateCivicAddressRequest;

// Unset and empty are the same answer from the service.
bool SameText(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  return a.value_or("") == b.value_or("");
}

// "47.6396" and "47.639600" are one coordinate.
bool SameCoordinate(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (a.value_or("").empty() || b.value_or("").empty()) {
    return a.value_or("").empty() && b.value_or("").empty();
  }
  char* end_a = nullptr;
  char* end_b = nullptr;
  double x = std::strtod(a->c_str(), &end_a);
  double y = std::strtod(b->c_str(), &end_b);
  if (*end_a != '\0' || *end_b != '\0') {
    return *a == *b;
  }
  return std::fabs(x - y) < 1e-9;
}

struct TextField {
  const char* attribute;
  std::optional<std::string> CivicAddress::*existing;
  std::optional<std::string> CreateCivicAddressRequest::*wanted;
};

constexpr TextField kAddressTextFields[] = {
    {"description", &CivicAddress::description, &CreateCivicAddressRequest::description},
    {"company_tax_id", &CivicAddress::company_tax_id, &CreateCivicAddressRequest::company_tax_id},
    {"house_number", &CivicAddress::house_number, &CreateCivicAddressRequest::house_number},
    {"house_number_suffix", &CivicAddress::house_number_suffix,
     &CreateCivicAddressRequest::house_number_suffix},
    {"pre_directional", &CivicAddress::pre_directional,
     &CreateCivicAddressRequest::pre_directional},
    {"street_name", &CivicAddress::street_name, &CreateCivicAddressRequest::street_name},
    {"street_suffix", &CivicAddress::street_suffix, &CreateCivicAddressRequest::street_suffix},
    {"post_directional", &CivicAddress::post_directional,
     &CreateCivicAddressRequest::post_directional},
    {"city", &CivicAddress::city, &CreateCivicAddressRequest::city},
    {"city_alias", &CivicAddress::city_alias, &CreateCivicAddressRequest::city_alias},
    {"state_or_province", &CivicAddress::state_or_province,
     &CreateCivicAddressRequest::state_or_province},
    {"postal_code", &CivicAddress::postal_code, &CreateCivicAddressRequest::postal_code},
    {"elin", &CivicAddress::elin, &CreateCivicAddressRequest::elin},
};

}  // namespace

bool AdoptionClaims::Claim(const std::string& id) {
  std::lock_guard lock(mu_);
  return claimed_.insert(client::AsciiStrToLower(id)).second;
}

std::vector<std::string> AdoptionClaims::Claimed() const {
  std::lock_guard lock(mu_);
  return {claimed_.begin(), claimed_.end()};
}

std::mutex& AdoptionClaims::LockFor(const std::string& key) {
  return stripes_[std::hash<std::string>{}(key) % stripes_.size()];
}

std::string CivicAddressKey(const CreateCivicAddressRequest& wanted) {
  return absl::StrCat(client::AsciiStrToLower(wanted.country_or_region), "|", wanted.company_name,
                      "|", wanted.description.value_or(""), "|", wanted.city.value_or(""), "|",
                      wanted.street_name.value_or(""));
}

std::optional<std::string> CivicAddressDifference(const CivicAddress& existing,
                                                  const CreateCivicAddressRequest& wanted) {
  if (!client::EqualsIgnoreCase(existing.country_or_region, wanted.country_or_region)) {
    return "country";
  }
  if (existing.company_name != wanted.company_name) {
    return "company_name";
  }
  for (const TextField& field : kAddressTextFields) {
    if (!SameText(existing.*field.existing, wanted.*field.wanted)) {
      return field.attribute;
    }
  }
  if (!SameCoordinate(existing.latitude, wanted.latitude)) {
    return "latitude";
  }
  if (!SameCoordinate(existing.longitude, wanted.longitude)) {
    return "longitude";
  }
  return std::nullopt;
}

std::optional<CivicAddress> FindIdenticalCivicAddress(const std::vector<CivicAddress>& candidates,
                                                      const CreateCivicAddressRequest& wanted,
                                                      const std::vector<std::string>& taken) {
  for (const CivicAddress& candidate : candidates) {
    if (std::find(taken.begin(), taken.end(), client::AsciiStrToLower(candidate.id)) !=
        taken.end()) {
      continue;
    }
    if (!CivicAddressDifference(candidate, wanted)) {
      return candidate;
    }
  }
  return std::nullopt;
}

std::optional<std::string> LocationDifference(const client::EmergencyLocation& existing,
                                              const client::CreateLocationRequest& wanted) {
  if (!client::EqualsIgnoreCase(existing.civic_address_id, wanted.civic_address_id)) {
    return "civic_address_id";
  }
  if (existing.is_default || existing.description.value_or("") != wanted.description) {
    return "description";
  }
  if (!SameText(existing.elin, wanted.elin)) {
    return "elin";
  }
  return std::nullopt;
}

std::optional<std::string> ConsentDifference(const client::Consent& existing,
                                             const client::CreateConsentRequest& wanted) {
  auto upper_sorted = [](std::vector<std::string> countries) {
    for (std::string& country : countries) {
      std::transform(country.begin(), country.end(), country.begin(),
                     [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
    }
    std::sort(countries.begin(), countries.end());
    return countries;
  };
  if (upper_sorted(existing.consented_countries) != upper_sorted(wanted.consented_countries)) {
    return "countries";
  }
  if (existing.contacts.size() != wanted.contacts.size()) {
    return "contact";
  }
  for (std::size_t i = 0; i < wanted.contacts.size(); ++i) {
    const client::Contact& have = existing.contacts[i];
    const client::Contact& want = wanted.contacts[i];
    if (have.full_name != want.full_name)
      return "contact.full_name";
    if (!client::EqualsIgnoreCase(have.email, want.email))
      return "contact.email";
    if (!SameText(have.telephone_number, want.telephone_number)) {
      return "contact.telephone_number";
    }
    if (have.company_name != want.company_name)
      return "contact.company_name";
    if (!client::EqualsIgnoreCase(have.company_size, want.company_size)) {
      return "contact.company_size";
    }
  }
  return std::nullopt;
}

std::optional<std::string> AssignmentDifference(const client::NumberAssignment& existing,
                                                const std::string& target_id,
                                                const std::optional<std::string>& category,
                                                const std::optional<std::string>& number_type) {
  if (!client::EqualsIgnoreCase(existing.assignment_target_id.value_or(""), target_id)) {
    return "assignment_target_id";
  }
  // The service omits the category only for numbers it assigned with its default.
  if (category &&
      !client::EqualsIgnoreCase(existing.assignment_category.value_or("primary"), *category)) {
    return "assignment_category";
  }
  if (number_type && !client::EqualsIgnoreCase(existing.number_type, *number_type)) {
    return "number_type";
  }
  return std::nullopt;
}

absl::StatusOr<client::CivicAddress> CreateOrAdoptCivicAddress(
    const client::TenantClient& client, AdoptionClaims* claims,
    const client::CreateCivicAddressRequest& wanted, const CancellationToken& cancel) {
  if (claims == nullptr) {
    return client.emergency().CreateCivicAddress(wanted, cancel);
  }
  std::lock_guard serialised(claims->LockFor(CivicAddressKey(wanted)));
  client::CivicAddressFilter filter;
  filter.country_or_region = wanted.country_or_region;
  filter.company_name = wanted.company_name;
  if (!wanted.description.value_or("").empty()) {
    filter.description = wanted.description;  // narrows the listing; compared in full below
  }
  absl::StatusOr<std::vector<CivicAddress>> candidates =
      client.emergency().ListCivicAddresses(filter, cancel);
  if (!candidates.ok()) {
    return candidates.status();
  }
  std::optional<CivicAddress> identical =
      FindIdenticalCivicAddress(*candidates, wanted, claims->Claimed());
  if (identical && claims->Claim(identical->id)) {
    client.logger().Log(client::LogLevel::kInfo,
                        absl::StrCat("took over emergency address ", identical->id,
                                     ": identical in every field to the configuration (left "
                                     "behind by an earlier, interrupted run)"));
    return *identical;
  }
  absl::StatusOr<CivicAddress> created = client.emergency().CreateCivicAddress(wanted, cancel);
  if (created.ok()) {
    claims->Claim(created->id);
  }
  return created;
}

absl::StatusOr<client::EmergencyLocation> CreateOrAdoptLocation(
    const client::TenantClient& client, AdoptionClaims* claims,
    const client::CreateLocationRequest& wanted, const CancellationToken& cancel) {
  if (claims == nullptr) {
    return client.emergency().CreateLocation(wanted, cancel);
  }
  std::lock_guard serialised(claims->LockFor(
      absl::StrCat(client::AsciiStrToLower(wanted.civic_address_id), "|", wanted.description)));
  absl::StatusOr<std::vector<client::EmergencyLocation>> candidates =
      client.emergency().ListLocationsOfAddress(wanted.civic_address_id, cancel);
  if (!candidates.ok()) {
    return candidates.status();
  }
  const std::vector<std::string> taken = claims->Claimed();
  for (const client::EmergencyLocation& candidate : *candidates) {
    if (std::find(taken.begin(), taken.end(), client::AsciiStrToLower(candidate.id)) ==
            taken.end() &&
        !LocationDifference(candidate, wanted) && claims->Claim(candidate.id)) {
      client.logger().Log(client::LogLevel::kInfo,
                          absl::StrCat("took over emergency location ", candidate.id,
                                       ": identical to the configuration (left behind by an "
                                       "earlier, interrupted run)"));
      return candidate;
    }
  }
  absl::StatusOr<client::EmergencyLocation> created =
      client.emergency().CreateLocation(wanted, cancel);
  if (created.ok()) {
    claims->Claim(created->id);
  }
  return created;
}

void AddNotAdoptedError(framework::Diagnostics& diags, const std::string& what,
                        const std::string& attribute, const std::string& resource_type,
                        const std::string& import_id) {
  std::vector<std::string> parts = absl::StrSplit(attribute, '.');
  framework::AttributePath path = framework::AttributePath::Root(parts.front());
  for (std::size_t i = 1; i < parts.size(); ++i) {
    path = path.Attr(parts[i]);
  }
  diags.AddError(
      absl::StrCat(what, " already exists"),
      absl::StrCat("The tenant already holds ", what,
                   ", and it differs from the configuration in `", attribute,
                   "`, so Terraform does not take it over. Either change the configuration to "
                   "match it, or bring it under Terraform as it is and let the next apply change "
                   "it:\n\n  terraform import ",
                   resource_type, ".<name> \"", import_id, "\""),
      path);
}

}  // namespace opc::resources
