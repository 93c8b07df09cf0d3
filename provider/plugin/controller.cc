#include "provider/plugin/controller.h"

#include "grpc_controller.grpc.pb.h"
#include "provider/common/logger.h"

namespace opc::plugin {
namespace {

class ControllerService final : public ::plugin::GRPCController::Service {
 public:
  explicit ControllerService(ShutdownSignal& signal) : signal_(signal) {}

  grpc::Status Shutdown(grpc::ServerContext*, const ::plugin::Empty*, ::plugin::Empty*) override {
    ProcessLogger().Named("plugin").Debug("shutdown requested by the host");
    // Stopping the server here would wait for this very call: the serving thread does it.
    signal_.Request("GRPCController.Shutdown");
    return grpc::Status::OK;
  }

 private:
  ShutdownSignal& signal_;
};

}  // namespace

std::unique_ptr<grpc::Service> MakeControllerService(ShutdownSignal& signal) {
  return std::make_unique<ControllerService>(signal);
}

}  // namespace opc::plugin
