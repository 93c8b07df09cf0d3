#include "provider/resources/client_config_data_source.h"

#include <utility>

#include "provider/resources/resource_support.h"

namespace opc::resources {

const StateMapping<ClientConfigModel>& ClientConfigMapping() {
  using M = ClientConfigModel;
  static const auto* mapping = &(*new StateMapping<M>())
                                    .String("tenant_id", &M::tenant_id)
                                    .String("client_id", &M::client_id)
                                    .String("endpoint", &M::endpoint)
                                    .String("authority_url", &M::authority_url);
  return *mapping;
}

framework::Schema ClientConfigDataSource::GetSchema() const {
  framework::Schema schema;
  schema.block.description =
      "The tenant, application and endpoints the provider is configured with, after "
      "environment fallbacks and defaults. The client secret is never exposed.";
  schema.block.attributes = {
      framework::ComputedString("tenant_id", "The tenant (directory) ID in use."),
      framework::ComputedString("client_id", "The application (client) ID in use."),
      framework::ComputedString("endpoint", "The tenant API base URL in use."),
      framework::ComputedString("authority_url", "The token endpoint base URL in use."),
  };
  return schema;
}

void ClientConfigDataSource::Configure(const framework::ProviderData& data,
                                       framework::Diagnostics& diags) {
  context_.Configure(data);
}

void ClientConfigDataSource::Read(const framework::ReadDataRequest& req,
                                  framework::ReadDataResponse& resp) {
  RequestContext context = context_.Peek();
  const ProviderSettings* settings = context.settings();
  if (settings == nullptr) {
    resp.diagnostics.AddError(
        "Provider not configured",
        "The provider configuration is not known yet (it depends on values that are computed "
        "during apply), so operatorconnect_client_config cannot be read.");
    return;
  }
  ClientConfigModel state;
  state.tenant_id = settings->tenant_id;
  state.client_id = settings->client_id;
  state.endpoint = settings->endpoint;
  state.authority_url = settings->authority_url;
  resp.state = ClientConfigMapping().Write(state, GetSchema().ImpliedType());
}

}  // namespace opc::resources
