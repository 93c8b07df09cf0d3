#include "provider/framework/planner.h"

#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include "provider/framework/codec.h"

namespace opc::framework {

namespace {

bool IsPresent(const Value& v) { return v.IsKnown() && !v.IsNull(); }

// Equality where two nulls match whatever their types (a missing attribute reads as a null of
// dynamic type); refinements are ignored, as Terraform ignores them when comparing plans.
bool SameValue(const Value& a, const Value& b) {
  if (a.IsNull() && b.IsNull()) {
    return true;
  }
  return a.Equals(b);
}

Value NullAs(const Value& v, const Type& t) { return v.IsNull() ? Value::Null(t) : v; }

bool IsKind(const Value& v, Type::Kind k) { return v.type().kind() == k; }

// An attribute of an object as cty reads it: null of a null object, unknown of an unknown one.
Value AttrOf(const Value& object, const std::string& name, const Type& t) {
  if (object.IsUnknown()) {
    return Value::Unknown(t);
  }
  return object.IsNull() ? Value::Null(t) : NullAs(object.GetAttr(name), t);
}

// Elements of a list-like (list, set, tuple) or map-like (map, object) known value.
const std::vector<Value>& ListElements(const Value& v) {
  static const std::vector<Value> kEmpty;
  if (!IsPresent(v)) {
    return kEmpty;
  }
  auto k = v.type().kind();
  if (k == Type::Kind::kList || k == Type::Kind::kSet || k == Type::Kind::kTuple) {
    return v.Elements();
  }
  return kEmpty;
}

const std::map<std::string, Value>& MapElements(const Value& v) {
  static const std::map<std::string, Value> kEmpty;
  if (!IsPresent(v)) {
    return kEmpty;
  }
  if (IsKind(v, Type::Kind::kMap)) {
    return v.MapElements();
  }
  if (IsKind(v, Type::Kind::kObject)) {
    return v.Attributes();
  }
  return kEmpty;
}

// Rebuilds a collection of the same kind (and type) as `like` from planned elements.
Value RebuildList(const Value& like, std::vector<Value> elements) {
  switch (like.type().kind()) {
    case Type::Kind::kList:
      return Value::List(like.type().element(), std::move(elements));
    case Type::Kind::kSet:
      return Value::Set(like.type().element(), std::move(elements));
    default:
      return Value::Tuple(std::move(elements));
  }
}

Value RebuildMap(const Value& like, std::map<std::string, Value> elements) {
  if (IsKind(like, Type::Kind::kMap)) {
    return Value::Map(like.type().element(), std::move(elements));
  }
  return Value::Object(std::move(elements));
}

Value EmptyCollection(const Type& t) {
  switch (t.kind()) {
    case Type::Kind::kList:
      return Value::List(t.element(), {});
    case Type::Kind::kSet:
      return Value::Set(t.element(), {});
    case Type::Kind::kMap:
      return Value::Map(t.element(), {});
    case Type::Kind::kDynamic:
      return Value::Tuple({});  // a list block with dynamic parts is a tuple
    default:
      return Value::Null(t);
  }
}

Type BlockType(const NestedBlock& nb) {
  Block wrapper;
  wrapper.blocks.push_back(nb);
  return wrapper.ImpliedType().attributes().at(nb.type_name);
}

Type BlockObjectType(const NestedBlock& nb) {
  return nb.block ? nb.block->ImpliedType() : Type::Object({});
}

const Block& BlockOf(const NestedBlock& nb) {
  static const Block kEmpty;
  return nb.block ? *nb.block : kEmpty;
}

// ---------------------------------------------------------------------------------------------
// Planning

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
    std::map<std::string, Value> planned;
    for (const auto& a : block.attributes) {
      planned.emplace(a.name,
                      PlanAttribute(a, prior_exists ? prior.GetAttr(a.name) : Value(), prior_exists,
                                    config.GetAttr(a.name), path.Attr(a.name)));
    }
    for (const auto& nb : block.blocks) {
      planned.emplace(nb.type_name,
                      PlanNestedBlock(nb, prior_exists ? prior.GetAttr(nb.type_name) : Value(),
                                      config.GetAttr(nb.type_name), path.Attr(nb.type_name)));
    }
    return Value::Object(config.type(), std::move(planned));
  }

 private:
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
    if (a.default_value) {
      auto conformed = ConformValue(*a.default_value, type);
      if (conformed.ok()) {
        return *conformed;
      }
      diags_.AddStatusError("Invalid default value in the provider schema", conformed.status(),
                            path);
      return Value::Unknown(type);
    }
    if (!prior_exists) {
      return Value::Unknown(type);
    }
    if (unknown_when_changed_ && !a.optional && !(a.use_state_for_unknown && !prior.IsNull())) {
      return Value::Unknown(type);  // the update may change it
    }
    return NullAs(prior, type);
  }

  Value PlanObject(const std::vector<Attribute>& attributes, const Value& prior, bool prior_exists,
                   const Value& config, const AttributePath& path) {
    if (!IsPresent(config)) {
      return config;
    }
    std::map<std::string, Value> planned;
    for (const auto& a : attributes) {
      planned.emplace(a.name,
                      PlanAttribute(a, prior_exists ? prior.GetAttr(a.name) : Value(), prior_exists,
                                    config.GetAttr(a.name), path.Attr(a.name)));
    }
    return Value::Object(config.type(), std::move(planned));
  }

  Value PlanNestedAttribute(const NestedAttributes& nested, const Value& prior, const Value& config,
                            const AttributePath& path) {
    const auto& attrs = nested.attributes;
    switch (nested.nesting) {
      case NestedAttributes::Nesting::kSingle:
        return PlanObject(attrs, prior, IsPresent(prior), config, path);
      case NestedAttributes::Nesting::kList: {
        const auto& priors = ListElements(prior);
        std::vector<Value> planned;
        int64_t i = 0;
        for (const auto& c : config.Elements()) {
          const Value* p = static_cast<size_t>(i) < priors.size() ? &priors[i] : nullptr;
          planned.push_back(
              PlanObject(attrs, p ? *p : Value(), p && IsPresent(*p), c, path.Index(i)));
          ++i;
        }
        return RebuildList(config, std::move(planned));
      }
      case NestedAttributes::Nesting::kMap: {
        const auto& priors = MapElements(prior);
        std::map<std::string, Value> planned;
        for (const auto& [key, c] : MapElements(config)) {
          auto it = priors.find(key);
          bool exists = it != priors.end() && IsPresent(it->second);
          planned.emplace(
              key, PlanObject(attrs, exists ? it->second : Value(), exists, c, path.Key(key)));
        }
        return RebuildMap(config, std::move(planned));
      }
      case NestedAttributes::Nesting::kSet: {
        auto match = [&](const Value& c, const Value& p) { return AttrsMatch(attrs, c, p); };
        auto plan = [&](const Value& p, bool exists, const Value& c) {
          return PlanObject(attrs, p, exists, c, path);
        };
        return PlanSet(prior, config, attrs, {}, match, plan);
      }
    }
    return config;
  }

  Value PlanNestedBlock(const NestedBlock& nb, const Value& prior, const Value& config,
                        const AttributePath& path) {
    if (config.IsUnknown()) {
      return config;  // a dynamic block with an unknown for_each
    }
    const Block& block = BlockOf(nb);
    switch (nb.nesting) {
      case NestedBlock::Nesting::kSingle:
        if (config.IsNull()) {
          return NullAs(config, BlockObjectType(nb));
        }
        return PlanBlock(block, prior, IsPresent(prior), config, path);
      case NestedBlock::Nesting::kGroup: {
        // A group is never null: an absent one is an object of nulls.
        Value c = config.IsNull() ? Value::Object(BlockObjectType(nb), {}) : config;
        return PlanBlock(block, prior, IsPresent(prior), c, path);
      }
      case NestedBlock::Nesting::kList: {
        if (config.IsNull()) {
          return EmptyCollection(BlockType(nb));  // absent blocks are an empty list, not null
        }
        const auto& priors = ListElements(prior);
        std::vector<Value> planned;
        int64_t i = 0;
        for (const auto& c : config.Elements()) {
          const Value* p = static_cast<size_t>(i) < priors.size() ? &priors[i] : nullptr;
          planned.push_back(
              PlanBlock(block, p ? *p : Value(), p && IsPresent(*p), c, path.Index(i)));
          ++i;
        }
        return RebuildList(config, std::move(planned));
      }
      case NestedBlock::Nesting::kMap: {
        if (config.IsNull()) {
          return EmptyCollection(BlockType(nb));
        }
        const auto& priors = MapElements(prior);
        std::map<std::string, Value> planned;
        for (const auto& [key, c] : MapElements(config)) {
          auto it = priors.find(key);
          bool exists = it != priors.end() && IsPresent(it->second);
          planned.emplace(
              key, PlanBlock(block, exists ? it->second : Value(), exists, c, path.Key(key)));
        }
        return RebuildMap(config, std::move(planned));
      }
      case NestedBlock::Nesting::kSet: {
        if (config.IsNull()) {
          return EmptyCollection(BlockType(nb));
        }
        auto match = [&](const Value& c, const Value& p) { return BlockMatches(block, c, p); };
        auto plan = [&](const Value& p, bool exists, const Value& c) {
          return PlanBlock(block, p, exists, c, path);
        };
        return PlanSet(prior, config, block.attributes, block.blocks, match, plan);
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

// ---------------------------------------------------------------------------------------------
// requires_replace

bool HasReplaceRule(const std::vector<Attribute>& attrs);

bool HasReplaceRule(const Attribute& a) {
  return a.requires_replace || static_cast<bool>(a.requires_replace_if) ||
         (a.nested && HasReplaceRule(a.nested->attributes));
}

bool HasReplaceRule(const std::vector<Attribute>& attrs) {
  return std::any_of(attrs.begin(), attrs.end(),
                     [](const Attribute& a) { return HasReplaceRule(a); });
}

bool HasReplaceRule(const Block& block) {
  return HasReplaceRule(block.attributes) ||
         std::any_of(block.blocks.begin(), block.blocks.end(),
                     [](const NestedBlock& nb) { return HasReplaceRule(BlockOf(nb)); });
}

bool Changed(const Value& prior, const Value& planned) {
  return !planned.IsWhollyKnown() || !SameValue(prior, planned);
}

class ReplaceCollector {
 public:
  ReplaceCollector(const Value& prior_root, const Value& planned_root,
                   std::vector<AttributePath>& out)
      : prior_root_(prior_root), planned_root_(planned_root), out_(out) {}

  void Block(const framework::Block& block, const Value& prior, const Value& planned,
             const AttributePath& path) {
    Attributes(block.attributes, prior, planned, path);
    for (const auto& nb : block.blocks) {
      const framework::Block& inner = BlockOf(nb);
      if (!HasReplaceRule(inner)) {
        continue;
      }
      const Value& p = prior.GetAttr(nb.type_name);
      const Value& q = planned.GetAttr(nb.type_name);
      AttributePath here = path.Attr(nb.type_name);
      if (p.IsUnknown() || q.IsUnknown()) {
        if (Changed(p, q)) {
          Add(here);
        }
        continue;
      }
      switch (nb.nesting) {
        case NestedBlock::Nesting::kSingle:
        case NestedBlock::Nesting::kGroup:
          if (IsPresent(p) || IsPresent(q)) {
            Block(inner, p, q, here);
          }
          break;
        case NestedBlock::Nesting::kList:
          ForEachIndex(p, q, here, [&](const Value& pe, const Value& qe, const AttributePath& at) {
            Block(inner, pe, qe, at);
          });
          break;
        case NestedBlock::Nesting::kMap:
          ForEachKey(p, q, here, [&](const Value& pe, const Value& qe, const AttributePath& at) {
            Block(inner, pe, qe, at);
          });
          break;
        case NestedBlock::Nesting::kSet:
          // Set elements cannot be addressed: any change of the set replaces.
          if (Changed(p, q)) {
            Add(here);
          }
          break;
      }
    }
  }

 private:
  void Attributes(const std::vector<Attribute>& attrs, const Value& prior, const Value& planned,
                  const AttributePath& path) {
    for (const auto& a : attrs) {
      if (HasReplaceRule(a)) {
        Attribute1(a, prior.GetAttr(a.name), planned.GetAttr(a.name), path.Attr(a.name));
      }
    }
  }

  void Attribute1(const Attribute& a, const Value& prior, const Value& planned,
                  const AttributePath& path) {
    if (a.requires_replace || a.requires_replace_if) {
      if (!Changed(prior, planned)) {
        return;
      }
      if (a.requires_replace ||
          a.requires_replace_if(ReplaceContext{prior, planned, prior_root_, planned_root_})) {
        Add(path);
      }
      return;
    }
    // Only nested attributes with rules further down get here.
    if (prior.IsUnknown() || planned.IsUnknown()) {
      if (Changed(prior, planned)) {
        Add(path);
      }
      return;
    }
    const auto& attrs = a.nested->attributes;
    auto recurse = [&](const Value& p, const Value& q, const AttributePath& at) {
      if (p.IsUnknown() || q.IsUnknown()) {
        if (Changed(p, q)) {
          Add(at);
        }
      } else if (IsPresent(p) || IsPresent(q)) {
        Attributes(attrs, p, q, at);
      }
    };
    switch (a.nested->nesting) {
      case NestedAttributes::Nesting::kSingle:
        recurse(prior, planned, path);
        break;
      case NestedAttributes::Nesting::kList:
        ForEachIndex(prior, planned, path, recurse);
        break;
      case NestedAttributes::Nesting::kMap:
        ForEachKey(prior, planned, path, recurse);
        break;
      case NestedAttributes::Nesting::kSet:
        if (Changed(prior, planned)) {
          Add(path);
        }
        break;
    }
  }

  template <typename F>
  void ForEachIndex(const Value& prior, const Value& planned, const AttributePath& path, F f) {
    const auto& p = ListElements(prior);
    const auto& q = ListElements(planned);
    for (size_t i = 0; i < std::max(p.size(), q.size()); ++i) {
      f(i < p.size() ? p[i] : Value(), i < q.size() ? q[i] : Value(),
        path.Index(static_cast<int64_t>(i)));
    }
  }

  template <typename F>
  void ForEachKey(const Value& prior, const Value& planned, const AttributePath& path, F f) {
    const auto& p = MapElements(prior);
    const auto& q = MapElements(planned);
    std::set<std::string> keys;
    for (const auto& [k, v] : p) {
      keys.insert(k);
    }
    for (const auto& [k, v] : q) {
      keys.insert(k);
    }
    for (const auto& k : keys) {
      auto pi = p.find(k);
      auto qi = q.find(k);
      f(pi != p.end() ? pi->second : Value(), qi != q.end() ? qi->second : Value(), path.Key(k));
    }
  }

  void Add(const AttributePath& path) {
    if (std::find(out_.begin(), out_.end(), path) == out_.end()) {
      out_.push_back(path);
    }
  }

  const Value& prior_root_;
  const Value& planned_root_;
  std::vector<AttributePath>& out_;
};

// ---------------------------------------------------------------------------------------------
// Plan validity (a port of Terraform's objchange.AssertPlanValid rules)

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
            Fail(here, "block count in plan (" + std::to_string(pe.size()) +
                           ") disagrees with count in config (" + std::to_string(ce.size()) + ")");
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
          const auto& pe = MapElements(p);
          const auto& ce = MapElements(c);
          const auto& re = MapElements(r);
          for (const auto& [key, e] : pe) {
            AttributePath at = here.Key(key);
            auto ci = ce.find(key);
            if (ci == ce.end()) {
              Fail(here, "block key \"" + key + "\" from plan is not present in config");
              continue;
            }
            if (!e.IsKnown()) {
              Fail(at, "element representing nested block must not be unknown itself");
              continue;
            }
            auto ri = re.find(key);
            Block(inner, ri != re.end() ? ri->second : Value(), ci->second, e, at);
          }
          for (const auto& [key, e] : ce) {
            if (pe.count(key) == 0) {
              Fail(here, "block key \"" + key + "\" from config is not present in plan");
            }
          }
          break;
        }
        case NestedBlock::Nesting::kSet: {
          const auto& pe = ListElements(p);
          const auto& ce = ListElements(c);
          if (pe.size() != ce.size()) {
            Fail(here, "block count in plan (" + std::to_string(pe.size()) +
                           ") disagrees with count in config (" + std::to_string(ce.size()) + ")");
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
    switch (nested.nesting) {
      case NestedAttributes::Nesting::kSingle:
        Attributes(attrs, prior, config, planned, path);
        break;
      case NestedAttributes::Nesting::kList: {
        if (!config.IsKnown()) {
          return Fail(path, "count in plan disagrees with count in config (unknown)");
        }
        const auto& pe = ListElements(planned);
        const auto& ce = ListElements(config);
        const auto& re = ListElements(prior);
        if (pe.size() != ce.size()) {
          return Fail(path, "count in plan (" + std::to_string(pe.size()) +
                                ") disagrees with count in config (" + std::to_string(ce.size()) +
                                ")");
        }
        for (size_t i = 0; i < pe.size(); ++i) {
          Attributes(attrs, i < re.size() ? re[i] : Value(), ce[i], pe[i],
                     path.Index(static_cast<int64_t>(i)));
        }
        break;
      }
      case NestedAttributes::Nesting::kMap: {
        if (!config.IsKnown()) {
          return Fail(path, "count in plan disagrees with count in config (unknown)");
        }
        const auto& pe = MapElements(planned);
        const auto& ce = MapElements(config);
        const auto& re = MapElements(prior);
        if (pe.size() != ce.size()) {
          return Fail(path, "count in plan (" + std::to_string(pe.size()) +
                                ") disagrees with count in config (" + std::to_string(ce.size()) +
                                ")");
        }
        for (const auto& [key, e] : pe) {
          auto ci = ce.find(key);
          if (ci == ce.end()) {
            Fail(path, "map key \"" + key + "\" from plan is not present in config");
            continue;
          }
          auto ri = re.find(key);
          Attributes(attrs, ri != re.end() ? ri->second : Value(), ci->second, e, path.Key(key));
        }
        for (const auto& [key, e] : ce) {
          if (pe.count(key) == 0) {
            Fail(path, "map key \"" + key + "\" from config is not present in plan");
          }
        }
        break;
      }
      case NestedAttributes::Nesting::kSet:
        if (config.IsKnown() && planned.IsKnown() &&
            ListElements(planned).size() < ListElements(config).size()) {
          Fail(path, "count in plan (" + std::to_string(ListElements(planned).size()) +
                         ") disagrees with count in config (" +
                         std::to_string(ListElements(config).size()) + ")");
        }
        break;  // set elements cannot be correlated; Terraform trusts the provider here
    }
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

// ---------------------------------------------------------------------------------------------
// Apply consistency (a port of Terraform's objchange.AssertObjectCompatible rules)

class AppliedChecker {
 public:
  explicit AppliedChecker(Diagnostics& diags) : diags_(diags) {}

  void Unknowns(const Value& v, const AttributePath& path) {
    if (v.IsUnknown()) {
      diags_.AddError("Provider returned invalid result object after apply",
                      "After the apply operation, the provider still indicated an unknown value "
                      "for " +
                          (path.empty() ? std::string("the resource") : path.ToString()) +
                          ". All values must be known after apply, so this is always a bug in "
                          "the provider.",
                      path.empty() ? std::nullopt : std::optional<AttributePath>(path));
      return;
    }
    if (!IsPresent(v)) {
      return;
    }
    switch (v.type().kind()) {
      case Type::Kind::kList:
      case Type::Kind::kSet:
      case Type::Kind::kTuple: {
        int64_t i = 0;
        for (const auto& e : v.Elements()) {
          Unknowns(e, IsKind(v, Type::Kind::kSet) ? path : path.Index(i));
          ++i;
        }
        break;
      }
      case Type::Kind::kMap:
        for (const auto& [key, e] : v.MapElements()) {
          Unknowns(e, path.Key(key));
        }
        break;
      case Type::Kind::kObject:
        for (const auto& [name, e] : v.Attributes()) {
          Unknowns(e, path.Attr(name));
        }
        break;
      default:
        break;
    }
  }

  // Returns whether compatible; reports problems only when `report` is set.
  bool Compatible(const Value& planned, const Value& actual, const AttributePath& path,
                  bool report) {
    if (planned.type().IsDynamic()) {
      return true;  // anything goes
    }
    if (planned.IsUnknown()) {
      return Refined(planned, actual, path, report);
    }
    if (actual.IsNull()) {
      return planned.IsNull() ||
             Fail(path, "was " + planned.DebugString() + ", but now null", report);
    }
    if (planned.IsNull()) {
      return Fail(path, "was null, but now " + actual.DebugString(), report);
    }
    if (!actual.IsKnown()) {
      return Fail(path, "was known, but now unknown", report);
    }
    if (planned.type().kind() != actual.type().kind()) {
      return Fail(path,
                  "wrong final value type: " + actual.type().FriendlyName() + " instead of " +
                      planned.type().FriendlyName(),
                  report);
    }
    bool ok = true;
    switch (planned.type().kind()) {
      case Type::Kind::kBool:
      case Type::Kind::kNumber:
      case Type::Kind::kString:
        if (!planned.Equals(actual)) {
          return Fail(path, "was " + planned.DebugString() + ", but now " + actual.DebugString(),
                      report);
        }
        return true;
      case Type::Kind::kList:
      case Type::Kind::kTuple: {
        const auto& p = planned.Elements();
        const auto& a = actual.Elements();
        for (size_t i = 0; i < p.size(); ++i) {
          AttributePath at = path.Index(static_cast<int64_t>(i));
          if (i >= a.size()) {
            ok = Fail(path, "element " + std::to_string(i) + " has vanished", report) && ok;
            continue;
          }
          ok = Compatible(p[i], a[i], at, report) && ok;
        }
        for (size_t i = p.size(); i < a.size(); ++i) {
          ok = Fail(path, "new element " + std::to_string(i) + " has appeared", report) && ok;
        }
        return ok;
      }
      case Type::Kind::kMap:
      case Type::Kind::kObject: {
        const auto& p = MapElements(planned);
        const auto& a = MapElements(actual);
        bool is_map = IsKind(planned, Type::Kind::kMap);
        for (const auto& [key, pe] : p) {
          AttributePath at = is_map ? path.Key(key) : path.Attr(key);
          auto ai = a.find(key);
          if (ai == a.end()) {
            if (is_map) {
              ok = Fail(path, "element \"" + key + "\" has vanished", report) && ok;
            } else {
              ok = Compatible(pe, Value::Null(pe.type()), at, report) && ok;
            }
            continue;
          }
          ok = Compatible(pe, ai->second, at, report) && ok;
        }
        for (const auto& [key, ae] : a) {
          if (p.count(key) == 0) {
            ok = Fail(is_map ? path : path.Attr(key),
                      is_map ? "new element \"" + key + "\" has appeared"
                             : "unexpected attribute in the new state",
                      report) &&
                 ok;
          }
        }
        return ok;
      }
      case Type::Kind::kSet: {
        const auto& p = planned.Elements();
        const auto& a = actual.Elements();
        std::vector<bool> p_ok(p.size(), false);
        std::vector<bool> a_ok(a.size(), false);
        for (size_t i = 0; i < p.size(); ++i) {
          for (size_t j = 0; j < a.size(); ++j) {
            if (p_ok[i] && a_ok[j]) {
              continue;
            }
            if (Compatible(p[i], a[j], path, false)) {
              p_ok[i] = a_ok[j] = true;
            }
          }
        }
        for (size_t i = 0; i < p.size(); ++i) {
          if (!p_ok[i]) {
            ok = Fail(path,
                      "planned set element " + p[i].DebugString() +
                          " does not correlate with any element in actual",
                      report) &&
                 ok;
          }
        }
        if (ok) {
          for (size_t j = 0; j < a.size(); ++j) {
            if (!a_ok[j]) {
              ok = Fail(path,
                        "actual set element " + a[j].DebugString() +
                            " does not correlate with any element in plan",
                        report) &&
                   ok;
            }
          }
        }
        if (p.size() < a.size()) {
          ok = Fail(path,
                    "length changed from " + std::to_string(p.size()) + " to " +
                        std::to_string(a.size()),
                    report) &&
               ok;
        }
        return ok;
      }
      case Type::Kind::kDynamic:
        break;
    }
    return true;
  }

 private:
  bool Refined(const Value& planned, const Value& actual, const AttributePath& path, bool report) {
    const Refinements& r = planned.refinements();
    if (r.empty() || actual.IsUnknown()) {
      return true;
    }
    if (actual.IsNull()) {
      return !r.definitely_not_null.value_or(false) ||
             Fail(path, "final value is null, but the plan promised a non-null value", report);
    }
    if (r.string_prefix && IsKind(actual, Type::Kind::kString) &&
        actual.AsString().rfind(*r.string_prefix, 0) != 0) {
      return Fail(path,
                  "final value " + actual.DebugString() +
                      " does not start with the planned "
                      "prefix " +
                      Value::String(*r.string_prefix).DebugString(),
                  report);
    }
    if (IsKind(actual, Type::Kind::kNumber)) {
      const Number& n = actual.AsNumber();
      if (r.number_lower &&
          (n < r.number_lower->first || (!r.number_lower->second && n == r.number_lower->first))) {
        return Fail(path, "final value " + n.ToString() + " is below the planned lower bound",
                    report);
      }
      if (r.number_upper &&
          (r.number_upper->first < n || (!r.number_upper->second && n == r.number_upper->first))) {
        return Fail(path, "final value " + n.ToString() + " is above the planned upper bound",
                    report);
      }
    }
    if (actual.type().IsCollection()) {
      auto length =
          static_cast<int64_t>(IsKind(actual, Type::Kind::kMap) ? actual.MapElements().size()
                                                                : actual.Elements().size());
      if ((r.length_lower && length < *r.length_lower) ||
          (r.length_upper && length > *r.length_upper)) {
        return Fail(
            path,
            "final length " + std::to_string(length) + " is outside the planned length bounds",
            report);
      }
    }
    return true;
  }

  bool Fail(const AttributePath& path, const std::string& message, bool report) {
    if (report) {
      std::string where = path.empty() ? std::string("Root object") : path.ToString();
      diags_.AddError("Provider produced inconsistent result after apply",
                      "When applying changes, the provider produced an unexpected new value: " +
                          where + ": " + message +
                          ".\n\nThis is a bug in the provider, which should be reported in the "
                          "provider's own issue tracker.",
                      path.empty() ? std::nullopt : std::optional<AttributePath>(path));
    }
    return false;
  }

  Diagnostics& diags_;
};

// ---------------------------------------------------------------------------------------------
// Config validation

void ValidateAttrs(const std::vector<Attribute>& attrs, const Value& config,
                   const AttributePath& path, Diagnostics& diags);

void ValidateNested(const NestedAttributes& nested, const Value& v, const AttributePath& path,
                    Diagnostics& diags) {
  switch (nested.nesting) {
    case NestedAttributes::Nesting::kSingle:
      ValidateAttrs(nested.attributes, v, path, diags);
      break;
    case NestedAttributes::Nesting::kList:
    case NestedAttributes::Nesting::kSet: {
      int64_t i = 0;
      for (const auto& e : ListElements(v)) {
        bool is_set = nested.nesting == NestedAttributes::Nesting::kSet;
        ValidateAttrs(nested.attributes, e, is_set ? path : path.Index(i), diags);
        ++i;
      }
      break;
    }
    case NestedAttributes::Nesting::kMap:
      for (const auto& [key, e] : MapElements(v)) {
        ValidateAttrs(nested.attributes, e, path.Key(key), diags);
      }
      break;
  }
}

void ValidateAttrs(const std::vector<Attribute>& attrs, const Value& config,
                   const AttributePath& path, Diagnostics& diags) {
  if (!IsPresent(config)) {
    return;
  }
  for (const auto& a : attrs) {
    const Value& v = config.GetAttr(a.name);
    AttributePath at = path.Attr(a.name);
    if (a.required && v.IsNull()) {
      diags.AddError("Missing required argument",
                     "The argument \"" + a.name + "\" is required, but no definition was found.",
                     at);
      continue;
    }
    if (!IsPresent(v)) {
      continue;  // unknown values are checked again once known (at apply time)
    }
    for (const auto& validator : a.validators) {
      if (validator) {
        validator(v, at, diags);
      }
    }
    if (a.nested) {
      ValidateNested(*a.nested, v, at, diags);
    }
  }
}

void ValidateBlock(const Block& block, const Value& config, const AttributePath& path,
                   Diagnostics& diags) {
  if (!IsPresent(config)) {
    return;
  }
  ValidateAttrs(block.attributes, config, path, diags);
  for (const auto& nb : block.blocks) {
    const Value& v = config.GetAttr(nb.type_name);
    AttributePath at = path.Attr(nb.type_name);
    const Block& inner = BlockOf(nb);
    switch (nb.nesting) {
      case NestedBlock::Nesting::kSingle:
      case NestedBlock::Nesting::kGroup:
        ValidateBlock(inner, v, at, diags);
        break;
      case NestedBlock::Nesting::kList:
      case NestedBlock::Nesting::kSet: {
        int64_t i = 0;
        for (const auto& e : ListElements(v)) {
          ValidateBlock(inner, e, nb.nesting == NestedBlock::Nesting::kSet ? at : at.Index(i),
                        diags);
          ++i;
        }
        break;
      }
      case NestedBlock::Nesting::kMap:
        for (const auto& [key, e] : MapElements(v)) {
          ValidateBlock(inner, e, at.Key(key), diags);
        }
        break;
    }
  }
}

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
  ReplaceCollector(*prior, out.planned, out.requires_replace)
      .Block(block, *prior, out.planned, AttributePath());
  return out;
}

void CheckPlanValid(const Block& block, const Value& prior, const Value& config,
                    const Value& planned, Diagnostics& diags) {
  PlanChecker(diags).Block(block, prior, config, planned, AttributePath());
}

void CheckAppliedAgainstPlan(const Value& planned, const Value& actual, Diagnostics& diags) {
  AppliedChecker checker(diags);
  checker.Unknowns(actual, AttributePath());
  if (planned.IsNull() != actual.IsNull()) {
    diags.AddError("Provider produced inconsistent result after apply",
                   planned.IsNull() ? "Root object was absent, but now present."
                                    : "Root object was present, but now absent.");
    return;
  }
  checker.Compatible(planned, actual, AttributePath(), true);
}

void ValidateAgainstSchema(const Block& block, const Value& config, Diagnostics& diags) {
  ValidateBlock(block, config, AttributePath(), diags);
}

}  // namespace opc::framework
