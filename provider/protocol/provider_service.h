// The tfplugin6.Provider gRPC service, backed by the framework server. This header is what the
// rest of the program sees: it does not expose the generated protobuf types.
#pragma once

#include <grpcpp/impl/service_type.h>

#include <memory>

#include "provider/framework/server.h"

namespace opc::protocol {

std::unique_ptr<grpc::Service> MakeProviderService(
    std::shared_ptr<framework::ProviderServer> server);

}  // namespace opc::protocol
