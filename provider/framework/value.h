// Terraform values: a type plus null, unknown (optionally refined) or a known payload.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "provider/framework/attribute_path.h"
#include "provider/framework/number.h"
#include "provider/framework/types.h"

namespace opc::framework {

// What Terraform already knows about an unknown value (cty refinements). Kept as received and
// sent back unchanged, so that a plan never loses information the client gave us.
struct Refinements {
  std::optional<bool> definitely_not_null;
  std::optional<std::string> string_prefix;
  std::optional<std::pair<Number, bool>> number_lower;  // bound, inclusive
  std::optional<std::pair<Number, bool>> number_upper;
  std::optional<int64_t> length_lower;
  std::optional<int64_t> length_upper;
  bool empty() const;
  bool operator==(const Refinements& o) const;
};

class Value {
 public:
  Value();  // null of dynamic type

  static Value Null(Type type);
  static Value Unknown(Type type, Refinements refinements = {});
  static Value Bool(bool v);
  static Value Number(framework::Number v);
  static Value Int(int64_t v) { return Number(framework::Number::FromInt64(v)); }
  static Value String(std::string v);
  static Value List(Type element, std::vector<Value> elements);
  // Duplicates are removed and elements kept in a canonical order (unknowns all stay).
  static Value Set(Type element, std::vector<Value> elements);
  static Value Map(Type element, std::map<std::string, Value> elements);
  static Value Tuple(std::vector<Value> elements);
  // Object whose type is taken from its attribute values.
  static Value Object(std::map<std::string, Value> attributes);
  // Object of a given type; attributes missing from `attributes` become null, names the type
  // lacks are ignored, and nulls/unknowns take their attribute's type.
  static Value Object(const Type& type, std::map<std::string, Value> attributes);

  const Type& type() const { return type_; }
  bool IsNull() const { return state_ == State::kNull; }
  bool IsUnknown() const { return state_ == State::kUnknown; }
  bool IsKnown() const { return state_ == State::kKnown; }
  // No unknown anywhere inside (nulls are fine).
  bool IsWhollyKnown() const;
  const Refinements& refinements() const;  // empty unless unknown

  // Accessors for known values; calling the wrong one is a programming error (aborts).
  bool AsBool() const;
  const framework::Number& AsNumber() const;
  const std::string& AsString() const;
  const std::vector<Value>& Elements() const;               // list, set, tuple
  const std::map<std::string, Value>& MapElements() const;  // map
  const std::map<std::string, Value>& Attributes() const;   // object
  // Object attribute by name; a null of dynamic type if the object is null/unknown or lacks it.
  const Value& GetAttr(const std::string& name) const;
  // Copy of this object with one attribute replaced (added, if the type lacks it). A null or
  // unknown object becomes a known one whose other attributes are null.
  Value WithAttr(const std::string& name, Value v) const;

  // Structural equality: same type, same state, same payload; set order does not matter;
  // refinements are ignored.
  bool Equals(const Value& other) const;
  bool operator==(const Value& other) const { return Equals(other); }
  bool operator!=(const Value& other) const { return !Equals(other); }

  // Short rendering for diagnostics and logs, e.g. "\"abc\"", "[1, 2]", "(unknown)".
  std::string DebugString() const;

 private:
  enum class State { kNull, kUnknown, kKnown };
  struct Payload;
  Type type_;
  State state_ = State::kNull;
  std::shared_ptr<const Payload> payload_;
};

// The one place a collection is built by kind. A list, set or tuple of `type` from its elements
// (a tuple takes its element types from the elements).
Value MakeSequence(const Type& type, std::vector<Value> elements);
// A map or object of `type` from its elements (an object's missing attributes become null).
Value MakeMapping(const Type& type, std::map<std::string, Value> elements);

// Replaces one child of a value: gets the child, the type the child must have in the result and
// the child's path (set elements share their set's path: they have no address of their own).
using ChildTransform = std::function<absl::StatusOr<Value>(const Value& child, const Type& type,
                                                           const AttributePath& path)>;

// The known collection or object `v` rebuilt as a value of `type` (same kind) with each child
// replaced by `f`; the first error stops the rebuild. Names `type` lacks and tuples of the wrong
// length are errors. Null, unknown and primitive values come back unchanged.
absl::StatusOr<Value> TransformChildren(const Value& v, const Type& type, const AttributePath& path,
                                        const ChildTransform& f);

// cty.Transform: rebuilds `v` bottom-up, children first, then `f` on each (rebuilt) value with
// its path; `f` returns the value's replacement.
Value Transform(const Value& v,
                const std::function<Value(const AttributePath& path, const Value& v)>& f);

// cty.UnknownAsNull: `v` with every unknown inside it replaced by a null of its type (what a
// state after apply must hold where the provider could not learn a value).
Value NullUnknowns(const Value& v);

// Visits `v` and everything inside it, parents before children. `visit` returns false to skip
// the children of the value it was given.
void Walk(const Value& v,
          const std::function<bool(const AttributePath& path, const Value& v)>& visit);

}  // namespace opc::framework
