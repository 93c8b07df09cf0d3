// Managed resources: validate, upgrade, read, plan, apply, import, move.
#include <string>

#include "absl/strings/str_cat.h"
#include "provider/framework/codec.h"
#include "provider/protocol/conversions.h"
#include "provider/protocol/provider_service_impl.h"

namespace opc::protocol {
namespace {

const framework::Schema* FindSchema(const framework::ProviderServer& server,
                                    const std::string& type_name, framework::Diagnostics& diags) {
  const framework::Schema* schema = server.FindResourceSchema(type_name);
  if (schema == nullptr) {
    diags.AddError("Unknown resource type",
                   absl::StrCat("This provider does not offer the resource type \"", type_name,
                                "\". Check the spelling, or upgrade the provider."));
  }
  return schema;
}

}  // namespace

grpc::Status ProviderService::ValidateResourceConfig(
    Ctx*, const tfplugin6::ValidateResourceConfig::Request* request,
    tfplugin6::ValidateResourceConfig::Response* response) {
  return Guard("ValidateResourceConfig", request->type_name(), response, [&] {
    framework::Diagnostics diags;
    if (const framework::Schema* schema = FindSchema(*server_, request->type_name(), diags)) {
      std::optional<framework::Value> config =
          DecodeDynamicValue(request->config(), schema->ImpliedType(), "configuration", diags);
      if (config.has_value()) {
        diags.Append(server_->ValidateConfig(framework::ProviderServer::ConfigOf::kResource,
                                             request->type_name(), *config));
      }
    }
    AppendDiagnostics(diags, response->mutable_diagnostics());
  });
}

grpc::Status ProviderService::UpgradeResourceState(
    Ctx*, const tfplugin6::UpgradeResourceState::Request* request,
    tfplugin6::UpgradeResourceState::Response* response) {
  return Guard("UpgradeResourceState", request->type_name(), response, [&] {
    framework::Diagnostics diags;
    const framework::Schema* schema = FindSchema(*server_, request->type_name(), diags);
    if (schema != nullptr) {
      const tfplugin6::RawState& raw = request->raw_state();
      if (raw.json().empty() && raw.flatmap_size() > 0) {
        diags.AddError("Unsupported state format",
                       "This resource's state was written in the pre-0.12 flatmap format, which "
                       "this provider cannot read. Remove it from the state and import it again.");
      } else if (raw.json().empty()) {
        EncodeDynamicValue(framework::Value::Null(schema->ImpliedType()), schema->ImpliedType(),
                           "upgraded state", response->mutable_upgraded_state(), diags);
      } else {
        absl::StatusOr<nlohmann::json> json = framework::ParseJsonPreservingNumbers(raw.json());
        if (!json.ok()) {
          diags.AddError("Invalid stored state",
                         absl::StrCat("The stored state is not valid JSON: ",
                                      std::string(json.status().message())));
        } else {
          framework::ProviderServer::UpgradeResult result =
              server_->UpgradeResourceState(request->type_name(), request->version(), *json);
          diags.Append(result.diagnostics);
          if (!result.diagnostics.HasError()) {
            EncodeDynamicValue(result.state, schema->ImpliedType(), "upgraded state",
                               response->mutable_upgraded_state(), diags);
          }
        }
      }
    }
    AppendDiagnostics(diags, response->mutable_diagnostics());
  });
}

grpc::Status ProviderService::UpgradeResourceIdentity(
    Ctx*, const tfplugin6::UpgradeResourceIdentity::Request* request,
    tfplugin6::UpgradeResourceIdentity::Response* response) {
  return Guard("UpgradeResourceIdentity", request->type_name(), response, [&] {
    framework::Diagnostics diags;
    diags.AddError("Resource identity not supported",
                   absl::StrCat("The resource type \"", request->type_name(),
                                "\" declares no identity schema, so there is no identity to "
                                "upgrade."));
    AppendDiagnostics(diags, response->mutable_diagnostics());
  });
}

grpc::Status ProviderService::ReadResource(Ctx*, const tfplugin6::ReadResource::Request* request,
                                           tfplugin6::ReadResource::Response* response) {
  return Guard("ReadResource", request->type_name(), response, [&] {
    framework::Diagnostics diags;
    if (const framework::Schema* schema = FindSchema(*server_, request->type_name(), diags)) {
      const framework::Type type = schema->ImpliedType();
      std::optional<framework::Value> current =
          DecodeDynamicValue(request->current_state(), type, "current state", diags);
      if (current.has_value()) {
        framework::ProviderServer::ReadResult result =
            server_->ReadResource(request->type_name(), *current, request->private_());
        diags.Append(result.diagnostics);
        EncodeDynamicValue(result.new_state, type, "new state", response->mutable_new_state(),
                           diags);
        response->set_private_(result.private_data);
      }
    }
    AppendDiagnostics(diags, response->mutable_diagnostics());
  });
}

grpc::Status ProviderService::PlanResourceChange(
    Ctx*, const tfplugin6::PlanResourceChange::Request* request,
    tfplugin6::PlanResourceChange::Response* response) {
  return Guard("PlanResourceChange", request->type_name(), response, [&] {
    framework::Diagnostics diags;
    if (const framework::Schema* schema = FindSchema(*server_, request->type_name(), diags)) {
      const framework::Type type = schema->ImpliedType();
      std::optional<framework::Value> prior =
          DecodeDynamicValue(request->prior_state(), type, "prior state", diags);
      std::optional<framework::Value> proposed =
          DecodeDynamicValue(request->proposed_new_state(), type, "proposed new state", diags);
      std::optional<framework::Value> config =
          DecodeDynamicValue(request->config(), type, "configuration", diags);
      if (prior.has_value() && proposed.has_value() && config.has_value()) {
        framework::ProviderServer::PlanResult result = server_->PlanResourceChange(
            request->type_name(), *prior, *proposed, *config, request->prior_private());
        diags.Append(result.diagnostics);
        EncodeDynamicValue(result.planned_state, type, "planned state",
                           response->mutable_planned_state(), diags);
        for (const framework::AttributePath& path : result.requires_replace) {
          ToProto(path, response->add_requires_replace());
        }
        response->set_planned_private(result.planned_private);
      }
    }
    AppendDiagnostics(diags, response->mutable_diagnostics());
  });
}

grpc::Status ProviderService::ApplyResourceChange(
    Ctx*, const tfplugin6::ApplyResourceChange::Request* request,
    tfplugin6::ApplyResourceChange::Response* response) {
  return Guard("ApplyResourceChange", request->type_name(), response, [&] {
    framework::Diagnostics diags;
    if (const framework::Schema* schema = FindSchema(*server_, request->type_name(), diags)) {
      const framework::Type type = schema->ImpliedType();
      std::optional<framework::Value> prior =
          DecodeDynamicValue(request->prior_state(), type, "prior state", diags);
      std::optional<framework::Value> planned =
          DecodeDynamicValue(request->planned_state(), type, "planned state", diags);
      std::optional<framework::Value> config =
          DecodeDynamicValue(request->config(), type, "configuration", diags);
      if (prior.has_value() && planned.has_value() && config.has_value()) {
        framework::ProviderServer::ApplyResult result = server_->ApplyResourceChange(
            request->type_name(), *prior, *planned, *config, request->planned_private());
        diags.Append(result.diagnostics);
        EncodeDynamicValue(result.new_state, type, "new state", response->mutable_new_state(),
                           diags);
        response->set_private_(result.private_data);
      }
    }
    AppendDiagnostics(diags, response->mutable_diagnostics());
  });
}

grpc::Status ProviderService::ImportResourceState(
    Ctx*, const tfplugin6::ImportResourceState::Request* request,
    tfplugin6::ImportResourceState::Response* response) {
  return Guard("ImportResourceState", request->type_name(), response, [&] {
    framework::Diagnostics diags;
    if (FindSchema(*server_, request->type_name(), diags) != nullptr) {
      framework::ProviderServer::ImportResult result =
          server_->ImportResourceState(request->type_name(), request->id());
      diags.Append(result.diagnostics);
      for (const framework::ProviderServer::ImportedResource& imported : result.imported) {
        const framework::Schema* schema = FindSchema(*server_, imported.type_name, diags);
        if (schema == nullptr) {
          continue;
        }
        tfplugin6::ImportResourceState::ImportedResource* out = response->add_imported_resources();
        out->set_type_name(imported.type_name);
        EncodeDynamicValue(imported.state, schema->ImpliedType(), "imported state",
                           out->mutable_state(), diags);
        out->set_private_(imported.private_data);
      }
    }
    AppendDiagnostics(diags, response->mutable_diagnostics());
  });
}

grpc::Status ProviderService::MoveResourceState(
    Ctx*, const tfplugin6::MoveResourceState::Request* request,
    tfplugin6::MoveResourceState::Response* response) {
  return Guard("MoveResourceState", request->target_type_name(), response, [&] {
    framework::Diagnostics diags;
    diags.AddError(
        "Move not supported",
        absl::StrCat("This provider cannot move state from \"", request->source_type_name(), "\" (",
                     request->source_provider_address(), ") to \"", request->target_type_name(),
                     "\". Remove the old object from the state and import the new one instead."));
    AppendDiagnostics(diags, response->mutable_diagnostics());
  });
}

}  // namespace opc::protocol
