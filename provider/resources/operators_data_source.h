// The Operator Connect catalog: operatorconnect_operators (filtered list) and
// operatorconnect_operator (one operator by display name or id).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "provider/client/operator_models.h"
#include "provider/framework/data_source.h"
#include "provider/framework/schema.h"
#include "provider/framework/value.h"
#include "provider/resources/resource_support.h"
#include "provider/resources/state_model.h"

namespace opc::resources {

inline constexpr char kOperatorsDataSourceType[] = "operatorconnect_operators";
inline constexpr char kOperatorDataSourceType[] = "operatorconnect_operator";

// One element of an operator's `offerings`.
struct OfferingModel {
  std::optional<std::string> offer_type;
  std::optional<std::vector<std::string>> countries;
};
// One operator: the state of operatorconnect_operator and an element of
// operatorconnect_operators' `operators` (the same attributes).
struct OperatorModel {
  std::optional<std::string> id;
  std::optional<std::string> display_name;
  std::optional<std::string> offer_details_url;
  std::optional<std::vector<OfferingModel>> offerings;
  std::optional<std::vector<std::string>> countries;
  std::optional<std::vector<std::string>> offer_types;
};
// operatorconnect_operators' state: the filters and the operators they select.
struct OperatorsModel {
  std::optional<std::string> country;
  std::optional<std::string> offer_type;
  std::optional<std::vector<OperatorModel>> operators;
};
const StateMapping<OfferingModel>& OfferingMapping();
const StateMapping<OperatorModel>& OperatorMapping();
const StateMapping<OperatorsModel>& OperatorsMapping();

class OperatorsDataSource : public framework::DataSource {
 public:
  std::string TypeName() const override { return kOperatorsDataSourceType; }
  framework::Schema GetSchema() const override;
  void Configure(const framework::ProviderData& data, framework::Diagnostics& diags) override;
  void Read(const framework::ReadDataRequest& req, framework::ReadDataResponse& resp) override;

 private:
  ClientSlot client_;
};

class OperatorDataSource : public framework::DataSource {
 public:
  std::string TypeName() const override { return kOperatorDataSourceType; }
  framework::Schema GetSchema() const override;
  void Configure(const framework::ProviderData& data, framework::Diagnostics& diags) override;
  void ValidateConfig(const framework::Value& config, framework::Diagnostics& diags) override;
  void Read(const framework::ReadDataRequest& req, framework::ReadDataResponse& resp) override;

 private:
  ClientSlot client_;
};

// The catalog entry as a model: offerings' countries sorted, `countries` and `offer_types` the
// sorted union over the entry's lists and its offerings.
OperatorModel OperatorModelOf(const client::Operator& op);

}  // namespace opc::resources
