// operatorconnect_emergency_compliance: whether every assigned number of the tenant can reach
// emergency services with an address in its own country, and what is missing where it cannot.
// Reads the numbers, consents, addresses and locations (paged listings) and hands them to
// AssessCompliance (emergency_compliance.h).
#pragma once

#include <string>

#include "provider/framework/data_source.h"
#include "provider/resources/emergency_compliance.h"
#include "provider/resources/resource_support.h"

namespace opc::resources {

inline constexpr char kEmergencyComplianceTypeName[] = "operatorconnect_emergency_compliance";

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
ComplianceScope ComplianceScopeFromConfig(const framework::Value& config);
framework::Value ComplianceState(const framework::Schema& schema, const framework::Value& config,
                                 const ComplianceReport& report);

}  // namespace opc::resources
