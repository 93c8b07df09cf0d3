#include "provider/resources/registry.h"

#include "provider/resources/client_config_data_source.h"

namespace opc::resources {

// Add each new resource here (one line: out.push_back(std::make_unique<...>());).
std::vector<std::unique_ptr<framework::Resource>> AllResources() {
  std::vector<std::unique_ptr<framework::Resource>> out;
  return out;
}

// Add each new data source here.
std::vector<std::unique_ptr<framework::DataSource>> AllDataSources() {
  std::vector<std::unique_ptr<framework::DataSource>> out;
  out.push_back(std::make_unique<ClientConfigDataSource>());
  return out;
}

}  // namespace opc::resources
