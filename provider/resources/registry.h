// The one place where resources, data sources and functions are registered with the provider.
#pragma once

#include <memory>
#include <vector>

#include "provider/framework/data_source.h"
#include "provider/framework/function.h"
#include "provider/framework/resource.h"

namespace opc::resources {

std::vector<std::unique_ptr<framework::Resource>> AllResources();
std::vector<std::unique_ptr<framework::DataSource>> AllDataSources();
std::vector<std::unique_ptr<framework::Function>> AllFunctions();

}  // namespace opc::resources
