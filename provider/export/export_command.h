// `terraform-provider-operatorconnect export`: reads a tenant with the provider's credentials
// and settings (from the environment) and writes a Terraform configuration that adopts it.
//
//   terraform-provider-operatorconnect export --output-dir DIR [--country CC]...
//       [--operator OPERATOR_ID]... [--assigned-only] [--group-by country|operator|site]
//       [--max-map-size N]
//
// main.cc registers it and runs it only when the subcommand is given; Terraform never passes
// arguments, so the plugin path is unaffected.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "provider/common/environment.h"

namespace opc::exporter {

struct ExportArguments {
  std::filesystem::path output_dir;
  std::vector<std::string> countries;
  std::vector<std::string> operators;
  bool assigned_only = false;
  std::string group_by = "country";
  size_t max_map_size = 500;
};

class ExportCommand {
 public:
  // Adds the `export` subcommand and its options to `app`.
  explicit ExportCommand(CLI::App& app);

  // Whether the command line chose this subcommand (after parsing).
  bool selected() const { return command_->parsed(); }
  const ExportArguments& arguments() const { return arguments_; }

  // Runs the export: progress and the summary on `err`; 0 on success, 1 on any error.
  // `provider_source` and `provider_version` go into the generated required_providers.
  int Run(const opc::EnvLookup& env, const std::string& provider_source,
          const std::string& provider_version, std::FILE* err) const;

 private:
  CLI::App* command_;
  ExportArguments arguments_;
};

}  // namespace opc::exporter
