#include "provider/framework/server.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "provider/framework/codec.h"

namespace opc::framework {
namespace {

using ::testing::HasSubstr;

Value S(const std::string& s) { return Value::String(s); }

// The "remote" side the fake resource manages.
struct Tenant {
  std::mutex mu;
  std::condition_variable cv;
  bool create_waiting = false;
  int next_id = 1;
  struct Thing {
    std::string name;
    std::string note;
    int64_t version = 1;
  };
  std::map<std::string, Thing> things;
};

bool HasSummary(const Diagnostics& d, const std::string& text) {
  for (const auto& item : d.items()) {
    if (item.summary.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

std::string Describe(const Diagnostics& d) {
  std::string out;
  for (const auto& item : d.items()) {
    out += item.summary + ": " + item.detail + "\n";
  }
  return out;
}

class FakeThing : public Resource {
 public:
  std::string TypeName() const override { return "fake_thing"; }

  Schema GetSchema() const override {
    Schema s;
    s.version = 1;
    Attribute id = ComputedString("id", "Identifier.");
    id.use_state_for_unknown = true;
    Attribute name = RequiredString("name", "Name.");
    name.requires_replace = true;
    Attribute version;
    version.name = "version";
    version.type = Type::Number();
    version.computed = true;
    Attribute secret = OptionalString("secret", "Never stored.");
    secret.write_only = true;
    s.block.attributes = {id, name, OptionalString("note", "Note."), version, secret};
    return s;
  }

  void Configure(const ProviderData& data, Diagnostics& diags) override {
    auto* tenant = std::any_cast<std::shared_ptr<Tenant>>(&data);
    if (tenant == nullptr) {
      diags.AddError("bad provider data");
      return;
    }
    tenant_ = *tenant;
  }

  void ValidateConfig(const Value& config, Diagnostics& diags) override {
    if (config.GetAttr("note") == S("throw")) {
      throw std::runtime_error("boom");
    }
    if (config.GetAttr("note") == S("forbidden")) {
      diags.AddError("Forbidden note", "", AttributePath::Root("note"));
    }
  }

  void ModifyPlan(const ModifyPlanRequest& req, ModifyPlanResponse& resp) override {
    const Value& note = req.config.GetAttr("note");
    if (note == S("replace-me")) {
      resp.requires_replace.push_back(AttributePath::Root("note"));
      resp.requires_replace.push_back(AttributePath::Root("no_such_attribute"));
    }
    if (note == S("break-plan")) {
      resp.planned = resp.planned.WithAttr("name", S("bogus"));
    }
    resp.planned_private = "planned-private";
  }

  void Create(const CreateRequest& req, CreateResponse& resp) override {
    std::string name = req.config.GetAttr("name").AsString();
    if (name == "wait") {
      {
        std::lock_guard lock(tenant_->mu);
        tenant_->create_waiting = true;
      }
      tenant_->cv.notify_all();
      req.cancel.WaitFor(std::chrono::seconds(30));
    }
    if (req.cancel.IsCancelled()) {
      resp.diagnostics.AddError("Create cancelled");
      return;
    }
    if (name == "leave-unknown") {
      resp.new_state = req.planned;
      return;
    }
    std::lock_guard lock(tenant_->mu);
    std::string id = "thing-" + std::to_string(tenant_->next_id++);
    const Value& note = req.config.GetAttr("note");
    tenant_->things[id] = {name, note.IsNull() ? "" : note.AsString(), 1};
    resp.new_state = StateOf(id, tenant_->things[id], req.planned.type());
    resp.private_data = "created:" + req.planned_private;
  }

  void Read(const ReadRequest& req, ReadResponse& resp) override {
    std::lock_guard lock(tenant_->mu);
    std::string id = req.current_state.GetAttr("id").AsString();
    auto it = tenant_->things.find(id);
    if (it == tenant_->things.end()) {
      resp.new_state = Value();  // gone
      return;
    }
    resp.new_state = StateOf(id, it->second, GetSchema().ImpliedType());
  }

  void Update(const UpdateRequest& req, UpdateResponse& resp) override {
    std::lock_guard lock(tenant_->mu);
    std::string id = req.prior.GetAttr("id").AsString();
    auto& thing = tenant_->things.at(id);
    const Value& note = req.config.GetAttr("note");
    thing.note = note.IsNull() ? "" : note.AsString();
    if (thing.note == "inconsistent") {
      thing.note = "something else";
    }
    ++thing.version;
    resp.new_state = StateOf(id, thing, req.planned.type());
  }

  void Delete(const DeleteRequest& req, DeleteResponse& resp) override {
    std::lock_guard lock(tenant_->mu);
    tenant_->things.erase(req.prior.GetAttr("id").AsString());
  }

  void ImportState(const ImportRequest& req, ImportResponse& resp) override {
    resp.state = Value::Object(GetSchema().ImpliedType(), {{"id", S(req.id)}});
  }

 private:
  static Value StateOf(const std::string& id, const Tenant::Thing& t, const Type& type) {
    return Value::Object(type, {{"id", S(id)},
                                {"name", S(t.name)},
                                {"note", t.note.empty() ? Value() : S(t.note)},
                                {"version", Value::Int(t.version)},
                                {"secret", S("must not be stored")}});
  }

  std::shared_ptr<Tenant> tenant_;
};

class FakeCount : public DataSource {
 public:
  std::string TypeName() const override { return "fake_count"; }
  Schema GetSchema() const override {
    Schema s;
    Attribute count;
    count.name = "count";
    count.type = Type::Number();
    count.computed = true;
    s.block.attributes = {count};
    return s;
  }
  void Configure(const ProviderData& data, Diagnostics& diags) override {
    tenant_ = std::any_cast<std::shared_ptr<Tenant>>(data);
  }
  void Read(const ReadDataRequest& req, ReadDataResponse& resp) override {
    std::lock_guard lock(tenant_->mu);
    resp.state =
        Value::Object({{"count", Value::Int(static_cast<int64_t>(tenant_->things.size()))}});
  }

 private:
  std::shared_ptr<Tenant> tenant_;
};

class FakeProvider : public Provider {
 public:
  explicit FakeProvider(std::shared_ptr<Tenant> tenant) : tenant_(std::move(tenant)) {}
  std::string TypeName() const override { return "fake"; }
  std::string Version() const override { return "0.0.1"; }
  Schema GetSchema() const override {
    Schema s;
    s.block.attributes = {OptionalString("endpoint", "")};
    return s;
  }
  void Configure(const ConfigureProviderRequest& req, ConfigureProviderResponse& resp) override {
    if (req.config.GetAttr("endpoint") == S("bad")) {
      resp.diagnostics.AddError("Cannot reach the endpoint");
      return;
    }
    resp.data = tenant_;
  }
  std::vector<std::unique_ptr<Resource>> Resources() override {
    std::vector<std::unique_ptr<Resource>> out;
    out.push_back(std::make_unique<FakeThing>());
    return out;
  }
  std::vector<std::unique_ptr<DataSource>> DataSources() override {
    std::vector<std::unique_ptr<DataSource>> out;
    out.push_back(std::make_unique<FakeCount>());
    return out;
  }

 private:
  std::shared_ptr<Tenant> tenant_;
};

class ServerTest : public ::testing::Test {
 protected:
  ServerTest()
      : tenant_(std::make_shared<Tenant>()),
        server_(std::make_unique<FakeProvider>(tenant_)),
        type_(server_.FindResourceSchema("fake_thing")->ImpliedType()) {}

  Value ProviderConfig(const char* endpoint) {
    return Value::Object(server_.ProviderSchema().ImpliedType(), {{"endpoint", S(endpoint)}});
  }
  void Configure() {
    Diagnostics d = server_.ConfigureProvider("1.11.4", ProviderConfig("ok"));
    ASSERT_FALSE(d.HasError()) << Describe(d);
  }
  Value Config(const std::string& name, Value note = Value()) {
    return Value::Object(type_, {{"name", S(name)}, {"note", std::move(note)}});
  }
  // Terraform's proposed new state: config plus prior computed values.
  Value Proposed(const Value& prior, const Value& config) {
    if (prior.IsNull()) {
      return config;
    }
    return config.WithAttr("id", prior.GetAttr("id")).WithAttr("version", prior.GetAttr("version"));
  }
  ProviderServer::PlanResult Plan(const Value& prior, const Value& config) {
    return server_.PlanResourceChange("fake_thing", prior, Proposed(prior, config), config, "");
  }
  Value CreateThing(const std::string& name, Value note = Value()) {
    Value config = Config(name, std::move(note));
    auto plan = Plan(Value::Null(type_), config);
    EXPECT_FALSE(plan.diagnostics.HasError()) << Describe(plan.diagnostics);
    auto applied = server_.ApplyResourceChange("fake_thing", Value::Null(type_), plan.planned_state,
                                               config, plan.planned_private);
    EXPECT_FALSE(applied.diagnostics.HasError()) << Describe(applied.diagnostics);
    return applied.new_state;
  }

  std::shared_ptr<Tenant> tenant_;
  ProviderServer server_;
  Type type_;
};

TEST_F(ServerTest, BuildsSchemasAtConstruction) {
  EXPECT_EQ(server_.provider().TypeName(), "fake");
  EXPECT_EQ(server_.ResourceSchemas().size(), 1u);
  EXPECT_EQ(server_.ResourceSchemas().at("fake_thing").version, 1);
  ASSERT_NE(server_.FindDataSourceSchema("fake_count"), nullptr);
  EXPECT_EQ(server_.FindResourceSchema("fake_nothing"), nullptr);
  EXPECT_EQ(server_.FindDataSourceSchema("fake_thing"), nullptr);
}

TEST_F(ServerTest, ValidatesSchemaThenHook) {
  Diagnostics missing =
      server_.ValidateResourceConfig("fake_thing", Value::Object(type_, {{"note", S("x")}}));
  ASSERT_TRUE(missing.HasError());
  EXPECT_EQ(missing.items()[0].attribute->ToString(), "name");

  Diagnostics hook = server_.ValidateResourceConfig("fake_thing", Config("a", S("forbidden")));
  ASSERT_TRUE(HasSummary(hook, "Forbidden note"));

  Diagnostics thrown = server_.ValidateResourceConfig("fake_thing", Config("a", S("throw")));
  ASSERT_TRUE(HasSummary(thrown, "Internal provider error")) << "exceptions never escape";
  EXPECT_THAT(thrown.items()[0].detail, HasSubstr("boom"));

  EXPECT_TRUE(server_.ValidateResourceConfig("fake_thing", Config("a")).empty());
  EXPECT_TRUE(server_.ValidateProviderConfig(ProviderConfig("x")).empty());
  EXPECT_TRUE(HasSummary(server_.ValidateResourceConfig("fake_nothing", Config("a")),
                         "Unknown resource type"));
  EXPECT_TRUE(
      HasSummary(server_.ValidateDataResourceConfig("fake_nothing", Value::Null(Type::Object({}))),
                 "Unknown data source type"));
}

TEST_F(ServerTest, CallsBeforeConfigurationSayWhy) {
  EXPECT_TRUE(
      HasSummary(Plan(Value::Null(type_), Config("a")).diagnostics, "Provider not configured"));
  Diagnostics failed = server_.ConfigureProvider("1.11.4", ProviderConfig("bad"));
  EXPECT_TRUE(HasSummary(failed, "Cannot reach the endpoint"));
  EXPECT_TRUE(HasSummary(server_.ImportResourceState("fake_thing", "x").diagnostics,
                         "Provider not configured"));
  EXPECT_TRUE(HasSummary(server_.ReadDataSource("fake_count", Value()).diagnostics,
                         "Provider not configured"));
}

TEST_F(ServerTest, FullLifecycle) {
  Configure();
  // Create.
  Value config = Config("one", S("hello"));
  auto plan = Plan(Value::Null(type_), config);
  ASSERT_FALSE(plan.diagnostics.HasError()) << Describe(plan.diagnostics);
  EXPECT_TRUE(plan.planned_state.GetAttr("id").IsUnknown());
  EXPECT_TRUE(plan.planned_state.GetAttr("version").IsUnknown());
  EXPECT_EQ(plan.planned_private, "planned-private");
  auto created =
      server_.ApplyResourceChange("fake_thing", Value::Null(type_), plan.planned_state,
                                  config.WithAttr("secret", S("pw")), plan.planned_private);
  ASSERT_FALSE(created.diagnostics.HasError()) << Describe(created.diagnostics);
  Value state = created.new_state;
  EXPECT_EQ(state.GetAttr("id"), S("thing-1"));
  EXPECT_EQ(state.GetAttr("version"), Value::Int(1));
  EXPECT_EQ(state.GetAttr("secret"), Value::Null(Type::String())) << "write-only never stored";
  EXPECT_EQ(created.private_data, "created:planned-private");

  // Refresh and re-plan: nothing to do.
  auto read = server_.ReadResource("fake_thing", state, created.private_data);
  ASSERT_FALSE(read.diagnostics.HasError()) << Describe(read.diagnostics);
  EXPECT_EQ(read.new_state, state);
  auto noop = Plan(state, config);
  EXPECT_EQ(noop.planned_state, state);
  EXPECT_TRUE(noop.requires_replace.empty());

  // In-place update.
  Value changed = Config("one", S("bye"));
  auto update_plan = Plan(state, changed);
  EXPECT_EQ(update_plan.planned_state.GetAttr("id"), S("thing-1"));
  EXPECT_TRUE(update_plan.planned_state.GetAttr("version").IsUnknown());
  EXPECT_TRUE(update_plan.requires_replace.empty());
  auto updated = server_.ApplyResourceChange("fake_thing", state, update_plan.planned_state,
                                             changed, update_plan.planned_private);
  ASSERT_FALSE(updated.diagnostics.HasError()) << Describe(updated.diagnostics);
  EXPECT_EQ(updated.new_state.GetAttr("note"), S("bye"));
  EXPECT_EQ(updated.new_state.GetAttr("version"), Value::Int(2));

  // A rename needs a new object.
  auto rename = Plan(updated.new_state, Config("two", S("bye")));
  ASSERT_EQ(rename.requires_replace.size(), 1u);
  EXPECT_EQ(rename.requires_replace[0].ToString(), "name");

  // Destroy.
  auto destroy_plan = server_.PlanResourceChange("fake_thing", updated.new_state,
                                                 Value::Null(type_), Value::Null(type_), "");
  EXPECT_EQ(destroy_plan.planned_state, Value::Null(type_));
  auto deleted = server_.ApplyResourceChange("fake_thing", updated.new_state, Value::Null(type_),
                                             Value::Null(type_), "");
  ASSERT_FALSE(deleted.diagnostics.HasError()) << Describe(deleted.diagnostics);
  EXPECT_EQ(deleted.new_state, Value::Null(type_));
  EXPECT_TRUE(tenant_->things.empty());
}

TEST_F(ServerTest, ReadOfAVanishedObjectIsNull) {
  Configure();
  Value state = CreateThing("gone");
  tenant_->things.clear();
  auto read = server_.ReadResource("fake_thing", state, "");
  ASSERT_FALSE(read.diagnostics.HasError()) << Describe(read.diagnostics);
  EXPECT_EQ(read.new_state, Value::Null(type_));
}

TEST_F(ServerTest, ImportReadsTheRealObject) {
  Configure();
  Value state = CreateThing("imported", S("n"));
  auto imported = server_.ImportResourceState("fake_thing", "thing-1");
  ASSERT_FALSE(imported.diagnostics.HasError()) << Describe(imported.diagnostics);
  ASSERT_EQ(imported.imported.size(), 1u);
  EXPECT_EQ(imported.imported[0].type_name, "fake_thing");
  EXPECT_EQ(imported.imported[0].state, state);

  auto missing = server_.ImportResourceState("fake_thing", "thing-404");
  ASSERT_TRUE(HasSummary(missing.diagnostics, "Cannot import non-existent remote object"));
  EXPECT_THAT(missing.diagnostics.items()[0].detail, HasSubstr("\"thing-404\""));
  EXPECT_TRUE(missing.imported.empty());
}

TEST_F(ServerTest, UpgradeDecodesStoredState) {
  auto same = server_.UpgradeResourceState(
      "fake_thing", 1, nlohmann::json::parse(R"({"id":"thing-9","name":"x","version":3})"));
  ASSERT_FALSE(same.diagnostics.HasError()) << Describe(same.diagnostics);
  EXPECT_EQ(same.state.GetAttr("version"), Value::Int(3));
  EXPECT_EQ(same.state.GetAttr("note"), Value::Null(Type::String()));

  auto newer = server_.UpgradeResourceState("fake_thing", 2, nlohmann::json::object());
  EXPECT_TRUE(HasSummary(newer.diagnostics, "newer provider version"));

  auto older = server_.UpgradeResourceState("fake_thing", 0, nlohmann::json::object());
  EXPECT_TRUE(HasSummary(older.diagnostics, "Unable to upgrade resource state"));

  auto garbage =
      server_.UpgradeResourceState("fake_thing", 1, nlohmann::json::parse(R"({"nope":1})"));
  EXPECT_TRUE(garbage.diagnostics.HasError());
}

TEST_F(ServerTest, InconsistentApplyIsReportedAsAProviderBug) {
  Configure();
  Value state = CreateThing("x");
  Value config = Config("x", S("inconsistent"));
  auto plan = Plan(state, config);
  auto applied = server_.ApplyResourceChange("fake_thing", state, plan.planned_state, config, "");
  ASSERT_TRUE(HasSummary(applied.diagnostics, "inconsistent result after apply"));
  EXPECT_EQ(applied.diagnostics.items()[0].attribute->ToString(), "note");
}

TEST_F(ServerTest, UnknownsLeftAfterApplyAreAProviderBug) {
  Configure();
  Value config = Config("leave-unknown");
  auto plan = Plan(Value::Null(type_), config);
  auto applied =
      server_.ApplyResourceChange("fake_thing", Value::Null(type_), plan.planned_state, config, "");
  ASSERT_TRUE(HasSummary(applied.diagnostics, "invalid result object after apply"));
  EXPECT_TRUE(applied.new_state.IsWhollyKnown()) << "unknowns are replaced by nulls";
}

TEST_F(ServerTest, ModifyPlanHookAddsReplacementsAndIsChecked) {
  Configure();
  Value state = CreateThing("x");
  auto replace = Plan(state, Config("x", S("replace-me")));
  ASSERT_FALSE(replace.diagnostics.HasError()) << Describe(replace.diagnostics);
  ASSERT_EQ(replace.requires_replace.size(), 1u) << "paths that exist nowhere are dropped";
  EXPECT_EQ(replace.requires_replace[0].ToString(), "note");

  auto on_create = Plan(Value::Null(type_), Config("y", S("replace-me")));
  EXPECT_TRUE(on_create.requires_replace.empty()) << "never on create";

  auto broken = Plan(state, Config("x", S("break-plan")));
  ASSERT_TRUE(HasSummary(broken.diagnostics, "Provider produced invalid plan"));
  EXPECT_EQ(broken.diagnostics.items()[0].attribute->ToString(), "name");
}

TEST_F(ServerTest, ReadsDataSources) {
  Configure();
  CreateThing("a");
  CreateThing("b");
  auto data = server_.ReadDataSource(
      "fake_count", Value::Null(server_.FindDataSourceSchema("fake_count")->ImpliedType()));
  ASSERT_FALSE(data.diagnostics.HasError()) << Describe(data.diagnostics);
  EXPECT_EQ(data.state.GetAttr("count"), Value::Int(2));
}

TEST_F(ServerTest, StopCancelsTheWaitingCallAndLaterCallsWork) {
  Configure();
  Value config = Config("wait");
  auto plan = Plan(Value::Null(type_), config);
  ProviderServer::ApplyResult waiting;
  std::thread caller([&] {
    waiting = server_.ApplyResourceChange("fake_thing", Value::Null(type_), plan.planned_state,
                                          config, "");
  });
  {
    std::unique_lock lock(tenant_->mu);
    tenant_->cv.wait(lock, [&] { return tenant_->create_waiting; });
  }
  auto started = std::chrono::steady_clock::now();
  server_.Stop();
  caller.join();
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(10));
  EXPECT_TRUE(HasSummary(waiting.diagnostics, "Create cancelled"));
  EXPECT_EQ(waiting.new_state, Value::Null(type_));

  Value later = CreateThing("after-stop");
  EXPECT_EQ(later.GetAttr("name"), S("after-stop"));
}

TEST_F(ServerTest, UnknownResourceTypes) {
  Configure();
  EXPECT_TRUE(
      HasSummary(server_.PlanResourceChange("nope", Value(), Value(), Value(), "").diagnostics,
                 "Unknown resource type"));
  EXPECT_TRUE(
      HasSummary(server_.ApplyResourceChange("nope", Value(), Value(), Value(), "").diagnostics,
                 "Unknown resource type"));
  EXPECT_TRUE(
      HasSummary(server_.ReadResource("nope", Value(), "").diagnostics, "Unknown resource type"));
  EXPECT_TRUE(
      HasSummary(server_.ReadDataSource("nope", Value()).diagnostics, "Unknown data source type"));
}

}  // namespace
}  // namespace opc::framework
