// Metadata and schemas: what the provider offers (function_rpcs.cc has the functions).
#include "provider/protocol/conversions.h"
#include "provider/protocol/provider_service_impl.h"

namespace opc::protocol {

grpc::Status ProviderService::GetMetadata(Ctx*, const tfplugin6::GetMetadataMsg::Request*,
                                          tfplugin6::GetMetadataMsg::Response* response) {
  return Guard("GetMetadata", "", response, [&] {
    SetServerCapabilities(response->mutable_server_capabilities());
    for (const auto& [name, schema] : server_->ResourceSchemas()) {
      response->add_resources()->set_type_name(name);
    }
    for (const auto& [name, schema] : server_->DataSourceSchemas()) {
      response->add_data_sources()->set_type_name(name);
    }
    for (const auto& [name, definition] : server_->FunctionDefinitions()) {
      response->add_functions()->set_name(name);
    }
  });
}

grpc::Status ProviderService::GetProviderSchema(Ctx*, const tfplugin6::GetProviderSchema::Request*,
                                                tfplugin6::GetProviderSchema::Response* response) {
  return Guard("GetProviderSchema", "", response, [&] {
    ToProto(server_->ProviderSchema(), response->mutable_provider());
    for (const auto& [name, schema] : server_->ResourceSchemas()) {
      ToProto(schema, &(*response->mutable_resource_schemas())[name]);
    }
    for (const auto& [name, schema] : server_->DataSourceSchemas()) {
      ToProto(schema, &(*response->mutable_data_source_schemas())[name]);
    }
    // Terraform 1.8+ reads functions from here; GetFunctions is for clients that skip schemas.
    for (const auto& [name, definition] : server_->FunctionDefinitions()) {
      ToProto(definition, &(*response->mutable_functions())[name]);
    }
    // provider_meta stays unset: an empty Schema there would crash Terraform.
    SetServerCapabilities(response->mutable_server_capabilities());
  });
}

grpc::Status ProviderService::GetResourceIdentitySchemas(
    Ctx*, const tfplugin6::GetResourceIdentitySchemas::Request*,
    tfplugin6::GetResourceIdentitySchemas::Response* response) {
  // No resource declares an identity: an empty map is the answer Terraform expects.
  return Guard("GetResourceIdentitySchemas", "", response, [] {});
}

}  // namespace opc::protocol
