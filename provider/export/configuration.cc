#include "provider/export/configuration.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <utility>

#include "provider/export/hcl.h"
#include "provider/export/number_maps.h"
#include "provider/export/resource_names.h"

namespace opc::exporter {
namespace {

using hcl::Body;
using hcl::Quote;

// import { to = ..., id = "..." }
Body ImportBlock(std::string to, std::string_view id) {
  Body body;
  body.Attribute("to", std::move(to)).Attribute("id", Quote(id));
  return body;
}

// The service's decimal text as an HCL number literal when it is one, else as a string,
// which Terraform converts to the same number.
std::string NumberExpression(const std::string& text) {
  static const std::regex kNumberLiteral(R"(^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$)");
  return std::regex_match(text, kNumberLiteral) ? text : Quote(text);
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

GeneratedFile OperatorsFile(const TenantSnapshot& snapshot, const ResourceNames& names,
                            std::vector<std::string>& warnings) {
  std::vector<std::pair<std::string, const client::Consent*>> sorted;
  for (const client::Consent& consent : snapshot.relationships) {
    sorted.emplace_back(names.relationship_by_operator.at(LowerId(consent.operator_id)), &consent);
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
    body.Attribute("operator_id", Quote(LowerId(consent->operator_id)))
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
        .Block("import", ImportBlock(Ref(kRelationshipType, name), LowerId(consent->operator_id)))
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

Body PlaceBody(const client::EmergencyLocation& place, const ResourceNames& names) {
  Body body;
  auto address = names.address_by_id.find(LowerId(place.civic_address_id));
  body.Attribute("civic_address_id", address != names.address_by_id.end()
                                         ? Ref(kAddressType, address->second) + ".id"
                                         : Quote(place.civic_address_id));
  body.Attribute("description", Quote(place.description.value_or("")));
  if (HasText(place.elin)) {
    body.Attribute("elin", Quote(*place.elin));
  }
  return body;
}

GeneratedFile EmergencyFile(const TenantSnapshot& snapshot, const ResourceNames& names) {
  // Each address followed by its places, in name order.
  std::map<std::string, std::vector<std::pair<std::string, const client::EmergencyLocation*>>>
      places_by_address;  // address name ("" when not exported) -> places
  for (const client::EmergencyLocation& place : snapshot.places) {
    auto address = names.address_by_id.find(LowerId(place.civic_address_id));
    places_by_address[address != names.address_by_id.end() ? address->second : ""].emplace_back(
        names.place_by_id.at(LowerId(place.id)), &place);
  }
  std::vector<std::pair<std::string, const client::CivicAddress*>> addresses;
  for (const client::CivicAddress& address : snapshot.addresses) {
    addresses.emplace_back(names.address_by_id.at(LowerId(address.id)), &address);
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

}  // namespace

Configuration RenderConfiguration(const TenantSnapshot& snapshot, const RenderOptions& options) {
  Configuration out;
  const ResourceNames names = ChooseResourceNames(snapshot);
  out.files.push_back(TerraformFile(options));
  if (!snapshot.relationships.empty()) {
    out.files.push_back(OperatorsFile(snapshot, names, out.warnings));
  }
  if (!snapshot.addresses.empty() || !snapshot.places.empty()) {
    out.files.push_back(EmergencyFile(snapshot, names));
  }
  for (const NumberMap& map :
       SplitIntoMaps(snapshot, names, options.group_by, options.max_map_size)) {
    out.files.push_back(NumberMapFile(map, names));
    ++out.maps;
  }
  if (!snapshot.unassigned_numbers.empty()) {
    out.files.push_back(UnassignedNumbersFile(snapshot, names));
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
