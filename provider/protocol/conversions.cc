#include "provider/protocol/conversions.h"

#include <string>
#include <variant>

#include "absl/strings/str_cat.h"
#include "provider/common/utf8.h"
#include "provider/framework/codec.h"

namespace opc::protocol {
namespace {

using framework::Diagnostics;

tfplugin6::Schema::Object::NestingMode ToProto(framework::NestedAttributes::Nesting nesting) {
  using N = framework::NestedAttributes::Nesting;
  switch (nesting) {
    case N::kSingle:
      return tfplugin6::Schema::Object::SINGLE;
    case N::kList:
      return tfplugin6::Schema::Object::LIST;
    case N::kSet:
      return tfplugin6::Schema::Object::SET;
    case N::kMap:
      return tfplugin6::Schema::Object::MAP;
  }
  return tfplugin6::Schema::Object::INVALID;
}

tfplugin6::Schema::NestedBlock::NestingMode ToProto(framework::NestedBlock::Nesting nesting) {
  using N = framework::NestedBlock::Nesting;
  switch (nesting) {
    case N::kSingle:
      return tfplugin6::Schema::NestedBlock::SINGLE;
    case N::kList:
      return tfplugin6::Schema::NestedBlock::LIST;
    case N::kSet:
      return tfplugin6::Schema::NestedBlock::SET;
    case N::kMap:
      return tfplugin6::Schema::NestedBlock::MAP;
    case N::kGroup:
      return tfplugin6::Schema::NestedBlock::GROUP;
  }
  return tfplugin6::Schema::NestedBlock::INVALID;
}

void ToProto(const framework::Attribute& attr, tfplugin6::Schema::Attribute* out) {
  out->set_name(attr.name);
  if (attr.nested != nullptr) {
    tfplugin6::Schema::Object* object = out->mutable_nested_type();
    object->set_nesting(ToProto(attr.nested->nesting));
    for (const framework::Attribute& nested : attr.nested->attributes) {
      ToProto(nested, object->add_attributes());
    }
  } else {
    out->set_type(attr.type.ToJsonString());
  }
  out->set_description(attr.description);
  out->set_description_kind(tfplugin6::MARKDOWN);
  out->set_required(attr.required);
  out->set_optional(attr.optional);
  out->set_computed(attr.computed);
  out->set_sensitive(attr.sensitive);
  out->set_write_only(attr.write_only);
  out->set_deprecated(attr.deprecated);
}

void ToProto(const framework::Block& block, int64_t version, tfplugin6::Schema::Block* out) {
  out->set_version(version);
  for (const framework::Attribute& attr : block.attributes) {
    ToProto(attr, out->add_attributes());
  }
  for (const framework::NestedBlock& nested : block.blocks) {
    tfplugin6::Schema::NestedBlock* proto = out->add_block_types();
    proto->set_type_name(nested.type_name);
    proto->set_nesting(ToProto(nested.nesting));
    proto->set_min_items(nested.min_items);
    proto->set_max_items(nested.max_items);
    // Terraform dereferences NestedBlock.block unconditionally: always send one.
    static const framework::Block kEmpty;
    ToProto(nested.block != nullptr ? *nested.block : kEmpty, version, proto->mutable_block());
  }
  out->set_description(block.description);
  out->set_description_kind(tfplugin6::MARKDOWN);
  out->set_deprecated(block.deprecated);
}

}  // namespace

std::optional<framework::Value> DecodeDynamicValue(const tfplugin6::DynamicValue& in,
                                                   const framework::Type& type,
                                                   std::string_view what, Diagnostics& diags) {
  absl::StatusOr<framework::Value> value;
  if (!in.msgpack().empty()) {
    value = framework::DecodeMsgpack(in.msgpack(), type);
  } else if (!in.json().empty()) {
    value = framework::DecodeJsonText(in.json(), type);
  } else {
    return framework::Value::Null(type);
  }
  if (!value.ok()) {
    diags.AddError(absl::StrCat("Invalid ", std::string(what)),
                   absl::StrCat("The provider could not decode the ", std::string(what),
                                " that Terraform sent: ", std::string(value.status().message()),
                                ". This is a bug in the provider or in Terraform; please report "
                                "it."));
    return std::nullopt;
  }
  return *std::move(value);
}

bool EncodeDynamicValue(const framework::Value& value, const framework::Type& type,
                        std::string_view what, tfplugin6::DynamicValue* out, Diagnostics& diags) {
  absl::StatusOr<std::string> bytes = framework::EncodeMsgpack(value, type);
  if (!bytes.ok()) {
    out->Clear();
    diags.AddError(absl::StrCat("Invalid ", std::string(what)),
                   absl::StrCat("The provider could not encode the ", std::string(what), ": ",
                                std::string(bytes.status().message()),
                                ". This is a bug in the provider; please report it."));
    return false;
  }
  out->set_msgpack(*std::move(bytes));
  return true;
}

void ToProto(const framework::AttributePath& path, tfplugin6::AttributePath* out) {
  for (const framework::PathStep& step : path.steps()) {
    tfplugin6::AttributePath::Step* proto = out->add_steps();
    std::visit(
        [proto](const auto& s) {
          using S = std::decay_t<decltype(s)>;
          if constexpr (std::is_same_v<S, framework::AttributeName>) {
            proto->set_attribute_name(s.name);
          } else if constexpr (std::is_same_v<S, framework::ElementKeyString>) {
            proto->set_element_key_string(s.key);
          } else {
            proto->set_element_key_int(s.index);
          }
        },
        step);
  }
}

framework::AttributePath FromProto(const tfplugin6::AttributePath& path) {
  std::vector<framework::PathStep> steps;
  for (const tfplugin6::AttributePath::Step& step : path.steps()) {
    switch (step.selector_case()) {
      case tfplugin6::AttributePath::Step::kAttributeName:
        steps.emplace_back(framework::AttributeName{step.attribute_name()});
        break;
      case tfplugin6::AttributePath::Step::kElementKeyString:
        steps.emplace_back(framework::ElementKeyString{step.element_key_string()});
        break;
      case tfplugin6::AttributePath::Step::kElementKeyInt:
        steps.emplace_back(framework::ElementKeyInt{step.element_key_int()});
        break;
      case tfplugin6::AttributePath::Step::SELECTOR_NOT_SET:
        break;
    }
  }
  return framework::AttributePath(std::move(steps));
}

void AppendDiagnostics(const Diagnostics& diags,
                       google::protobuf::RepeatedPtrField<tfplugin6::Diagnostic>* out) {
  for (const framework::Diagnostic& diag : diags.items()) {
    tfplugin6::Diagnostic* proto = out->Add();
    proto->set_severity(diag.severity == framework::Diagnostic::Severity::kError
                            ? tfplugin6::Diagnostic::ERROR
                            : tfplugin6::Diagnostic::WARNING);
    // A diagnostic may quote a service's response: invalid UTF-8 would make gRPC fail the
    // whole call ("string field contains invalid UTF-8") and hide the message.
    proto->set_summary(SanitizeUtf8(diag.summary));
    proto->set_detail(SanitizeUtf8(diag.detail));
    if (diag.attribute.has_value() && !diag.attribute->empty()) {
      ToProto(*diag.attribute, proto->mutable_attribute());
    }
  }
}

void ToProto(const framework::Schema& schema, tfplugin6::Schema* out) {
  out->set_version(schema.version);
  ToProto(schema.block, schema.version, out->mutable_block());
}

namespace {

void ToProto(const framework::FunctionParameter& parameter, tfplugin6::Function::Parameter* out) {
  out->set_name(parameter.name);
  out->set_type(parameter.type.ToJsonString());
  out->set_allow_null_value(parameter.allow_null);
  out->set_allow_unknown_values(parameter.allow_unknown);
  out->set_description(parameter.description);
  out->set_description_kind(tfplugin6::MARKDOWN);
}

}  // namespace

void ToProto(const framework::FunctionDefinition& definition, tfplugin6::Function* out) {
  for (const framework::FunctionParameter& parameter : definition.parameters) {
    ToProto(parameter, out->add_parameters());
  }
  if (definition.variadic_parameter.has_value()) {
    ToProto(*definition.variadic_parameter, out->mutable_variadic_parameter());
  }
  out->mutable_return_()->set_type(definition.return_type.ToJsonString());
  out->set_summary(definition.summary);
  out->set_description(definition.description);
  out->set_description_kind(tfplugin6::MARKDOWN);
  out->set_deprecation_message(definition.deprecation_message);
}

void ToProto(const framework::FunctionError& error, tfplugin6::FunctionError* out) {
  out->set_text(error.text);
  if (error.argument.has_value()) {
    out->set_function_argument(*error.argument);
  }
}

void SetServerCapabilities(tfplugin6::ServerCapabilities* out) {
  out->set_plan_destroy(true);
  out->set_get_provider_schema_optional(false);
  out->set_move_resource_state(false);
}

}  // namespace opc::protocol
