#include "provider/export/number_maps.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "provider/export/hcl.h"

namespace opc::exporter {
namespace {

using hcl::Body;
using hcl::Quote;

struct Entry {
  std::string e164;
  const client::NumberAssignment* number;
};

struct Group {
  std::string key;    // becomes the resource and map name
  std::string label;  // for the file's comment, e.g. "country GB"
  std::vector<Entry> entries;
};

std::vector<Group> GroupNumbers(const TenantSnapshot& snapshot, const ResourceNames& names,
                                GroupBy group_by) {
  std::map<std::string, std::string> address_of_place;  // lower place id -> address name
  for (const client::EmergencyLocation& place : snapshot.places) {
    auto address = names.address_by_id.find(LowerId(place.civic_address_id));
    if (address != names.address_by_id.end()) {
      address_of_place[LowerId(place.id)] = address->second;
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
        const std::string id = LowerId(number.operator_id.value_or(""));
        auto relationship = names.relationship_by_operator.find(id);
        key = relationship != names.relationship_by_operator.end()
                  ? relationship->second
                  : (id.empty() ? "no_operator" : hcl::Identifier("operator " + id));
        label = id.empty() ? "no operator" : "operator " + id;
        break;
      }
      case GroupBy::kSite: {
        // The site is the emergency address of the number's place.
        const std::string location = LowerId(number.location_id.value_or(""));
        std::optional<std::string> address;
        if (auto it = address_of_place.find(location); it != address_of_place.end()) {
          address = it->second;
        } else if (auto it = names.address_by_default_location.find(location);
                   it != names.address_by_default_location.end()) {
          address = it->second;
        } else if (auto it =
                       names.address_by_id.find(LowerId(number.civic_address_id.value_or("")));
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
                                              const ResourceNames& names) {
  if (!HasText(number.location_id)) {
    return std::nullopt;
  }
  const std::string id = LowerId(*number.location_id);
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

EntryFields FieldsOf(const client::NumberAssignment& number, const ResourceNames& names) {
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

}  // namespace

std::vector<NumberMap> SplitIntoMaps(const TenantSnapshot& snapshot, const ResourceNames& names,
                                     GroupBy group_by, size_t max_map_size) {
  const size_t max_size = std::max<size_t>(max_map_size, 1);
  hcl::NameAllocator map_names;
  std::vector<NumberMap> maps;
  for (const Group& group : GroupNumbers(snapshot, names, group_by)) {
    const size_t total = group.entries.size();
    const size_t parts = (total + max_size - 1) / max_size;
    size_t begin = 0;
    for (size_t part = 0; part < parts; ++part) {
      const size_t size = total / parts + (part < total % parts ? 1 : 0);
      NumberMap map;
      map.name =
          map_names.Allocate(parts == 1 ? group.key : group.key + "_" + std::to_string(part + 1));
      map.label = parts == 1 ? group.label
                             : group.label + " (part " + std::to_string(part + 1) + " of " +
                                   std::to_string(parts) + ")";
      for (size_t i = begin; i < begin + size; ++i) {
        map.numbers.push_back(group.entries[i].number);
      }
      begin += size;
      maps.push_back(std::move(map));
    }
  }
  return maps;
}

GeneratedFile NumberMapFile(const NumberMap& number_map, const ResourceNames& names) {
  const std::string& name = number_map.name;
  const std::vector<const client::NumberAssignment*>& entries = number_map.numbers;
  const std::string map_name = "numbers_" + name;
  Body map;
  std::set<std::string> relationships;
  size_t with_location = 0;
  size_t with_category = 0;
  size_t with_type = 0;
  for (const client::NumberAssignment* number : entries) {
    EntryFields fields = FieldsOf(*number, names);
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
    map.Attribute(Quote(E164(number->telephone_number)), object + " }");
    auto relationship =
        names.relationship_by_operator.find(LowerId(number->operator_id.value_or("")));
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
  return {"numbers_" + name + ".tf", FileHeader("Phone number assignments, " + number_map.label +
                                                ": " + std::to_string(entries.size()) +
                                                (entries.size() == 1 ? " number." : " numbers.")) +
                                         file.Render()};
}

GeneratedFile UnassignedNumbersFile(const TenantSnapshot& snapshot, const ResourceNames& names) {
  std::vector<std::string> lines;
  for (const client::NumberAssignment& number : snapshot.unassigned_numbers) {
    std::string line =
        E164(number.telephone_number) + "  " + number.iso_country_code.value_or("--");
    auto relationship =
        names.relationship_by_operator.find(LowerId(number.operator_id.value_or("")));
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

}  // namespace opc::exporter
