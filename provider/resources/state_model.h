// Typed models: a resource or data source declares its state once as a plain struct and one
// StateMapping that names each field's attribute, like terraform-plugin-framework's `tfsdk`
// struct tags. CRUD code then reads and writes fields; a misspelt attribute name fails once, in
// the mapping's unit test (every schema attribute mapped, every mapped name in the schema),
// instead of silently reading null at run time.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "provider/framework/number.h"
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
  // A set (StringSet) or list (StringList) of strings; null and unknown read as nullopt, null and
  // unknown elements are skipped.
  StateMapping& StringSet(std::string name,
                          std::optional<std::vector<std::string>> Model::*member) {
    return StringCollection(std::move(name), member, &resources::StringSet);
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
        },
        &nested);
  }
  // A list (ObjectList) or set (ObjectSet) of nested objects, each with the nested model and
  // mapping (which must outlive this one). Null and unknown read as nullopt; null and unknown
  // elements are skipped, as Strings() skips them.
  template <typename Nested>
  StateMapping& ObjectList(std::string name, std::optional<std::vector<Nested>> Model::*member,
                           const StateMapping<Nested>& nested) {
    return NestedCollection(std::move(name), member, nested, &framework::Value::List);
  }
  template <typename Nested>
  StateMapping& ObjectSet(std::string name, std::optional<std::vector<Nested>> Model::*member,
                          const StateMapping<Nested>& nested) {
    return NestedCollection(std::move(name), member, nested, &framework::Value::Set);
  }
  StateMapping& StringList(std::string name,
                           std::optional<std::vector<std::string>> Model::*member) {
    return StringCollection(std::move(name), member, &resources::StringList);
  }
  // A map of strings; null and unknown read as nullopt, null and unknown elements are skipped.
  StateMapping& StringMap(std::string name,
                          std::optional<std::map<std::string, std::string>> Model::*member) {
    return Add(
        std::move(name),
        [member](const framework::Value& v, Model& m) {
          if (!v.IsKnown() || v.IsNull()) {
            m.*member = std::nullopt;
            return;
          }
          std::map<std::string, std::string> entries;
          for (const auto& [key, element] : v.MapElements()) {
            if (element.IsKnown() && !element.IsNull()) {
              entries.emplace(key, element.AsString());
            }
          }
          m.*member = std::move(entries);
        },
        [member](const Model& m, const framework::Type& type) {
          if (!(m.*member)) {
            return framework::Value::Null(type);
          }
          std::map<std::string, framework::Value> entries;
          for (const auto& [key, text] : *(m.*member)) {
            entries.emplace(key, framework::Value::String(text));
          }
          return framework::Value::Map(framework::Type::String(), std::move(entries));
        });
  }
  // A number, exactly as Terraform sent it (no rounding through double).
  StateMapping& Number(std::string name, std::optional<framework::Number> Model::*member) {
    return Add(
        std::move(name),
        [member](const framework::Value& v, Model& m) {
          m.*member = v.IsKnown() && !v.IsNull() ? std::optional(v.AsNumber()) : std::nullopt;
        },
        [member](const Model& m, const framework::Type&) {
          return m.*member ? framework::Value::Number(*(m.*member))
                           : framework::Value::Null(framework::Type::Number());
        });
  }
  // A whole number (counts). A number that is not an exact int64 reads as nullopt: use Number
  // for anything a user writes.
  StateMapping& Int64(std::string name, std::optional<int64_t> Model::*member) {
    return Add(
        std::move(name),
        [member](const framework::Value& v, Model& m) {
          m.*member =
              v.IsKnown() && !v.IsNull() ? v.AsNumber().ToInt64() : std::optional<int64_t>();
        },
        [member](const Model& m, const framework::Type&) {
          return m.*member ? framework::Value::Int(*(m.*member))
                           : framework::Value::Null(framework::Type::Number());
        });
  }
  // Kept as a framework::Value (where no kind fits yet): the model still names it once. Its
  // nested attributes, if any, are the caller's to check.
  StateMapping& Raw(std::string name, framework::Value Model::*member) {
    Add(
        std::move(name), [member](const framework::Value& v, Model& m) { m.*member = v; },
        // Value::Object gives a null its attribute's type.
        [member](const Model& m, const framework::Type&) { return m.*member; });
    fields_.back().opaque = true;
    return *this;
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
  // Every mapped path, nested ones as "parent.child" (for the mapping's test); `opaque` gets the
  // paths mapped as Raw, whose insides the mapping does not name.
  void AppendPaths(const std::string& prefix, std::vector<std::string>& paths,
                   std::vector<std::string>& opaque) const {
    for (const Field& field : fields_) {
      const std::string path = prefix + field.name;
      paths.push_back(path);
      if (field.opaque) {
        opaque.push_back(path);
      }
      if (field.nested_paths) {
        field.nested_paths(path + ".", paths, opaque);
      }
    }
  }

 private:
  using PathCollector =
      std::function<void(const std::string&, std::vector<std::string>&, std::vector<std::string>&)>;
  struct Field {
    std::string name;
    std::function<void(const framework::Value&, Model&)> read;
    std::function<framework::Value(const Model&, const framework::Type&)> write;
    PathCollector nested_paths;  // empty unless the field has a nested mapping
    bool opaque = false;         // Raw
  };
  template <typename Nested>
  StateMapping& Add(std::string name, std::function<void(const framework::Value&, Model&)> read,
                    std::function<framework::Value(const Model&, const framework::Type&)> write,
                    const StateMapping<Nested>* nested) {
    PathCollector collect = [nested](const std::string& prefix, std::vector<std::string>& paths,
                                     std::vector<std::string>& opaque) {
      nested->AppendPaths(prefix, paths, opaque);
    };
    fields_.push_back({std::move(name), std::move(read), std::move(write), std::move(collect)});
    return *this;
  }
  StateMapping& Add(std::string name, std::function<void(const framework::Value&, Model&)> read,
                    std::function<framework::Value(const Model&, const framework::Type&)> write) {
    fields_.push_back({std::move(name), std::move(read), std::move(write), nullptr});
    return *this;
  }
  // ObjectList and ObjectSet: `make` is Value::List or Value::Set.
  StateMapping& StringCollection(std::string name,
                                 std::optional<std::vector<std::string>> Model::*member,
                                 framework::Value (*build)(const std::vector<std::string>&)) {
    return Add(
        std::move(name),
        [member](const framework::Value& v, Model& m) {
          m.*member = v.IsKnown() && !v.IsNull() ? std::optional(Strings(v)) : std::nullopt;
        },
        [member, build](const Model& m, const framework::Type& type) {
          return m.*member ? build(*(m.*member)) : framework::Value::Null(type);
        });
  }
  template <typename Nested>
  StateMapping& NestedCollection(std::string name,
                                 std::optional<std::vector<Nested>> Model::*member,
                                 const StateMapping<Nested>& nested,
                                 framework::Value (*make)(framework::Type,
                                                          std::vector<framework::Value>)) {
    return Add(
        std::move(name),
        [member, &nested](const framework::Value& v, Model& m) {
          if (!v.IsKnown() || v.IsNull()) {
            m.*member = std::nullopt;
            return;
          }
          std::vector<Nested> items;
          for (const framework::Value& element : v.Elements()) {
            if (element.IsKnown() && !element.IsNull()) {
              items.push_back(nested.Read(element));
            }
          }
          m.*member = std::move(items);
        },
        [member, &nested, make](const Model& m, const framework::Type& type) {
          if (!(m.*member)) {
            return framework::Value::Null(type);
          }
          std::vector<framework::Value> elements;
          elements.reserve((m.*member)->size());
          for (const Nested& item : *(m.*member)) {
            elements.push_back(nested.Write(item, type.element()));
          }
          return make(type.element(), std::move(elements));
        },
        &nested);
  }
  std::vector<Field> fields_;
};

}  // namespace opc::resources
