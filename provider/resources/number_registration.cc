#include <memory>

#include "provider/resources/area_registration.h"
#include "provider/resources/phone_number_assignment_resource.h"
#include "provider/resources/phone_numbers_data_source.h"

namespace opc::resources {

void AddNumberResources(ResourceList& out) {
  out.push_back(std::make_unique<PhoneNumberAssignmentResource>());
}

void AddNumberDataSources(DataSourceList& out) {
  out.push_back(std::make_unique<PhoneNumbersDataSource>());
}

}  // namespace opc::resources
