#include "provider/plugin/stdio.h"

#include "grpc_stdio.grpc.pb.h"

namespace opc::plugin {
namespace {

class StdioService final : public ::plugin::GRPCStdio::Service {
 public:
  grpc::Status StreamStdio(grpc::ServerContext*, const google::protobuf::Empty*,
                           grpc::ServerWriter<::plugin::StdioData>*) override {
    return grpc::Status::OK;
  }
};

}  // namespace

std::unique_ptr<grpc::Service> MakeStdioService() { return std::make_unique<StdioService>(); }

}  // namespace opc::plugin
