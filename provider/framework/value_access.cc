#include "provider/framework/value_access.h"

#include <utility>

namespace opc::framework::internal {

bool SameValue(const Value& a, const Value& b) {
  if (a.IsNull() && b.IsNull()) {
    return true;
  }
  return a.Equals(b);
}

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

Value RebuildList(const Value& like, std::vector<Value> elements) {
  return MakeSequence(like.type(), std::move(elements));
}

Value RebuildMap(const Value& like, std::map<std::string, Value> elements) {
  return MakeMapping(like.type(), std::move(elements));
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

NestedBlock::Nesting NestingOf(const NestedAttributes& nested) {
  switch (nested.nesting) {
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

}  // namespace opc::framework::internal
