#include "provider/resources/registry.h"

namespace opc::resources {

// Add each new resource here (one line: out.push_back(std::make_unique<...>());).
std::vector<std::unique_ptr<framework::Resource>> AllResources() {
  std::vector<std::unique_ptr<framework::Resource>> out;
  return out;
}

// Add each new data source here.
std::vector<std::unique_ptr<framework::DataSource>> AllDataSources() {
  std::vector<std::unique_ptr<framework::DataSource>> out;
  return out;
}

}  // namespace opc::resources
