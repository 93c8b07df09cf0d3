// The contract every provider-defined function implements (Terraform 1.8+:
// provider::<provider>::<name>(...)). Functions are pure: they never need a configured provider,
// since Terraform may call them before ConfigureProvider or in a process that never configures.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "provider/framework/types.h"
#include "provider/framework/value.h"

namespace opc::framework {

struct FunctionParameter {
  std::string name;
  Type type;
  std::string description;  // markdown
  // When false, Terraform rejects a null (or unknown) argument itself, before calling.
  bool allow_null = false;
  bool allow_unknown = false;
};

struct FunctionDefinition {
  std::vector<FunctionParameter> parameters;
  std::optional<FunctionParameter> variadic_parameter;
  Type return_type;
  std::string summary;      // one line
  std::string description;  // markdown
  std::string deprecation_message;
};

// A failure Terraform shows as "Error in function call"; `argument` (0-based) makes it name the
// argument that was wrong.
struct FunctionError {
  std::string text;
  std::optional<int64_t> argument;
};

struct CallFunctionRequest {
  std::vector<Value> arguments;  // already of the parameter types
};
struct CallFunctionResponse {
  Value result;  // of the return type
  std::optional<FunctionError> error;
};

class Function {
 public:
  virtual ~Function() = default;
  virtual std::string Name() const = 0;  // without the provider:: prefix, e.g. "is_e164"
  virtual FunctionDefinition Definition() const = 0;
  virtual void Run(const CallFunctionRequest& req, CallFunctionResponse& resp) const = 0;

 protected:
  Function() = default;
};

}  // namespace opc::framework
