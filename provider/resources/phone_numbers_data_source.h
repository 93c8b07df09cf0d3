// operatorconnect_phone_numbers: the tenant's number inventory, each number with the operator
// that provides it, optionally filtered. Pages through inventories of any size.
#pragma once

#include <map>
#include <string>

#include "provider/client/number_models.h"
#include "provider/framework/data_source.h"
#include "provider/resources/resource_support.h"

namespace opc::resources {

inline constexpr char kPhoneNumbersTypeName[] = "operatorconnect_phone_numbers";

class PhoneNumbersDataSource final : public framework::DataSource {
 public:
  std::string TypeName() const override { return kPhoneNumbersTypeName; }
  framework::Schema GetSchema() const override;
  void Configure(const framework::ProviderData& data, framework::Diagnostics& diags) override;
  void Read(const framework::ReadDataRequest& req, framework::ReadDataResponse& resp) override;

 private:
  ClientSlot client_;
};

// Exposed for unit tests: the filter the data source's arguments ask for.
client::NumberAssignmentFilter PhoneNumbersFilter(const framework::Value& config);
// One element of `numbers`; `operator_names` maps lower-case operator ids to display names.
framework::Value PhoneNumberElement(const framework::Type& element_type,
                                    const client::NumberAssignment& number,
                                    const std::map<std::string, std::string>& operator_names);

}  // namespace opc::resources
