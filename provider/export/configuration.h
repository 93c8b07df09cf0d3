// Turns a tenant snapshot into the files of a Terraform configuration that adopts it: the
// terraform and provider blocks, one resource and one import block per relationship, address
// and place, and the number assignments as for_each maps with a for_each import block each.
// Objects refer to each other by reference (a place to its address's id, an assignment to its
// place's id and, through depends_on, to its operator's relationship), so Terraform orders
// them. Pure: the same snapshot and options always give the same bytes.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "provider/export/generated_file.h"
#include "provider/export/number_maps.h"
#include "provider/export/tenant_snapshot.h"

namespace opc::exporter {

struct RenderOptions {
  GroupBy group_by = GroupBy::kCountry;
  // No for_each map holds more numbers than this; a larger group is split into equal parts.
  size_t max_map_size = 500;
  std::string provider_source;   // e.g. "localhost/operatorconnect/operatorconnect"
  std::string provider_version;  // the exporting provider's version: the minimum required
};

struct Configuration {
  std::vector<GeneratedFile> files;  // sorted by name
  size_t relationships = 0;
  size_t addresses = 0;
  size_t places = 0;
  size_t assignments = 0;
  size_t maps = 0;
  size_t unassigned = 0;
  // Objects written in a way that the plan will not accept as is (e.g. a relationship the
  // tenant holds no contact for); each names the resource and what to do.
  std::vector<std::string> warnings;
};

Configuration RenderConfiguration(const TenantSnapshot& snapshot, const RenderOptions& options);

}  // namespace opc::exporter
