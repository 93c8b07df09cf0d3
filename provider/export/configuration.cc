#include "provider/export/configuration.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <utility>

#include "provider/client/e164.h"
#include "provider/client/string_util.h"
#include "provider/export/hcl.h"

namespace opc::exporter {
namespace {

using hcl::Body;
using hcl::Quote;

constexpr char kRelationshipType[] = "operatorconnect_operator_relationship";
constexpr char kAddressType[] = "operatorconnect_emergency_address";
constexpr char kPlaceType[] = "operatorconnect_emergency_location";
constexpr char kAssignmentType[] = "operatorconnect_phone_number_assignment";

std::string Lower(std::string_view text) { return client::AsciiStrToLower(text); }

std::string Ref(std::string_view type, std::string_view name) {
  return std::string(type) + "." + std::string(name);
}

std::string ResourceHeader(std::string_view type, std::string_view name) {
  return "resource " + Quote(type) + " " + Quote(name);
}

// import { to = ..., id = "..." }
Body ImportBlock(std::string to, std::string_view id) {
  Body body;
  body.Attribute("to", std::move(to)).Attribute("id", Quote(id));
  return body;
}

std::string FileHeader(std::string_view what) {
  return std::string(kGeneratedMarker) + "\n# " + std::string(what) + "\n\n";
}

bool HasText(const std::optional<std::string>& value) { return value && !value->empty(); }

// The service's decimal text as an HCL number literal when it is one, else as a string,
// which Terraform converts to the same number.
std::string NumberExpression(const std::string& text) {
  static const std::regex kNumberLiteral(R"(^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$)");
  return std::regex_match(text, kNumberLiteral) ? text : Quote(text);
}

std::string E164(const std::string& telephone_number) {
  absl::StatusOr<std::string> normalized = client::NormalizeE164(telephone_number);
  return normalized.ok() ? *normalized : telephone_number;
}

// Resource names, chosen once for the whole configuration so that references agree.
struct Names {
  std::map<std::string, std::string> relationship_by_operator;     // lower operator id -> name
  std::map<std::string, std::string> address_by_id;                // lower id -> name
  std::map<std::string, std::string> place_by_id;                  // lower id -> name
  std::map<std::string, std::string> address_by_default_location;  // lower location id -> name
};

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

Names ChooseNames(const TenantSnapshot& snapshot) {
  Names names;
  std::vector<std::pair<std::string, std::string>> candidates;
  for (const client::Consent& consent : snapshot.relationships) {
    std::string label = consent.operator_display_name.value_or("operator " + consent.operator_id);
    candidates.emplace_back(hcl::Identifier(label, "operator"), Lower(consent.operator_id));
  }
  names.relationship_by_operator = AllocateNames(std::move(candidates));

  candidates.clear();
  for (const client::CivicAddress& address : snapshot.addresses) {
    candidates.emplace_back(
        hcl::Identifier(address.country_or_region + " " + AddressLabel(address)),
        Lower(address.id));
  }
  names.address_by_id = AllocateNames(std::move(candidates));
  for (const client::CivicAddress& address : snapshot.addresses) {
    if (HasText(address.default_location_id)) {
      names.address_by_default_location[Lower(*address.default_location_id)] =
          names.address_by_id.at(Lower(address.id));
    }
  }

  candidates.clear();
  for (const client::EmergencyLocation& place : snapshot.places) {
    auto address = names.address_by_id.find(Lower(place.civic_address_id));
    std::string prefix = address != names.address_by_id.end() ? address->second : "place";
    candidates.emplace_back(prefix + "_" + hcl::Identifier(place.description.value_or(""), "place"),
                            Lower(place.id));
  }
  names.place_by_id = AllocateNames(std::move(candidates));
  return names;
}

// ---- terraform.tf

// "0.1.0" from "0.1.0", "0.1.0 (abc1234)" or "0.1.0+abc1234": a version constraint takes
// only the version itself.
std::string BareVersion(const std::string& version) {
  size_t end = 0;
  while (end < version.size() && (std::isalnum(static_cast<unsigned char>(version[end])) ||
                                  version[end] == '.' || version[end] == '-')) {
    ++end;
  }
  return end == 0 ? "0.0.0" : version.substr(0, end);
}

GeneratedFile TerraformFile(const RenderOptions& options) {
  Body provider_entry;
  provider_entry.Attribute("source", Quote(options.provider_source))
      .Attribute("version", Quote(">= " + BareVersion(options.provider_version)));
  Body required;
  required.Object("operatorconnect", std::move(provider_entry));
  Body terraform;
  // for_each in import blocks needs Terraform 1.7.
  terraform.Attribute("required_version", Quote(">= 1.7.0"))
      .Block("required_providers", std::move(required));
  Body file;
  file.Block("terraform", std::move(terraform))
      .Blank()
      .Comment(
          "Credentials and settings come from the environment, as for the export itself:\n"
          "ARM_TENANT_ID, ARM_CLIENT_ID and ARM_CLIENT_SECRET (or OPERATORCONNECT_TENANT_ID,\n"
          "OPERATORCONNECT_CLIENT_ID, OPERATORCONNECT_CLIENT_SECRET), and where the defaults do\n"
          "not apply OPERATORCONNECT_ENDPOINT, OPERATORCONNECT_AUTHORITY_URL,\n"
          "OPERATORCONNECT_CA_CERTIFICATE_FILE, OPERATORCONNECT_REQUEST_TIMEOUT and\n"
          "OPERATORCONNECT_MAX_RETRIES.")
      .Block("provider \"operatorconnect\"", Body());
  return {"terraform.tf",
          FileHeader("The Terraform and provider settings of the exported configuration.") +
              file.Render()};
}

// ---- operators.tf

GeneratedFile OperatorsFile(const TenantSnapshot& snapshot, const Names& names,
                            std::vector<std::string>& warnings) {
  std::vector<std::pair<std::string, const client::Consent*>> sorted;
  for (const client::Consent& consent : snapshot.relationships) {
    sorted.emplace_back(names.relationship_by_operator.at(Lower(consent.operator_id)), &consent);
  }
  std::sort(sorted.begin(), sorted.end());
  Body file;
  for (const auto& [name, consent] : sorted) {
    std::vector<std::string> countries = consent->consented_countries;
    std::sort(countries.begin(), countries.end());
    for (std::string& country : countries) {
      country = Quote(country);
    }
    Body body;
    body.Attribute("operator_id", Quote(Lower(consent->operator_id)))
        .Attribute("countries", hcl::InlineList(countries))
        .Attribute("data_transfer_notice_accepted", "true");
    if (consent->status == client::consent_status::kSuspended) {
      body.Attribute("suspended", "true");
    }
    if (!consent->contacts.empty()) {
      const client::Contact& contact = consent->contacts.front();
      Body contact_body;
      contact_body.Attribute("full_name", Quote(contact.full_name))
          .Attribute("email", Quote(contact.email));
      if (HasText(contact.telephone_number)) {
        contact_body.Attribute("telephone_number", Quote(*contact.telephone_number));
      }
      contact_body.Attribute("company_name", Quote(contact.company_name))
          .Attribute("company_size", Quote(contact.company_size));
      body.Object("contact", std::move(contact_body));
    } else {
      body.Comment("The tenant holds no contact for this operator: add the contact block.");
      warnings.push_back(Ref(kRelationshipType, name) +
                         ": the tenant holds no contact for this operator; add one before "
                         "planning.");
    }
    if (!consent->data_transfer_notice_accepted) {
      warnings.push_back(Ref(kRelationshipType, name) +
                         ": the tenant shows the data transfer notice as not accepted; the "
                         "plan will accept it (an update).");
    }
    if (consent->operator_display_name) {
      file.Comment(*consent->operator_display_name);
    }
    file.Block(ResourceHeader(kRelationshipType, name), std::move(body))
        .Blank()
        .Block("import", ImportBlock(Ref(kRelationshipType, name), Lower(consent->operator_id)))
        .Blank();
  }
  return {
      "operators.tf",
      FileHeader("Operator relationships (\"My operators\"), one per operator.") + file.Render()};
}

// ---- emergency.tf

Body AddressBody(const client::CivicAddress& address) {
  Body body;
  body.Attribute("country", Quote(address.country_or_region))
      .Attribute("company_name", Quote(address.company_name));
  // The resource's attributes in its schema's order.
  const std::pair<const char*, const std::optional<std::string>*> fields[] = {
      {"description", &address.description},
      {"company_tax_id", &address.company_tax_id},
      {"house_number", &address.house_number},
      {"house_number_suffix", &address.house_number_suffix},
      {"pre_directional", &address.pre_directional},
      {"street_name", &address.street_name},
      {"street_suffix", &address.street_suffix},
      {"post_directional", &address.post_directional},
      {"city", &address.city},
      {"city_alias", &address.city_alias},
      {"state_or_province", &address.state_or_province},
      {"postal_code", &address.postal_code},
      {"elin", &address.elin},
  };
  for (const auto& [attribute, value] : fields) {
    // The service treats "" as unset and the resource rejects it, so it is left out.
    if (HasText(*value)) {
      body.Attribute(attribute, Quote(**value));
    }
  }
  if (HasText(address.latitude)) {
    body.Attribute("latitude", NumberExpression(*address.latitude));
  }
  if (HasText(address.longitude)) {
    body.Attribute("longitude", NumberExpression(*address.longitude));
  }
  return body;
}

Body PlaceBody(const client::EmergencyLocation& place, const Names& names) {
  Body body;
  auto address = names.address_by_id.find(Lower(place.civic_address_id));
  body.Attribute("civic_address_id", address != names.address_by_id.end()
                                         ? Ref(kAddressType, address->second) + ".id"
                                         : Quote(place.civic_address_id));
  body.Attribute("description", Quote(place.description.value_or("")));
  if (HasText(place.elin)) {
    body.Attribute("elin", Quote(*place.elin));
  }
  return body;
}

GeneratedFile EmergencyFile(const TenantSnapshot& snapshot, const Names& names) {
  // Each address followed by its places, in name order.
  std::map<std::string, std::vector<std::pair<std::string, const client::EmergencyLocation*>>>
      places_by_address;  // address name ("" when not exported) -> places
  for (const client::EmergencyLocation& place : snapshot.places) {
    auto address = names.address_by_id.find(Lower(place.civic_address_id));
    places_by_address[address != names.address_by_id.end() ? address->second : ""].emplace_back(
        names.place_by_id.at(Lower(place.id)), &place);
  }
  std::vector<std::pair<std::string, const client::CivicAddress*>> addresses;
  for (const client::CivicAddress& address : snapshot.addresses) {
    addresses.emplace_back(names.address_by_id.at(Lower(address.id)), &address);
  }
  std::sort(addresses.begin(), addresses.end());

  Body file;
  auto write_places = [&](const std::string& address_name) {
    auto places = places_by_address.find(address_name);
    if (places == places_by_address.end()) {
      return;
    }
    std::sort(places->second.begin(), places->second.end());
    for (const auto& [name, place] : places->second) {
      file.Block(ResourceHeader(kPlaceType, name), PlaceBody(*place, names))
          .Blank()
          .Block("import", ImportBlock(Ref(kPlaceType, name), place->id))
          .Blank();
    }
  };
  for (const auto& [name, address] : addresses) {
    file.Block(ResourceHeader(kAddressType, name), AddressBody(*address))
        .Blank()
        .Block("import", ImportBlock(Ref(kAddressType, name), address->id))
        .Blank();
    write_places(name);
  }
  write_places("");
  return {"emergency.tf",
          FileHeader("Emergency addresses, each followed by its places (emergency locations). "
                     "An address's\n# default location comes with the address.") +
              file.Render()};
}

// ---- numbers_*.tf

struct Entry {
  std::string e164;
  const client::NumberAssignment* number;
};

struct Group {
  std::string key;    // becomes the resource and map name
  std::string label;  // for the file's comment, e.g. "country GB"
  std::vector<Entry> entries;
};

std::vector<Group> GroupNumbers(const TenantSnapshot& snapshot, const Names& names,
                                GroupBy group_by) {
  std::map<std::string, std::string> address_of_place;  // lower place id -> address name
  for (const client::EmergencyLocation& place : snapshot.places) {
    auto address = names.address_by_id.find(Lower(place.civic_address_id));
    if (address != names.address_by_id.end()) {
      address_of_place[Lower(place.id)] = address->second;
    }
  }
  std::map<std::string, Group> groups;
  for (const client::NumberAssignment& number : snapshot.assigned_numbers) {
    std::string key;
    std::string label;
    switch (group_by) {
      case GroupBy::kCountry: {
        const std::string country = number.iso_country_code.value_or("");
        key = country.empty() ? "unknown_country" : hcl::Identifier(country);
        label = country.empty() ? "no country" : "country " + country;
        break;
      }
      case GroupBy::kOperator: {
        const std::string id = Lower(number.operator_id.value_or(""));
        auto relationship = names.relationship_by_operator.find(id);
        key = relationship != names.relationship_by_operator.end()
                  ? relationship->second
                  : (id.empty() ? "no_operator" : hcl::Identifier("operator " + id));
        label = id.empty() ? "no operator" : "operator " + id;
        break;
      }
      case GroupBy::kSite: {
        // The site is the emergency address of the number's place.
        const std::string location = Lower(number.location_id.value_or(""));
        std::optional<std::string> address;
        if (auto it = address_of_place.find(location); it != address_of_place.end()) {
          address = it->second;
        } else if (auto it = names.address_by_default_location.find(location);
                   it != names.address_by_default_location.end()) {
          address = it->second;
        } else if (auto it = names.address_by_id.find(Lower(number.civic_address_id.value_or("")));
                   it != names.address_by_id.end()) {
          address = it->second;
        }
        key = address.value_or("no_site");
        label = address ? "site " + Ref(kAddressType, *address) : "no emergency address";
        break;
      }
    }
    Group& group = groups[key];
    group.key = key;
    group.label = label;
    group.entries.push_back({E164(number.telephone_number), &number});
  }
  std::vector<Group> out;
  for (auto& [key, group] : groups) {
    std::sort(group.entries.begin(), group.entries.end(),
              [](const Entry& a, const Entry& b) { return a.e164 < b.e164; });
    out.push_back(std::move(group));
  }
  return out;
}

// The expression for a number's location: a reference to the place or to the address whose
// default location it is; the plain id only for a location outside the export.
std::optional<std::string> LocationExpression(const client::NumberAssignment& number,
                                              const Names& names) {
  if (!HasText(number.location_id)) {
    return std::nullopt;
  }
  const std::string id = Lower(*number.location_id);
  if (auto place = names.place_by_id.find(id); place != names.place_by_id.end()) {
    return Ref(kPlaceType, place->second) + ".id";
  }
  if (auto address = names.address_by_default_location.find(id);
      address != names.address_by_default_location.end()) {
    return Ref(kAddressType, address->second) + ".default_location_id";
  }
  return Quote(*number.location_id);
}

// One map entry's fields; only what differs from the resource's defaults is written.
struct EntryFields {
  std::string target;
  std::optional<std::string> location;
  std::optional<std::string> category;
  std::optional<std::string> type;
};

EntryFields FieldsOf(const client::NumberAssignment& number, const Names& names) {
  EntryFields fields;
  fields.target = Quote(number.assignment_target_id.value_or(""));
  fields.location = LocationExpression(number, names);
  // Import reads the category as the service has it ("primary" when it omits it), and the
  // resource's defaults are "primary" and "operatorConnect": anything else is written.
  if (number.assignment_category && *number.assignment_category != "primary") {
    fields.category = Quote(*number.assignment_category);
  }
  if (number.number_type != client::number_type::kOperatorConnect) {
    fields.type = Quote(number.number_type);
  }
  return fields;
}

// each.value.<field> when every entry has it, lookup() with a null default when only some do.
void FieldAttribute(Body& body, const char* attribute, const char* field, size_t present,
                    size_t total) {
  if (present == 0) {
    return;
  }
  body.Attribute(attribute, present == total
                                ? std::string("each.value.") + field
                                : std::string("lookup(each.value, \"") + field + "\", null)");
}

GeneratedFile NumbersFile(const std::string& name, const std::string& label,
                          const std::vector<Entry>& entries, const Names& names) {
  const std::string map_name = "numbers_" + name;
  Body map;
  std::set<std::string> relationships;
  size_t with_location = 0;
  size_t with_category = 0;
  size_t with_type = 0;
  for (const Entry& entry : entries) {
    EntryFields fields = FieldsOf(*entry.number, names);
    std::string object = "{ target = " + fields.target;
    if (fields.location) {
      object += ", location = " + *fields.location;
      ++with_location;
    }
    if (fields.category) {
      object += ", category = " + *fields.category;
      ++with_category;
    }
    if (fields.type) {
      object += ", type = " + *fields.type;
      ++with_type;
    }
    map.Attribute(Quote(entry.e164), object + " }");
    auto relationship =
        names.relationship_by_operator.find(Lower(entry.number->operator_id.value_or("")));
    if (relationship != names.relationship_by_operator.end()) {
      relationships.insert(Ref(kRelationshipType, relationship->second));
    }
  }
  Body locals;
  locals.Object(map_name, std::move(map));

  Body resource;
  resource.Attribute("for_each", "local." + map_name)
      .Blank()
      .Attribute("telephone_number", "each.key")
      .Attribute("assignment_target_id", "each.value.target");
  FieldAttribute(resource, "location_id", "location", with_location, entries.size());
  FieldAttribute(resource, "assignment_category", "category", with_category, entries.size());
  FieldAttribute(resource, "number_type", "type", with_type, entries.size());
  if (!relationships.empty()) {
    // operator_id is read-only on the assignment, so the operator's relationship is ordered
    // first (and destroyed last) through depends_on.
    resource.Blank().List("depends_on",
                          std::vector<std::string>(relationships.begin(), relationships.end()));
  }

  Body import;
  import.Attribute("for_each", "local." + map_name)
      .Attribute("to", Ref(kAssignmentType, name) + "[each.key]")
      .Attribute("id", "each.key");

  Body file;
  file.Block("locals", std::move(locals))
      .Blank()
      .Block(ResourceHeader(kAssignmentType, name), std::move(resource))
      .Blank()
      .Block("import", std::move(import));
  return {"numbers_" + name + ".tf",
          FileHeader("Phone number assignments, " + label + ": " + std::to_string(entries.size()) +
                     (entries.size() == 1 ? " number." : " numbers.")) +
              file.Render()};
}

// ---- unassigned_numbers.tf

GeneratedFile UnassignedFile(const TenantSnapshot& snapshot, const Names& names) {
  std::vector<std::string> lines;
  for (const client::NumberAssignment& number : snapshot.unassigned_numbers) {
    std::string line =
        E164(number.telephone_number) + "  " + number.iso_country_code.value_or("--");
    auto relationship = names.relationship_by_operator.find(Lower(number.operator_id.value_or("")));
    if (relationship != names.relationship_by_operator.end()) {
      line += "  " + relationship->second;
    } else if (number.operator_id) {
      line += "  operator " + *number.operator_id;
    }
    lines.push_back(std::move(line));
  }
  std::sort(lines.begin(), lines.end());
  Body file;
  for (const std::string& line : lines) {
    file.Comment(line);
  }
  return {"unassigned_numbers.tf",
          FileHeader("Numbers of the inventory that are not assigned: there is no assignment "
                     "to import. To assign\n# one, add an entry to a numbers map (number, "
                     "country, operator's relationship).") +
              file.Render()};
}

}  // namespace

Configuration RenderConfiguration(const TenantSnapshot& snapshot, const RenderOptions& options) {
  Configuration out;
  const Names names = ChooseNames(snapshot);
  out.files.push_back(TerraformFile(options));
  if (!snapshot.relationships.empty()) {
    out.files.push_back(OperatorsFile(snapshot, names, out.warnings));
  }
  if (!snapshot.addresses.empty() || !snapshot.places.empty()) {
    out.files.push_back(EmergencyFile(snapshot, names));
  }
  const size_t max_size = std::max<size_t>(options.max_map_size, 1);
  hcl::NameAllocator map_names;
  for (const Group& group : GroupNumbers(snapshot, names, options.group_by)) {
    // Split evenly: 1,001 numbers at most 500 a map are maps of 334, 334 and 333.
    const size_t total = group.entries.size();
    const size_t parts = (total + max_size - 1) / max_size;
    size_t begin = 0;
    for (size_t part = 0; part < parts; ++part) {
      const size_t size = total / parts + (part < total % parts ? 1 : 0);
      auto first = group.entries.begin() + static_cast<std::ptrdiff_t>(begin);
      auto last = first + static_cast<std::ptrdiff_t>(size);
      begin += size;
      std::string name =
          map_names.Allocate(parts == 1 ? group.key : group.key + "_" + std::to_string(part + 1));
      std::string label = parts == 1 ? group.label
                                     : group.label + " (part " + std::to_string(part + 1) + " of " +
                                           std::to_string(parts) + ")";
      out.files.push_back(NumbersFile(name, label, std::vector<Entry>(first, last), names));
      ++out.maps;
    }
  }
  if (!snapshot.unassigned_numbers.empty()) {
    out.files.push_back(UnassignedFile(snapshot, names));
  }
  std::sort(out.files.begin(), out.files.end(),
            [](const GeneratedFile& a, const GeneratedFile& b) { return a.name < b.name; });
  out.relationships = snapshot.relationships.size();
  out.addresses = snapshot.addresses.size();
  out.places = snapshot.places.size();
  out.assignments = snapshot.assigned_numbers.size();
  out.unassigned = snapshot.unassigned_numbers.size();
  return out;
}

}  // namespace opc::exporter
