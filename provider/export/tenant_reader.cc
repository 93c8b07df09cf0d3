#include "provider/export/tenant_reader.h"

#include <map>
#include <optional>
#include <string>
#include <utility>

#include "absl/status/status.h"
#include "provider/client/graph_error.h"
#include "provider/client/string_util.h"

namespace opc::exporter {
namespace {

absl::Status Context(const absl::Status& status, std::string_view what) {
  return client::AnnotateStatus(status, "reading " + std::string(what) + ": ");
}

}  // namespace

absl::StatusOr<TenantSnapshot> ReadTenant(const client::TenantClient& client,
                                          const ExportFilter& filter, const ProgressSink& progress,
                                          const CancellationToken& cancel) {
  auto report = [&](const std::string& line) {
    if (progress) {
      progress(line);
    }
  };
  TenantSnapshot snapshot;

  absl::StatusOr<std::vector<client::Consent>> consents =
      client.operators().ListConsents({}, cancel);
  if (!consents.ok()) {
    return Context(consents.status(), "the operator relationships");
  }
  // Names for consents that come without the operator's display name, from the catalog.
  bool names_missing = false;
  for (const client::Consent& consent : *consents) {
    names_missing = names_missing || !consent.operator_display_name;
  }
  if (names_missing) {
    absl::StatusOr<std::vector<client::Operator>> catalog =
        client.operators().ListOperators(client::OperatorFilter{}, cancel);
    if (catalog.ok()) {
      std::map<std::string, std::string> display_names;
      for (const client::Operator& op : *catalog) {
        display_names[client::AsciiStrToLower(op.id)] = op.display_name;
      }
      for (client::Consent& consent : *consents) {
        auto name = display_names.find(client::AsciiStrToLower(consent.operator_id));
        if (!consent.operator_display_name && name != display_names.end()) {
          consent.operator_display_name = name->second;
        }
      }
    }  // without the catalog, relationships are named after their operator id
  }
  snapshot.relationships = *std::move(consents);
  report("operator relationships: " + std::to_string(snapshot.relationships.size()) + " read");

  absl::StatusOr<std::vector<client::CivicAddress>> addresses =
      client.emergency().ListCivicAddresses({}, cancel);
  if (!addresses.ok()) {
    return Context(addresses.status(), "the emergency addresses");
  }
  snapshot.addresses = *std::move(addresses);
  report("emergency addresses: " + std::to_string(snapshot.addresses.size()) + " read");

  absl::StatusOr<std::vector<client::EmergencyLocation>> locations =
      client.emergency().ListLocations({}, cancel);
  if (!locations.ok()) {
    return Context(locations.status(), "the emergency locations");
  }
  for (client::EmergencyLocation& location : *locations) {
    if (!location.is_default) {
      snapshot.places.push_back(std::move(location));
    }
  }
  report("places: " + std::to_string(snapshot.places.size()) + " read");

  // The inventory can be large: one listing per country when countries are given (the
  // service filters), counted as it streams in.
  std::vector<std::optional<std::string>> countries;
  for (const std::string& country : filter.countries) {
    countries.emplace_back(country);
  }
  if (countries.empty()) {
    countries.emplace_back(std::nullopt);
  }
  size_t read = 0;
  for (const std::optional<std::string>& country : countries) {
    client::NumberAssignmentFilter number_filter;
    number_filter.iso_country_code = country;
    if (filter.operators.size() == 1) {
      number_filter.operator_id = filter.operators.front();
    }
    absl::Status listed = client.numbers().ForEachNumberAssignment(
        number_filter,
        [&](const client::NumberAssignment& number) {
          if (IsAssignedNumber(number)) {
            snapshot.assigned_numbers.push_back(number);
          } else {
            snapshot.unassigned_numbers.push_back(number);
          }
          if (++read % kNumbersPerProgressLine == 0) {
            report("numbers: " + std::to_string(read) + " read");
          }
          return absl::OkStatus();
        },
        cancel);
    if (!listed.ok()) {
      return Context(listed, "the phone number inventory");
    }
  }
  report("numbers: " + std::to_string(read) + " read, " +
         std::to_string(snapshot.assigned_numbers.size()) + " assigned");
  return ApplyFilter(std::move(snapshot), filter);
}

}  // namespace opc::exporter
