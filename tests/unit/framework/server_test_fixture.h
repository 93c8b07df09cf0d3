// The fake provider, resource and data source the framework server tests drive, and the
// fixture that builds a server around them.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "provider/framework/codec.h"
#include "provider/framework/server.h"

namespace opc::framework::server_testing {

inline Value S(const std::string& s) { return Value::String(s); }

// The "remote" side the fake resource manages.
struct Tenant {
  std::mutex mu;
  std::condition_variable cv;
  bool create_waiting = false;
  // What ModifyPlan saw: how many destroy plans, and the last request's cancellation token.
  int modify_plan_destroys = 0;
  CancellationToken modify_plan_cancel;
  int next_id = 1;
  struct Thing {
    std::string name;
    std::string note;
    int64_t version = 1;
  };
  std::map<std::string, Thing> things;
};

inline bool HasSummary(const Diagnostics& d, const std::string& text) {
  for (const auto& item : d.items()) {
    if (item.summary.find(text) != std::string::npos) {
      return true;
    }
  }
  return false;
}

inline std::string Describe(const Diagnostics& d) {
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
    id.plan_modifiers.push_back(planmodifier::UseStateForUnknown());
    Attribute name = RequiredString("name", "Name.");
    name.plan_modifiers.push_back(planmodifier::RequiresReplace());
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
    tenant_->modify_plan_cancel = req.cancel;
    if (resp.planned.IsNull()) {
      ++tenant_->modify_plan_destroys;
      if (req.prior.GetAttr("note") == S("undeletable")) {
        resp.diagnostics.AddError("Refusing to destroy", "This thing is marked undeletable.");
      }
      resp.planned = S("a destroy plan stays null whatever the resource returns");
      return;
    }
    const Value& note = req.config.GetAttr("note");
    if (note == S("replace-me")) {
      // Out of order and twice: the server sorts and de-duplicates.
      resp.requires_replace.insert(resp.requires_replace.begin(), AttributePath::Root("note"));
      resp.requires_replace.push_back(AttributePath::Root("no_such_attribute"));
      resp.requires_replace.push_back(AttributePath::Root("note"));
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

}  // namespace opc::framework::server_testing
