#include "provider/export/export_command.h"

#include <chrono>
#include <memory>
#include <string_view>

#include "provider/client/tenant_client.h"
#include "provider/export/configuration.h"
#include "provider/export/export_settings.h"
#include "provider/export/output_directory.h"
#include "provider/export/tenant_reader.h"
#include "provider/resources/settings_rules.h"

namespace opc::exporter {
namespace {

void Print(std::FILE* err, std::string_view line) {
  std::fprintf(err, "export: %.*s\n", static_cast<int>(line.size()), line.data());
  std::fflush(err);
}

int Fail(std::FILE* err, std::string_view message) {
  std::fprintf(err, "Error: %.*s\n", static_cast<int>(message.size()), message.data());
  return 1;
}

bool IsCountryCode(const std::string& text) {
  return text.size() == 2 && std::isalpha(static_cast<unsigned char>(text[0])) &&
         std::isalpha(static_cast<unsigned char>(text[1]));
}

GroupBy ParseGroupBy(const std::string& text) {
  if (text == "operator") {
    return GroupBy::kOperator;
  }
  if (text == "site") {
    return GroupBy::kSite;
  }
  return GroupBy::kCountry;
}

}  // namespace

ExportCommand::ExportCommand(CLI::App& app) {
  command_ = app.add_subcommand(
      "export",
      "Read a tenant with the provider's credentials and settings (ARM_TENANT_ID, "
      "ARM_CLIENT_ID, ARM_CLIENT_SECRET, OPERATORCONNECT_ENDPOINT, ... from the environment) "
      "and write a Terraform configuration that imports it: operator relationships, "
      "emergency addresses, places and number assignments, with import blocks.");
  command_->add_option("--output-dir", arguments_.output_dir, "Directory to write the files into")
      ->required();
  command_
      ->add_option("--country", arguments_.countries,
                   "Only this country (ISO 3166-1 alpha-2, e.g. GB); repeat for several")
      ->allow_extra_args(false);
  command_
      ->add_option("--operator", arguments_.operators,
                   "Only this operator (its id, a GUID); repeat for several")
      ->allow_extra_args(false);
  command_->add_flag("--assigned-only", arguments_.assigned_only,
                     "Leave out the list of the inventory's unassigned numbers");
  command_
      ->add_option("--group-by", arguments_.group_by,
                   "How number assignments are grouped into for_each maps")
      ->check(CLI::IsMember({"country", "operator", "site"}))
      ->capture_default_str();
  command_
      ->add_option("--max-map-size", arguments_.max_map_size,
                   "Most numbers in one for_each map; larger groups are split")
      ->check(CLI::Range(static_cast<size_t>(1), static_cast<size_t>(100000)))
      ->capture_default_str();
}

int ExportCommand::Run(const opc::EnvLookup& env, const std::string& provider_source,
                       const std::string& provider_version, std::FILE* err) const {
  const auto started = std::chrono::steady_clock::now();
  ExportFilter filter;
  filter.countries = arguments_.countries;
  filter.operators = arguments_.operators;
  filter.assigned_only = arguments_.assigned_only;
  filter = NormalizeFilter(filter);
  for (const std::string& country : filter.countries) {
    if (!IsCountryCode(country)) {
      return Fail(err, "--country \"" + country +
                           "\" is not an ISO 3166-1 alpha-2 country code such as GB.");
    }
  }
  for (const std::string& id : filter.operators) {
    if (absl::Status status = resources::rules::CheckGuid(id); !status.ok()) {
      return Fail(err, "--operator: " + std::string(status.message()) +
                           " The operatorconnect_operators data source lists operator ids.");
    }
  }

  absl::StatusOr<client::ClientConfig> config = ClientConfigFromEnvironment(env);
  if (!config.ok()) {
    return Fail(err, std::string(config.status().message()));
  }
  config->user_agent = "terraform-provider-operatorconnect/" + provider_version + " (export)";
  config->log_sink = [err](client::LogLevel level, std::string_view line) {
    // Retries and throttling are worth seeing on a long export; lines are already redacted.
    if (level == client::LogLevel::kWarning || level == client::LogLevel::kError) {
      Print(err, line);
    }
  };
  absl::StatusOr<std::unique_ptr<client::TenantClient>> tenant =
      client::TenantClient::Create(*std::move(config));
  if (!tenant.ok()) {
    return Fail(err, std::string(tenant.status().message()));
  }
  Print(err, "reading tenant " + (*tenant)->tenant_id() + " at " + (*tenant)->endpoint());
  absl::StatusOr<TenantSnapshot> snapshot = ReadTenant(
      **tenant, filter, [err](std::string_view line) { Print(err, line); }, CancellationToken());
  if (!snapshot.ok()) {
    return Fail(err, std::string(snapshot.status().message()));
  }

  RenderOptions options;
  options.group_by = ParseGroupBy(arguments_.group_by);
  options.max_map_size = arguments_.max_map_size;
  options.provider_source = provider_source;
  options.provider_version = provider_version;
  Configuration configuration = RenderConfiguration(*snapshot, options);
  if (absl::Status written = WriteOutputDirectory(arguments_.output_dir, configuration.files);
      !written.ok()) {
    return Fail(err, std::string(written.message()));
  }
  for (const std::string& warning : configuration.warnings) {
    Print(err, "warning: " + warning);
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  Print(err,
        "wrote " + std::to_string(configuration.files.size()) + " files to " +
            arguments_.output_dir.string() + ": " + std::to_string(configuration.relationships) +
            " operator relationships, " + std::to_string(configuration.addresses) +
            " emergency addresses, " + std::to_string(configuration.places) + " places, " +
            std::to_string(configuration.assignments) + " number assignments in " +
            std::to_string(configuration.maps) + " maps" +
            (configuration.unassigned > 0
                 ? ", " + std::to_string(configuration.unassigned) + " unassigned numbers listed"
                 : std::string()) +
            " (" + std::to_string(elapsed.count()) + " ms)");
  Print(err, "next: terraform init && terraform plan   (the plan should only import)");
  return 0;
}

}  // namespace opc::exporter
