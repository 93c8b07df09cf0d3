// ProviderServer::PlanResourceChange: the generic planner, the resource's ModifyPlan, and
// Terraform's plan rules.
#include "provider/framework/codec.h"
#include "provider/framework/planner.h"
#include "provider/framework/server.h"
#include "provider/framework/server_support.h"

namespace opc::framework {

using namespace server_support;  // NOLINT(google-build-using-namespace): the server's own helpers

namespace {

bool IsPresent(const Value& v) { return v.IsKnown() && !v.IsNull(); }

}  // namespace

ProviderServer::PlanResult ProviderServer::PlanResourceChange(const std::string& type_name,
                                                              const Value& prior,
                                                              const Value& proposed,
                                                              const Value& config,
                                                              const std::string& prior_private) {
  PlanResult result{proposed, {}, prior_private, {}};
  Found<Resource> found = FindResource(type_name, result.diagnostics);
  if (!found || !RequireConfigured(result.diagnostics, "Planning " + type_name)) {
    return result;
  }
  Resource* resource = found.impl;
  const Schema& schema = *found.schema;
  const Type& type = found.type;
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
      ModifyPlanRequest req{Value::Null(type), prior, Value::Null(type), CurrentToken()};
      ModifyPlanResponse resp;
      resp.planned = Value::Null(type);
      resp.planned_private = prior_private;
      Guard(result.diagnostics, "Planning the destroy of " + type_name,
            [&] { resource->ModifyPlan(req, resp); });
      result.diagnostics.Append(resp.diagnostics);
      PlanDestroyResponse destroy;
      Guard(result.diagnostics, "Planning the destroy of " + type_name,
            [&] { resource->PlanDestroy(PlanDestroyRequest{prior}, destroy); });
      result.diagnostics.Append(destroy.diagnostics);
    }
    return result;
  }

  ModifyPlanRequest req{config, prior, proposed, CurrentToken()};
  ModifyPlanResponse resp;
  resp.planned = plan.planned;
  resp.requires_replace = plan.requires_replace;
  resp.planned_private = prior_private;
  Guard(result.diagnostics, "Planning " + type_name, [&] { resource->ModifyPlan(req, resp); });
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
      if (PathExists(*conformed_prior, path) || PathExists(planned, path)) {
        result.requires_replace.push_back(path);
      }
    }
    SortAndDeduplicate(result.requires_replace);
  }
  return result;
}

}  // namespace opc::framework
