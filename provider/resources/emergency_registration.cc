#include "provider/resources/area_registration.h"

namespace opc::resources {

void AddEmergencyResources(ResourceList& out) {}

void AddEmergencyDataSources(DataSourceList& out) {}

}  // namespace opc::resources
