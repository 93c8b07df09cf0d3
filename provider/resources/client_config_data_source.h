// operatorconnect_client_config: the identity and endpoints the provider resolved from its
// block and the environment (never the secret). Useful in outputs and for wiring other
// providers; it needs no API call.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "provider/framework/data_source.h"
#include "provider/resources/provider_settings.h"
#include "provider/resources/resource_support.h"
#include "provider/resources/state_model.h"

namespace opc::resources {

// The data source's state, declared once (ClientConfigMapping() names each attribute).
struct ClientConfigModel {
  std::optional<std::string> tenant_id;
  std::optional<std::string> client_id;
  std::optional<std::string> endpoint;
  std::optional<std::string> authority_url;
};
const StateMapping<ClientConfigModel>& ClientConfigMapping();

class ClientConfigDataSource final : public framework::DataSource {
 public:
  std::string TypeName() const override { return "operatorconnect_client_config"; }
  framework::Schema GetSchema() const override;
  void Configure(const framework::ProviderData& data, framework::Diagnostics& diags) override;
  void Read(const framework::ReadDataRequest& req, framework::ReadDataResponse& resp) override;

 private:
  ClientSlot context_;
};

}  // namespace opc::resources
