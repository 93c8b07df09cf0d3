#!/usr/bin/env bash
# End-to-end benchmark with the real terraform against the tenant simulator: N phone number
# assignments (default 200) behind one operator relationship. Reports the wall time of the
# apply that creates them, of `terraform plan` (refreshing every instance; median of RUNS),
# of `terraform plan -refresh=false`, and of the destroy; beside it, the same with N of
# Terraform's built-in `terraform_data` in the same configuration shape (one object, and one
# for_each over a map whose instances depend on it), which costs Terraform the same walk with
# no plugin. The provider binary in the filesystem mirror is wrapped with GNU time, so its CPU
# and peak RSS are reported apart from Terraform's; the requests one refreshing plan sends are
# counted by the simulator.
#   bash scripts/bench-terraform.sh [N] [RUNS]
#   BENCH_PROFILE=1 bash scripts/bench-terraform.sh N   (perf profile of one refreshing plan)
set -euo pipefail
cd "$(dirname "$0")/.."
numbers=${1:-200}
runs=${2:-3}
tf="${TF_BINARY:-terraform}"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

source scripts/lib/terraform_env.sh
source scripts/lib/bench_tenant.sh
bench_setup  # BENCH_SKIP_BUILD=1: use the binaries as built
install_provider_mirror "$work" build/default/provider/terraform-provider-operatorconnect
# GNU time around the provider: one "user system maxrss_kb" line per provider process.
wrap_provider_with_time "$work"
admin_key=bench-admin-key
# A tiny time scale: the simulated operations complete at once, so what is measured is the
# provider, terraform and the HTTP round trips, not the simulated operator's pace.
start_simulator "$work" "$admin_key" --time-scale 0.001
use_simulator_tenant

# Seconds (3 decimals) that "$@" takes; its output goes to $work/last.log.
seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; return 1; }
  end=$(date +%s%N)
  printf '%d.%03d' $(((end - start) / 1000000000)) $((((end - start) / 1000000) % 1000))
}

# cpu_of "$@": runs the command under GNU time; prints "wall cpu" (cpu = user+sys of the
# command and every child it waited for, i.e. Terraform plus its provider processes).
cpu_of() {
  local start end
  rm -f "$work/ptime"/*
  start=$(date +%s%N)
  /usr/bin/time -o "$work/tf.time" -f '%U %S' "$@" >"$work/last.log" 2>&1 ||
    [[ $? == 2 ]] || { cat "$work/last.log" >&2; return 1; }
  end=$(date +%s%N)
  printf '%d.%03d %s\n' $(((end - start) / 1000000000)) $((((end - start) / 1000000) % 1000)) \
    "$(awk '{printf "%.2f", $1 + $2}' "$work/tf.time")"
}
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

mkdir -p "$work/config"
cd "$work/config"
write_assignment_config map
"$tf" fmt >/dev/null
"$tf" init -input=false >/dev/null
"$tf" apply -input=false -auto-approve >/dev/null

# The operator provisions the numbers; as many users arrive to take them.
provision_numbers "$numbers"

# Polls per long-running operation, counted by the simulator: operation GETs per assignNumber
# (apply) or unassignNumber (destroy) request since the counts were last reset.
reset_counts() { curl -fsS -X DELETE "$sim_url/_sim/requestCounts" -H "X-Sim-Admin-Key: $admin_key"; }
polls_per() {
  curl -fsS "$sim_url/_sim/requestCounts" -H "X-Sim-Admin-Key: $admin_key" | jq -r --arg a "$1" '
    ([.routes[] | select(.method == "GET" and (.route | test("/operations"))) | .count] | add // 0) as $polls
    | ([.routes[] | select(.method == "POST" and (.route | endswith($a))) | .count] | add // 0) as $ops
    | if $ops > 0 then "\($polls / $ops * 100 | round / 100)" else "-" end'
}
reset_counts
apply=$(seconds "$tf" apply -input=false -auto-approve -parallelism=10)
apply_polls=$(polls_per /assignNumber)
if [[ -n "${BENCH_PROFILE:-}" ]]; then
  # A CPU profile of the provider processes of one refreshing plan, then stop (no destroy).
  touch "$work/perf-on"
  "$tf" plan -input=false -detailed-exitcode >/dev/null || [[ $? == 2 ]]
  rm "$work/perf-on"
  for data in "$work"/perf/*.data; do
    echo "== $(perf report -i "$data" --stdio --header-only 2>/dev/null | grep -m1 'sample' || true)"
    perf report -i "$data" --stdio --no-children --sort dso,sym -g none --percent-limit 0.7 2>/dev/null |
      grep -v '^#' | grep -v '^$' | head -40
  done
  exit 0
fi
plans=()
for ((r = 0; r < runs; r++)); do
  plans+=("$(seconds "$tf" plan -input=false -detailed-exitcode)")
done
cached=$(seconds "$tf" plan -input=false -refresh=false -detailed-exitcode)
# One more refreshing plan, under GNU time, with the simulator counting its requests.
reset_counts
read -r plan_wall plan_cpu < <(cpu_of "$tf" plan -input=false -detailed-exitcode)
read -r plan_provider_cpu plan_rss < <(provider_usage "$work")
plan_processes=$(ls "$work/ptime" | wc -l)
counts=$(curl -fsS "$sim_url/_sim/requestCounts" -H "X-Sim-Admin-Key: $admin_key")
list_route=/v1.0/admin/teams/telephoneNumberManagement/numberAssignments
requests=$(jq '[.routes[] | select(.route | test("oauth2") | not) | .count] | add // 0' <<<"$counts")
list_requests=$(jq --arg r "$list_route" '[.routes[] | select(.route == $r and .method == "GET") | .count] | add // 0' <<<"$counts")
# BENCH_SKIP_DESTROY=1: no destroys (N = 5,000 takes over 9 minutes each); reported as "-".
destroy=-
destroy_polls=-
if [[ -z "${BENCH_SKIP_DESTROY:-}" ]]; then
  reset_counts
  destroy=$(seconds "$tf" destroy -input=false -auto-approve -parallelism=10)
  destroy_polls=$(polls_per /unassignNumber)
fi

# The same shape with terraform_data: Terraform's own cost of the walk, no plugin. The same
# graph as the provider's configuration: one object (the relationship's stand-in) and one
# for_each over the map whose instances depend on it (each instance's state then records the
# dependency, which Terraform copies with the state during every plan).
mkdir -p "$work/data"
cp terraform.tfvars.json "$work/data/"
cat >"$work/data/main.tf" <<HCL
variable "assignments" {
  type    = map(string)
  default = {}
}
resource "terraform_data" "carrier" {
  input = "$bench_operator_id"
}
resource "terraform_data" "user" {
  for_each   = var.assignments
  input      = each.value
  depends_on = [terraform_data.carrier]
}
HCL
(cd "$work/data" && "$tf" init -input=false >/dev/null)
data_apply=$(cd "$work/data" && seconds "$tf" apply -input=false -auto-approve -parallelism=10)
data_plans=()
for ((r = 0; r < runs; r++)); do
  data_plans+=("$(cd "$work/data" && seconds "$tf" plan -input=false -detailed-exitcode)")
done
read -r data_plan_wall data_plan_cpu < <(cd "$work/data" && cpu_of "$tf" plan -input=false -detailed-exitcode)
data_destroy=-
[[ -n "${BENCH_SKIP_DESTROY:-}" ]] ||
  data_destroy=$(cd "$work/data" && seconds "$tf" destroy -input=false -auto-approve -parallelism=10)

echo "terraform $("$tf" version | head -n 1 | cut -d' ' -f2), $numbers number assignments + 1 relationship, $(nproc) cores"
printf '%-44s %8s s\n' "apply (create $numbers assignments)" "$apply"
printf '%-44s %8s s   (runs: %s)\n' "plan, refreshing $((numbers + 1)) instances (median)" \
  "$(median "${plans[@]}")" "${plans[*]}"
printf '%-44s %8s s\n' "plan -refresh=false" "$cached"
printf '%-44s %8s s\n' "destroy" "$destroy"
printf '%-44s %8s     (apply) %s (destroy)\n' "operation polls per assignment" "$apply_polls" "$destroy_polls"
printf '%-44s %8s s   (terraform + provider CPU %s s, provider CPU %s s = %s%% of terraform'"'"'s own, provider peak RSS %s MB)\n' \
  "plan, refreshing, under GNU time" "$plan_wall" "$plan_cpu" "$plan_provider_cpu" \
  "$(awk -v p="$plan_provider_cpu" -v t="$plan_cpu" 'BEGIN {printf "%.0f", ((t - p) > 0 ? 100 * p / (t - p) : 0)}')" "$plan_rss"
printf '%-44s %8s     (%s list requests)\n' "requests per refreshing plan" "$requests" "$list_requests"
printf '%-44s %8s s\n' "terraform_data: apply (create $numbers)" "$data_apply"
printf '%-44s %8s s   (runs: %s)\n' "terraform_data: plan (median)" "$(median "${data_plans[@]}")" \
  "${data_plans[*]}"
printf '%-44s %8s s   (CPU %s s)\n' "terraform_data: plan, under GNU time" "$data_plan_wall" "$data_plan_cpu"
printf '%-44s %8s s\n' "terraform_data: destroy" "$data_destroy"
# One line for scripts/bench-scale.sh to read (seconds, MB, counts).
echo "RESULT n=$numbers plan=$(median "${plans[@]}") plan_timed=$plan_wall" \
  "data_plan=$(median "${data_plans[@]}") data_plan_timed=$data_plan_wall" \
  "apply=$apply data_apply=$data_apply destroy=$destroy data_destroy=$data_destroy" \
  "plan_cpu=$plan_cpu provider_cpu=$plan_provider_cpu data_plan_cpu=$data_plan_cpu" \
  "rss_mb=$plan_rss requests=$requests list_requests=$list_requests" \
  "provider_processes=$plan_processes apply_polls=$apply_polls destroy_polls=$destroy_polls"
