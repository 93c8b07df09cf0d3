#include "provider/framework/planmodifier.h"

#include <utility>

#include "provider/framework/codec.h"

namespace opc::framework {

std::string RequiresReplaceModifier::Description() const {
  return "Any change replaces the object.";
}

bool RequiresReplaceIfModifier::RequiresReplace(const ReplaceContext& ctx) const {
  return condition_ && condition_(ctx);
}

std::string UseStateForUnknownModifier::Description() const {
  return "Once known, the value stays the same on update.";
}

void UseStateForUnknownModifier::PlanValue(const PlanValueRequest& req, Value& planned) const {
  // As the framework's UseStateForUnknown: nothing to keep on create or from a null prior.
  if (req.prior_exists && !req.prior.IsNull() && planned.IsUnknown() && req.config.IsNull()) {
    planned = req.prior;
  }
}

std::string DefaultModifier::Description() const {
  return "Defaults to " + value_.DebugString() + ".";
}

void DefaultModifier::PlanValue(const PlanValueRequest& req, Value& planned) const {
  if (!req.config.IsNull()) {
    return;
  }
  auto conformed = ConformValue(value_, req.type);
  if (!conformed.ok()) {
    req.diagnostics.AddStatusError("Invalid default value in the provider schema",
                                   conformed.status(), req.path);
    planned = Value::Unknown(req.type);
    return;
  }
  planned = *std::move(conformed);
}

namespace planmodifier {

std::shared_ptr<const PlanModifier> RequiresReplace() {
  static const auto kInstance = std::make_shared<const RequiresReplaceModifier>();
  return kInstance;
}

std::shared_ptr<const PlanModifier> RequiresReplaceIf(ReplaceCondition condition,
                                                      std::string description) {
  return std::make_shared<const RequiresReplaceIfModifier>(std::move(condition),
                                                           std::move(description));
}

std::shared_ptr<const PlanModifier> UseStateForUnknown() {
  static const auto kInstance = std::make_shared<const UseStateForUnknownModifier>();
  return kInstance;
}

std::shared_ptr<const PlanModifier> Default(Value value) {
  return std::make_shared<const DefaultModifier>(std::move(value));
}

}  // namespace planmodifier

}  // namespace opc::framework
