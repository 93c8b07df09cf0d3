#include "provider/protocol/provider_service.h"

#include "provider/protocol/provider_service_impl.h"

namespace opc::protocol {

ProviderService::ProviderService(std::shared_ptr<framework::ProviderServer> server)
    : server_(std::move(server)), log_(opc::ProcessLogger().Named("protocol")) {}

std::unique_ptr<grpc::Service> MakeProviderService(
    std::shared_ptr<framework::ProviderServer> server) {
  return std::make_unique<ProviderService>(std::move(server));
}

}  // namespace opc::protocol
