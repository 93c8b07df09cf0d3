// Registration hooks, one pair per area, each defined in that area's *_registration.cc.
#pragma once

#include <memory>
#include <vector>

#include "provider/framework/data_source.h"
#include "provider/framework/resource.h"

namespace opc::resources {

using ResourceList = std::vector<std::unique_ptr<framework::Resource>>;
using DataSourceList = std::vector<std::unique_ptr<framework::DataSource>>;

void AddOperatorResources(ResourceList& out);
void AddOperatorDataSources(DataSourceList& out);
void AddEmergencyResources(ResourceList& out);
void AddEmergencyDataSources(DataSourceList& out);
void AddNumberResources(ResourceList& out);
void AddNumberDataSources(DataSourceList& out);

}  // namespace opc::resources
