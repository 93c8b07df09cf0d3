// What the export reads from a tenant, and the filters the command line narrows it with.
// Plain data: the reader (tenant_reader.h) fills it, the renderer (configuration.h) writes it.
#pragma once

#include <string>
#include <vector>

#include "provider/client/emergency_models.h"
#include "provider/client/number_models.h"
#include "provider/client/operator_models.h"

namespace opc::exporter {

struct TenantSnapshot {
  std::vector<client::Consent> relationships;
  std::vector<client::CivicAddress> addresses;
  // Places (emergency locations) that are not an address's default location: those are
  // created and deleted with their address and are no resource of their own.
  std::vector<client::EmergencyLocation> places;
  // Numbers assigned to a user or resource account: each is one phone number assignment.
  std::vector<client::NumberAssignment> assigned_numbers;
  // The rest of the inventory: no assignment exists to import, so they are only listed.
  std::vector<client::NumberAssignment> unassigned_numbers;
};

struct ExportFilter {
  std::vector<std::string> countries;  // ISO alpha-2, upper case; empty: every country
  std::vector<std::string> operators;  // operator ids, lower case; empty: every operator
  bool assigned_only = false;          // leave out the list of unassigned numbers
};

// Whether the number is assigned to someone: exactly the numbers whose assignment the
// operatorconnect_phone_number_assignment resource can import.
bool IsAssignedNumber(const client::NumberAssignment& number);

// `filter` applied to `snapshot`:
//  - relationships: with an operator in `operators` and a consented country in `countries`
//    (the resource declares all its countries, so a relationship is kept whole or left out);
//  - addresses, and the places within them: in `countries` (places belong to no operator);
//  - numbers: in `countries` and provided by an operator in `operators`.
// Everything is sorted by id, so that the same tenant always gives the same files.
TenantSnapshot ApplyFilter(TenantSnapshot snapshot, const ExportFilter& filter);

// Upper-cases country codes and lower-cases operator ids, dropping duplicates.
ExportFilter NormalizeFilter(ExportFilter filter);

}  // namespace opc::exporter
