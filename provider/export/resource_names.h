// The Terraform names of the exported objects, chosen once for the whole configuration so
// that every reference agrees: relationships after their operator ("bluefin_telecom"),
// addresses after their country and description or street ("gb_london_office"), places after
// their address and description ("gb_london_office_floor_2"). Unique per resource type, and
// independent of the order the service lists objects in.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "provider/export/tenant_snapshot.h"

namespace opc::exporter {

inline constexpr char kRelationshipType[] = "operatorconnect_operator_relationship";
inline constexpr char kAddressType[] = "operatorconnect_emergency_address";
inline constexpr char kPlaceType[] = "operatorconnect_emergency_location";
inline constexpr char kAssignmentType[] = "operatorconnect_phone_number_assignment";

// Keys are ids in lower case (the service compares them case-insensitively).
struct ResourceNames {
  std::map<std::string, std::string> relationship_by_operator;
  std::map<std::string, std::string> address_by_id;
  std::map<std::string, std::string> place_by_id;
  std::map<std::string, std::string> address_by_default_location;  // location id -> address
};

ResourceNames ChooseResourceNames(const TenantSnapshot& snapshot);

// "type.name", the address of a resource in expressions.
std::string Ref(std::string_view type, std::string_view name);
// resource "type" "name", the header of its block.
std::string ResourceHeader(std::string_view type, std::string_view name);

// Small helpers the renderers share.
std::string LowerId(std::string_view id);
bool HasText(const std::optional<std::string>& value);
// The number in E.164 form when it parses, else as the service wrote it.
std::string E164(const std::string& telephone_number);

}  // namespace opc::exporter
