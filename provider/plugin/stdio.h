// go-plugin's GRPCStdio. We log straight to stderr (Terraform reads the pipe), so there is
// nothing to forward; serving the RPC keeps the host from logging "method not found".
#pragma once

#include <grpcpp/impl/service_type.h>

#include <memory>

namespace opc::plugin {

// StreamStdio ends at once with an empty stream, which the host treats as "nothing to relay".
std::unique_ptr<grpc::Service> MakeStdioService();

}  // namespace opc::plugin
