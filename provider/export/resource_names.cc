#include "provider/export/resource_names.h"

#include <algorithm>
#include <optional>
#include <utility>
#include <vector>

#include "provider/client/e164.h"
#include "provider/client/string_util.h"
#include "provider/export/hcl.h"

namespace opc::exporter {

std::string Ref(std::string_view type, std::string_view name) {
  return std::string(type) + "." + std::string(name);
}

std::string ResourceHeader(std::string_view type, std::string_view name) {
  return "resource " + hcl::Quote(type) + " " + hcl::Quote(name);
}

std::string LowerId(std::string_view id) { return client::AsciiStrToLower(id); }

bool HasText(const std::optional<std::string>& value) { return value && !value->empty(); }

std::string E164(const std::string& telephone_number) {
  absl::StatusOr<std::string> normalized = client::NormalizeE164(telephone_number);
  return normalized.ok() ? *normalized : telephone_number;
}

namespace {

// Sorts (candidate, id) pairs and allocates unique names in that order, so the names depend
// only on the objects, not on the order the service listed them in.
std::map<std::string, std::string> AllocateNames(
    std::vector<std::pair<std::string, std::string>> candidates_and_ids) {
  std::sort(candidates_and_ids.begin(), candidates_and_ids.end());
  hcl::NameAllocator allocator;
  std::map<std::string, std::string> names;
  for (const auto& [candidate, id] : candidates_and_ids) {
    names[id] = allocator.Allocate(candidate);
  }
  return names;
}

std::string AddressLabel(const client::CivicAddress& address) {
  if (HasText(address.description)) {
    return *address.description;
  }
  std::string label;
  for (const std::optional<std::string>& part : {address.city, address.street_name}) {
    if (HasText(part)) {
      label += (label.empty() ? "" : " ") + *part;
    }
  }
  return label.empty() ? address.company_name : label;
}

}  // namespace

ResourceNames ChooseResourceNames(const TenantSnapshot& snapshot) {
  ResourceNames names;
  std::vector<std::pair<std::string, std::string>> candidates;
  for (const client::Consent& consent : snapshot.relationships) {
    std::string label = consent.operator_display_name.value_or("operator " + consent.operator_id);
    candidates.emplace_back(hcl::Identifier(label, "operator"), LowerId(consent.operator_id));
  }
  names.relationship_by_operator = AllocateNames(std::move(candidates));

  candidates.clear();
  for (const client::CivicAddress& address : snapshot.addresses) {
    candidates.emplace_back(
        hcl::Identifier(address.country_or_region + " " + AddressLabel(address)),
        LowerId(address.id));
  }
  names.address_by_id = AllocateNames(std::move(candidates));
  for (const client::CivicAddress& address : snapshot.addresses) {
    if (HasText(address.default_location_id)) {
      names.address_by_default_location[LowerId(*address.default_location_id)] =
          names.address_by_id.at(LowerId(address.id));
    }
  }

  candidates.clear();
  for (const client::EmergencyLocation& place : snapshot.places) {
    auto address = names.address_by_id.find(LowerId(place.civic_address_id));
    std::string prefix = address != names.address_by_id.end() ? address->second : "place";
    candidates.emplace_back(prefix + "_" + hcl::Identifier(place.description.value_or(""), "place"),
                            LowerId(place.id));
  }
  names.place_by_id = AllocateNames(std::move(candidates));
  return names;
}

}  // namespace opc::exporter
