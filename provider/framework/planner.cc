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

// What one node of the plan is made from: Terraform's proposal (the starting point), the config
// (which says what the user left null or unknown) and the prior (for semantic equality, set
// pairing and the values of computed attributes).
struct Node {
  const Value& proposed;
  const Value& config;
  const Value& prior;
  bool prior_exists;  // false on create and for new elements of nested collections
};

// Terraform's proposal has the config's shape; where a caller's does not, the config stands in.
const Value& ProposalFor(const Value& proposed, const Value& config) {
  return IsPresent(proposed) || !IsPresent(config) ? proposed : config;
}

class Planner {
 public:
  Planner(Diagnostics& diags, bool unknown_when_changed)
      : diags_(diags), unknown_when_changed_(unknown_when_changed) {}

  Value PlanBlock(const Block& block, const Node& n, const AttributePath& path) {
    if (!IsPresent(n.config)) {
      return n.config;
    }
    const Value& base = ProposalFor(n.proposed, n.config);
    std::map<std::string, Value> planned = PlanAttributes(block.attributes, base, n, path);
    for (const auto& nb : block.blocks) {
      Value prior = n.prior_exists ? n.prior.GetAttr(nb.type_name) : Value();
      planned.emplace(nb.type_name,
                      PlanNestedBlock(nb,
                                      Node{base.GetAttr(nb.type_name),
                                           n.config.GetAttr(nb.type_name), prior, n.prior_exists},
                                      path.Attr(nb.type_name)));
    }
    return Value::Object(base.type(), std::move(planned));
  }

 private:
  std::map<std::string, Value> PlanAttributes(const std::vector<Attribute>& attributes,
                                              const Value& base, const Node& n,
                                              const AttributePath& path) {
    std::map<std::string, Value> planned;
    for (const auto& a : attributes) {
      Value prior = n.prior_exists ? n.prior.GetAttr(a.name) : Value();
      planned.emplace(a.name, PlanAttribute(a,
                                            Node{base.GetAttr(a.name), n.config.GetAttr(a.name),
                                                 prior, n.prior_exists},
                                            path.Attr(a.name)));
    }
    return planned;
  }

  Value PlanAttribute(const Attribute& a, const Node& n, const AttributePath& path) {
    Type type = a.EffectiveType();
    if (a.write_only) {
      return Value::Null(type);  // never stored: Terraform rejects anything else
    }
    if (n.config.IsUnknown()) {
      // Unknown config stays unknown, refinements and all (Terraform proposes it as it is).
      return NullAs(ProposalFor(n.proposed, n.config), type);
    }
    if (!n.config.IsNull()) {
      Value planned = a.nested ? PlanNestedAttribute(*a.nested, n, path)
                               : NullAs(ProposalFor(n.proposed, n.config), type);
      if (a.semantic_equality && IsPresent(n.prior) && n.prior.IsWhollyKnown() &&
          n.config.IsWhollyKnown() && !n.prior.Equals(planned) &&
          a.semantic_equality(n.prior, n.config)) {
        return n.prior;  // Terraform accepts the prior value in place of an equivalent config
      }
      return planned;
    }
    if (!a.computed) {
      return Value::Null(type);
    }
    // Left to the provider. Terraform proposes the prior value of the object it paired; the
    // planner keeps the prior of the object it paired (the same one, except for set elements
    // that only semantic equality pairs), marks it unknown for a new object or when the update
    // may change it (fwserver's MarkComputedNilsAsUnknown), then runs the plan modifiers.
    Value planned = !n.prior_exists || (unknown_when_changed_ && !a.optional)
                        ? Value::Unknown(type)
                        : NullAs(n.prior, type);
    Value no_prior = Value::Null(type);
    PlanValueRequest req{path,           type,  n.config, n.prior_exists ? n.prior : no_prior,
                         n.prior_exists, diags_};
    for (const auto& modifier : a.plan_modifiers) {
      if (modifier) {
        modifier->PlanValue(req, planned);
      }
    }
    return planned;
  }

  Value PlanNestedAttribute(const NestedAttributes& nested, const Node& n,
                            const AttributePath& path) {
    const auto& attrs = nested.attributes;
    auto plan = [&](const Node& e, const AttributePath& at) {
      if (!IsPresent(e.config)) {
        return e.config;
      }
      const Value& base = ProposalFor(e.proposed, e.config);
      return Value::Object(base.type(), PlanAttributes(attrs, base, e, at));
    };
    auto match = [&](const Value& c, const Value& p) { return AttrsMatch(attrs, c, p); };
    return PlanElements(NestingOf(nested), n, path, attrs, {}, plan, match);
  }

  Value PlanNestedBlock(const NestedBlock& nb, const Node& n, const AttributePath& path) {
    if (n.config.IsUnknown()) {
      return ProposalFor(n.proposed, n.config);  // a dynamic block with an unknown for_each
    }
    const Block& block = BlockOf(nb);
    Value config = n.config;
    Value proposed = n.proposed;
    if (n.config.IsNull()) {
      switch (nb.nesting) {
        case NestedBlock::Nesting::kSingle:
          return NullAs(n.config, BlockObjectType(nb));
        case NestedBlock::Nesting::kGroup:
          config = Value::Object(BlockObjectType(nb), {});  // never null: an object of nulls
          proposed = IsPresent(n.proposed) ? n.proposed : config;
          break;
        default:
          return EmptyCollection(BlockType(nb));  // absent blocks are an empty collection
      }
    }
    auto plan = [&](const Node& e, const AttributePath& at) { return PlanBlock(block, e, at); };
    auto match = [&](const Value& e, const Value& p) { return BlockMatches(block, e, p); };
    return PlanElements(nb.nesting, Node{proposed, config, n.prior, n.prior_exists}, path,
                        block.attributes, block.blocks, plan, match);
  }

  // The one walk over nested objects (attributes or blocks): each element of the proposal is
  // planned with the config element it came from and the prior element it continues (single:
  // the prior object; list: same index; map: same key; set: the prior element whose
  // configurable parts it matches).
  template <typename Plan, typename Match>
  Value PlanElements(NestedBlock::Nesting nesting, const Node& n, const AttributePath& path,
                     const std::vector<Attribute>& attrs, const std::vector<NestedBlock>& blocks,
                     Plan plan, Match match) {
    const Value& config = n.config;
    switch (nesting) {
      case NestedBlock::Nesting::kSingle:
      case NestedBlock::Nesting::kGroup:
        return plan(Node{n.proposed, config, n.prior, IsPresent(n.prior)}, path);
      case NestedBlock::Nesting::kList: {
        const auto& priors = ListElements(n.prior);
        const auto& proposals = ListElements(ProposalFor(n.proposed, config));
        std::vector<Value> planned;
        for (size_t i = 0; i < config.Elements().size(); ++i) {
          bool exists = i < priors.size() && IsPresent(priors[i]);
          const Value& c = config.Elements()[i];
          planned.push_back(plan(Node{i < proposals.size() ? proposals[i] : c, c,
                                      exists ? priors[i] : Value(), exists},
                                 path.Index(static_cast<int64_t>(i))));
        }
        return RebuildList(config, std::move(planned));
      }
      case NestedBlock::Nesting::kMap: {
        const auto& priors = MapElements(n.prior);
        const auto& proposals = MapElements(ProposalFor(n.proposed, config));
        std::map<std::string, Value> planned;
        for (const auto& [key, c] : MapElements(config)) {
          auto it = priors.find(key);
          bool exists = it != priors.end() && IsPresent(it->second);
          auto proposal = proposals.find(key);
          planned.emplace(key, plan(Node{proposal != proposals.end() ? proposal->second : c, c,
                                         exists ? it->second : Value(), exists},
                                    path.Key(key)));
        }
        return RebuildMap(config, std::move(planned));
      }
      case NestedBlock::Nesting::kSet: {
        // Set elements have no identity (nor a path of their own): a proposed element is its
        // config element plus prior values, so each config element stands as its own proposal
        // and the planner pairs it with a prior element by content.
        auto plan_element = [&](const Value& p, bool exists, const Value& c) {
          return plan(Node{c, c, p, exists}, path);
        };
        return PlanSet(n.prior, config, attrs, blocks, match, plan_element);
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
    auto match = [&](const Value& c, const Value& p) {
      if (!IsPresent(c) || !IsPresent(p)) {
        return SameValue(c, p);
      }
      return AttrsMatch(nested.attributes, c, p);
    };
    return ElementsMatch(NestingOf(nested), config, prior, match);
  }

  static bool BlockMatches(const Block& block, const Value& config, const Value& prior) {
    if (!AttrsMatch(block.attributes, config, prior)) {
      return false;
    }
    for (const auto& nb : block.blocks) {
      const Value& c = config.GetAttr(nb.type_name);
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
      if (!ElementsMatch(nb.nesting, c, prior.GetAttr(nb.type_name), match)) {
        return false;
      }
    }
    return true;
  }

  // Whether a configured collection (or single object) corresponds to a prior one, element by
  // element: lists by index, maps by key, sets by any element.
  template <typename Match>
  static bool ElementsMatch(NestedBlock::Nesting nesting, const Value& config, const Value& prior,
                            Match match) {
    switch (nesting) {
      case NestedBlock::Nesting::kSingle:
      case NestedBlock::Nesting::kGroup:
        return match(config, prior);
      case NestedBlock::Nesting::kList:
      case NestedBlock::Nesting::kSet: {
        const auto& c = ListElements(config);
        const auto& p = ListElements(prior);
        if (c.size() != p.size()) {
          return false;
        }
        for (size_t i = 0; i < c.size(); ++i) {
          bool ok = nesting == NestedBlock::Nesting::kList
                        ? match(c[i], p[i])
                        : std::any_of(p.begin(), p.end(),
                                      [&](const Value& pe) { return match(c[i], pe); });
          if (!ok) {
            return false;
          }
        }
        return true;
      }
      case NestedBlock::Nesting::kMap: {
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
    }
    return false;
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
  auto proposed = ConformValue(input.proposed, type);
  auto config = ConformValue(input.config, type);
  for (const auto* v : {&prior, &proposed, &config}) {
    if (!v->ok()) {
      out.diagnostics.AddStatusError("Invalid plan request", v->status());
      out.planned = input.proposed;
      return out;
    }
  }
  if (!IsPresent(*config)) {
    out.planned = *proposed;  // nothing to plan from; Terraform never sends this
    return out;
  }
  const Block& block = input.schema.block;
  bool create = !IsPresent(*prior);
  Node root{*proposed, *config, *prior, !create};
  Planner keep_prior(out.diagnostics, /*unknown_when_changed=*/false);
  out.planned = keep_prior.PlanBlock(block, root, AttributePath());
  if (create || out.diagnostics.HasError()) {
    return out;
  }
  if (!out.planned.Equals(*prior)) {
    // Something changes, so the update may change computed values too: the same walk of the
    // proposal, with computed-only values the config leaves null marked unknown.
    Diagnostics again;
    Planner mark_unknown(again, /*unknown_when_changed=*/true);
    out.planned = mark_unknown.PlanBlock(block, root, AttributePath());
  }
  out.requires_replace = CollectRequiresReplace(block, *prior, out.planned);
  return out;
}

}  // namespace opc::framework
