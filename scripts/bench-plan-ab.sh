#!/usr/bin/env bash
# Compares provider binaries plan by plan: applies N phone number assignments once (against the
# tenant simulator, time scale 0.001), then runs ROUNDS rounds of refreshing plans, each round
# one plan per binary, in turn, so that a change in the machine's load hits every binary alike.
# For each plan: Terraform's own CPU, the provider's CPU (every provider process, GNU time) and
# its peak RSS; at the end the median of each per binary. What end-to-end runs cannot hide
# (noise of +-10 to 20% on 2 cores) the medians of alternating runs mostly can.
#   bash scripts/bench-plan-ab.sh N ROUNDS BINARY...
#   BENCH_SHAPE=count bash scripts/bench-plan-ab.sh ...   (one `count` over a list instead of
#                                                          one `for_each` over a map of N)
# Example: the built provider against a copy saved before a change:
#   cp build/default/provider/terraform-provider-operatorconnect /tmp/before
#   (change, build)
#   bash scripts/bench-plan-ab.sh 1000 5 /tmp/before build/default/provider/terraform-provider-operatorconnect
set -euo pipefail
cd "$(dirname "$0")/.."
if (($# < 3)); then
  echo "usage: bash scripts/bench-plan-ab.sh N ROUNDS BINARY..." >&2
  exit 2
fi
numbers=$1
rounds=$2
shift 2
# Binaries are named by letter in the rows (paths are too long for a column): A, B, ...
labels=({A..Z})
binaries=()
for binary in "$@"; do
  [[ -x "$binary" ]] || { echo "not an executable: $binary" >&2; exit 2; }
  binaries+=("$(realpath "$binary")")
  echo "${labels[${#binaries[@]} - 1]} = ${binaries[-1]}"
done
tf="${TF_BINARY:-terraform}"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

source scripts/lib/terraform_env.sh
source scripts/lib/bench_tenant.sh
bench_setup
install_provider_mirror "$work" "${binaries[0]}"
wrap_provider_with_time "$work"
admin_key=bench-admin-key
start_simulator "$work" "$admin_key" --time-scale 0.001
use_simulator_tenant

mkdir -p "$work/config"
cd "$work/config"
write_assignment_config "${BENCH_SHAPE:-map}"
"$tf" init -input=false >/dev/null
"$tf" apply -input=false -auto-approve >/dev/null
provision_numbers "$numbers"
"$tf" apply -input=false -auto-approve -parallelism=10 >/dev/null

declare -A provider_cpu own_cpu rss
for ((r = 1; r <= rounds; r++)); do
  for i in "${!binaries[@]}"; do
    binary=${binaries[$i]}
    cp "$binary" "$work/provider-real.new"
    mv "$work/provider-real.new" "$work/provider-real"
    rm -f "$work/ptime"/*
    /usr/bin/time -o "$work/tf.time" -f '%U %S' "$tf" plan -input=false -detailed-exitcode \
      >"$work/last.log" 2>&1 || [[ $? == 2 ]] || { cat "$work/last.log" >&2; exit 1; }
    read -r p m < <(provider_usage "$work")
    t=$(awk '{printf "%.2f", $1 + $2}' "$work/tf.time")
    own=$(awk -v t="$t" -v p="$p" 'BEGIN {printf "%.2f", t - p}')
    printf 'round %d  %s  provider CPU %5.2f s  Terraform CPU %6.2f s  (%4.1f%%)  peak RSS %5.1f MB\n' \
      "$r" "${labels[$i]}" "$p" "$own" "$(awk -v p="$p" -v o="$own" 'BEGIN {print 100 * p / o}')" "$m"
    provider_cpu[$binary]+="$p "
    own_cpu[$binary]+="$own "
    rss[$binary]+="$m "
  done
done
median() { printf '%s\n' $1 | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
echo "medians of $rounds refreshing plans of $((numbers + 1)) instances ($(nproc) cores, shape ${BENCH_SHAPE:-map}):"
for i in "${!binaries[@]}"; do
  binary=${binaries[$i]}
  p=$(median "${provider_cpu[$binary]}")
  o=$(median "${own_cpu[$binary]}")
  printf '  %s  provider CPU %5.2f s  Terraform CPU %6.2f s  (%4.1f%%)  peak RSS %5.1f MB\n' \
    "${labels[$i]}" "$p" "$o" "$(awk -v p="$p" -v o="$o" 'BEGIN {print 100 * p / o}')" \
    "$(median "${rss[$binary]}")"
done
