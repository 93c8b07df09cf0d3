// Data sources over the tenant's emergency addresses and locations.
#pragma once

#include <string>

#include "provider/framework/data_source.h"
#include "provider/resources/resource_support.h"

namespace opc::resources {

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
