#include "service_fixture.h"

namespace opc::protocol_test {

std::string Describe(const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diags) {
  std::string out;
  for (const tfplugin6::Diagnostic& d : diags) {
    out += (d.severity() == tfplugin6::Diagnostic::ERROR ? "[error] " : "[warning] ") +
           d.summary() + ": " + d.detail() + "\n";
  }
  return out;
}

bool HasError(const google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>& diags) {
  for (const tfplugin6::Diagnostic& d : diags) {
    if (d.severity() == tfplugin6::Diagnostic::ERROR) {
      return true;
    }
  }
  return false;
}

}  // namespace opc::protocol_test
