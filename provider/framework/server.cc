#include "provider/framework/server.h"

#include <exception>
#include <utility>

#include "provider/framework/codec.h"
#include "provider/framework/planner.h"

namespace opc::framework {

namespace {

bool IsPresent(const Value& v) { return v.IsKnown() && !v.IsNull(); }

// Resource code is not allowed to throw across the framework boundary; if it does anyway, the
// user gets a diagnostic instead of a dead provider.
template <typename F>
void Guard(Diagnostics& diags, const std::string& what, F&& f) {
  try {
    f();
  } catch (const std::exception& e) {
    diags.AddError("Internal provider error", what + " failed unexpectedly: " + e.what());
  } catch (...) {
    diags.AddError("Internal provider error", what + " failed unexpectedly.");
  }
}

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

// Write-only attributes are never stored, whatever a resource returns.
Value NullWriteOnly(const std::vector<Attribute>& attrs, const Value& object);

Value NullWriteOnlyNested(const NestedAttributes& nested, const Value& v) {
  if (!IsPresent(v)) {
    return v;
  }
  switch (nested.nesting) {
    case NestedAttributes::Nesting::kSingle:
      return NullWriteOnly(nested.attributes, v);
    case NestedAttributes::Nesting::kList:
    case NestedAttributes::Nesting::kSet: {
      if (v.type().kind() == Type::Kind::kMap || v.type().kind() == Type::Kind::kObject) {
        return v;
      }
      std::vector<Value> out;
      for (const auto& e : v.Elements()) {
        out.push_back(NullWriteOnly(nested.attributes, e));
      }
      switch (v.type().kind()) {
        case Type::Kind::kList:
          return Value::List(v.type().element(), std::move(out));
        case Type::Kind::kSet:
          return Value::Set(v.type().element(), std::move(out));
        default:
          return Value::Tuple(std::move(out));
      }
    }
    case NestedAttributes::Nesting::kMap: {
      if (v.type().kind() != Type::Kind::kMap) {
        return v;
      }
      std::map<std::string, Value> out;
      for (const auto& [key, e] : v.MapElements()) {
        out.emplace(key, NullWriteOnly(nested.attributes, e));
      }
      return Value::Map(v.type().element(), std::move(out));
    }
  }
  return v;
}

Value NullWriteOnly(const std::vector<Attribute>& attrs, const Value& object) {
  if (!IsPresent(object) || object.type().kind() != Type::Kind::kObject) {
    return object;
  }
  Value out = object;
  for (const auto& a : attrs) {
    if (a.write_only) {
      out = out.WithAttr(a.name, Value::Null(a.EffectiveType()));
    } else if (a.nested) {
      out = out.WithAttr(a.name, NullWriteOnlyNested(*a.nested, out.GetAttr(a.name)));
    }
  }
  return out;
}

bool HasWriteOnly(const std::vector<Attribute>& attrs) {
  for (const auto& a : attrs) {
    if (a.write_only || (a.nested && HasWriteOnly(a.nested->attributes))) {
      return true;
    }
  }
  return false;
}

Value StripWriteOnly(const Block& block, const Value& v) {
  // Only top-level and nested attributes; blocks with write-only attributes are not used here.
  return HasWriteOnly(block.attributes) ? NullWriteOnly(block.attributes, v) : v;
}

// Terraform replaces unknowns left after apply with nulls; doing it here keeps the state valid.
Value NullUnknowns(const Value& v) {
  if (v.IsUnknown()) {
    return Value::Null(v.type());
  }
  if (!IsPresent(v) || v.IsWhollyKnown()) {
    return v;
  }
  switch (v.type().kind()) {
    case Type::Kind::kList:
    case Type::Kind::kSet:
    case Type::Kind::kTuple: {
      std::vector<Value> out;
      for (const auto& e : v.Elements()) {
        out.push_back(NullUnknowns(e));
      }
      if (v.type().kind() == Type::Kind::kList) {
        return Value::List(v.type().element(), std::move(out));
      }
      if (v.type().kind() == Type::Kind::kSet) {
        return Value::Set(v.type().element(), std::move(out));
      }
      return Value::Tuple(std::move(out));
    }
    case Type::Kind::kMap: {
      std::map<std::string, Value> out;
      for (const auto& [key, e] : v.MapElements()) {
        out.emplace(key, NullUnknowns(e));
      }
      return Value::Map(v.type().element(), std::move(out));
    }
    case Type::Kind::kObject: {
      std::map<std::string, Value> out;
      for (const auto& [key, e] : v.Attributes()) {
        out.emplace(key, NullUnknowns(e));
      }
      return Value::Object(v.type(), std::move(out));
    }
    default:
      return v;
  }
}

// Whether Terraform can follow `path` into `v` (hcl.ApplyPath succeeds).
bool PathExists(const Value& root, const AttributePath& path) {
  const Value* v = &root;
  Value holder;
  for (const auto& step : path.steps()) {
    if (v->IsUnknown()) {
      return true;  // Terraform gets an unknown, which is not an error
    }
    if (v->IsNull()) {
      return false;
    }
    if (const auto* attr = std::get_if<AttributeName>(&step)) {
      if (v->type().kind() != Type::Kind::kObject ||
          v->type().attributes().count(attr->name) == 0) {
        return false;
      }
      holder = v->GetAttr(attr->name);
    } else if (const auto* key = std::get_if<ElementKeyString>(&step)) {
      if (v->type().kind() != Type::Kind::kMap) {
        return false;
      }
      auto it = v->MapElements().find(key->key);
      if (it == v->MapElements().end()) {
        return false;
      }
      holder = it->second;
    } else {
      auto index = std::get<ElementKeyInt>(step).index;
      auto k = v->type().kind();
      if ((k != Type::Kind::kList && k != Type::Kind::kTuple) || index < 0 ||
          static_cast<size_t>(index) >= v->Elements().size()) {
        return false;
      }
      holder = v->Elements()[static_cast<size_t>(index)];
    }
    v = &holder;
  }
  return true;
}

// Conforms a value a resource returned to the schema type; a mismatch is a provider bug.
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

}  // namespace

ProviderServer::ProviderServer(std::unique_ptr<Provider> provider)
    : provider_(std::move(provider)), stop_source_(std::make_shared<CancellationSource>()) {
  provider_schema_ = provider_->GetSchema();
  for (auto& resource : provider_->Resources()) {
    if (!resource) {
      continue;
    }
    std::string name = resource->TypeName();
    resource_schemas_[name] = resource->GetSchema();
    resources_[name] = std::move(resource);
  }
  for (auto& data_source : provider_->DataSources()) {
    if (!data_source) {
      continue;
    }
    std::string name = data_source->TypeName();
    data_source_schemas_[name] = data_source->GetSchema();
    data_sources_[name] = std::move(data_source);
  }
  for (auto& function : provider_->Functions()) {
    if (!function) {
      continue;
    }
    std::string name = function->Name();
    function_definitions_[name] = function->Definition();
    functions_[name] = std::move(function);
  }
}

const Schema* ProviderServer::FindResourceSchema(std::string_view type_name) const {
  auto it = resource_schemas_.find(std::string(type_name));
  return it == resource_schemas_.end() ? nullptr : &it->second;
}

const Schema* ProviderServer::FindDataSourceSchema(std::string_view type_name) const {
  auto it = data_source_schemas_.find(std::string(type_name));
  return it == data_source_schemas_.end() ? nullptr : &it->second;
}

CancellationToken ProviderServer::CurrentToken() {
  std::lock_guard lock(mu_);
  return stop_source_->Token();
}

void ProviderServer::Stop() {
  std::lock_guard lock(mu_);
  stop_source_->Cancel();
  stop_source_ = std::make_shared<CancellationSource>();
}

Diagnostics ProviderServer::ValidateProviderConfig(const Value& config) {
  Diagnostics diags;
  Guard(diags, "Provider configuration validation",
        [&] { ValidateAgainstSchema(provider_schema_.block, config, diags); });
  Guard(diags, "Provider configuration validation",
        [&] { provider_->ValidateConfig(config, diags); });
  return diags;
}

Diagnostics ProviderServer::ConfigureProvider(const std::string& terraform_version,
                                              const Value& config) {
  Diagnostics diags;
  ConfigureProviderRequest req{terraform_version, config};
  ConfigureProviderResponse resp;
  Guard(diags, "Provider configuration", [&] { provider_->Configure(req, resp); });
  diags.Append(resp.diagnostics);
  if (!diags.HasError()) {
    // Plain pair references, not structured bindings: clang before 16 cannot capture those.
    for (auto& entry : resources_) {
      Resource& resource = *entry.second;
      Guard(diags, "Configuring " + entry.first, [&] { resource.Configure(resp.data, diags); });
    }
    for (auto& entry : data_sources_) {
      DataSource& data_source = *entry.second;
      Guard(diags, "Configuring " + entry.first, [&] { data_source.Configure(resp.data, diags); });
    }
  }
  std::lock_guard lock(mu_);
  configured_ = !diags.HasError();
  return diags;
}

Diagnostics ProviderServer::ValidateResourceConfig(const std::string& type_name,
                                                   const Value& config) {
  Diagnostics diags;
  auto it = resources_.find(type_name);
  if (it == resources_.end()) {
    AddUnknownType(diags, "resource", type_name);
    return diags;
  }
  Guard(diags, "Validating " + type_name,
        [&] { ValidateAgainstSchema(resource_schemas_.at(type_name).block, config, diags); });
  Guard(diags, "Validating " + type_name, [&] { it->second->ValidateConfig(config, diags); });
  return diags;
}

Diagnostics ProviderServer::ValidateDataResourceConfig(const std::string& type_name,
                                                       const Value& config) {
  Diagnostics diags;
  auto it = data_sources_.find(type_name);
  if (it == data_sources_.end()) {
    AddUnknownType(diags, "data source", type_name);
    return diags;
  }
  Guard(diags, "Validating " + type_name,
        [&] { ValidateAgainstSchema(data_source_schemas_.at(type_name).block, config, diags); });
  Guard(diags, "Validating " + type_name, [&] { it->second->ValidateConfig(config, diags); });
  return diags;
}

ProviderServer::UpgradeResult ProviderServer::UpgradeResourceState(
    const std::string& type_name, int64_t version, const nlohmann::json& raw_state) {
  UpgradeResult result;
  auto it = resources_.find(type_name);
  if (it == resources_.end()) {
    AddUnknownType(result.diagnostics, "resource", type_name);
    return result;
  }
  const Schema& schema = resource_schemas_.at(type_name);
  Type type = schema.ImpliedType();
  result.state = Value::Null(type);
  if (version > schema.version) {
    result.diagnostics.AddError(
        "Resource instance managed by newer provider version",
        "The current state of this " + type_name + " was created by a newer provider version (" +
            "schema version " + std::to_string(version) + ", this provider knows up to " +
            std::to_string(schema.version) + "). Upgrade the provider to work with this state.");
    return result;
  }
  UpgradeStateRequest req{version, raw_state, &schema};
  UpgradeStateResponse resp;
  Guard(result.diagnostics, "Upgrading the state of " + type_name,
        [&] { it->second->UpgradeState(req, resp); });
  result.diagnostics.Append(resp.diagnostics);
  if (result.diagnostics.HasError()) {
    return result;
  }
  Value state;
  if (!ConformResult(resp.state, type, "upgraded state", state, result.diagnostics)) {
    return result;
  }
  CheckWhollyKnown(state, "upgraded state", result.diagnostics);
  if (!result.diagnostics.HasError()) {
    result.state = StripWriteOnly(schema.block, state);
  }
  return result;
}

bool ProviderServer::RequireConfigured(Diagnostics& diags, const std::string& operation) {
  std::lock_guard lock(mu_);
  if (!configured_) {
    AddNotConfigured(diags, operation);
  }
  return configured_;
}

ProviderServer::ReadResult ProviderServer::ReadResource(const std::string& type_name,
                                                        const Value& current_state,
                                                        const std::string& private_data) {
  ReadResult result;
  auto it = resources_.find(type_name);
  if (it == resources_.end()) {
    AddUnknownType(result.diagnostics, "resource", type_name);
    return result;
  }
  const Schema& schema = resource_schemas_.at(type_name);
  Type type = schema.ImpliedType();
  result.new_state = current_state;
  result.private_data = private_data;
  if (!RequireConfigured(result.diagnostics, "Reading " + type_name)) {
    return result;
  }
  if (current_state.IsNull()) {
    result.new_state = Value::Null(type);
    return result;
  }
  ReadRequest req{current_state, private_data, CurrentToken()};
  ReadResponse resp;
  resp.new_state = current_state;
  resp.private_data = private_data;
  Guard(result.diagnostics, "Reading " + type_name, [&] { it->second->Read(req, resp); });
  result.diagnostics.Append(resp.diagnostics);
  result.private_data = resp.private_data;
  Value state;
  if (!ConformResult(resp.new_state, type, "state after read", state, result.diagnostics)) {
    return result;
  }
  CheckWhollyKnown(state, "state after read", result.diagnostics);
  if (result.diagnostics.HasError() && !state.IsWhollyKnown()) {
    return result;  // keep the current state
  }
  result.new_state = StripWriteOnly(schema.block, state);
  return result;
}

ProviderServer::PlanResult ProviderServer::PlanResourceChange(const std::string& type_name,
                                                              const Value& prior,
                                                              const Value& proposed,
                                                              const Value& config,
                                                              const std::string& prior_private) {
  PlanResult result;
  auto it = resources_.find(type_name);
  if (it == resources_.end()) {
    AddUnknownType(result.diagnostics, "resource", type_name);
    return result;
  }
  const Schema& schema = resource_schemas_.at(type_name);
  Type type = schema.ImpliedType();
  result.planned_state = proposed;
  result.planned_private = prior_private;
  if (!RequireConfigured(result.diagnostics, "Planning " + type_name)) {
    return result;
  }
  // The planner runs schema callbacks (semantic equality, replace conditions): guard them too.
  PlanOutput plan;
  Guard(result.diagnostics, "Planning " + type_name, [&] {
    plan = PlanChange(PlanInput{schema, prior, proposed, config});
  });
  result.diagnostics.Append(plan.diagnostics);
  if (result.diagnostics.HasError()) {
    return result;
  }
  if (proposed.IsNull()) {
    result.planned_state = Value::Null(type);  // destroy: the resource may only refuse it
    if (!prior.IsNull()) {
      PlanDestroyResponse destroy;
      Guard(result.diagnostics, "Planning the destroy of " + type_name,
            [&] { it->second->PlanDestroy(PlanDestroyRequest{prior}, destroy); });
      result.diagnostics.Append(destroy.diagnostics);
    }
    return result;
  }

  ModifyPlanRequest req{config, prior, proposed};
  ModifyPlanResponse resp;
  resp.planned = plan.planned;
  resp.requires_replace = plan.requires_replace;
  resp.planned_private = prior_private;
  Guard(result.diagnostics, "Planning " + type_name, [&] { it->second->ModifyPlan(req, resp); });
  result.diagnostics.Append(resp.diagnostics);
  if (result.diagnostics.HasError()) {
    return result;
  }
  Value planned;
  if (!ConformResult(resp.planned, type, "plan", planned, result.diagnostics)) {
    return result;
  }
  planned = StripWriteOnly(schema.block, planned);
  auto conformed_prior = ConformValue(prior, type);
  auto conformed_config = ConformValue(config, type);
  if (!conformed_prior.ok() || !conformed_config.ok()) {
    result.diagnostics.AddStatusError("Invalid plan request", !conformed_prior.ok()
                                                                  ? conformed_prior.status()
                                                                  : conformed_config.status());
    return result;
  }
  // A resource hook that broke Terraform's plan rules gets a diagnostic naming the attribute.
  CheckPlanValid(schema.block, *conformed_prior, *conformed_config, planned, result.diagnostics);
  if (result.diagnostics.HasError()) {
    return result;
  }
  result.planned_state = planned;
  result.planned_private = resp.planned_private;
  // Terraform ignores replacement on create and rejects paths that exist on neither side.
  if (IsPresent(*conformed_prior)) {
    for (const auto& path : resp.requires_replace) {
      bool seen = false;
      for (const auto& p : result.requires_replace) {
        seen = seen || p == path;
      }
      if (!seen && (PathExists(*conformed_prior, path) || PathExists(planned, path))) {
        result.requires_replace.push_back(path);
      }
    }
  }
  return result;
}

ProviderServer::ApplyResult ProviderServer::ApplyResourceChange(
    const std::string& type_name, const Value& prior, const Value& planned, const Value& config,
    const std::string& planned_private) {
  ApplyResult result;
  auto it = resources_.find(type_name);
  if (it == resources_.end()) {
    AddUnknownType(result.diagnostics, "resource", type_name);
    return result;
  }
  const Schema& schema = resource_schemas_.at(type_name);
  Type type = schema.ImpliedType();
  Resource& resource = *it->second;
  result.new_state = prior;
  result.private_data = planned_private;
  if (!RequireConfigured(result.diagnostics, "Applying changes to " + type_name)) {
    return result;
  }
  CancellationToken cancel = CurrentToken();

  if (planned.IsNull()) {
    if (prior.IsNull()) {
      result.new_state = Value::Null(type);
      return result;
    }
    DeleteRequest req{prior, planned_private, cancel};
    DeleteResponse resp;
    Guard(result.diagnostics, "Deleting " + type_name, [&] { resource.Delete(req, resp); });
    result.diagnostics.Append(resp.diagnostics);
    // On failure the object still exists, so the prior state stays.
    result.new_state = result.diagnostics.HasError() ? prior : Value::Null(type);
    return result;
  }

  Value new_state;
  std::string private_data = planned_private;
  bool create = prior.IsNull();
  if (create) {
    CreateRequest req{config, planned, planned_private, cancel};
    CreateResponse resp;
    resp.new_state = Value::Null(type);
    resp.private_data = planned_private;
    Guard(result.diagnostics, "Creating " + type_name, [&] { resource.Create(req, resp); });
    result.diagnostics.Append(resp.diagnostics);
    new_state = resp.new_state;
    private_data = resp.private_data;
  } else {
    UpdateRequest req{config, prior, planned, planned_private, cancel};
    UpdateResponse resp;
    resp.new_state = prior;
    resp.private_data = planned_private;
    Guard(result.diagnostics, "Updating " + type_name, [&] { resource.Update(req, resp); });
    result.diagnostics.Append(resp.diagnostics);
    new_state = resp.new_state;
    private_data = resp.private_data;
  }
  result.private_data = private_data;

  Value state;
  if (!ConformResult(new_state, type, "state after apply", state, result.diagnostics)) {
    result.new_state = create ? Value::Null(type) : prior;
    return result;
  }
  state = StripWriteOnly(schema.block, state);
  if (result.diagnostics.HasError()) {
    // Partial state of an object that exists (or null): Terraform saves it as is.
    result.new_state = NullUnknowns(state);
    return result;
  }
  if (state.IsNull()) {
    result.diagnostics.AddError("Provider returned no state after apply",
                                "The " + std::string(create ? "create" : "update") + " of " +
                                    type_name +
                                    " succeeded without returning the object's state. This is "
                                    "a bug in the provider.");
    result.new_state = create ? state : prior;
    return result;
  }
  CheckAppliedAgainstPlan(planned, state, result.diagnostics);
  result.new_state = NullUnknowns(state);
  return result;
}

ProviderServer::ImportResult ProviderServer::ImportResourceState(const std::string& type_name,
                                                                 const std::string& id) {
  ImportResult result;
  auto it = resources_.find(type_name);
  if (it == resources_.end()) {
    AddUnknownType(result.diagnostics, "resource", type_name);
    return result;
  }
  const Schema& schema = resource_schemas_.at(type_name);
  Type type = schema.ImpliedType();
  if (!RequireConfigured(result.diagnostics, "Importing " + type_name)) {
    return result;
  }
  CancellationToken cancel = CurrentToken();
  ImportRequest import_req{id, cancel};
  ImportResponse import_resp;
  Guard(result.diagnostics, "Importing " + type_name,
        [&] { it->second->ImportState(import_req, import_resp); });
  result.diagnostics.Append(import_resp.diagnostics);
  if (result.diagnostics.HasError()) {
    return result;
  }
  Value state;
  if (!ConformResult(import_resp.state, type, "imported state", state, result.diagnostics)) {
    return result;
  }
  if (state.IsNull()) {
    result.diagnostics.AddError("Provider returned no state for import",
                                "Importing " + type_name + " \"" + id +
                                    "\" produced no state. This is a bug in the provider.");
    return result;
  }

  // Always read: an import brings in what the tenant really holds.
  ReadRequest read_req{state, "", cancel};
  ReadResponse read_resp;
  read_resp.new_state = state;
  Guard(result.diagnostics, "Reading " + type_name, [&] { it->second->Read(read_req, read_resp); });
  result.diagnostics.Append(read_resp.diagnostics);
  if (result.diagnostics.HasError()) {
    return result;
  }
  Value read_state;
  if (!ConformResult(read_resp.new_state, type, "imported state", read_state, result.diagnostics)) {
    return result;
  }
  if (read_state.IsNull()) {
    result.diagnostics.AddError(
        "Cannot import non-existent remote object",
        "While attempting to import an existing object to " + type_name +
            ", the provider detected that no object exists with the given id \"" + id +
            "\". Only pre-existing objects can be imported; check that the id is correct.");
    return result;
  }
  CheckWhollyKnown(read_state, "imported state", result.diagnostics);
  if (result.diagnostics.HasError()) {
    return result;
  }
  result.imported.push_back(ImportedResource{type_name, StripWriteOnly(schema.block, read_state),
                                             read_resp.private_data});
  return result;
}

ProviderServer::DataResult ProviderServer::ReadDataSource(const std::string& type_name,
                                                          const Value& config) {
  DataResult result;
  auto it = data_sources_.find(type_name);
  if (it == data_sources_.end()) {
    AddUnknownType(result.diagnostics, "data source", type_name);
    return result;
  }
  const Schema& schema = data_source_schemas_.at(type_name);
  Type type = schema.ImpliedType();
  result.state = Value::Null(type);
  if (!RequireConfigured(result.diagnostics, "Reading data source " + type_name)) {
    return result;
  }
  ReadDataRequest req{config, CurrentToken()};
  ReadDataResponse resp;
  Guard(result.diagnostics, "Reading data source " + type_name,
        [&] { it->second->Read(req, resp); });
  result.diagnostics.Append(resp.diagnostics);
  if (result.diagnostics.HasError()) {
    return result;
  }
  Value state;
  if (!ConformResult(resp.state, type, "data source state", state, result.diagnostics)) {
    return result;
  }
  if (state.IsNull()) {
    result.diagnostics.AddError(
        "Provider produced null object",
        "Reading data source " + type_name + " returned no object. This is a bug in the provider.");
    return result;
  }
  CheckWhollyKnown(state, "data source state", result.diagnostics);
  if (!result.diagnostics.HasError()) {
    result.state = StripWriteOnly(schema.block, state);
  }
  return result;
}

}  // namespace opc::framework
