#include "test_provider.h"

#include <chrono>
#include <utility>

namespace opc::protocol_test {
namespace {

using framework::Attribute;
using framework::Diagnostics;
using framework::Schema;
using framework::Type;
using framework::Value;

// A string attribute as the test provider records it.
std::string Describe(const Value& value) {
  return value.IsUnknown() ? "(unknown)" : value.IsNull() ? "(null)" : value.AsString();
}

class ThingResource final : public framework::Resource {
 public:
  explicit ThingResource(std::shared_ptr<ThingStore> store) : store_(std::move(store)) {}

  std::string TypeName() const override { return "test_thing"; }

  Schema GetSchema() const override {
    Schema schema;
    schema.block.description = "A thing kept in memory.";
    Attribute id = framework::ComputedString("id", "Identifier.");
    id.plan_modifiers.push_back(framework::planmodifier::UseStateForUnknown());
    Attribute name = framework::RequiredString("name", "Name; changing it replaces the thing.");
    name.plan_modifiers.push_back(framework::planmodifier::RequiresReplace());
    Attribute size;
    size.name = "size";
    size.type = Type::Number();
    size.description = "Size.";
    size.optional = true;
    Attribute tags;
    tags.name = "tags";
    tags.type = Type::Map(Type::String());
    tags.description = "Tags.";
    tags.optional = true;
    Attribute secret = framework::OptionalString("secret", "A sensitive value.");
    secret.sensitive = true;
    schema.block.attributes = {id, name, size, tags, secret};
    return schema;
  }

  void ValidateConfig(const Value& config, Diagnostics&) override {
    std::lock_guard lock(store_->mu);
    store_->last_validated_name = Describe(config.GetAttr("name"));
  }

  void Create(const framework::CreateRequest& req, framework::CreateResponse& resp) override {
    const Value& size = req.planned.GetAttr("size");
    if (size.IsKnown() && !size.IsNull() && size.AsNumber().ToInt64() == -1) {
      // Stands for a long operation: only StopProvider ends it.
      req.cancel.WaitFor(std::chrono::seconds(30));
      resp.diagnostics.AddError("Create cancelled", "The request was cancelled.");
      return;
    }
    std::lock_guard lock(store_->mu);
    std::string id = "thing-" + std::to_string(store_->next_id++);
    Value state = req.planned.WithAttr("id", Value::String(id));
    store_->things[id] = state;
    resp.new_state = state;
    resp.private_data = "private:" + id;
  }

  void Read(const framework::ReadRequest& req, framework::ReadResponse& resp) override {
    std::lock_guard lock(store_->mu);
    auto it = store_->things.find(req.current_state.GetAttr("id").AsString());
    resp.new_state =
        it == store_->things.end() ? Value::Null(GetSchema().ImpliedType()) : it->second;
  }

  void Update(const framework::UpdateRequest& req, framework::UpdateResponse& resp) override {
    std::lock_guard lock(store_->mu);
    store_->things[req.planned.GetAttr("id").AsString()] = req.planned;
    resp.new_state = req.planned;
  }

  void Delete(const framework::DeleteRequest& req, framework::DeleteResponse& resp) override {
    std::lock_guard lock(store_->mu);
    store_->things.erase(req.prior.GetAttr("id").AsString());
  }

  void ImportState(const framework::ImportRequest& req, framework::ImportResponse& resp) override {
    resp.state = Value::Object(GetSchema().ImpliedType(), {{"id", Value::String(req.id)}});
  }

 private:
  std::shared_ptr<ThingStore> store_;
};

class InfoDataSource final : public framework::DataSource {
 public:
  explicit InfoDataSource(std::shared_ptr<ThingStore> store) : store_(std::move(store)) {}
  std::string TypeName() const override { return "test_info"; }
  Schema GetSchema() const override {
    Schema schema;
    schema.block.attributes = {framework::RequiredString("name", "Who to greet."),
                               framework::ComputedString("greeting", "The greeting.")};
    return schema;
  }
  void ValidateConfig(const Value& config, Diagnostics&) override {
    std::lock_guard lock(store_->mu);
    store_->last_validated_name = Describe(config.GetAttr("name"));
  }
  void Read(const framework::ReadDataRequest& req, framework::ReadDataResponse& resp) override {
    resp.state = req.config.WithAttr(
        "greeting", Value::String("hello " + req.config.GetAttr("name").AsString()));
  }

 private:
  std::shared_ptr<ThingStore> store_;
};

class TestProvider final : public framework::Provider {
 public:
  explicit TestProvider(std::shared_ptr<ThingStore> store) : store_(std::move(store)) {}
  std::string TypeName() const override { return "test"; }
  std::string Version() const override { return "9.9.9"; }
  Schema GetSchema() const override {
    Schema schema;
    schema.block.attributes = {framework::OptionalString("region", "Where things live.")};
    return schema;
  }
  void ValidateConfig(const Value& config, Diagnostics& diags) override {
    const Value& region = config.GetAttr("region");
    {
      std::lock_guard lock(store_->mu);
      store_->last_validated_region = Describe(region);
    }
    if (region.IsKnown() && !region.IsNull() && region.AsString() == "invalid") {
      diags.AddError("Invalid region", "\"invalid\" is not a region.",
                     framework::AttributePath::Root("region"));
    }
  }
  void Configure(const framework::ConfigureProviderRequest& req,
                 framework::ConfigureProviderResponse& resp) override {
    std::lock_guard lock(store_->mu);
    store_->last_terraform_version = req.terraform_version;
    store_->last_region = Describe(req.config.GetAttr("region"));
  }
  std::vector<std::unique_ptr<framework::Resource>> Resources() override {
    std::vector<std::unique_ptr<framework::Resource>> out;
    out.push_back(std::make_unique<ThingResource>(store_));
    return out;
  }
  std::vector<std::unique_ptr<framework::DataSource>> DataSources() override {
    std::vector<std::unique_ptr<framework::DataSource>> out;
    out.push_back(std::make_unique<InfoDataSource>(store_));
    return out;
  }

 private:
  std::shared_ptr<ThingStore> store_;
};

}  // namespace

std::unique_ptr<framework::Provider> MakeTestProvider(std::shared_ptr<ThingStore> store) {
  return std::make_unique<TestProvider>(std::move(store));
}

}  // namespace opc::protocol_test
