// Typed models: a resource or data source declares its state once as a plain struct and one
// StateMapping that names each field's attribute, like terraform-plugin-framework's `tfsdk`
// struct tags. CRUD code then reads and writes fields; a misspelt attribute name fails once, in
// the mapping's unit test (every schema attribute mapped, every mapped name in the schema),
// instead of silently reading null at run time.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "provider/framework/types.h"
#include "provider/framework/value.h"
#include "provider/resources/resource_support.h"

namespace opc::resources {

template <typename Model>
class StateMapping {
 public:
  // Null and unknown values read as nullopt; nullopt writes null.
  StateMapping& String(std::string name, std::optional<std::string> Model::*member) {
    return Add(
        std::move(name),
        [member](const framework::Value& v, Model& m) { m.*member = OptionalString(v); },
        [member](const Model& m, const framework::Type&) { return StringOrNull(m.*member); });
  }
  StateMapping& Bool(std::string name, std::optional<bool> Model::*member) {
    return Add(
        std::move(name),
        [member](const framework::Value& v, Model& m) { m.*member = OptionalBool(v); },
        [member](const Model& m, const framework::Type&) {
          return m.*member ? framework::Value::Bool(*(m.*member))
                           : framework::Value::Null(framework::Type::Bool());
        });
  }
  // A set of strings; null and unknown read as nullopt.
  StateMapping& StringSet(std::string name,
                          std::optional<std::vector<std::string>> Model::*member) {
    return Add(
        std::move(name),
        [member](const framework::Value& v, Model& m) {
          m.*member = v.IsKnown() && !v.IsNull() ? std::optional(Strings(v)) : std::nullopt;
        },
        [member](const Model& m, const framework::Type& type) {
          return m.*member ? resources::StringSet(*(m.*member)) : framework::Value::Null(type);
        });
  }
  // A single nested object with its own model and mapping (which must outlive this one).
  template <typename Nested>
  StateMapping& Object(std::string name, std::optional<Nested> Model::*member,
                       const StateMapping<Nested>& nested) {
    return Add(
        std::move(name),
        [member, &nested](const framework::Value& v, Model& m) {
          m.*member = v.IsKnown() && !v.IsNull() ? std::optional(nested.Read(v)) : std::nullopt;
        },
        [member, &nested](const Model& m, const framework::Type& type) {
          return m.*member ? nested.Write(*(m.*member), type) : framework::Value::Null(type);
        });
  }
  // Kept as a framework::Value (nested objects, numbers): the model still names it once.
  StateMapping& Raw(std::string name, framework::Value Model::*member) {
    return Add(
        std::move(name), [member](const framework::Value& v, Model& m) { m.*member = v; },
        // Value::Object gives a null its attribute's type.
        [member](const Model& m, const framework::Type&) { return m.*member; });
  }

  // The model of an object value (null or unknown objects give a default model).
  Model Read(const framework::Value& object) const {
    Model model;
    for (const Field& field : fields_) {
      field.read(object.GetAttr(field.name), model);
    }
    return model;
  }
  // The object value of `type` (the schema's implied type) for `model`.
  framework::Value Write(const Model& model, const framework::Type& type) const {
    std::map<std::string, framework::Value> attributes;
    for (const Field& field : fields_) {
      auto it = type.attributes().find(field.name);
      if (it != type.attributes().end()) {
        attributes.emplace(field.name, field.write(model, it->second));
      }
    }
    return framework::Value::Object(type, std::move(attributes));
  }
  // The attribute names the mapping covers, in declaration order (for the mapping's test).
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const Field& field : fields_) {
      names.push_back(field.name);
    }
    return names;
  }

 private:
  struct Field {
    std::string name;
    std::function<void(const framework::Value&, Model&)> read;
    std::function<framework::Value(const Model&, const framework::Type&)> write;
  };
  StateMapping& Add(std::string name, std::function<void(const framework::Value&, Model&)> read,
                    std::function<framework::Value(const Model&, const framework::Type&)> write) {
    fields_.push_back({std::move(name), std::move(read), std::move(write)});
    return *this;
  }
  std::vector<Field> fields_;
};

}  // namespace opc::resources
