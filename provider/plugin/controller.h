// go-plugin's GRPCController: Terraform calls Shutdown when it is done with the process.
#pragma once

#include <grpcpp/impl/service_type.h>

#include <memory>

#include "provider/plugin/shutdown_signal.h"

namespace opc::plugin {

// Replies to Shutdown at once and raises `signal`; the serving thread then stops the server.
std::unique_ptr<grpc::Service> MakeControllerService(ShutdownSignal& signal);

}  // namespace opc::plugin
