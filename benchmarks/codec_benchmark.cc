// What Terraform's wire costs the provider: the state of operatorconnect_phone_numbers (the
// largest value we send, one object per number in the inventory) encoded and decoded as msgpack
// (every RPC's DynamicValue) and as JSON (raw state in UpgradeResourceState).

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

#include "benchmarks/sample_values.h"
#include "provider/framework/codec.h"

namespace opc::benchmarks {
namespace {

using framework::Type;
using framework::Value;

struct Inventory {
  Type type;
  Value value;
};

Inventory PhoneNumbersState(size_t numbers) {
  const Type type = DataSourceSchema("operatorconnect_phone_numbers").ImpliedType();
  return {type, SampleValue(type, numbers)};
}

template <typename T>
T Must(absl::StatusOr<T> result) {
  if (!result.ok()) {
    std::abort();
  }
  return *std::move(result);
}

void BM_EncodeMsgpack(benchmark::State& state) {
  const Inventory inventory = PhoneNumbersState(state.range(0));
  size_t bytes = 0;
  for (auto _ : state) {
    std::string encoded = Must(framework::EncodeMsgpack(inventory.value, inventory.type));
    bytes = encoded.size();
    benchmark::DoNotOptimize(encoded);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["wire_bytes"] = static_cast<double>(bytes);
}

void BM_DecodeMsgpack(benchmark::State& state) {
  const Inventory inventory = PhoneNumbersState(state.range(0));
  const std::string encoded = Must(framework::EncodeMsgpack(inventory.value, inventory.type));
  for (auto _ : state) {
    Value decoded = Must(framework::DecodeMsgpack(encoded, inventory.type));
    benchmark::DoNotOptimize(decoded);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * encoded.size()));
}

void BM_DecodeJsonState(benchmark::State& state) {
  const Inventory inventory = PhoneNumbersState(state.range(0));
  const std::string text = Must(framework::EncodeJson(inventory.value, inventory.type)).dump();
  for (auto _ : state) {
    Value decoded = Must(framework::DecodeJsonText(text, inventory.type));
    benchmark::DoNotOptimize(decoded);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

BENCHMARK(BM_EncodeMsgpack)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DecodeMsgpack)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_DecodeJsonState)->Arg(100)->Arg(1000)->Arg(10000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace opc::benchmarks

BENCHMARK_MAIN();
