#include "provider/plugin/health.h"

#include "grpc_health.grpc.pb.h"

namespace opc::plugin {
namespace {

using ::grpc::health::v1::HealthCheckRequest;
using ::grpc::health::v1::HealthCheckResponse;

class HealthService final : public ::grpc::health::v1::Health::Service {
 public:
  grpc::Status Check(grpc::ServerContext*, const HealthCheckRequest* request,
                     HealthCheckResponse* response) override {
    // The health protocol answers NOT_FOUND for a service the server does not know.
    if (!request->service().empty() && request->service() != "plugin") {
      return {grpc::StatusCode::NOT_FOUND, "unknown service"};
    }
    response->set_status(HealthCheckResponse::SERVING);
    return grpc::Status::OK;
  }
};

}  // namespace

std::unique_ptr<grpc::Service> MakeHealthService() { return std::make_unique<HealthService>(); }

}  // namespace opc::plugin
