#include "provider/resources/resource_support.h"

#include <utility>

namespace opc::resources {

using framework::Type;
using framework::Value;

void ClientSlot::Configure(const framework::ProviderData& data) {
  if (const auto* context = std::any_cast<std::shared_ptr<const ProviderContext>>(&data)) {
    absl::MutexLock lock(&mu_);
    context_ = *context;
  }
}

RequestContext ClientSlot::Peek() const {
  absl::MutexLock lock(&mu_);
  return RequestContext(context_);
}

RequestContext ClientSlot::Get(framework::Diagnostics& diags) const {
  RequestContext context = Peek();
  if (context == nullptr) {
    AddProviderNotConfigured(diags);
  }
  return context;
}

std::optional<std::string> OptionalString(const Value& value) {
  if (!value.IsKnown() || value.IsNull()) {
    return std::nullopt;
  }
  return value.AsString();
}

std::string StringOr(const Value& value, std::string_view fallback) {
  auto text = OptionalString(value);
  return text ? *text : std::string(fallback);
}

std::optional<bool> OptionalBool(const Value& value) {
  if (!value.IsKnown() || value.IsNull()) {
    return std::nullopt;
  }
  return value.AsBool();
}

std::vector<std::string> Strings(const Value& list_or_set) {
  std::vector<std::string> out;
  if (!list_or_set.IsKnown() || list_or_set.IsNull()) {
    return out;
  }
  for (const Value& element : list_or_set.Elements()) {
    if (element.IsKnown() && !element.IsNull()) {
      out.push_back(element.AsString());
    }
  }
  return out;
}

Value StringOrNull(const std::optional<std::string>& text) {
  return text ? Value::String(*text) : Value::Null(Type::String());
}

Value StringSet(const std::vector<std::string>& items) {
  std::vector<Value> values;
  values.reserve(items.size());
  for (const auto& item : items) {
    values.push_back(Value::String(item));
  }
  return Value::Set(Type::String(), std::move(values));
}

Value StringList(const std::vector<std::string>& items) {
  std::vector<Value> values;
  values.reserve(items.size());
  for (const auto& item : items) {
    values.push_back(Value::String(item));
  }
  return Value::List(Type::String(), std::move(values));
}

}  // namespace opc::resources
