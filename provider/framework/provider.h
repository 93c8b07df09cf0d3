// The provider itself: its configuration schema, how it configures, what it offers.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "provider/framework/data_source.h"
#include "provider/framework/diagnostics.h"
#include "provider/framework/function.h"
#include "provider/framework/resource.h"
#include "provider/framework/schema.h"
#include "provider/framework/value.h"

namespace opc::framework {

struct ConfigureProviderRequest {
  std::string terraform_version;
  Value config;  // may contain unknowns
};
struct ConfigureProviderResponse {
  ProviderData data;  // handed to every resource and data source
  Diagnostics diagnostics;
};

class Provider {
 public:
  virtual ~Provider() = default;
  virtual std::string TypeName() const = 0;  // "operatorconnect": resource names start with it
  virtual std::string Version() const = 0;
  virtual Schema GetSchema() const = 0;
  virtual void ValidateConfig(const Value& config, Diagnostics& diags) {}
  virtual void Configure(const ConfigureProviderRequest& req, ConfigureProviderResponse& resp) = 0;
  virtual std::vector<std::unique_ptr<Resource>> Resources() = 0;
  virtual std::vector<std::unique_ptr<DataSource>> DataSources() = 0;
  virtual std::vector<std::unique_ptr<Function>> Functions() { return {}; }
};

}  // namespace opc::framework
