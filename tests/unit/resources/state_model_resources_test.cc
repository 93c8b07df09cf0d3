// StateMapping's field kinds, each for null, unknown, empty and values: Read gives the model,
// Write gives exactly the schema's type (what Terraform checks the state against), and the
// mapping's test helper catches a missing, extra or misnamed nested attribute.
#include <gmock/gmock.h>
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "provider/framework/number.h"
#include "provider/framework/schema.h"
#include "provider/framework/value.h"
#include "provider/resources/state_model.h"
#include "tests/unit/resources/state_model_testing.h"

namespace opc::resources {
namespace {

using framework::Type;
using framework::Value;

struct Item {
  std::optional<std::string> name;
  std::optional<int64_t> size;
  bool operator==(const Item&) const = default;
};

struct Model {
  std::optional<std::string> text;
  std::optional<bool> flag;
  std::optional<std::vector<std::string>> tags;       // set
  std::optional<std::vector<std::string>> countries;  // list
  std::optional<std::map<std::string, std::string>> labels;
  std::optional<framework::Number> latitude;
  std::optional<int64_t> count;
  std::optional<Item> single;
  std::optional<std::vector<Item>> items;     // list of objects
  std::optional<std::vector<Item>> item_set;  // set of objects
  Value raw;
};

const StateMapping<Item>& ItemMapping() {
  static const auto* mapping =
      &(*new StateMapping<Item>()).String("name", &Item::name).Int64("size", &Item::size);
  return *mapping;
}

const StateMapping<Model>& ModelMapping() {
  using M = Model;
  static const auto* mapping = &(*new StateMapping<M>())
                                    .String("text", &M::text)
                                    .Bool("flag", &M::flag)
                                    .StringSet("tags", &M::tags)
                                    .StringList("countries", &M::countries)
                                    .StringMap("labels", &M::labels)
                                    .Number("latitude", &M::latitude)
                                    .Int64("count", &M::count)
                                    .Object("single", &M::single, ItemMapping())
                                    .ObjectList("items", &M::items, ItemMapping())
                                    .ObjectSet("item_set", &M::item_set, ItemMapping())
                                    .Raw("raw", &M::raw);
  return *mapping;
}

// Static, so that loops over their attributes never hold a destroyed temporary.
const Type& ItemType() {
  static const Type* type =
      new Type(Type::Object({{"name", Type::String()}, {"size", Type::Number()}}));
  return *type;
}

const Type& ModelType() {
  static const Type* type = new Type(Type::Object({{"text", Type::String()},
                                                   {"flag", Type::Bool()},
                                                   {"tags", Type::Set(Type::String())},
                                                   {"countries", Type::List(Type::String())},
                                                   {"labels", Type::Map(Type::String())},
                                                   {"latitude", Type::Number()},
                                                   {"count", Type::Number()},
                                                   {"single", ItemType()},
                                                   {"items", Type::List(ItemType())},
                                                   {"item_set", Type::Set(ItemType())},
                                                   {"raw", Type::List(Type::Number())}}));
  return *type;
}

Value S(const std::string& text) { return Value::String(text); }

Value ItemValue(const std::string& name, int64_t size) {
  return Value::Object(ItemType(), {{"name", S(name)}, {"size", Value::Int(size)}});
}

// Every attribute of ModelType() null, unknown, or as given.
Value Object(std::map<std::string, Value> attributes) {
  return Value::Object(ModelType(), std::move(attributes));
}

Value AllUnknown() {
  std::map<std::string, Value> attributes;
  for (const auto& [name, type] : ModelType().attributes()) {
    attributes[name] = Value::Unknown(type);
  }
  return Object(std::move(attributes));
}

// Each written attribute has exactly the type the schema gives it.
void ExpectSchemaTypes(const Value& written) {
  ASSERT_EQ(written.type(), ModelType());
  for (const auto& [name, type] : ModelType().attributes()) {
    EXPECT_EQ(written.GetAttr(name).type(), type) << name;
  }
}

TEST(StateModelTest, NullAndUnknownReadAsNothingAndNothingWritesNull) {
  for (const Value& object : {Object({}), AllUnknown(), Value::Null(ModelType())}) {
    const Model model = ModelMapping().Read(object);
    EXPECT_EQ(model.text, std::nullopt);
    EXPECT_EQ(model.flag, std::nullopt);
    EXPECT_EQ(model.tags, std::nullopt);
    EXPECT_EQ(model.countries, std::nullopt);
    EXPECT_EQ(model.labels, std::nullopt);
    EXPECT_EQ(model.latitude, std::nullopt);
    EXPECT_EQ(model.count, std::nullopt);
    EXPECT_EQ(model.single, std::nullopt);
    EXPECT_EQ(model.items, std::nullopt);
    EXPECT_EQ(model.item_set, std::nullopt);
  }
  const Value written = ModelMapping().Write(Model{}, ModelType());
  ExpectSchemaTypes(written);
  for (const auto& [name, type] : ModelType().attributes()) {
    EXPECT_TRUE(written.GetAttr(name).IsNull()) << name;
  }
}

TEST(StateModelTest, EmptyCollectionsStayEmptyNotNull) {
  const Value empty = Object({{"tags", Value::Set(Type::String(), {})},
                              {"countries", Value::List(Type::String(), {})},
                              {"labels", Value::Map(Type::String(), {})},
                              {"items", Value::List(ItemType(), {})},
                              {"item_set", Value::Set(ItemType(), {})}});
  const Model model = ModelMapping().Read(empty);
  EXPECT_EQ(model.tags, std::vector<std::string>{});
  EXPECT_EQ(model.countries, std::vector<std::string>{});
  EXPECT_EQ(model.labels, (std::map<std::string, std::string>{}));
  EXPECT_EQ(model.items, std::vector<Item>{});
  EXPECT_EQ(model.item_set, std::vector<Item>{});
  const Value written = ModelMapping().Write(model, ModelType());
  ExpectSchemaTypes(written);
  EXPECT_EQ(written, empty);
  EXPECT_TRUE(written.GetAttr("countries").IsKnown());
  EXPECT_TRUE(written.GetAttr("items").Elements().empty());
}

TEST(StateModelTest, ValuesReadIntoTheirMembersAndWriteBackUnchanged) {
  const Value raw = Value::List(Type::Number(), {Value::Int(7)});
  const Value full =
      Object({{"text", S("hello")},
              {"flag", Value::Bool(false)},
              {"tags", Value::Set(Type::String(), {S("b"), S("a")})},
              {"countries", Value::List(Type::String(), {S("GB"), S("DE")})},
              {"labels", Value::Map(Type::String(), {{"k", S("v")}})},
              {"latitude", Value::Number(*framework::Number::Parse("47.60621"))},
              {"count", Value::Int(42)},
              {"single", ItemValue("one", 1)},
              {"items", Value::List(ItemType(), {ItemValue("first", 2), ItemValue("second", 3)})},
              {"item_set", Value::Set(ItemType(), {ItemValue("member", 4)})},
              {"raw", raw}});
  const Model model = ModelMapping().Read(full);
  EXPECT_EQ(model.text, "hello");
  EXPECT_EQ(model.flag, false);
  EXPECT_EQ(model.tags, (std::vector<std::string>{"a", "b"}));         // the set's canonical order
  EXPECT_EQ(model.countries, (std::vector<std::string>{"GB", "DE"}));  // a list keeps its order
  EXPECT_EQ(model.labels, (std::map<std::string, std::string>{{"k", "v"}}));
  ASSERT_TRUE(model.latitude.has_value());
  EXPECT_EQ(model.latitude->ToString(), "47.60621");
  EXPECT_EQ(model.count, 42);
  EXPECT_EQ(model.single, (Item{"one", 1}));
  EXPECT_EQ(model.items, (std::vector<Item>{{"first", 2}, {"second", 3}}));
  EXPECT_EQ(model.item_set, (std::vector<Item>{{"member", 4}}));
  EXPECT_EQ(model.raw, raw);

  const Value written = ModelMapping().Write(model, ModelType());
  ExpectSchemaTypes(written);
  EXPECT_EQ(written, full);
}

TEST(StateModelTest, NullAndUnknownElementsAreSkippedAndNestedNullsStayNull) {
  const Value mixed = Object(
      {{"countries", Value::List(Type::String(), {S("GB"), Value::Null(Type::String()),
                                                  Value::Unknown(Type::String())})},
       {"labels", Value::Map(Type::String(), {{"a", S("1")}, {"b", Value::Null(Type::String())}})},
       {"items", Value::List(ItemType(), {Value::Null(ItemType()), Value::Unknown(ItemType()),
                                          Value::Object(ItemType(), {{"name", S("x")}})})}});
  const Model model = ModelMapping().Read(mixed);
  EXPECT_EQ(model.countries, std::vector<std::string>{"GB"});
  EXPECT_EQ(model.labels, (std::map<std::string, std::string>{{"a", "1"}}));
  ASSERT_TRUE(model.items.has_value());
  EXPECT_EQ(*model.items, (std::vector<Item>{{"x", std::nullopt}}));
  // The item's unset size writes null of the element's attribute type, not a missing attribute.
  const Value written = ModelMapping().Write(model, ModelType());
  ExpectSchemaTypes(written);
  const Value& item = written.GetAttr("items").Elements().at(0);
  EXPECT_EQ(item.type(), ItemType());
  EXPECT_EQ(item.GetAttr("size"), Value::Null(Type::Number()));
}

TEST(StateModelTest, ANumberThatIsNotAWholeInt64ReadsAsNoCount) {
  EXPECT_EQ(ModelMapping()
                .Read(Object({{"count", Value::Number(*framework::Number::Parse("1.5"))}}))
                .count,
            std::nullopt);
  EXPECT_EQ(ModelMapping()
                .Read(Object({{"count", Value::Number(*framework::Number::Parse("1e30"))}}))
                .count,
            std::nullopt);
  // The exact kind keeps what a user wrote.
  EXPECT_EQ(ModelMapping()
                .Read(Object({{"latitude", Value::Number(*framework::Number::Parse("1e30"))}}))
                .latitude,
            framework::Number::Parse("1e30"));
}

TEST(StateModelTest, SetsOfObjectsDropDuplicatesAsTerraformDoes) {
  Model model;
  model.item_set = std::vector<Item>{{"same", 1}, {"same", 1}};
  const Value written = ModelMapping().Write(model, ModelType());
  EXPECT_EQ(written.GetAttr("item_set").Elements().size(), 1u);
}

TEST(StateModelTest, PathsNameNestedAttributesButNotInsideRaw) {
  std::vector<std::string> paths;
  std::vector<std::string> opaque;
  ModelMapping().AppendPaths("", paths, opaque);
  EXPECT_EQ(paths, (std::vector<std::string>{"text", "flag", "tags", "countries", "labels",
                                             "latitude", "count", "single", "single.name",
                                             "single.size", "items", "items.name", "items.size",
                                             "item_set", "item_set.name", "item_set.size", "raw"}));
  EXPECT_EQ(opaque, std::vector<std::string>{"raw"});
}

// A schema of nested attributes shaped like ModelType(), minus `drop` (a path) and plus an
// attribute `extra` (a path).
framework::Schema SchemaLikeModel(const std::string& drop = "", const std::string& extra = "") {
  auto leaf = [](const std::string& name, Type type) {
    framework::Attribute a;
    a.name = name;
    a.type = std::move(type);
    a.computed = true;
    return a;
  };
  auto item_attributes = [&](const std::string& parent) {
    std::vector<framework::Attribute> out;
    for (const auto& [name, type] : ItemType().attributes()) {
      if (parent + "." + name != drop) {
        out.push_back(leaf(name, type));
      }
    }
    if (extra.rfind(parent + ".", 0) == 0) {
      out.push_back(leaf(extra.substr(parent.size() + 1), Type::String()));
    }
    return out;
  };
  auto nested = [&](const std::string& name, framework::NestedAttributes::Nesting nesting) {
    framework::Attribute a;
    a.name = name;
    a.computed = true;
    a.nested = std::make_shared<framework::NestedAttributes>();
    a.nested->nesting = nesting;
    a.nested->attributes = item_attributes(name);
    return a;
  };
  framework::Schema schema;
  for (const auto& [name, type] : ModelType().attributes()) {
    if (name == drop) {
      continue;
    }
    if (name == "single") {
      schema.block.attributes.push_back(
          nested(name, framework::NestedAttributes::Nesting::kSingle));
    } else if (name == "items") {
      schema.block.attributes.push_back(nested(name, framework::NestedAttributes::Nesting::kList));
    } else if (name == "item_set") {
      schema.block.attributes.push_back(nested(name, framework::NestedAttributes::Nesting::kSet));
    } else {
      schema.block.attributes.push_back(leaf(name, type));
    }
  }
  return schema;
}

TEST(StateModelTest, TheMappingTestAcceptsTheMatchingSchema) {
  ASSERT_EQ(SchemaLikeModel().ImpliedType(), ModelType());
  testing::ExpectMappingMatchesSchema(ModelMapping(), SchemaLikeModel());
}

// The failure messages ExpectMappingMatchesSchema reports for `schema`.
std::vector<std::string> MappingTestFailures(const framework::Schema& schema) {
  ::testing::TestPartResultArray results;
  {
    ::testing::ScopedFakeTestPartResultReporter reporter(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &results);
    testing::ExpectMappingMatchesSchema(ModelMapping(), schema);
  }
  std::vector<std::string> messages;
  for (int i = 0; i < results.size(); ++i) {
    messages.push_back(results.GetTestPartResult(i).message());
  }
  return messages;
}

TEST(StateModelTest, TheMappingTestFailsOnAMissingOrExtraNestedAttribute) {
  for (const auto& [drop, extra] : std::vector<std::pair<std::string, std::string>>{
           {"items.size", ""}, {"", "items.colour"}, {"", "single.colour"}, {"count", ""}}) {
    const std::vector<std::string> failures = MappingTestFailures(SchemaLikeModel(drop, extra));
    ASSERT_FALSE(failures.empty()) << drop << extra;
    EXPECT_THAT(failures.front(), ::testing::HasSubstr("every schema attribute")) << drop << extra;
  }
}

}  // namespace
}  // namespace opc::resources
