#include "benchmarks/sample_values.h"

#include <cstdlib>
#include <iostream>
#include <map>
#include <utility>
#include <vector>

#include "provider/resources/registry.h"

namespace opc::benchmarks {

using framework::Type;
using framework::Value;

namespace {

// The schema of the registered resource or data source named `type_name` among `registered`.
template <typename Registered>
framework::Schema SchemaNamed(const Registered& registered, const std::string& type_name) {
  for (const auto& item : registered) {
    if (item->TypeName() == type_name) {
      return item->GetSchema();
    }
  }
  std::cerr << "no resource or data source " << type_name << "\n";
  std::abort();
}

}  // namespace

framework::Schema ResourceSchema(const std::string& type_name) {
  return SchemaNamed(resources::AllResources(), type_name);
}

framework::Schema DataSourceSchema(const std::string& type_name) {
  return SchemaNamed(resources::AllDataSources(), type_name);
}

Value SampleValue(const Type& type, size_t collection_size, size_t seed) {
  const size_t count =
      type.IsCollection() && type.element().kind() == Type::Kind::kObject ? collection_size : 2;
  switch (type.kind()) {
    case Type::Kind::kBool:
      return Value::Bool(seed % 2 == 0);
    case Type::Kind::kNumber:
      return Value::Int(static_cast<int64_t>(seed) * 7919);
    case Type::Kind::kString:
    case Type::Kind::kDynamic:
      return Value::String("+1425555" + std::to_string(1000000 + seed));
    case Type::Kind::kList:
    case Type::Kind::kSet: {
      std::vector<Value> elements;
      elements.reserve(count);
      for (size_t i = 0; i < count; ++i) {
        elements.push_back(SampleValue(type.element(), collection_size, seed * 31 + i));
      }
      return type.kind() == Type::Kind::kList ? Value::List(type.element(), std::move(elements))
                                              : Value::Set(type.element(), std::move(elements));
    }
    case Type::Kind::kMap: {
      std::map<std::string, Value> elements;
      for (size_t i = 0; i < count; ++i) {
        elements.emplace("key" + std::to_string(i),
                         SampleValue(type.element(), collection_size, seed * 31 + i));
      }
      return Value::Map(type.element(), std::move(elements));
    }
    case Type::Kind::kObject: {
      std::map<std::string, Value> attributes;
      for (const auto& [name, attribute_type] : type.attributes()) {
        attributes.emplace(name, SampleValue(attribute_type, collection_size, seed));
      }
      return Value::Object(type, std::move(attributes));
    }
    case Type::Kind::kTuple: {
      std::vector<Value> elements;
      for (const Type& element : type.elements()) {
        elements.push_back(SampleValue(element, collection_size, seed));
      }
      return Value::Tuple(std::move(elements));
    }
  }
  return Value::Null(type);
}

Value AsConfig(const framework::Block& block, const Value& value) {
  Value config = value;
  for (const framework::Attribute& attribute : block.attributes) {
    if (attribute.computed && !attribute.optional && !attribute.required) {
      config = config.WithAttr(attribute.name, Value::Null(attribute.EffectiveType()));
    }
  }
  return config;
}

}  // namespace opc::benchmarks
