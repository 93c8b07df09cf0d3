// Plan modifiers: the plan behaviour of one attribute as small reusable objects that the
// attribute lists (Attribute::plan_modifiers), like terraform-plugin-framework's
// stringplanmodifier/boolplanmodifier packages. The planner runs the list in order.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "provider/framework/attribute_path.h"
#include "provider/framework/diagnostics.h"
#include "provider/framework/types.h"
#include "provider/framework/value.h"

namespace opc::framework {

// Decides, for a changed attribute, whether the change needs a replacement. Receives the prior
// and planned values of the attribute and the whole prior/planned objects.
struct ReplaceContext {
  const Value& prior;
  const Value& planned;
  const Value& prior_object;
  const Value& planned_object;
};
using ReplaceCondition = std::function<bool(const ReplaceContext&)>;

// One attribute being planned: called for a computed attribute the config leaves null (a
// configured value is never changed; an unknown one stays unknown).
struct PlanValueRequest {
  const AttributePath& path;
  const Type& type;     // the attribute's type
  const Value& config;  // the attribute's config value (null: left to the provider)
  const Value& prior;   // the attribute's prior value (null when !prior_exists)
  bool prior_exists;    // false on create and for new elements of nested collections
  Diagnostics& diagnostics;
};

class PlanModifier {
 public:
  virtual ~PlanModifier() = default;

  // Markdown, for the docs and for reading a schema.
  virtual std::string Description() const = 0;

  // Adjusts `planned` (in: the plan so far; out: the plan). The default leaves it alone.
  virtual void PlanValue(const PlanValueRequest& req, Value& planned) const {}

  // Whether this modifier can ever ask for a replacement (lets the collector skip the rest).
  virtual bool CanRequireReplace() const { return false; }
  // Called on update for an attribute whose planned value differs from the prior.
  virtual bool RequiresReplace(const ReplaceContext& ctx) const { return false; }
};

using PlanModifiers = std::vector<std::shared_ptr<const PlanModifier>>;

namespace planmodifier {

// Any change of the attribute replaces the object.
std::shared_ptr<const PlanModifier> RequiresReplace();
// A change replaces the object only when `condition` says so; `description` says when.
std::shared_ptr<const PlanModifier> RequiresReplaceIf(ReplaceCondition condition,
                                                      std::string description);
// A computed value that does not change once known: on update, an unknown plan keeps the prior
// value.
std::shared_ptr<const PlanModifier> UseStateForUnknown();
// The value an optional+computed attribute takes when the config leaves it null.
std::shared_ptr<const PlanModifier> Default(Value value);

}  // namespace planmodifier

// The concrete modifiers, visible so that FindPlanModifier (schema.h) can name them.
class RequiresReplaceModifier : public PlanModifier {
 public:
  std::string Description() const override;
  bool CanRequireReplace() const override { return true; }
  bool RequiresReplace(const ReplaceContext& ctx) const override { return true; }
};

class RequiresReplaceIfModifier : public PlanModifier {
 public:
  RequiresReplaceIfModifier(ReplaceCondition condition, std::string description)
      : condition_(std::move(condition)), description_(std::move(description)) {}
  std::string Description() const override { return description_; }
  bool CanRequireReplace() const override { return static_cast<bool>(condition_); }
  bool RequiresReplace(const ReplaceContext& ctx) const override;

 private:
  ReplaceCondition condition_;
  std::string description_;
};

class UseStateForUnknownModifier : public PlanModifier {
 public:
  std::string Description() const override;
  void PlanValue(const PlanValueRequest& req, Value& planned) const override;
};

class DefaultModifier : public PlanModifier {
 public:
  explicit DefaultModifier(Value value) : value_(std::move(value)) {}
  std::string Description() const override;
  void PlanValue(const PlanValueRequest& req, Value& planned) const override;
  const Value& value() const { return value_; }

 private:
  Value value_;
};

}  // namespace opc::framework
