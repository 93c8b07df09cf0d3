// The API client's configuration for the export, from the environment variables the provider
// block falls back to (ARM_TENANT_ID, OPERATORCONNECT_ENDPOINT, ...), with the provider's own
// rules and defaults, so the export reads the tenant exactly as `terraform plan` will.
#pragma once

#include "absl/status/statusor.h"
#include "provider/client/tenant_client.h"
#include "provider/common/environment.h"

namespace opc::exporter {

// InvalidArgument naming the setting and the variable it came from; the secret's value is
// never part of a message.
absl::StatusOr<client::ClientConfig> ClientConfigFromEnvironment(const opc::EnvLookup& env);

}  // namespace opc::exporter
