#!/usr/bin/env bash
# Issue 9's benchmark in one command: for each N (default 100 1000 5000) runs
# scripts/bench-terraform.sh N (the provider beside terraform_data in the same configuration
# shape, provider CPU and RSS measured apart, requests counted at the simulator), plus
# scripts/bench-startup.sh, and writes the figures into docs/benchmarks.md between the
# "bench-scale" markers: one table row per N, each figure against its target. A row of an N not
# measured in this run is kept as it was, so N = 5,000 can be run on its own.
#   bash scripts/bench-scale.sh [N...]
# The N = 5,000 run takes most of an hour on 2 cores (mostly Terraform's own for_each walk);
# BENCH_SKIP_DESTROY=1 leaves out both destroys (see bench-terraform.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
((${#sizes[@]})) || sizes=(100 1000 5000)
doc=docs/benchmarks.md
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
  cmake --preset default >/dev/null
  cmake --build --preset default --target terraform-provider-operatorconnect operatorconnect-sim >/dev/null
fi
export BENCH_SKIP_BUILD=1  # built once above; bench-terraform.sh need not
bash scripts/bench-startup.sh 10 | tee "$logs/startup.txt"
for n in "${sizes[@]}"; do
  # One refreshing plan varies by 20% from the next on 2 cores: the median of 3 where it is
  # cheap (N = 5,000 plans take over a minute each, so one run there).
  runs=1
  ((n <= 1000)) && runs=3
  echo "== N = $n (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  bash scripts/bench-terraform.sh "$n" "$runs" | tee "$logs/n$n.txt"
  grep '^RESULT ' "$logs/n$n.txt" >"$logs/n$n.result"
  python3 scripts/bench/update_benchmarks_doc.py "$doc" "$logs/startup.txt" "$logs/n$n.result" \
    "$(date -u +%Y-%m-%d) $(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg)"
done
echo "bench-scale: updated $doc"
