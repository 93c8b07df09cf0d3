// Ephemeral resources. The schema declares none, so Terraform never calls these; a stray call
// gets a clear error instead of UNIMPLEMENTED.
#include <string>

#include "absl/strings/str_cat.h"
#include "provider/protocol/conversions.h"
#include "provider/protocol/provider_service_impl.h"

namespace opc::protocol {
namespace {

template <typename Response>
void UnknownEphemeral(const std::string& type_name, Response* response) {
  framework::Diagnostics diags;
  diags.AddError(
      "Unknown ephemeral resource type",
      absl::StrCat("This provider offers no ephemeral resources; \"", type_name, "\" is unknown."));
  AppendDiagnostics(diags, response->mutable_diagnostics());
}

}  // namespace

grpc::Status ProviderService::ValidateEphemeralResourceConfig(
    Ctx*, const tfplugin6::ValidateEphemeralResourceConfig::Request* request,
    tfplugin6::ValidateEphemeralResourceConfig::Response* response) {
  return Guard("ValidateEphemeralResourceConfig", request->type_name(), response,
               [&] { UnknownEphemeral(request->type_name(), response); });
}

grpc::Status ProviderService::OpenEphemeralResource(
    Ctx*, const tfplugin6::OpenEphemeralResource::Request* request,
    tfplugin6::OpenEphemeralResource::Response* response) {
  return Guard("OpenEphemeralResource", request->type_name(), response,
               [&] { UnknownEphemeral(request->type_name(), response); });
}

grpc::Status ProviderService::RenewEphemeralResource(
    Ctx*, const tfplugin6::RenewEphemeralResource::Request* request,
    tfplugin6::RenewEphemeralResource::Response* response) {
  return Guard("RenewEphemeralResource", request->type_name(), response,
               [&] { UnknownEphemeral(request->type_name(), response); });
}

grpc::Status ProviderService::CloseEphemeralResource(
    Ctx*, const tfplugin6::CloseEphemeralResource::Request* request,
    tfplugin6::CloseEphemeralResource::Response* response) {
  return Guard("CloseEphemeralResource", request->type_name(), response,
               [&] { UnknownEphemeral(request->type_name(), response); });
}

}  // namespace opc::protocol
