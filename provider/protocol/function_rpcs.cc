// Provider-defined functions: their definitions and calls.
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "provider/protocol/conversions.h"
#include "provider/protocol/provider_service_impl.h"

namespace opc::protocol {

grpc::Status ProviderService::GetFunctions(Ctx*, const tfplugin6::GetFunctions::Request*,
                                           tfplugin6::GetFunctions::Response* response) {
  return Guard("GetFunctions", "", response, [&] {
    for (const auto& [name, definition] : server_->FunctionDefinitions()) {
      ToProto(definition, &(*response->mutable_functions())[name]);
    }
  });
}

grpc::Status ProviderService::CallFunction(Ctx*, const tfplugin6::CallFunction::Request* request,
                                           tfplugin6::CallFunction::Response* response) {
  return Guard("CallFunction", request->name(), response, [&] {
    const framework::FunctionDefinition* definition = server_->FindFunction(request->name());
    if (definition == nullptr) {
      response->mutable_error()->set_text(absl::StrCat(
          "This provider has no function named \"", request->name(), "\"; upgrade the provider."));
      return;
    }
    // Each argument is decoded as its parameter's type; a decoding failure names the argument.
    std::vector<framework::Value> arguments;
    for (int i = 0; i < request->arguments_size(); ++i) {
      const framework::FunctionParameter* parameter =
          static_cast<size_t>(i) < definition->parameters.size()
              ? &definition->parameters[i]
              : (definition->variadic_parameter ? &*definition->variadic_parameter : nullptr);
      if (parameter == nullptr) {
        response->mutable_error()->set_text(
            absl::StrCat("Function \"", request->name(), "\" takes ", definition->parameters.size(),
                         " argument(s), got ", request->arguments_size(), "."));
        return;
      }
      framework::Diagnostics diags;
      std::optional<framework::Value> value = DecodeDynamicValue(
          request->arguments(i), parameter->type, "argument " + parameter->name, diags);
      if (!value.has_value()) {
        ToProto(framework::FunctionError{diags.items().empty() ? "cannot decode the argument"
                                                               : diags.items().front().detail,
                                         i},
                response->mutable_error());
        return;
      }
      arguments.push_back(*std::move(value));
    }
    framework::ProviderServer::FunctionResult result =
        server_->CallFunction(request->name(), arguments);
    if (result.error.has_value()) {
      ToProto(*result.error, response->mutable_error());
      return;
    }
    framework::Diagnostics diags;
    if (!EncodeDynamicValue(result.result, definition->return_type, "function result",
                            response->mutable_result(), diags)) {
      response->clear_result();
      response->mutable_error()->set_text(diags.items().empty() ? "cannot encode the result"
                                                                : diags.items().front().detail);
    }
  });
}

}  // namespace opc::protocol
