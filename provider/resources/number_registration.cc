#include "provider/resources/area_registration.h"

namespace opc::resources {

void AddNumberResources(ResourceList& out) {}

void AddNumberDataSources(DataSourceList& out) {}

}  // namespace opc::resources
