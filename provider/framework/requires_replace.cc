#include "provider/framework/requires_replace.h"

#include <algorithm>
#include <optional>
#include <set>
#include <string>

#include "provider/framework/value_access.h"

namespace opc::framework {

namespace {

using namespace internal;  // NOLINT(google-build-using-namespace): the shared cty readers

bool HasReplaceRule(const std::vector<Attribute>& attrs);

// Whether the attribute's own plan modifiers may ask for a replacement.
bool HasOwnReplaceRule(const Attribute& a) {
  return std::any_of(a.plan_modifiers.begin(), a.plan_modifiers.end(),
                     [](const auto& m) { return m && m->CanRequireReplace(); });
}

bool HasReplaceRule(const Attribute& a) {
  return HasOwnReplaceRule(a) || (a.nested && HasReplaceRule(a.nested->attributes));
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
      Nested(nb.nesting, prior.GetAttr(nb.type_name), planned.GetAttr(nb.type_name),
             path.Attr(nb.type_name), [&](const Value& p, const Value& q, const AttributePath& at) {
               Block(inner, p, q, at);
             });
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
    if (HasOwnReplaceRule(a)) {
      if (!Changed(prior, planned)) {
        return;
      }
      ReplaceContext ctx{prior, planned, prior_root_, planned_root_};
      if (std::any_of(a.plan_modifiers.begin(), a.plan_modifiers.end(),
                      [&](const auto& m) { return m && m->RequiresReplace(ctx); })) {
        Add(path);
      }
      return;
    }
    // Only nested attributes with rules further down get here.
    Nested(NestingOf(*a.nested), prior, planned, path,
           [&](const Value& p, const Value& q, const AttributePath& at) {
             Attributes(a.nested->attributes, p, q, at);
           });
  }

  // The one walk into nested objects (blocks or attributes): `object` gets each prior/planned
  // pair of objects that is present on one side at least (single: the object; list: by index;
  // map: by key). An unknown on either side, or any change of a set (whose elements cannot be
  // addressed), replaces at the path itself.
  template <typename Object>
  void Nested(NestedBlock::Nesting nesting, const Value& prior, const Value& planned,
              const AttributePath& path, Object object) {
    auto each = [&](const Value& p, const Value& q, const AttributePath& at) {
      if (p.IsUnknown() || q.IsUnknown()) {
        if (Changed(p, q)) {
          Add(at);
        }
      } else if (IsPresent(p) || IsPresent(q)) {
        object(p, q, at);
      }
    };
    if (prior.IsUnknown() || planned.IsUnknown()) {
      return each(prior, planned, path);
    }
    switch (nesting) {
      case NestedBlock::Nesting::kSingle:
      case NestedBlock::Nesting::kGroup:
        each(prior, planned, path);
        break;
      case NestedBlock::Nesting::kList:
        ForEachIndex(prior, planned, path, each);
        break;
      case NestedBlock::Nesting::kMap:
        ForEachKey(prior, planned, path, each);
        break;
      case NestedBlock::Nesting::kSet:
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

  void Add(const AttributePath& path) { out_.push_back(path); }  // normalised once, at the end

  const Value& prior_root_;
  const Value& planned_root_;
  std::vector<AttributePath>& out_;
};

}  // namespace

std::vector<AttributePath> CollectRequiresReplace(const Block& block, const Value& prior,
                                                  const Value& planned) {
  std::vector<AttributePath> paths;
  ReplaceCollector(prior, planned, paths).Block(block, prior, planned, AttributePath());
  SortAndDeduplicate(paths);
  return paths;
}

void SortAndDeduplicate(std::vector<AttributePath>& paths) {
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
}

}  // namespace opc::framework
