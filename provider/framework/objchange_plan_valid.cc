#include "provider/framework/objchange_plan_valid.h"

#include <algorithm>
#include <optional>
#include <string>

#include "provider/framework/value_access.h"

namespace opc::framework {

namespace {

using namespace internal;  // NOLINT(google-build-using-namespace): the shared cty readers

class PlanChecker {
 public:
  explicit PlanChecker(Diagnostics& diags) : diags_(diags) {}

  void Block(const framework::Block& block, const Value& prior, const Value& config,
             const Value& planned, const AttributePath& path) {
    if (planned.IsNull() && !config.IsNull()) {
      return Fail(path, "planned for absence but config wants existence");
    }
    if (config.IsNull() && !planned.IsNull()) {
      return Fail(path, "planned for existence but config wants absence");
    }
    if (planned.IsNull()) {
      return;
    }
    if (!planned.IsKnown()) {
      return Fail(path, "planned an unknown object");
    }
    Attributes(block.attributes, prior, config, planned, path);
    for (const auto& nb : block.blocks) {
      AttributePath here = path.Attr(nb.type_name);
      const Value& p = planned.GetAttr(nb.type_name);
      const Value& c = config.GetAttr(nb.type_name);
      const Value& r = IsPresent(prior) ? prior.GetAttr(nb.type_name) : Value();
      const framework::Block& inner = BlockOf(nb);
      if (nb.nesting != NestedBlock::Nesting::kSingle && p.IsNull()) {
        Fail(here, "a collection of nested blocks must be empty to indicate no blocks, not null");
        continue;
      }
      if (SameValue(p, c)) {
        continue;
      }
      if (c.IsUnknown()) {
        Fail(here, "planned value " + p.DebugString() + " for unknown dynamic block");
        continue;
      }
      if (p.IsUnknown()) {
        Fail(here, "planned unknown value for non-computed block");
        continue;
      }
      switch (nb.nesting) {
        case NestedBlock::Nesting::kSingle:
        case NestedBlock::Nesting::kGroup:
          Block(inner, r, c, p, here);
          break;
        case NestedBlock::Nesting::kList: {
          const auto& pe = ListElements(p);
          const auto& ce = ListElements(c);
          const auto& re = ListElements(r);
          if (pe.size() != ce.size()) {
            Fail(here, CountMismatch("block count", pe.size(), ce.size()));
            break;
          }
          for (size_t i = 0; i < pe.size(); ++i) {
            AttributePath at = here.Index(static_cast<int64_t>(i));
            if (!pe[i].IsKnown()) {
              Fail(at, "element representing nested block must not be unknown itself");
              continue;
            }
            Block(inner, i < re.size() ? re[i] : Value(), ce[i], pe[i], at);
          }
          break;
        }
        case NestedBlock::Nesting::kMap: {
          ByKey(r, c, p, here, "block",
                [&](const Value& re, const Value& ce, const Value& pe, const AttributePath& at) {
                  if (!pe.IsKnown()) {
                    Fail(at, "element representing nested block must not be unknown itself");
                    return;
                  }
                  Block(inner, re, ce, pe, at);
                });
          break;
        }
        case NestedBlock::Nesting::kSet: {
          const auto& pe = ListElements(p);
          const auto& ce = ListElements(c);
          if (pe.size() != ce.size()) {
            Fail(here, CountMismatch("block count", pe.size(), ce.size()));
            break;
          }
          for (const auto& e : pe) {
            if (!e.IsKnown()) {
              Fail(here, "element representing nested block must not be unknown itself");
            }
          }
          break;
        }
      }
    }
  }

 private:
  void Attributes(const std::vector<Attribute>& attrs, const Value& prior, const Value& config,
                  const Value& planned, const AttributePath& path) {
    for (const auto& a : attrs) {
      Type t = a.EffectiveType();
      Attr(a, AttrOf(prior, a.name, t), AttrOf(config, a.name, t), AttrOf(planned, a.name, t),
           path.Attr(a.name));
    }
  }

  void Attr(const Attribute& a, const Value& prior, const Value& config, const Value& planned,
            const AttributePath& path) {
    if (a.write_only) {
      // Checked first: Terraform rejects a stored write-only value even when it equals config.
      if (!planned.IsNull()) {
        Fail(path, "planned value for write-only attribute is not null");
      }
      return;
    }
    if (SameValue(planned, config)) {
      return;
    }
    if (SameValue(planned, prior) && !prior.IsNull() && !config.IsNull()) {
      return;  // the provider kept the prior value for an equivalent config
    }
    if (a.computed && !a.optional) {
      return;
    }
    if (config.IsNull() && a.computed) {
      return;
    }
    if (config.IsNull() && !planned.IsNull()) {
      return Fail(path, "planned value " + Show(a, planned) + " for a non-computed attribute");
    }
    if (a.nested) {
      return Nested(*a.nested, prior, config, planned, path);
    }
    if (prior.IsNull()) {
      return Fail(path, "planned value " + Show(a, planned) + " does not match config value " +
                            Show(a, config));
    }
    Fail(path, "planned value " + Show(a, planned) + " does not match config value " +
                   Show(a, config) + " nor prior value " + Show(a, prior));
  }

  void Nested(const NestedAttributes& nested, const Value& prior, const Value& config,
              const Value& planned, const AttributePath& path) {
    if (planned.IsNull() && !config.IsNull()) {
      return Fail(path, "planned for absence but config wants existence");
    }
    if (config.IsNull() && !planned.IsNull()) {
      return Fail(path, "planned for existence but config wants absence");
    }
    if (!config.IsNull() && !planned.IsKnown()) {
      return Fail(path, "planned unknown for configured value");
    }
    if (planned.IsNull()) {
      return;
    }
    const auto& attrs = nested.attributes;
    if (nested.nesting == NestedAttributes::Nesting::kList ||
        nested.nesting == NestedAttributes::Nesting::kMap) {
      if (!config.IsKnown()) {
        return Fail(path, "count in plan disagrees with count in config (unknown)");
      }
      if (Count(planned) != Count(config)) {
        return Fail(path, CountMismatch("count", Count(planned), Count(config)));
      }
    }
    switch (nested.nesting) {
      case NestedAttributes::Nesting::kSingle:
        Attributes(attrs, prior, config, planned, path);
        break;
      case NestedAttributes::Nesting::kList: {
        const auto& pe = ListElements(planned);
        const auto& ce = ListElements(config);
        const auto& re = ListElements(prior);
        for (size_t i = 0; i < pe.size(); ++i) {
          Attributes(attrs, i < re.size() ? re[i] : Value(), ce[i], pe[i],
                     path.Index(static_cast<int64_t>(i)));
        }
        break;
      }
      case NestedAttributes::Nesting::kMap: {
        ByKey(prior, config, planned, path, "map",
              [&](const Value& re, const Value& ce, const Value& pe, const AttributePath& at) {
                Attributes(attrs, re, ce, pe, at);
              });
        break;
      }
      case NestedAttributes::Nesting::kSet:
        if (config.IsKnown() && planned.IsKnown() &&
            ListElements(planned).size() < ListElements(config).size()) {
          Fail(path, CountMismatch("count", Count(planned), Count(config)));
        }
        break;  // set elements cannot be correlated; Terraform trusts the provider here
    }
  }

  // Map elements by key: plan and config must have the same keys; `element` gets the prior,
  // config and planned element of each key the plan has.
  template <typename Element>
  void ByKey(const Value& prior, const Value& config, const Value& planned,
             const AttributePath& path, const std::string& noun, Element element) {
    const auto& pe = MapElements(planned);
    const auto& ce = MapElements(config);
    const auto& re = MapElements(prior);
    for (const auto& [key, e] : pe) {
      auto ci = ce.find(key);
      if (ci == ce.end()) {
        Fail(path, noun + " key \"" + key + "\" from plan is not present in config");
        continue;
      }
      auto ri = re.find(key);
      element(ri != re.end() ? ri->second : Value(), ci->second, e, path.Key(key));
    }
    for (const auto& [key, e] : ce) {
      if (pe.count(key) == 0) {
        Fail(path, noun + " key \"" + key + "\" from config is not present in plan");
      }
    }
  }

  // Elements of a list, set or map value.
  static size_t Count(const Value& v) {
    bool keyed = IsKind(v, Type::Kind::kMap) || IsKind(v, Type::Kind::kObject);
    return keyed ? MapElements(v).size() : ListElements(v).size();
  }

  static std::string CountMismatch(const char* what, size_t planned, size_t config) {
    return std::string(what) + " in plan (" + std::to_string(planned) +
           ") disagrees with count in config (" + std::to_string(config) + ")";
  }

  static std::string Show(const Attribute& a, const Value& v) {
    return a.sensitive ? "(sensitive value)" : v.DebugString();
  }

  void Fail(const AttributePath& path, const std::string& message) {
    diags_.AddError("Provider produced invalid plan",
                    "The plan for " +
                        (path.empty() ? std::string("the resource") : path.ToString()) +
                        " would be rejected by Terraform: " + message +
                        ".\n\nThis is a bug in the provider, which should be reported in the "
                        "provider's own issue tracker.",
                    path.empty() ? std::nullopt : std::optional<AttributePath>(path));
  }

  Diagnostics& diags_;
};

}  // namespace

void CheckPlanValid(const Block& block, const Value& prior, const Value& config,
                    const Value& planned, Diagnostics& diags) {
  PlanChecker(diags).Block(block, prior, config, planned, AttributePath());
}

}  // namespace opc::framework
