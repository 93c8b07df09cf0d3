#!/usr/bin/env bash
# End-to-end benchmark with the real terraform against the tenant simulator: N phone number
# assignments (default 200) behind one operator relationship. Reports the wall time of the
# apply that creates them, of `terraform plan` (refreshing every instance; median of RUNS),
# of `terraform plan -refresh=false`, and of the destroy.
#   bash scripts/bench-terraform.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
numbers=${1:-200}
runs=${2:-3}
tf="${TF_BINARY:-terraform}"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

cmake --preset default >/dev/null
cmake --build --preset default --target terraform-provider-operatorconnect operatorconnect-sim >/dev/null

work=$(mktemp -d)
sim_pid=""
trap '[[ -n "$sim_pid" ]] && kill "$sim_pid" 2>/dev/null; rm -rf "$work"' EXIT
source scripts/lib/terraform_env.sh
install_provider_mirror "$work" build/default/provider/terraform-provider-operatorconnect
admin_key=bench-admin-key
# A tiny time scale: the simulated operations complete at once, so what is measured is the
# provider, terraform and the HTTP round trips, not the simulated operator's pace.
start_simulator "$work" "$admin_key" --time-scale 0.001

use_simulator_tenant
harbourline=586a019d-1ce5-4b1f-a6ee-a2d7e162518e

admin() {
  curl -fsS -X "$1" "$sim_url/_sim/tenants/$tenant_id$2" -H "X-Sim-Admin-Key: $admin_key" \
    -H 'Content-Type: application/json' -d "$3" >/dev/null
}

# Seconds (3 decimals) that "$@" takes; its output goes to $work/last.log.
seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; return 1; }
  end=$(date +%s%N)
  printf '%d.%03d' $(((end - start) / 1000000000)) $((((end - start) / 1000000) % 1000))
}

median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }

mkdir -p "$work/config"
cd "$work/config"
cat >main.tf <<HCL
terraform {
  required_providers {
    operatorconnect = { source = "localhost/operatorconnect/operatorconnect", version = "0.1.0" }
  }
}
provider "operatorconnect" {}

variable "assignments" {
  type    = map(string)
  default = {}
}

resource "operatorconnect_operator_relationship" "carrier" {
  operator_id                    = "$harbourline"
  countries                      = ["US"]
  data_transfer_notice_accepted = true
  contact = {
    full_name    = "Pat Doe"
    email        = "pat.doe@fernleaf.example"
    company_name = "Fernleaf Outfitters"
    company_size = "L250_U999"
  }
}

resource "operatorconnect_phone_number_assignment" "user" {
  for_each            = var.assignments
  telephone_number    = each.key
  assignment_target_id = each.value
  assignment_category = "primary"
  depends_on          = [operatorconnect_operator_relationship.carrier]
}
HCL
"$tf" fmt >/dev/null
"$tf" init -input=false >/dev/null
"$tf" apply -input=false -auto-approve >/dev/null

# The operator provisions the numbers; as many users arrive to take them.
admin POST "/operators/$harbourline/numbers" \
  "{\"isoCountryCode\":\"US\",\"capabilities\":[\"userAssignment\"],\"range\":{\"start\":\"+12065550000\",\"count\":$numbers}}"
{
  echo '{"assignments": {'
  for ((i = 0; i < numbers; i++)); do
    user=$(printf '7e3a0000-0000-4000-8000-%012d' "$i")
    admin POST /users "{\"id\":\"$user\",\"userPrincipalName\":\"user$i@fernleaf.example\",\"displayName\":\"User $i\",\"accountType\":\"user\",\"usageLocation\":\"US\"}"
    printf '%s"+1206555%04d": "%s"\n' "$([[ $i -gt 0 ]] && echo ,)" "$i" "$user"
  done
  echo '}}'
} >terraform.tfvars.json

apply=$(seconds "$tf" apply -input=false -auto-approve -parallelism=10)
plans=()
for ((r = 0; r < runs; r++)); do
  plans+=("$(seconds "$tf" plan -input=false -detailed-exitcode)")
done
cached=$(seconds "$tf" plan -input=false -refresh=false -detailed-exitcode)
destroy=$(seconds "$tf" destroy -input=false -auto-approve -parallelism=10)

echo "terraform $("$tf" version | head -n 1 | cut -d' ' -f2), $numbers number assignments + 1 relationship, $(nproc) cores"
printf '%-44s %8s s\n' "apply (create $numbers assignments)" "$apply"
printf '%-44s %8s s   (runs: %s)\n' "plan, refreshing $((numbers + 1)) instances (median)" \
  "$(median "${plans[@]}")" "${plans[*]}"
printf '%-44s %8s s\n' "plan -refresh=false" "$cached"
printf '%-44s %8s s\n' "destroy" "$destroy"
