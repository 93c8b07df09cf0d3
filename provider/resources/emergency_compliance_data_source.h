// operatorconnect_emergency_compliance: whether every assigned number of the tenant can reach
// emergency services with an address in its own country, and what is missing where it cannot.
// Reads the numbers, consents, addresses and locations (paged listings) and hands them to
// AssessCompliance (emergency_compliance.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "provider/framework/data_source.h"
#include "provider/resources/emergency_compliance.h"
#include "provider/resources/resource_support.h"
#include "provider/resources/state_model.h"

namespace opc::resources {

inline constexpr char kEmergencyComplianceTypeName[] = "operatorconnect_emergency_compliance";

// One element of `numbers_with_foreign_location`.
struct ForeignLocationModel {
  std::optional<std::string> telephone_number;
  std::optional<std::string> country;
  std::optional<std::string> location_id;
  std::optional<std::string> location_country;
};
// One element of `unused_addresses`.
struct UnusedAddressModel {
  std::optional<std::string> id;
  std::optional<std::string> description;
  std::optional<std::string> country;
};
// The data source's state, declared once: the filters, then each list with its count.
struct EmergencyComplianceModel {
  std::optional<std::string> country;
  std::optional<std::string> operator_id;
  std::optional<int64_t> assigned_number_count;
  std::optional<std::vector<std::string>> numbers_without_location;
  std::optional<int64_t> numbers_without_location_count;
  std::optional<std::vector<ForeignLocationModel>> numbers_with_foreign_location;
  std::optional<int64_t> numbers_with_foreign_location_count;
  std::optional<std::vector<std::string>> countries_without_address;
  std::optional<int64_t> countries_without_address_count;
  std::optional<std::vector<std::string>> consented_countries_without_address;
  std::optional<int64_t> consented_countries_without_address_count;
  std::optional<std::vector<UnusedAddressModel>> unused_addresses;
  std::optional<int64_t> unused_addresses_count;
  std::optional<bool> compliant;
  std::optional<std::string> summary;
};
const StateMapping<ForeignLocationModel>& ForeignLocationMapping();
const StateMapping<UnusedAddressModel>& UnusedAddressMapping();
const StateMapping<EmergencyComplianceModel>& EmergencyComplianceMapping();

class EmergencyComplianceDataSource final : public framework::DataSource {
 public:
  std::string TypeName() const override { return kEmergencyComplianceTypeName; }
  framework::Schema GetSchema() const override;
  void Configure(const framework::ProviderData& data, framework::Diagnostics& diags) override;
  void Read(const framework::ReadDataRequest& req, framework::ReadDataResponse& resp) override;

 private:
  ClientSlot client_;
};

// Exposed for unit tests: the filters the configuration asks for, and the state for a report.
ComplianceScope ComplianceScopeFromConfig(const EmergencyComplianceModel& config);
framework::Value ComplianceState(const framework::Schema& schema, const framework::Value& config,
                                 const ComplianceReport& report);

}  // namespace opc::resources
