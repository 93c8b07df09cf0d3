#include "provider/resources/emergency_data_sources.h"

#include <memory>
#include <utility>
#include <vector>

#include "provider/resources/contract_guard.h"
#include "provider/resources/emergency_address_resource.h"
#include "provider/resources/emergency_location_resource.h"

namespace opc::resources {

using framework::Attribute;
using framework::Diagnostics;
using framework::NestedAttributes;
using framework::Value;

namespace {

// A computed list of objects whose attributes are those of `resource_schema`, read-only.
Attribute ComputedListOf(std::string name, std::string description,
                         const framework::Schema& resource_schema) {
  auto nested = std::make_shared<NestedAttributes>();
  nested->nesting = NestedAttributes::Nesting::kList;
  for (const Attribute& source : resource_schema.block.attributes) {
    Attribute copy;
    copy.name = source.name;
    copy.type = source.type;
    copy.description = source.description;
    copy.computed = true;
    nested->attributes.push_back(std::move(copy));
  }
  Attribute list;
  list.name = std::move(name);
  list.nested = std::move(nested);
  list.computed = true;
  list.description = std::move(description);
  return list;
}

Attribute Filter(std::string name, std::string description) {
  Attribute filter = framework::OptionalString(std::move(name), std::move(description));
  filter.validators.push_back(framework::validators::LengthBetween(1, 1024));
  return filter;
}

}  // namespace

const StateMapping<EmergencyAddressesModel>& EmergencyAddressesMapping() {
  using M = EmergencyAddressesModel;
  static const auto* mapping =
      &(*new StateMapping<M>())
           .String("country", &M::country)
           .String("description", &M::description)
           .String("city", &M::city)
           .ObjectList("addresses", &M::addresses, EmergencyAddressMapping());
  return *mapping;
}

const StateMapping<EmergencyLocationsModel>& EmergencyLocationsMapping() {
  using M = EmergencyLocationsModel;
  static const auto* mapping =
      &(*new StateMapping<M>())
           .String("civic_address_id", &M::civic_address_id)
           .String("description", &M::description)
           .ObjectList("locations", &M::locations, EmergencyLocationMapping());
  return *mapping;
}

framework::Schema EmergencyAddressesDataSource::GetSchema() const {
  framework::Schema schema;
  schema.block.description =
      "The tenant's emergency civic addresses, optionally filtered (all filters must match "
      "exactly)." +
      std::string(kUnpublishedApiNote);
  Attribute country = Filter("country", "Only addresses in this ISO 3166-1 alpha-2 country.");
  country.validators = {validators::CountryCode()};
  schema.block.attributes = {
      country,
      Filter("description", "Only addresses with exactly this description."),
      Filter("city", "Only addresses in this city."),
      ComputedListOf("addresses",
                     "The matching addresses, oldest first, with the attributes of "
                     "`operatorconnect_emergency_address`.",
                     EmergencyAddressResource().GetSchema()),
  };
  return schema;
}

void EmergencyAddressesDataSource::Configure(const framework::ProviderData& data,
                                             Diagnostics& diags) {
  client_.Configure(data);
}

void EmergencyAddressesDataSource::Read(const framework::ReadDataRequest& req,
                                        framework::ReadDataResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr || !RequireContractArea(*client, client::ContractArea::kEmergencyCalling,
                                                TypeName(), req.cancel, resp.diagnostics)) {
    return;
  }
  EmergencyAddressesModel state = EmergencyAddressesMapping().Read(req.config);
  client::CivicAddressFilter filter;
  filter.country_or_region = state.country;
  filter.description = state.description;
  filter.city = state.city;
  auto addresses = client->emergency().ListCivicAddresses(filter, req.cancel);
  if (!addresses.ok()) {
    AddApiError(resp.diagnostics, "Listing emergency addresses", addresses.status());
    return;
  }
  const framework::Type type = GetSchema().ImpliedType();
  const framework::Type& element = type.attributes().at("addresses").element();
  state.addresses.emplace();
  state.addresses->reserve(addresses->size());
  for (const client::CivicAddress& address : *addresses) {
    // CivicAddressState parses the coordinates (and reports a malformed one).
    state.addresses->push_back(EmergencyAddressMapping().Read(
        CivicAddressState(address, Value(), element, resp.diagnostics)));
  }
  resp.state = EmergencyAddressesMapping().Write(state, type);
}

framework::Schema EmergencyLocationsDataSource::GetSchema() const {
  framework::Schema schema;
  schema.block.description =
      "The tenant's emergency locations (including each address's default location), "
      "optionally filtered (all filters must match exactly)." +
      std::string(kUnpublishedApiNote);
  schema.block.attributes = {
      Filter("civic_address_id", "Only the locations of this civic address."),
      Filter("description", "Only locations with exactly this description."),
      ComputedListOf("locations",
                     "The matching locations, with the attributes of "
                     "`operatorconnect_emergency_location`.",
                     EmergencyLocationResource().GetSchema()),
  };
  return schema;
}

void EmergencyLocationsDataSource::Configure(const framework::ProviderData& data,
                                             Diagnostics& diags) {
  client_.Configure(data);
}

void EmergencyLocationsDataSource::Read(const framework::ReadDataRequest& req,
                                        framework::ReadDataResponse& resp) {
  RequestContext client = client_.Get(resp.diagnostics);
  if (client == nullptr || !RequireContractArea(*client, client::ContractArea::kEmergencyCalling,
                                                TypeName(), req.cancel, resp.diagnostics)) {
    return;
  }
  EmergencyLocationsModel state = EmergencyLocationsMapping().Read(req.config);
  client::LocationFilter filter;
  filter.civic_address_id = state.civic_address_id;
  filter.description = state.description;
  auto locations = client->emergency().ListLocations(filter, req.cancel);
  if (!locations.ok()) {
    AddApiError(resp.diagnostics, "Listing emergency locations", locations.status());
    return;
  }
  state.locations.emplace();
  state.locations->reserve(locations->size());
  for (const client::EmergencyLocation& location : *locations) {
    state.locations->push_back(EmergencyLocationModelOf(location));
  }
  resp.state = EmergencyLocationsMapping().Write(state, GetSchema().ImpliedType());
}

}  // namespace opc::resources
