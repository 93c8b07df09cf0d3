// ProviderServer::CallFunction: provider-defined functions.
#include <string>
#include <utility>

#include "provider/framework/server.h"

namespace opc::framework {

const FunctionDefinition* ProviderServer::FindFunction(std::string_view name) const {
  auto it = function_definitions_.find(std::string(name));
  return it == function_definitions_.end() ? nullptr : &it->second;
}

namespace {

FunctionError ArgumentError(size_t index, std::string text) {
  return FunctionError{std::move(text), static_cast<int64_t>(index)};
}

// The parameter that argument `index` binds to; nullptr past the end without a variadic one.
const FunctionParameter* ParameterAt(const FunctionDefinition& definition, size_t index) {
  if (index < definition.parameters.size()) {
    return &definition.parameters[index];
  }
  return definition.variadic_parameter ? &*definition.variadic_parameter : nullptr;
}

}  // namespace

ProviderServer::FunctionResult ProviderServer::CallFunction(const std::string& name,
                                                            const std::vector<Value>& arguments) {
  FunctionResult result;
  auto it = functions_.find(name);
  if (it == functions_.end()) {
    result.error = FunctionError{"This provider has no function named \"" + name + "\".", {}};
    return result;
  }
  const FunctionDefinition& definition = function_definitions_.at(name);
  result.result = Value::Null(definition.return_type);
  // Terraform checks arity and nulls from the definition before calling; these checks keep a
  // function's Run from ever seeing what its definition rules out, whoever the caller is.
  const size_t fixed = definition.parameters.size();
  if (arguments.size() < fixed ||
      (arguments.size() > fixed && !definition.variadic_parameter.has_value())) {
    result.error = FunctionError{"Function \"" + name + "\" takes " + std::to_string(fixed) +
                                     " argument(s), got " + std::to_string(arguments.size()) + ".",
                                 {}};
    return result;
  }
  for (size_t i = 0; i < arguments.size(); ++i) {
    const FunctionParameter* parameter = ParameterAt(definition, i);
    if (arguments[i].IsNull() && !parameter->allow_null) {
      result.error = ArgumentError(i, "Argument \"" + parameter->name + "\" must not be null.");
      return result;
    }
    if (!arguments[i].IsWhollyKnown() && !parameter->allow_unknown) {
      // Terraform does not call with unknowns unless allowed; the result is unknown anyway.
      result.result = Value::Unknown(definition.return_type);
      return result;
    }
  }
  CallFunctionRequest req{arguments};
  CallFunctionResponse resp;
  resp.result = Value::Null(definition.return_type);
  try {
    it->second->Run(req, resp);
  } catch (const std::exception& e) {
    result.error = FunctionError{"Function \"" + name + "\" failed unexpectedly: " + e.what(), {}};
    return result;
  }
  if (resp.error.has_value()) {
    result.error = std::move(resp.error);
    return result;
  }
  if (resp.result.type() != definition.return_type) {
    result.error = FunctionError{"Function \"" + name +
                                     "\" returned a value of the wrong type. This is a bug in "
                                     "the provider.",
                                 {}};
    return result;
  }
  result.result = std::move(resp.result);
  return result;
}

}  // namespace opc::framework
