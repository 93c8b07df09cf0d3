// The tfplugin6.Provider service class. Internal to protocol/: its RPCs are implemented in one
// file per group (schema_rpcs.cc, function_rpcs.cc, provider_rpcs.cc, resource_rpcs.cc,
// data_source_rpcs.cc, ephemeral_rpcs.cc).
#pragma once

#include <exception>
#include <memory>
#include <string>
#include <string_view>

#include "provider/common/logger.h"
#include "provider/framework/server.h"
#include "tfplugin6.grpc.pb.h"

namespace opc::protocol {

class ProviderService final : public tfplugin6::Provider::Service {
 public:
  explicit ProviderService(std::shared_ptr<framework::ProviderServer> server);

  using Ctx = grpc::ServerContext;

  // schema_rpcs.cc
  grpc::Status GetMetadata(Ctx*, const tfplugin6::GetMetadataMsg::Request*,
                           tfplugin6::GetMetadataMsg::Response*) override;
  grpc::Status GetProviderSchema(Ctx*, const tfplugin6::GetProviderSchema::Request*,
                                 tfplugin6::GetProviderSchema::Response*) override;
  grpc::Status GetResourceIdentitySchemas(
      Ctx*, const tfplugin6::GetResourceIdentitySchemas::Request*,
      tfplugin6::GetResourceIdentitySchemas::Response*) override;

  // function_rpcs.cc
  grpc::Status GetFunctions(Ctx*, const tfplugin6::GetFunctions::Request*,
                            tfplugin6::GetFunctions::Response*) override;
  grpc::Status CallFunction(Ctx*, const tfplugin6::CallFunction::Request*,
                            tfplugin6::CallFunction::Response*) override;

  // provider_rpcs.cc
  grpc::Status ValidateProviderConfig(Ctx*, const tfplugin6::ValidateProviderConfig::Request*,
                                      tfplugin6::ValidateProviderConfig::Response*) override;
  grpc::Status ConfigureProvider(Ctx*, const tfplugin6::ConfigureProvider::Request*,
                                 tfplugin6::ConfigureProvider::Response*) override;
  grpc::Status StopProvider(Ctx*, const tfplugin6::StopProvider::Request*,
                            tfplugin6::StopProvider::Response*) override;

  // resource_rpcs.cc
  grpc::Status ValidateResourceConfig(Ctx*, const tfplugin6::ValidateResourceConfig::Request*,
                                      tfplugin6::ValidateResourceConfig::Response*) override;
  grpc::Status UpgradeResourceState(Ctx*, const tfplugin6::UpgradeResourceState::Request*,
                                    tfplugin6::UpgradeResourceState::Response*) override;
  grpc::Status UpgradeResourceIdentity(Ctx*, const tfplugin6::UpgradeResourceIdentity::Request*,
                                       tfplugin6::UpgradeResourceIdentity::Response*) override;
  grpc::Status ReadResource(Ctx*, const tfplugin6::ReadResource::Request*,
                            tfplugin6::ReadResource::Response*) override;
  grpc::Status PlanResourceChange(Ctx*, const tfplugin6::PlanResourceChange::Request*,
                                  tfplugin6::PlanResourceChange::Response*) override;
  grpc::Status ApplyResourceChange(Ctx*, const tfplugin6::ApplyResourceChange::Request*,
                                   tfplugin6::ApplyResourceChange::Response*) override;
  grpc::Status ImportResourceState(Ctx*, const tfplugin6::ImportResourceState::Request*,
                                   tfplugin6::ImportResourceState::Response*) override;
  grpc::Status MoveResourceState(Ctx*, const tfplugin6::MoveResourceState::Request*,
                                 tfplugin6::MoveResourceState::Response*) override;

  // data_source_rpcs.cc
  grpc::Status ValidateDataResourceConfig(
      Ctx*, const tfplugin6::ValidateDataResourceConfig::Request*,
      tfplugin6::ValidateDataResourceConfig::Response*) override;
  grpc::Status ReadDataSource(Ctx*, const tfplugin6::ReadDataSource::Request*,
                              tfplugin6::ReadDataSource::Response*) override;

  // ephemeral_rpcs.cc: this provider offers no ephemeral resources.
  grpc::Status ValidateEphemeralResourceConfig(
      Ctx*, const tfplugin6::ValidateEphemeralResourceConfig::Request*,
      tfplugin6::ValidateEphemeralResourceConfig::Response*) override;
  grpc::Status OpenEphemeralResource(Ctx*, const tfplugin6::OpenEphemeralResource::Request*,
                                     tfplugin6::OpenEphemeralResource::Response*) override;
  grpc::Status RenewEphemeralResource(Ctx*, const tfplugin6::RenewEphemeralResource::Request*,
                                      tfplugin6::RenewEphemeralResource::Response*) override;
  grpc::Status CloseEphemeralResource(Ctx*, const tfplugin6::CloseEphemeralResource::Request*,
                                      tfplugin6::CloseEphemeralResource::Response*) override;

 private:
  // Runs one RPC body so that nothing escapes the handler: an exception becomes an error
  // diagnostic (or the response's error field), and the RPC itself always succeeds, which is
  // how Terraform expects providers to report failures.
  template <typename Response, typename Body>
  grpc::Status Guard(std::string_view rpc, std::string_view type_name, Response* response,
                     Body&& body);
  template <typename Response>
  void ReportInternalError(std::string_view rpc, std::string_view what, Response* response);

  std::shared_ptr<framework::ProviderServer> server_;
  opc::Logger log_;
};

template <typename Response>
void ProviderService::ReportInternalError(std::string_view rpc, std::string_view what,
                                          Response* response) {
  log_.Error("internal error in RPC", {{"rpc", std::string(rpc)}, {"error", std::string(what)}});
  response->Clear();
  std::string detail = "The provider failed while handling " + std::string(rpc) + ": " +
                       std::string(what) + ". This is a bug in the provider; please report it.";
  if constexpr (requires { response->mutable_diagnostics(); }) {
    tfplugin6::Diagnostic* diag = response->add_diagnostics();
    diag->set_severity(tfplugin6::Diagnostic::ERROR);
    diag->set_summary("Internal provider error");
    diag->set_detail(detail);
  } else if constexpr (requires { response->mutable_error()->set_text(""); }) {
    response->mutable_error()->set_text(detail);  // CallFunction
  } else {
    response->set_error(detail);  // StopProvider
  }
}

template <typename Response, typename Body>
grpc::Status ProviderService::Guard(std::string_view rpc, std::string_view type_name,
                                    Response* response, Body&& body) {
  log_.Trace("rpc started", {{"rpc", std::string(rpc)}, {"type_name", std::string(type_name)}});
  try {
    body();
  } catch (const std::exception& e) {
    ReportInternalError(rpc, e.what(), response);
  } catch (...) {
    ReportInternalError(rpc, "unknown exception", response);
  }
  log_.Trace("rpc finished", {{"rpc", std::string(rpc)}, {"type_name", std::string(type_name)}});
  return grpc::Status::OK;
}

}  // namespace opc::protocol
