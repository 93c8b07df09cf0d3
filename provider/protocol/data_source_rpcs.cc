// Data sources: validate and read.
#include <string>

#include "absl/strings/str_cat.h"
#include "provider/protocol/conversions.h"
#include "provider/protocol/provider_service_impl.h"

namespace opc::protocol {
namespace {

const framework::Schema* FindSchema(const framework::ProviderServer& server,
                                    const std::string& type_name, framework::Diagnostics& diags) {
  const framework::Schema* schema = server.FindDataSourceSchema(type_name);
  if (schema == nullptr) {
    diags.AddError("Unknown data source",
                   absl::StrCat("This provider does not offer the data source \"", type_name,
                                "\". Check the spelling, or upgrade the provider."));
  }
  return schema;
}

}  // namespace

grpc::Status ProviderService::ValidateDataResourceConfig(
    Ctx*, const tfplugin6::ValidateDataResourceConfig::Request* request,
    tfplugin6::ValidateDataResourceConfig::Response* response) {
  return Guard("ValidateDataResourceConfig", request->type_name(), response, [&] {
    framework::Diagnostics diags;
    if (const framework::Schema* schema = FindSchema(*server_, request->type_name(), diags)) {
      std::optional<framework::Value> config =
          DecodeDynamicValue(request->config(), schema->ImpliedType(), "configuration", diags);
      if (config.has_value()) {
        diags.Append(server_->ValidateConfig(framework::ProviderServer::ConfigOf::kDataSource,
                                             request->type_name(), *config));
      }
    }
    AppendDiagnostics(diags, response->mutable_diagnostics());
  });
}

grpc::Status ProviderService::ReadDataSource(Ctx*,
                                             const tfplugin6::ReadDataSource::Request* request,
                                             tfplugin6::ReadDataSource::Response* response) {
  return Guard("ReadDataSource", request->type_name(), response, [&] {
    framework::Diagnostics diags;
    if (const framework::Schema* schema = FindSchema(*server_, request->type_name(), diags)) {
      const framework::Type type = schema->ImpliedType();
      std::optional<framework::Value> config =
          DecodeDynamicValue(request->config(), type, "configuration", diags);
      if (config.has_value()) {
        framework::ProviderServer::DataResult result =
            server_->ReadDataSource(request->type_name(), *config);
        diags.Append(result.diagnostics);
        EncodeDynamicValue(result.state, type, "data source state", response->mutable_state(),
                           diags);
      }
    }
    AppendDiagnostics(diags, response->mutable_diagnostics());
  });
}

}  // namespace opc::protocol
