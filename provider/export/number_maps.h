// The number assignments as for_each maps: grouped by country, operator or site, each group
// split evenly so that no map holds more than the maximum (Terraform plans ten maps of 500
// far faster than one of 5,000), each map in its own file with its resource and its for_each
// import block. Also the comment-only list of unassigned numbers.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "provider/export/generated_file.h"
#include "provider/export/resource_names.h"
#include "provider/export/tenant_snapshot.h"

namespace opc::exporter {

enum class GroupBy { kCountry, kOperator, kSite };

struct NumberMap {
  std::string name;   // of the resource; the map is local.numbers_<name>
  std::string label;  // for the file's comment, e.g. "country GB (part 1 of 2)"
  std::vector<const client::NumberAssignment*> numbers;  // sorted by E.164
};

// Groups `snapshot.assigned_numbers` (the site of a number is the emergency address of its
// place) and splits each group into maps of at most `max_map_size` (at least 1), the parts
// as equal as can be: 1,001 numbers at most 500 a map are maps of 334, 334 and 333.
std::vector<NumberMap> SplitIntoMaps(const TenantSnapshot& snapshot, const ResourceNames& names,
                                     GroupBy group_by, size_t max_map_size);

// numbers_<name>.tf: the map (one line a number: its target, location reference, and any
// non-default category or type), the resource with for_each and depends_on the relationships
// of the map's operators, and the for_each import block.
GeneratedFile NumberMapFile(const NumberMap& map, const ResourceNames& names);

// unassigned_numbers.tf: comments only, one line a number.
GeneratedFile UnassignedNumbersFile(const TenantSnapshot& snapshot, const ResourceNames& names);

}  // namespace opc::exporter
