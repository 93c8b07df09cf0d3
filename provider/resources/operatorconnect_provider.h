// The provider itself: its configuration block, environment fallbacks, validation, and the
// settings it hands to resources.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "provider/common/environment.h"
#include "provider/framework/provider.h"

namespace opc::resources {

inline constexpr char kProviderTypeName[] = "operatorconnect";
// The source address used by examples, tests and debug mode's TF_REATTACH_PROVIDERS.
inline constexpr char kProviderSourceAddress[] = "localhost/operatorconnect/operatorconnect";

// The provider version set by CMake (project version), e.g. "0.1.0".
std::string ProviderVersion();

class OperatorConnectProvider final : public framework::Provider {
 public:
  // `env` supplies the fallbacks (ARM_*, OPERATORCONNECT_*); tests pass a fixed environment.
  explicit OperatorConnectProvider(opc::EnvLookup env = opc::ProcessEnvironment());

  std::string TypeName() const override { return kProviderTypeName; }
  std::string Version() const override { return ProviderVersion(); }
  framework::Schema GetSchema() const override;
  // Checks the values written in the provider block (unknown and unset ones are skipped).
  void ValidateConfig(const framework::Value& config, framework::Diagnostics& diags) override;
  // Resolves config, environment and defaults into ProviderSettings. When some value is still
  // unknown (it depends on resources not created yet) nothing is reported as missing and no
  // settings are produced: ProviderData stays empty.
  void Configure(const framework::ConfigureProviderRequest& req,
                 framework::ConfigureProviderResponse& resp) override;
  std::vector<std::unique_ptr<framework::Resource>> Resources() override;
  std::vector<std::unique_ptr<framework::DataSource>> DataSources() override;
  std::vector<std::unique_ptr<framework::Function>> Functions() override;

 private:
  opc::EnvLookup env_;
};

}  // namespace opc::resources
