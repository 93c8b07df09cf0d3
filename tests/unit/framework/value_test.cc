#include "provider/framework/value.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "provider/framework/attribute_path.h"
#include "provider/framework/diagnostics.h"

namespace opc::framework {
namespace {

Value S(const char* s) { return Value::String(s); }

TEST(Value, StatesAndTypes) {
  Value null_string = Value::Null(Type::String());
  EXPECT_TRUE(null_string.IsNull());
  EXPECT_TRUE(null_string.IsWhollyKnown());
  EXPECT_EQ(null_string.type(), Type::String());

  Value unknown = Value::Unknown(Type::Number());
  EXPECT_TRUE(unknown.IsUnknown());
  EXPECT_FALSE(unknown.IsWhollyKnown());

  EXPECT_TRUE(Value().IsNull());
  EXPECT_TRUE(Value().type().IsDynamic());

  Value list = Value::List(Type::String(), {S("a"), Value::Unknown(Type::String())});
  EXPECT_TRUE(list.IsKnown());
  EXPECT_FALSE(list.IsWhollyKnown());
  EXPECT_EQ(list.type(), Type::List(Type::String()));
}

TEST(Value, EqualityComparesTypeStateAndPayload) {
  EXPECT_EQ(S("a"), S("a"));
  EXPECT_NE(S("a"), S("b"));
  EXPECT_NE(Value::Null(Type::String()), Value::Null(Type::Number()));
  EXPECT_NE(Value::Null(Type::String()), Value::Unknown(Type::String()));
  EXPECT_EQ(Value::Int(3), Value::Number(*Number::Parse("3.0")));
  EXPECT_NE(Value::List(Type::String(), {S("a")}), Value::Set(Type::String(), {S("a")}));

  Refinements not_null;
  not_null.definitely_not_null = true;
  EXPECT_EQ(Value::Unknown(Type::String(), not_null), Value::Unknown(Type::String()))
      << "refinements are ignored by equality";
}

TEST(Value, SetsAreUnorderedAndDeduplicated) {
  Value a = Value::Set(Type::String(), {S("b"), S("a"), S("b")});
  Value b = Value::Set(Type::String(), {S("a"), S("b")});
  EXPECT_EQ(a, b);
  ASSERT_EQ(a.Elements().size(), 2u);
  EXPECT_EQ(a.Elements()[0], S("a"));

  // Unknown elements might turn out different, so they are all kept.
  Value u =
      Value::Set(Type::String(), {Value::Unknown(Type::String()), Value::Unknown(Type::String())});
  EXPECT_EQ(u.Elements().size(), 2u);
}

TEST(Value, TypedObjectsFillMissingAttributesWithNull) {
  Type t = Type::Object({{"a", Type::String()}, {"b", Type::Number()}});
  Value o = Value::Object(t, {{"a", S("x")}, {"zzz", S("dropped")}});
  EXPECT_EQ(o.type(), t);
  EXPECT_EQ(o.GetAttr("a"), S("x"));
  EXPECT_EQ(o.GetAttr("b"), Value::Null(Type::Number()));
  EXPECT_TRUE(o.GetAttr("zzz").IsNull());
  EXPECT_TRUE(o.GetAttr("zzz").type().IsDynamic());

  // A dynamic null placed in a typed slot takes the slot type, so it equals a decoded null.
  Value with_null = Value::Object(t, {{"a", S("x")}, {"b", Value()}});
  EXPECT_EQ(with_null, o);
}

TEST(Value, WithAttrReplacesOrAdds) {
  Type t = Type::Object({{"a", Type::String()}, {"b", Type::Number()}});
  Value o = Value::Object(t, {{"a", S("x")}});
  Value changed = o.WithAttr("b", Value::Int(2));
  EXPECT_EQ(changed.GetAttr("b"), Value::Int(2));
  EXPECT_EQ(changed.type(), t);
  EXPECT_EQ(o.GetAttr("b"), Value::Null(Type::Number())) << "the original is unchanged";

  Value added = o.WithAttr("c", Value::Bool(true));
  EXPECT_EQ(added.type().attributes().size(), 3u);
  EXPECT_EQ(added.GetAttr("c"), Value::Bool(true));

  Value from_null = Value::Null(t).WithAttr("a", S("y"));
  EXPECT_TRUE(from_null.IsKnown());
  EXPECT_EQ(from_null.GetAttr("a"), S("y"));
  EXPECT_EQ(from_null.GetAttr("b"), Value::Null(Type::Number()));
}

TEST(Value, UntypedObjectTakesItsTypeFromAttributes) {
  Value o = Value::Object({{"n", Value::Int(1)}, {"s", S("x")}});
  EXPECT_EQ(o.type(), Type::Object({{"n", Type::Number()}, {"s", Type::String()}}));
  Value t = Value::Tuple({S("x"), Value::Bool(false)});
  EXPECT_EQ(t.type(), Type::Tuple({Type::String(), Type::Bool()}));
}

TEST(Value, KeepsRefinementsOfUnknowns) {
  Refinements r;
  r.string_prefix = "abc";
  Value v = Value::Unknown(Type::String(), r);
  EXPECT_EQ(v.refinements().string_prefix, "abc");
  EXPECT_TRUE(Value::Unknown(Type::String()).refinements().empty());
  EXPECT_TRUE(S("x").refinements().empty());
}

TEST(Value, DebugStringIsShortAndReadable) {
  EXPECT_EQ(S("a\"b").DebugString(), R"("a\"b")");
  EXPECT_EQ(Value::Null(Type::String()).DebugString(), "null");
  EXPECT_EQ(Value::Unknown(Type::String()).DebugString(), "(unknown)");
  EXPECT_EQ(Value::List(Type::Number(), {Value::Int(1), Value::Int(2)}).DebugString(), "[1, 2]");
  EXPECT_EQ(Value::Map(Type::Bool(), {{"k", Value::Bool(true)}}).DebugString(), R"({"k" = true})");
  EXPECT_EQ(Value::Object({{"a", S("x")}}).DebugString(), R"({a = "x"})");
}

TEST(AttributePath, RendersLikeTerraform) {
  EXPECT_EQ(AttributePath::Root("name").ToString(), "name");
  EXPECT_EQ(AttributePath::Root("contact").Attr("email").ToString(), "contact.email");
  EXPECT_EQ(AttributePath::Root("countries").Index(0).ToString(), "countries[0]");
  EXPECT_EQ(AttributePath::Root("tags").Key("env").Attr("v").ToString(), R"(tags["env"].v)");
  EXPECT_EQ(AttributePath().ToString(), "");
  EXPECT_EQ(AttributePath::Root("a").Index(1), AttributePath::Root("a").Index(1));
  EXPECT_FALSE(AttributePath::Root("a").Index(1) == AttributePath::Root("a").Index(2));
}

TEST(Diagnostics, CollectsErrorsAndWarnings) {
  Diagnostics d;
  EXPECT_TRUE(d.empty());
  d.AddWarning("careful");
  EXPECT_FALSE(d.HasError());
  d.AddStatusError("Could not create", absl::NotFoundError("no such region"),
                   AttributePath::Root("region"));
  EXPECT_TRUE(d.HasError());
  ASSERT_EQ(d.items().size(), 2u);
  EXPECT_EQ(d.items()[1].summary, "Could not create");
  EXPECT_EQ(d.items()[1].detail, "no such region");
  EXPECT_EQ(d.items()[1].attribute->ToString(), "region");

  Diagnostics other;
  other.AddError("x", "y");
  d.Append(other);
  EXPECT_EQ(d.items().size(), 3u);
}

TEST(Transform, RebuildsBottomUpWithPathsAndKeepsCollectionKinds) {
  Type item = Type::Object({{"id", Type::String()}});
  Value v = Value::Object(
      {{"l", Value::List(Type::String(), {Value::Unknown(Type::String())})},
       {"s", Value::Set(item, {Value::Object(item, {{"id", Value::Unknown(Type::String())}})})},
       {"m", Value::Map(Type::String(), {{"k", Value::String("x")}})}});
  std::vector<std::string> paths;
  Value out = Transform(v, [&](const AttributePath& path, const Value& e) {
    paths.push_back(path.ToString());
    return e.IsUnknown() ? Value::Null(e.type()) : e;
  });
  EXPECT_TRUE(out.IsWhollyKnown());
  EXPECT_EQ(out.GetAttr("l").type(), Type::List(Type::String()));
  EXPECT_TRUE(out.GetAttr("l").Elements()[0].IsNull());
  EXPECT_EQ(out.GetAttr("s").type(), Type::Set(item));
  EXPECT_TRUE(out.GetAttr("s").Elements()[0].GetAttr("id").IsNull());
  EXPECT_EQ(out.GetAttr("m"), v.GetAttr("m"));
  // Children before parents; set elements share the set's path.
  EXPECT_EQ(paths.back(), "");
  EXPECT_NE(std::find(paths.begin(), paths.end(), "l[0]"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "s.id"), paths.end());
  EXPECT_NE(std::find(paths.begin(), paths.end(), "m[\"k\"]"), paths.end());
}

TEST(Walk, VisitsParentsFirstAndCanSkipChildren) {
  Value v = Value::Object({{"a", Value::Object({{"b", Value::String("x")}})},
                           {"c", Value::List(Type::String(), {Value::String("y")})}});
  std::vector<std::string> seen;
  Walk(v, [&](const AttributePath& path, const Value&) {
    seen.push_back(path.ToString());
    return path.ToString() != "c";  // do not enter c
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"", "a", "a.b", "c"}));
}

TEST(TransformChildren, ConformsToATypeAndNamesThePathOfAnError) {
  Type target = Type::Object({{"n", Type::List(Type::String())}});
  Value v = Value::Object(
      {{"n", Value::List(Type::String(), {Value::String("x")})}, {"extra", Value::String("y")}});
  auto out = TransformChildren(v, target, AttributePath(),
                               [](const Value& child, const Type&,
                                  const AttributePath&) -> absl::StatusOr<Value> { return child; });
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(out.status().message(), "extra: unsupported attribute");
}

}  // namespace
}  // namespace opc::framework
