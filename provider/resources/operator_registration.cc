#include <memory>

#include "provider/resources/area_registration.h"
#include "provider/resources/operator_relationship_resource.h"
#include "provider/resources/operators_data_source.h"

namespace opc::resources {

void AddOperatorResources(ResourceList& out) {
  out.push_back(std::make_unique<OperatorRelationshipResource>());
}

void AddOperatorDataSources(DataSourceList& out) {
  out.push_back(std::make_unique<OperatorsDataSource>());
  out.push_back(std::make_unique<OperatorDataSource>());
}

}  // namespace opc::resources
