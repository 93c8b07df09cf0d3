// The Operator Connect catalog: operatorconnect_operators (filtered list) and
// operatorconnect_operator (one operator by display name or id).
#pragma once

#include <string>

#include "provider/client/operator_models.h"
#include "provider/framework/data_source.h"
#include "provider/framework/schema.h"
#include "provider/framework/value.h"
#include "provider/resources/resource_support.h"

namespace opc::resources {

inline constexpr char kOperatorsDataSourceType[] = "operatorconnect_operators";
inline constexpr char kOperatorDataSourceType[] = "operatorconnect_operator";

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

// The catalog entry as an object of the `operators` element type: id, display_name,
// offer_details_url, offerings [{offer_type, countries}], countries, offer_types.
framework::Value OperatorValue(const client::Operator& op, const framework::Type& object_type);

}  // namespace opc::resources
