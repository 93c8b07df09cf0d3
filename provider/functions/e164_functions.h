// Telephone number functions for configurations (Terraform 1.8+):
//   provider::operatorconnect::normalize_e164(number)  "+44 20 7946 0101" -> "+442079460101"
//   provider::operatorconnect::e164_country(number)    "+1 416 555 0100"  -> "CA"
//   provider::operatorconnect::is_e164(number)         strict form check -> bool
// They use the same parsing as the resources (client::NormalizeE164), so a number a function
// accepts is one the provider accepts.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "provider/framework/function.h"

namespace opc::functions {

class NormalizeE164Function final : public framework::Function {
 public:
  std::string Name() const override { return "normalize_e164"; }
  framework::FunctionDefinition Definition() const override;
  void Run(const framework::CallFunctionRequest& req,
           framework::CallFunctionResponse& resp) const override;
};

class E164CountryFunction final : public framework::Function {
 public:
  std::string Name() const override { return "e164_country"; }
  framework::FunctionDefinition Definition() const override;
  void Run(const framework::CallFunctionRequest& req,
           framework::CallFunctionResponse& resp) const override;
};

class IsE164Function final : public framework::Function {
 public:
  std::string Name() const override { return "is_e164"; }
  framework::FunctionDefinition Definition() const override;
  void Run(const framework::CallFunctionRequest& req,
           framework::CallFunctionResponse& resp) const override;
};

// True for the strict E.164 form: '+', then 7 to 15 digits, the first not 0, nothing else.
bool IsStrictE164(std::string_view text);

using FunctionList = std::vector<std::unique_ptr<framework::Function>>;
void AddE164Functions(FunctionList& out);

}  // namespace opc::functions
