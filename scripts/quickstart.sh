#!/usr/bin/env bash
# The quickstart: installs what is missing, builds the provider and the tenant simulator,
# starts the simulator, then runs `terraform init` and `apply` of examples/quickstart twice:
# once to enable an operator and create emergency addresses, then (after the simulated operator
# has provisioned numbers) to assign those numbers. Ends with a drift-free re-plan.
#   --keep   leave the simulator running (its address and credentials are printed)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
keep=false
[[ "${1:-}" == "--keep" ]] && keep=true

tf="${TF_BINARY:-terraform}"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

bash scripts/setup.sh
cmake --preset default >/dev/null
cmake --build --preset default --target terraform-provider-operatorconnect operatorconnect-sim

work="$root/.quickstart"
rm -rf "$work"
mkdir -p "$work/mirror" "$work/config"

source scripts/lib/terraform_env.sh
# Install the freshly built provider the way a release is installed: a filesystem mirror.
install_provider_mirror "$work" build/default/provider/terraform-provider-operatorconnect

# Start the tenant simulator (a fictional tenant from schemas/seed/default.json).
admin_key="quickstart-admin-key"
sim_pid=""
cleanup() { $keep || { [[ -n "$sim_pid" ]] && kill "$sim_pid" 2>/dev/null; } || true; }
trap cleanup EXIT
start_simulator "$work" "$admin_key" --time-scale 0.05
echo "quickstart: tenant simulator at $sim_url"

use_simulator_tenant

cp examples/quickstart/main.tf "$work/config/main.tf"
cd "$work/config"
"$tf" init -input=false
"$tf" apply -input=false -auto-approve

# The operator provisions three numbers into the tenant (what happens after sign-up).
operator_id=$("$tf" output -json operator >/dev/null && "$tf" state show -no-color \
  operatorconnect_operator_relationship.carrier | sed -n 's/^ *operator_id *= *"\(.*\)"/\1/p')
curl -fsS -X POST "$sim_url/_sim/tenants/$tenant_id/operators/$operator_id/numbers" \
  -H "X-Sim-Admin-Key: $admin_key" -H 'Content-Type: application/json' \
  -d '{"numbers":[
        {"telephoneNumber":"+442079460101","capabilities":["userAssignment"],"supportedCustomerActions":["locationUpdate","release"]},
        {"telephoneNumber":"+442079460102","capabilities":["userAssignment"],"supportedCustomerActions":["locationUpdate","release"]},
        {"telephoneNumber":"+442079460103","capabilities":["voiceApplicationAssignment"],"supportedCustomerActions":["locationUpdate","release"]}]}' >/dev/null
echo "quickstart: the operator provisioned +44 20 7946 0101..0103"

cat >terraform.tfvars <<'VARS'
number_assignments = {
  "+44 20 7946 0101" = "a0e118f7-4ff5-40de-86ed-6d26030fd1b8" # Alice Hughes
  "+44 20 7946 0103" = "d8e4eb4d-11ac-4b59-b56f-5dac62e3844b" # Reception auto attendant
}
VARS
"$tf" apply -input=false -auto-approve
"$tf" plan -input=false -detailed-exitcode
echo "quickstart: done; the configuration is in $work/config"
if $keep; then
  echo "quickstart: simulator still running (pid $sim_pid) at $sim_url; admin key $admin_key"
fi
