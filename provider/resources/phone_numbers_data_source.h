// operatorconnect_phone_numbers: the tenant's number inventory, each number with the operator
// that provides it, optionally filtered. Pages through inventories of any size.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "provider/client/number_models.h"
#include "provider/framework/data_source.h"
#include "provider/resources/resource_support.h"
#include "provider/resources/state_model.h"

namespace opc::resources {

inline constexpr char kPhoneNumbersTypeName[] = "operatorconnect_phone_numbers";

// One element of `numbers`.
struct PhoneNumberItemModel {
  std::optional<std::string> telephone_number;
  std::optional<std::string> operator_id;
  std::optional<std::string> operator_name;
  std::optional<std::string> number_type;
  std::optional<std::string> country;
  std::optional<std::string> assignment_status;
  std::optional<std::string> assignment_target_id;
  std::optional<std::string> assignment_category;
  std::optional<std::string> activation_state;
  std::optional<std::string> location_id;
  std::optional<std::string> civic_address_id;
  std::optional<std::vector<std::string>> capabilities;
};
// The data source's state, declared once: the filters and the numbers they select.
struct PhoneNumbersModel {
  std::optional<std::string> operator_id;
  std::optional<std::string> country;
  std::optional<std::string> number_type;
  std::optional<std::string> assignment_status;
  std::optional<std::string> capability;
  std::optional<std::vector<PhoneNumberItemModel>> numbers;
};
const StateMapping<PhoneNumberItemModel>& PhoneNumberItemMapping();
const StateMapping<PhoneNumbersModel>& PhoneNumbersMapping();

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
client::NumberAssignmentFilter PhoneNumbersFilter(const PhoneNumbersModel& config);
// One element of `numbers`; `operator_names` maps lower-case operator ids to display names.
PhoneNumberItemModel PhoneNumberItem(const client::NumberAssignment& number,
                                     const std::map<std::string, std::string>& operator_names);

}  // namespace opc::resources
