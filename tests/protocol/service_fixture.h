// Starts the real tfplugin6.Provider service in-process and drives it with protobuf requests
// over an in-process channel, the way Terraform would over the socket.
#pragma once

#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "provider/framework/codec.h"
#include "provider/framework/server.h"
#include "provider/protocol/provider_service.h"
#include "test_provider.h"
#include "tfplugin6.grpc.pb.h"

namespace opc::protocol_test {

class ServiceFixture : public ::testing::Test {
 protected:
  // Serves `provider`; tests of the test provider call it with MakeTestProvider(store_).
  void Serve(std::unique_ptr<framework::Provider> provider) {
    server_ = std::make_shared<framework::ProviderServer>(std::move(provider));
    service_ = protocol::MakeProviderService(server_);
    grpc::ServerBuilder builder;
    builder.RegisterService(service_.get());
    grpc_server_ = builder.BuildAndStart();
    ASSERT_NE(grpc_server_, nullptr);
    stub_ = tfplugin6::Provider::NewStub(grpc_server_->InProcessChannel(grpc::ChannelArguments()));
  }
  void ServeTestProvider() { Serve(MakeTestProvider(store_)); }

  void TearDown() override {
    if (grpc_server_ != nullptr) {
      grpc_server_->Shutdown();
    }
  }

  // Calls one unary RPC and insists that the RPC itself succeeded (failures are diagnostics).
  template <typename Request, typename Response>
  Response Call(grpc::Status (tfplugin6::Provider::Stub::*method)(grpc::ClientContext*,
                                                                  const Request&, Response*),
                const Request& request) {
    grpc::ClientContext context;
    context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(30));
    Response response;
    grpc::Status status = (stub_.get()->*method)(&context, request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    return response;
  }

  // The served schema of `type`; a test failure (and an empty schema) when there is none.
  const framework::Schema& ResourceSchema(const std::string& type) {
    static const framework::Schema kNone;
    const framework::Schema* schema = server_->FindResourceSchema(type);
    EXPECT_NE(schema, nullptr) << "no resource type " << type;
    return schema != nullptr ? *schema : kNone;
  }

  static tfplugin6::DynamicValue Msgpack(const framework::Value& value,
                                         const framework::Type& type) {
    tfplugin6::DynamicValue out;
    auto bytes = framework::EncodeMsgpack(value, type);
    EXPECT_TRUE(bytes.ok()) << bytes.status();
    out.set_msgpack(bytes.value_or(""));
    return out;
  }
  static tfplugin6::DynamicValue RawMsgpack(std::string bytes) {
    tfplugin6::DynamicValue out;
    out.set_msgpack(std::move(bytes));
    return out;
  }
  // Decodes a response value; responses are always msgpack.
  static framework::Value Decode(const tfplugin6::DynamicValue& in, const framework::Type& type) {
    EXPECT_TRUE(in.json().empty());
    auto value = framework::DecodeMsgpack(in.msgpack(), type);
    EXPECT_TRUE(value.ok()) << value.status();
    return value.value_or(framework::Value());
  }

  std::shared_ptr<ThingStore> store_ = std::make_shared<ThingStore>();
  std::shared_ptr<framework::ProviderServer> server_;
  std::unique_ptr<grpc::Service> service_;
  std::unique_ptr<grpc::Server> grpc_server_;
  std::unique_ptr<tfplugin6::Provider::Stub> stub_;
};

// Diagnostics rendered for assertion messages.
std::string Describe(const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diags);
bool HasError(const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diags);

}  // namespace opc::protocol_test
