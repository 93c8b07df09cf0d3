#include "provider/resources/registry.h"

#include "provider/functions/e164_functions.h"
#include "provider/resources/area_registration.h"
#include "provider/resources/client_config_data_source.h"

namespace opc::resources {

// Each area (operators, emergency calling, numbers) registers its own types in its
// *_registration.cc, so this list never needs editing when a type is added.
std::vector<std::unique_ptr<framework::Resource>> AllResources() {
  std::vector<std::unique_ptr<framework::Resource>> out;
  AddOperatorResources(out);
  AddEmergencyResources(out);
  AddNumberResources(out);
  return out;
}

std::vector<std::unique_ptr<framework::DataSource>> AllDataSources() {
  std::vector<std::unique_ptr<framework::DataSource>> out;
  out.push_back(std::make_unique<ClientConfigDataSource>());
  AddOperatorDataSources(out);
  AddEmergencyDataSources(out);
  AddNumberDataSources(out);
  return out;
}

std::vector<std::unique_ptr<framework::Function>> AllFunctions() {
  std::vector<std::unique_ptr<framework::Function>> out;
  functions::AddE164Functions(out);
  return out;
}

}  // namespace opc::resources
