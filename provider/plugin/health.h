// grpc.health.v1.Health for go-plugin: "plugin" (and the server as a whole, "") is SERVING.
//
// Served synchronously like every other service: gRPC's built-in health service is a callback
// service, and registering one makes gRPC start two threads of its own that poll for every
// call the process serves (a quarter of the provider's CPU samples in a refreshing plan).
#pragma once

#include <grpcpp/impl/service_type.h>

#include <memory>

namespace opc::plugin {

std::unique_ptr<grpc::Service> MakeHealthService();

}  // namespace opc::plugin
