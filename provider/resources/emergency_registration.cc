#include <memory>

#include "provider/resources/area_registration.h"
#include "provider/resources/emergency_address_resource.h"
#include "provider/resources/emergency_compliance_data_source.h"
#include "provider/resources/emergency_data_sources.h"
#include "provider/resources/emergency_location_resource.h"

namespace opc::resources {

void AddEmergencyResources(ResourceList& out) {
  out.push_back(std::make_unique<EmergencyAddressResource>());
  out.push_back(std::make_unique<EmergencyLocationResource>());
}

void AddEmergencyDataSources(DataSourceList& out) {
  out.push_back(std::make_unique<EmergencyAddressesDataSource>());
  out.push_back(std::make_unique<EmergencyLocationsDataSource>());
  out.push_back(std::make_unique<EmergencyComplianceDataSource>());
}

}  // namespace opc::resources
