// Conversions between tfplugin6 messages and framework values, schemas and diagnostics.
// Failures never throw: they become error diagnostics the user can read.
#pragma once

#include <google/protobuf/repeated_ptr_field.h>

#include <optional>
#include <string_view>

#include "provider/framework/attribute_path.h"
#include "provider/framework/diagnostics.h"
#include "provider/framework/function.h"
#include "provider/framework/schema.h"
#include "provider/framework/types.h"
#include "provider/framework/value.h"
#include "tfplugin6.pb.h"

namespace opc::protocol {

// Decodes a DynamicValue as `type`: msgpack when present, else JSON, else a null of `type`
// (Terraform's own rule). On failure adds an error naming `what` (e.g. "configuration") and
// returns nullopt.
std::optional<framework::Value> DecodeDynamicValue(const tfplugin6::DynamicValue& in,
                                                   const framework::Type& type,
                                                   std::string_view what,
                                                   framework::Diagnostics& diags);

// Encodes `value` as msgpack (what Terraform prefers in responses). On failure adds an error
// naming `what` and returns false, leaving `out` empty.
bool EncodeDynamicValue(const framework::Value& value, const framework::Type& type,
                        std::string_view what, tfplugin6::DynamicValue* out,
                        framework::Diagnostics& diags);

void ToProto(const framework::AttributePath& path, tfplugin6::AttributePath* out);
framework::AttributePath FromProto(const tfplugin6::AttributePath& path);

void AppendDiagnostics(const framework::Diagnostics& diags,
                       google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>* out);

void ToProto(const framework::Schema& schema, tfplugin6::Schema* out);
void ToProto(const framework::FunctionDefinition& definition, tfplugin6::Function* out);
void ToProto(const framework::FunctionError& error, tfplugin6::FunctionError* out);

// What this provider tells Terraform about itself: destroys are planned by the provider too
// (PlanResourceChange with a null proposed state, so that a removal can be refused at plan),
// schema needed by every process, no cross-type moves.
void SetServerCapabilities(tfplugin6::ServerCapabilities* out);

}  // namespace opc::protocol
