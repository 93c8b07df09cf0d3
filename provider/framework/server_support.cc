#include "provider/framework/server_support.h"

#include <utility>
#include <variant>
#include <vector>

#include "provider/framework/codec.h"

namespace opc::framework::server_support {

namespace {

const Attribute* FindIn(const std::vector<Attribute>& attrs, const std::string& name) {
  for (const auto& a : attrs) {
    if (a.name == name) {
      return &a;
    }
  }
  return nullptr;
}

// The attribute a value path ends in (keys and indexes step into collections); nullptr when
// the path ends elsewhere.
const Attribute* AttributeAt(const Block& root, const AttributePath& path) {
  const Block* block = &root;
  const std::vector<Attribute>* attrs = &root.attributes;
  const Attribute* found = nullptr;
  for (const auto& step : path.steps()) {
    const auto* name = std::get_if<AttributeName>(&step);
    if (name == nullptr) {
      continue;  // an element of the collection the previous step named
    }
    found = attrs ? FindIn(*attrs, name->name) : nullptr;
    if (found != nullptr) {
      block = nullptr;
      attrs = found->nested ? &found->nested->attributes : nullptr;
      continue;
    }
    const NestedBlock* nb = block ? block->FindBlock(name->name) : nullptr;
    if (nb == nullptr || !nb->block) {
      return nullptr;
    }
    block = nb->block.get();
    attrs = &block->attributes;
  }
  return path.empty() || !std::holds_alternative<AttributeName>(path.steps().back()) ? nullptr
                                                                                     : found;
}

bool HasWriteOnly(const std::vector<Attribute>& attrs) {
  for (const auto& a : attrs) {
    if (a.write_only || (a.nested && HasWriteOnly(a.nested->attributes))) {
      return true;
    }
  }
  return false;
}

bool HasWriteOnly(const Block& block) {
  if (HasWriteOnly(block.attributes)) {
    return true;
  }
  for (const auto& nb : block.blocks) {
    if (nb.block && HasWriteOnly(*nb.block)) {
      return true;
    }
  }
  return false;
}

bool IsPrefix(const AttributePath& prefix, const AttributePath& path) {
  const auto& p = prefix.steps();
  const auto& q = path.steps();
  return p.size() <= q.size() && std::equal(p.begin(), p.end(), q.begin());
}

}  // namespace

void AddNotConfigured(Diagnostics& diags, const std::string& operation) {
  diags.AddError("Provider not configured",
                 operation +
                     " needs a configured provider, but ConfigureProvider has not succeeded yet. "
                     "Check the provider configuration for earlier errors.");
}

void AddUnknownType(Diagnostics& diags, const std::string& kind, const std::string& name) {
  diags.AddError("Unknown " + kind + " type",
                 "This provider has no " + kind + " type named \"" + name + "\".");
}

Value StripWriteOnly(const Block& block, const Value& v) {
  if (!HasWriteOnly(block)) {
    return v;
  }
  return Transform(v, [&](const AttributePath& path, const Value& e) {
    const Attribute* a = e.IsNull() ? nullptr : AttributeAt(block, path);
    return a != nullptr && a->write_only ? Value::Null(e.type()) : e;
  });
}

bool PathExists(const Value& root, const AttributePath& path) {
  bool found = false;
  Walk(root, [&](const AttributePath& at, const Value& v) {
    if (found || !IsPrefix(at, path)) {
      return false;
    }
    if (at == path || v.IsUnknown()) {
      found = true;  // an unknown on the way reads as unknown, which is not an error
      return false;
    }
    // Set elements have no address: nothing inside a set can be named.
    return v.type().kind() != Type::Kind::kSet;
  });
  return found;
}

bool ConformResult(const Value& v, const Type& type, const std::string& what, Value& out,
                   Diagnostics& diags) {
  auto conformed = ConformValue(v, type);
  if (!conformed.ok()) {
    diags.AddStatusError("Provider returned an invalid " + what,
                         absl::InternalError("the value does not match the schema: " +
                                             std::string(conformed.status().message())));
    return false;
  }
  out = *std::move(conformed);
  return true;
}

void CheckWhollyKnown(const Value& v, const std::string& what, Diagnostics& diags) {
  if (!v.IsWhollyKnown()) {
    diags.AddError(
        "Provider returned invalid " + what,
        "The returned " + what + " contains unknown values. This is a bug in the provider.");
  }
}

bool StorableState(const Value& returned, const Schema& schema, const std::string& what, Value& out,
                   Diagnostics& diags) {
  Value state;
  if (!ConformResult(returned, schema.ImpliedType(), what, state, diags)) {
    return false;
  }
  if (!state.IsWhollyKnown()) {
    CheckWhollyKnown(state, what, diags);
    return false;
  }
  out = StripWriteOnly(schema.block, state);
  return true;
}

}  // namespace opc::framework::server_support
