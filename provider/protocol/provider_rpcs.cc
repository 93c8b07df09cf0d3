// Provider configuration and StopProvider.
#include "provider/protocol/conversions.h"
#include "provider/protocol/provider_service_impl.h"

namespace opc::protocol {

grpc::Status ProviderService::ValidateProviderConfig(
    Ctx*, const tfplugin6::ValidateProviderConfig::Request* request,
    tfplugin6::ValidateProviderConfig::Response* response) {
  return Guard("ValidateProviderConfig", "", response, [&] {
    framework::Diagnostics diags;
    std::optional<framework::Value> config =
        DecodeDynamicValue(request->config(), server_->ProviderSchema().ImpliedType(),
                           "provider configuration", diags);
    if (config.has_value()) {
      diags.Append(server_->ValidateProviderConfig(*config));
    }
    AppendDiagnostics(diags, response->mutable_diagnostics());
  });
}

grpc::Status ProviderService::ConfigureProvider(
    Ctx*, const tfplugin6::ConfigureProvider::Request* request,
    tfplugin6::ConfigureProvider::Response* response) {
  return Guard("ConfigureProvider", "", response, [&] {
    framework::Diagnostics diags;
    std::optional<framework::Value> config =
        DecodeDynamicValue(request->config(), server_->ProviderSchema().ImpliedType(),
                           "provider configuration", diags);
    if (config.has_value()) {
      diags.Append(server_->ConfigureProvider(request->terraform_version(), *config));
    }
    AppendDiagnostics(diags, response->mutable_diagnostics());
  });
}

grpc::Status ProviderService::StopProvider(Ctx*, const tfplugin6::StopProvider::Request*,
                                           tfplugin6::StopProvider::Response* response) {
  // Cancels work in flight; the process keeps serving until GRPCController.Shutdown.
  return Guard("StopProvider", "", response, [&] {
    log_.Info("stop requested: cancelling requests in flight");
    server_->Stop();
  });
}

}  // namespace opc::protocol
