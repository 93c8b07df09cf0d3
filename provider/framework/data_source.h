// The contract every data source implements.
#pragma once

#include <string>

#include "provider/common/cancellation.h"
#include "provider/framework/diagnostics.h"
#include "provider/framework/resource.h"
#include "provider/framework/schema.h"
#include "provider/framework/value.h"

namespace opc::framework {

struct ReadDataRequest {
  Value config;  // wholly known
  CancellationToken cancel;
};
struct ReadDataResponse {
  Value state;  // wholly known, never null
  Diagnostics diagnostics;
};

class DataSource {
 public:
  virtual ~DataSource() = default;
  virtual std::string TypeName() const = 0;
  virtual Schema GetSchema() const = 0;
  virtual void Configure(const ProviderData& data, Diagnostics& diags) {}
  virtual void ValidateConfig(const Value& config, Diagnostics& diags) {}
  virtual void Read(const ReadDataRequest& req, ReadDataResponse& resp) = 0;

 protected:
  DataSource() = default;
};

}  // namespace opc::framework
