// Terraform configuration text that several suites write the same way.
#pragma once

#include <string>
#include <vector>

namespace opc::e2e {

// `"GB", "IE"`: the items of an HCL list of strings.
std::string HclStrings(const std::vector<std::string>& items);

// An operatorconnect_operator_relationship named `name` with `operator_id` for `countries`
// (HCL list items, e.g. HclStrings(...)), Alice Hughes of Fernleaf Outfitters as the contact and
// the data transfer notice accepted: the configuration twin of TenantSeed::ConsentBody().
std::string RelationshipConfig(const std::string& name, const std::string& operator_id,
                               const std::string& countries);

}  // namespace opc::e2e
