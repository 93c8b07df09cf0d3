// The service's error messages name its JSON fields ("Field 'countryOrRegion' must be ..."); a
// user writes Terraform attributes. This maps the fields a message names to the attributes, so
// that an apply-time error names the attribute too.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "provider/framework/attribute_path.h"

namespace opc::resources {

struct NamedMessage {
  std::string message;  // the service's message, plus which attribute each field it names is
  std::optional<framework::AttributePath> attribute;  // when it names exactly one field
};

// "Field 'countryOrRegion' must be ..." -> the same, plus " (the service's field
// countryOrRegion is the attribute `country`)", with attribute `country`. A message that names
// no known field comes back unchanged.
NamedMessage WithAttributeNames(std::string_view message);

}  // namespace opc::resources
