// Reading values the way cty does, for the planner and the ports of Terraform's plan checks:
// nulls of any type match, collections read as empty when absent, blocks by their nesting.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "provider/framework/schema.h"
#include "provider/framework/value.h"

namespace opc::framework::internal {

inline bool IsPresent(const Value& v) { return v.IsKnown() && !v.IsNull(); }

inline bool IsKind(const Value& v, Type::Kind k) { return v.type().kind() == k; }

// Equality where two nulls match whatever their types (a missing attribute reads as a null of
// dynamic type); refinements are ignored, as Terraform ignores them when comparing plans.
bool SameValue(const Value& a, const Value& b);

inline Value NullAs(const Value& v, const Type& t) { return v.IsNull() ? Value::Null(t) : v; }

// An attribute of an object as cty reads it: null of a null object, unknown of an unknown one.
Value AttrOf(const Value& object, const std::string& name, const Type& t);

// Elements of a known list-like (list, set, tuple) value; empty for anything else.
const std::vector<Value>& ListElements(const Value& v);
// Elements of a known map-like (map, object) value; empty for anything else.
const std::map<std::string, Value>& MapElements(const Value& v);

// Rebuilds a collection of the same kind (and type) as `like` from new elements.
Value RebuildList(const Value& like, std::vector<Value> elements);
Value RebuildMap(const Value& like, std::map<std::string, Value> elements);

// The empty value of a block collection type (absent blocks are empty, not null).
Value EmptyCollection(const Type& t);

Type BlockType(const NestedBlock& nb);        // the collection (or object) type of the block
Type BlockObjectType(const NestedBlock& nb);  // the type of one block
const Block& BlockOf(const NestedBlock& nb);  // an empty block when none is declared
// Nested attributes nest like blocks (single, list, set, map): one walk serves both.
NestedBlock::Nesting NestingOf(const NestedAttributes& nested);

}  // namespace opc::framework::internal
