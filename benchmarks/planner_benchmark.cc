// The generic planner's cost per resource instance: PlanChange followed by CheckPlanValid, the
// work the provider does for every instance on every `terraform plan`. Measured for each
// resource's real schema on an unchanged instance (the common case in a large configuration)
// and on create (every computed attribute becomes unknown).

#include <benchmark/benchmark.h>

#include <string>

#include "benchmarks/sample_values.h"
#include "provider/framework/planner.h"

namespace opc::benchmarks {
namespace {

using framework::Schema;
using framework::Value;

const char* const kResources[] = {
    "operatorconnect_operator_relationship",
    "operatorconnect_emergency_address",
    "operatorconnect_emergency_location",
    "operatorconnect_phone_number_assignment",
};

// `proposed` is what Terraform sends: the config with computed attributes taken from the prior.
void PlanOnce(const Schema& schema, const Value& prior, const Value& proposed,
              const Value& config) {
  framework::PlanOutput output = framework::PlanChange({schema, prior, proposed, config});
  framework::CheckPlanValid(schema.block, prior, config, output.planned, output.diagnostics);
  benchmark::DoNotOptimize(output);
}

void BM_PlanUnchanged(benchmark::State& state) {
  const Schema schema = ResourceSchema(kResources[state.range(0)]);
  const Value prior = SampleValue(schema.ImpliedType(), 3);
  const Value config = AsConfig(schema.block, prior);
  for (auto _ : state) {
    PlanOnce(schema, prior, prior, config);
  }
  state.SetLabel(kResources[state.range(0)]);
}

void BM_PlanCreate(benchmark::State& state) {
  const Schema schema = ResourceSchema(kResources[state.range(0)]);
  const Value config = AsConfig(schema.block, SampleValue(schema.ImpliedType(), 3));
  const Value prior = Value::Null(schema.ImpliedType());
  for (auto _ : state) {
    PlanOnce(schema, prior, config, config);
  }
  state.SetLabel(kResources[state.range(0)]);
}

BENCHMARK(BM_PlanUnchanged)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_PlanCreate)->DenseRange(0, 3)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace opc::benchmarks

BENCHMARK_MAIN();
