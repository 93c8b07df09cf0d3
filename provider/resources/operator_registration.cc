#include "provider/resources/area_registration.h"

namespace opc::resources {

void AddOperatorResources(ResourceList& out) {}

void AddOperatorDataSources(DataSourceList& out) {}

}  // namespace opc::resources
