// Data sources over the tenant's emergency addresses and locations.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "provider/framework/data_source.h"
#include "provider/resources/emergency_address_resource.h"
#include "provider/resources/emergency_location_resource.h"
#include "provider/resources/resource_support.h"
#include "provider/resources/state_model.h"

namespace opc::resources {

// operatorconnect_emergency_addresses' state: the filters and the addresses they select.
struct EmergencyAddressesModel {
  std::optional<std::string> country;
  std::optional<std::string> description;
  std::optional<std::string> city;
  // Each with the attributes (and the model) of operatorconnect_emergency_address.
  std::optional<std::vector<EmergencyAddressModel>> addresses;
};
const StateMapping<EmergencyAddressesModel>& EmergencyAddressesMapping();

// operatorconnect_emergency_locations' state: the filters and the locations they select, each
// with the attributes (and the model) of operatorconnect_emergency_location.
struct EmergencyLocationsModel {
  std::optional<std::string> civic_address_id;
  std::optional<std::string> description;
  std::optional<std::vector<EmergencyLocationModel>> locations;
};
const StateMapping<EmergencyLocationsModel>& EmergencyLocationsMapping();

// operatorconnect_emergency_addresses: civic addresses, filtered by country, description, city.
class EmergencyAddressesDataSource : public framework::DataSource {
 public:
  std::string TypeName() const override { return "operatorconnect_emergency_addresses"; }
  framework::Schema GetSchema() const override;
  void Configure(const framework::ProviderData& data, framework::Diagnostics& diags) override;
  void Read(const framework::ReadDataRequest& req, framework::ReadDataResponse& resp) override;

 private:
  ClientSlot client_;
};

// operatorconnect_emergency_locations: locations, filtered by civic address and description.
class EmergencyLocationsDataSource : public framework::DataSource {
 public:
  std::string TypeName() const override { return "operatorconnect_emergency_locations"; }
  framework::Schema GetSchema() const override;
  void Configure(const framework::ProviderData& data, framework::Diagnostics& diags) override;
  void Read(const framework::ReadDataRequest& req, framework::ReadDataResponse& resp) override;

 private:
  ClientSlot client_;
};

}  // namespace opc::resources
