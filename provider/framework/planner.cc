#include "provider/framework/planner.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "provider/framework/codec.h"
#include "provider/framework/requires_replace.h"
#include "provider/framework/value_access.h"

namespace opc::framework {

namespace {

using namespace internal;  // NOLINT(google-build-using-namespace): the shared cty readers

class Planner {
 public:
  Planner(Diagnostics& diags, bool unknown_when_changed)
      : diags_(diags), unknown_when_changed_(unknown_when_changed) {}

  // `prior_exists` says whether this object existed before (false on create and for new
  // elements of nested collections): computed values are unknown for new objects.
  Value PlanBlock(const Block& block, const Value& prior, bool prior_exists, const Value& config,
                  const AttributePath& path) {
    if (!IsPresent(config)) {
      return config;
    }
    std::map<std::string, Value> planned =
        PlanAttributes(block.attributes, prior, prior_exists, config, path);
    for (const auto& nb : block.blocks) {
      planned.emplace(nb.type_name,
                      PlanNestedBlock(nb, prior_exists ? prior.GetAttr(nb.type_name) : Value(),
                                      config.GetAttr(nb.type_name), path.Attr(nb.type_name)));
    }
    return Value::Object(config.type(), std::move(planned));
  }

 private:
  std::map<std::string, Value> PlanAttributes(const std::vector<Attribute>& attributes,
                                              const Value& prior, bool prior_exists,
                                              const Value& config, const AttributePath& path) {
    std::map<std::string, Value> planned;
    for (const auto& a : attributes) {
      planned.emplace(a.name,
                      PlanAttribute(a, prior_exists ? prior.GetAttr(a.name) : Value(), prior_exists,
                                    config.GetAttr(a.name), path.Attr(a.name)));
    }
    return planned;
  }

  Value PlanAttribute(const Attribute& a, const Value& prior, bool prior_exists,
                      const Value& config, const AttributePath& path) {
    Type type = a.EffectiveType();
    if (a.write_only) {
      return Value::Null(type);  // never stored: Terraform rejects anything else
    }
    if (config.IsUnknown()) {
      return NullAs(config, type);  // unknown config stays unknown, refinements and all
    }
    if (!config.IsNull()) {
      Value planned = a.nested ? PlanNestedAttribute(*a.nested, prior, config, path) : config;
      if (a.semantic_equality && IsPresent(prior) && prior.IsWhollyKnown() &&
          config.IsWhollyKnown() && !prior.Equals(planned) && a.semantic_equality(prior, config)) {
        return prior;  // Terraform accepts the prior value in place of an equivalent config
      }
      return planned;
    }
    if (!a.computed) {
      return Value::Null(type);
    }
    // Left to the provider: unknown for a new object or when the update may change it, else the
    // prior value; then the attribute's plan modifiers, in order.
    Value planned = !prior_exists || (unknown_when_changed_ && !a.optional) ? Value::Unknown(type)
                                                                            : NullAs(prior, type);
    Value no_prior = Value::Null(type);
    PlanValueRequest req{path, type, config, prior_exists ? prior : no_prior, prior_exists, diags_};
    for (const auto& modifier : a.plan_modifiers) {
      if (modifier) {
        modifier->PlanValue(req, planned);
      }
    }
    return planned;
  }

  Value PlanNestedAttribute(const NestedAttributes& nested, const Value& prior, const Value& config,
                            const AttributePath& path) {
    const auto& attrs = nested.attributes;
    auto plan = [&](const Value& p, bool exists, const Value& c, const AttributePath& at) {
      if (!IsPresent(c)) {
        return c;
      }
      return Value::Object(c.type(), PlanAttributes(attrs, p, exists, c, at));
    };
    auto match = [&](const Value& c, const Value& p) { return AttrsMatch(attrs, c, p); };
    return PlanElements(Collection(nested.nesting), prior, config, path, attrs, {}, plan, match);
  }

  Value PlanNestedBlock(const NestedBlock& nb, const Value& prior, const Value& config,
                        const AttributePath& path) {
    if (config.IsUnknown()) {
      return config;  // a dynamic block with an unknown for_each
    }
    const Block& block = BlockOf(nb);
    Value c = config;
    if (config.IsNull()) {
      switch (nb.nesting) {
        case NestedBlock::Nesting::kSingle:
          return NullAs(config, BlockObjectType(nb));
        case NestedBlock::Nesting::kGroup:
          c = Value::Object(BlockObjectType(nb), {});  // a group is never null: an object of nulls
          break;
        default:
          return EmptyCollection(BlockType(nb));  // absent blocks are an empty collection
      }
    }
    auto plan = [&](const Value& p, bool exists, const Value& e, const AttributePath& at) {
      return PlanBlock(block, p, exists, e, at);
    };
    auto match = [&](const Value& e, const Value& p) { return BlockMatches(block, e, p); };
    return PlanElements(nb.nesting, prior, c, path, block.attributes, block.blocks, plan, match);
  }

  static NestedBlock::Nesting Collection(NestedAttributes::Nesting n) {
    switch (n) {
      case NestedAttributes::Nesting::kList:
        return NestedBlock::Nesting::kList;
      case NestedAttributes::Nesting::kSet:
        return NestedBlock::Nesting::kSet;
      case NestedAttributes::Nesting::kMap:
        return NestedBlock::Nesting::kMap;
      case NestedAttributes::Nesting::kSingle:
        break;
    }
    return NestedBlock::Nesting::kSingle;
  }

  // The one walk over nested objects (attributes or blocks): each configured element is planned
  // against the prior element it continues (single: the prior object; list: same index; map:
  // same key; set: the prior element whose configurable parts it matches).
  template <typename Plan, typename Match>
  Value PlanElements(NestedBlock::Nesting nesting, const Value& prior, const Value& config,
                     const AttributePath& path, const std::vector<Attribute>& attrs,
                     const std::vector<NestedBlock>& blocks, Plan plan, Match match) {
    switch (nesting) {
      case NestedBlock::Nesting::kSingle:
      case NestedBlock::Nesting::kGroup:
        return plan(prior, IsPresent(prior), config, path);
      case NestedBlock::Nesting::kList: {
        const auto& priors = ListElements(prior);
        std::vector<Value> planned;
        for (size_t i = 0; i < config.Elements().size(); ++i) {
          bool exists = i < priors.size() && IsPresent(priors[i]);
          planned.push_back(plan(exists ? priors[i] : Value(), exists, config.Elements()[i],
                                 path.Index(static_cast<int64_t>(i))));
        }
        return RebuildList(config, std::move(planned));
      }
      case NestedBlock::Nesting::kMap: {
        const auto& priors = MapElements(prior);
        std::map<std::string, Value> planned;
        for (const auto& [key, c] : MapElements(config)) {
          auto it = priors.find(key);
          bool exists = it != priors.end() && IsPresent(it->second);
          planned.emplace(key, plan(exists ? it->second : Value(), exists, c, path.Key(key)));
        }
        return RebuildMap(config, std::move(planned));
      }
      case NestedBlock::Nesting::kSet: {
        auto plan_at_path = [&](const Value& p, bool exists, const Value& c) {
          return plan(p, exists, c, path);  // set elements have no path of their own
        };
        return PlanSet(prior, config, attrs, blocks, match, plan_at_path);
      }
    }
    return config;
  }

  // Set elements have no identity: a config element continues the prior element whose
  // configurable parts it matches, so its computed parts keep their prior values.
  template <typename Match, typename Plan>
  Value PlanSet(const Value& prior, const Value& config, const std::vector<Attribute>& attrs,
                const std::vector<NestedBlock>& blocks, Match match, Plan plan) {
    const auto& priors = ListElements(prior);
    std::vector<bool> used(priors.size(), false);
    // Exact matches are found through a key of the compared values, so large sets plan in
    // linear time; only schemas with semantic equality or nesting need the full scan.
    bool needs_scan =
        !blocks.empty() || std::any_of(attrs.begin(), attrs.end(), [](const Attribute& a) {
          return a.nested || static_cast<bool>(a.semantic_equality);
        });
    std::map<std::string, std::unordered_multimap<std::string, size_t>> indexes;
    std::vector<Value> planned;
    for (const auto& c : config.Elements()) {
      if (!IsPresent(c)) {
        planned.push_back(c);
        continue;
      }
      std::optional<size_t> found;
      auto& index = indexes[Signature(attrs, c)];
      if (index.empty()) {
        for (size_t j = 0; j < priors.size(); ++j) {
          if (IsPresent(priors[j])) {
            index.emplace(MatchKey(attrs, blocks, priors[j], c), j);
          }
        }
      }
      auto [begin, end] = index.equal_range(MatchKey(attrs, blocks, c, c));
      for (auto it = begin; it != end && !found; ++it) {
        if (!used[it->second] && match(c, priors[it->second])) {
          found = it->second;
        }
      }
      for (size_t j = 0; needs_scan && j < priors.size() && !found; ++j) {
        if (!used[j] && IsPresent(priors[j]) && match(c, priors[j])) {
          found = j;
        }
      }
      if (found) {
        used[*found] = true;
        planned.push_back(plan(priors[*found], true, c));
      } else {
        planned.push_back(plan(Value(), false, c));
      }
    }
    return RebuildList(config, std::move(planned));
  }

  // Attributes a config element is matched on: everything but computed values it leaves unset.
  static bool Compared(const Attribute& a, const Value& config) {
    return !(a.write_only || (a.computed && config.GetAttr(a.name).IsNull()));
  }

  static std::string Signature(const std::vector<Attribute>& attrs, const Value& config) {
    std::string sig;
    for (const auto& a : attrs) {
      sig += Compared(a, config) ? '1' : '0';
    }
    return sig;
  }

  static std::string MatchKey(const std::vector<Attribute>& attrs,
                              const std::vector<NestedBlock>& blocks, const Value& element,
                              const Value& config) {
    std::string key;
    for (const auto& a : attrs) {
      if (Compared(a, config)) {
        key += a.name + '=' + element.GetAttr(a.name).DebugString() + '\n';
      }
    }
    for (const auto& nb : blocks) {
      key += nb.type_name + '=' + element.GetAttr(nb.type_name).DebugString() + '\n';
    }
    return key;
  }

  // Whether a configured object corresponds to a prior one: every attribute the user sets is
  // equal (or semantically equal); computed attributes left unset are ignored.
  static bool AttrsMatch(const std::vector<Attribute>& attrs, const Value& config,
                         const Value& prior) {
    for (const auto& a : attrs) {
      const Value& c = config.GetAttr(a.name);
      const Value& p = prior.GetAttr(a.name);
      if (a.write_only || (a.computed && c.IsNull())) {
        continue;
      }
      if (!c.IsWhollyKnown()) {
        return false;
      }
      if (a.nested && IsPresent(c) && IsPresent(p)) {
        if (!NestedMatches(*a.nested, c, p)) {
          return false;
        }
        continue;
      }
      if (SameValue(c, p)) {
        continue;
      }
      if (a.semantic_equality && IsPresent(p) && IsPresent(c) && a.semantic_equality(p, c)) {
        continue;
      }
      return false;
    }
    return true;
  }

  static bool NestedMatches(const NestedAttributes& nested, const Value& config,
                            const Value& prior) {
    const auto& attrs = nested.attributes;
    auto match = [&](const Value& c, const Value& p) {
      if (!IsPresent(c) || !IsPresent(p)) {
        return SameValue(c, p);
      }
      return AttrsMatch(attrs, c, p);
    };
    switch (nested.nesting) {
      case NestedAttributes::Nesting::kSingle:
        return match(config, prior);
      case NestedAttributes::Nesting::kList: {
        const auto& c = ListElements(config);
        const auto& p = ListElements(prior);
        if (c.size() != p.size()) {
          return false;
        }
        for (size_t i = 0; i < c.size(); ++i) {
          if (!match(c[i], p[i])) {
            return false;
          }
        }
        return true;
      }
      case NestedAttributes::Nesting::kMap: {
        const auto& c = MapElements(config);
        const auto& p = MapElements(prior);
        if (c.size() != p.size()) {
          return false;
        }
        for (const auto& [key, ce] : c) {
          auto it = p.find(key);
          if (it == p.end() || !match(ce, it->second)) {
            return false;
          }
        }
        return true;
      }
      case NestedAttributes::Nesting::kSet: {
        const auto& c = ListElements(config);
        const auto& p = ListElements(prior);
        for (const auto& ce : c) {
          if (std::none_of(p.begin(), p.end(), [&](const Value& pe) { return match(ce, pe); })) {
            return false;
          }
        }
        return c.size() == p.size();
      }
    }
    return false;
  }

  static bool BlockMatches(const Block& block, const Value& config, const Value& prior) {
    if (!AttrsMatch(block.attributes, config, prior)) {
      return false;
    }
    for (const auto& nb : block.blocks) {
      const Value& c = config.GetAttr(nb.type_name);
      const Value& p = prior.GetAttr(nb.type_name);
      if (!c.IsWhollyKnown()) {
        return false;
      }
      const Block& inner = BlockOf(nb);
      auto match = [&](const Value& ce, const Value& pe) {
        if (!IsPresent(ce) || !IsPresent(pe)) {
          return SameValue(ce, pe);
        }
        return BlockMatches(inner, ce, pe);
      };
      switch (nb.nesting) {
        case NestedBlock::Nesting::kSingle:
        case NestedBlock::Nesting::kGroup:
          if (!match(c, p)) {
            return false;
          }
          break;
        case NestedBlock::Nesting::kList:
        case NestedBlock::Nesting::kSet: {
          const auto& ce = ListElements(c);
          const auto& pe = ListElements(p);
          if (ce.size() != pe.size()) {
            return false;
          }
          for (size_t i = 0; i < ce.size(); ++i) {
            bool ok = nb.nesting == NestedBlock::Nesting::kList
                          ? match(ce[i], pe[i])
                          : std::any_of(pe.begin(), pe.end(),
                                        [&](const Value& x) { return match(ce[i], x); });
            if (!ok) {
              return false;
            }
          }
          break;
        }
        case NestedBlock::Nesting::kMap: {
          const auto& ce = MapElements(c);
          const auto& pe = MapElements(p);
          if (ce.size() != pe.size()) {
            return false;
          }
          for (const auto& [key, e] : ce) {
            auto it = pe.find(key);
            if (it == pe.end() || !match(e, it->second)) {
              return false;
            }
          }
          break;
        }
      }
    }
    return true;
  }

  Diagnostics& diags_;
  bool unknown_when_changed_;
};

}  // namespace

PlanOutput PlanChange(const PlanInput& input) {
  PlanOutput out;
  Type type = input.schema.ImpliedType();
  if (input.proposed.IsNull()) {
    out.planned = Value::Null(type);  // destroy
    return out;
  }
  auto prior = ConformValue(input.prior, type);
  auto config = ConformValue(input.config, type);
  if (!prior.ok() || !config.ok()) {
    out.diagnostics.AddStatusError("Invalid plan request",
                                   !prior.ok() ? prior.status() : config.status());
    out.planned = input.proposed;
    return out;
  }
  if (!IsPresent(*config)) {
    out.planned = *config;  // nothing to plan from; Terraform never sends this
    return out;
  }
  const Block& block = input.schema.block;
  bool create = !IsPresent(*prior);
  Planner keep_prior(out.diagnostics, /*unknown_when_changed=*/false);
  out.planned = keep_prior.PlanBlock(block, *prior, !create, *config, AttributePath());
  if (create || out.diagnostics.HasError()) {
    return out;
  }
  if (!out.planned.Equals(*prior)) {
    // Something changes, so the update may change computed values too.
    Diagnostics again;
    Planner mark_unknown(again, /*unknown_when_changed=*/true);
    out.planned = mark_unknown.PlanBlock(block, *prior, true, *config, AttributePath());
  }
  out.requires_replace = CollectRequiresReplace(block, *prior, out.planned);
  return out;
}

}  // namespace opc::framework
