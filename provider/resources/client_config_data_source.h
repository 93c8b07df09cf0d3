// operatorconnect_client_config: the identity and endpoints the provider resolved from its
// block and the environment (never the secret). Useful in outputs and for wiring other
// providers; it needs no API call.
#pragma once

#include <memory>
#include <string>

#include "provider/framework/data_source.h"
#include "provider/resources/provider_settings.h"
#include "provider/resources/resource_support.h"

namespace opc::resources {

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
