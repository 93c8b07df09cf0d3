#!/usr/bin/env bash
# Wall time of `terraform-provider-operatorconnect export` against the tenant simulator: a
# tenant with 3 operator relationships, 6 emergency addresses with 2 places each and N
# assigned numbers (default 5000) across GB, IE and US. Set up through the simulator's admin
# API (the numbers assigned as the Teams admin center would leave them), then exported once
# with the default options. With --plan, also times `terraform init` + `terraform plan` of the
# exported directory (imports only).
#   bash scripts/bench-export.sh [N] [--plan]
set -euo pipefail
cd "$(dirname "$0")/.."
numbers=${1:-5000}
with_plan=${2:-}
tf="${TF_BINARY:-terraform}"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

source scripts/lib/terraform_env.sh
bench_setup
install_provider_mirror "$work" build/default/provider/terraform-provider-operatorconnect
admin_key=bench-admin-key
start_simulator "$work" "$admin_key" --time-scale 0.001
use_simulator_tenant

token=$(curl -fsS "$sim_url/$tenant_id/oauth2/v2.0/token" -d grant_type=client_credentials \
  -d client_id="$OPERATORCONNECT_CLIENT_ID" -d client_secret="$OPERATORCONNECT_CLIENT_SECRET" \
  --data-urlencode scope=https://graph.microsoft.com/.default |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
graph() {
  curl -fsS -X POST "$sim_url$1" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "$2"
}
admin() {
  curl -fsS -X "$1" "$sim_url/_sim/tenants/$tenant_id$2" -H "X-Sim-Admin-Key: $admin_key" \
    -H 'Content-Type: application/json' -d "$3" >/dev/null
}
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }

contact='[{"fullName":"Pat Doe","email":"pat.doe@fernleaf.example","companyName":"Fernleaf Outfitters","companySize":"L250_U999"}]'
declare -A operator_of=([GB]=2a6ce803-132d-40fd-acd8-21593a052a1b [IE]=fb450e35-d758-4caa-b81c-c98f93176c14 [US]=586a019d-1ce5-4b1f-a6ee-a2d7e162518e)
graph /beta/admin/teams/operatorConnect/consents \
  "{\"operatorId\":\"${operator_of[GB]}\",\"consentedCountries\":[\"GB\",\"IE\"],\"contacts\":$contact,\"dataTransferNoticeAccepted\":true}" >/dev/null
graph /beta/admin/teams/operatorConnect/consents \
  "{\"operatorId\":\"${operator_of[IE]}\",\"consentedCountries\":[\"GB\",\"IE\",\"US\"],\"contacts\":$contact,\"dataTransferNoticeAccepted\":true}" >/dev/null
graph /beta/admin/teams/operatorConnect/consents \
  "{\"operatorId\":\"${operator_of[US]}\",\"consentedCountries\":[\"US\"],\"contacts\":$contact,\"dataTransferNoticeAccepted\":true}" >/dev/null

declare -A places
for country in GB IE US; do
  for site in 1 2; do
    address=$(graph /beta/admin/teams/emergencyCalling/civicAddresses \
      "{\"companyName\":\"Fernleaf Outfitters\",\"countryOrRegion\":\"$country\",\"description\":\"$country site $site\",\"city\":\"City $site\",\"latitude\":\"51.5\",\"longitude\":\"-0.1\"}" |
      field id)
    for floor in 1 2; do
      places[$country]+="$(graph /beta/admin/teams/emergencyCalling/locations \
        "{\"civicAddressId\":\"$address\",\"description\":\"Floor $floor\"}" | field id) "
    done
  done
done

# N numbers, a third per country, all assigned (one curl process, 8 transfers at a time).
declare -A first=([GB]=442079400000 [IE]=35315500000 [US]=12065500000)
: >"$work/assign.curl"
for country in GB IE US; do
  count=$((numbers / 3))
  [[ $country == US ]] && count=$((count + numbers % 3))
  admin POST "/operators/${operator_of[$country]}/numbers" \
    "{\"isoCountryCode\":\"$country\",\"capabilities\":[\"userAssignment\"],\"supportedCustomerActions\":[\"locationUpdate\"],\"range\":{\"start\":\"+${first[$country]}\",\"count\":$count}}"
  read -r -a country_places <<<"${places[$country]}"
  for ((i = 0; i < count; i++)); do
    user=$(printf '7e3a0000-0000-4000-8000-%012d' "$i")
    location=${country_places[$((i % ${#country_places[@]}))]}
    [[ -s "$work/assign.curl" ]] && echo next >>"$work/assign.curl"
    cat >>"$work/assign.curl" <<CURL
url = "$sim_url/_sim/tenants/$tenant_id/numbers/+$((first[$country] + i))"
request = "PATCH"
header = "X-Sim-Admin-Key: $admin_key"
header = "Content-Type: application/json"
data = "{\\"assignmentStatus\\":\\"userAssigned\\",\\"assignmentTargetId\\":\\"$user\\",\\"locationId\\":\\"$location\\"}"
output = "/dev/null"
CURL
  done
done
curl -fsS --no-progress-meter --parallel --parallel-max 8 -K "$work/assign.curl"

seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >"$work/last.log" 2>&1 || { cat "$work/last.log" >&2; return 1; }
  end=$(date +%s%N)
  printf '%d.%03d' $(((end - start) / 1000000000)) $((((end - start) / 1000000) % 1000))
}

out="$work/export"
export_time=$(seconds build/default/provider/terraform-provider-operatorconnect export --output-dir "$out")
summary=$(grep 'export: wrote' "$work/last.log")
echo "$numbers assigned numbers, 3 relationships, 6 addresses, 12 places, $(nproc) cores"
printf '%-40s %8s s   (%s)\n' "export" "$export_time" "${summary#export: }"
if [[ "$with_plan" == --plan ]]; then
  cd "$out"
  init_time=$(seconds "$tf" init -input=false)
  plan_time=$(seconds "$tf" plan -input=false -no-color)
  printf '%-40s %8s s\n' "terraform init" "$init_time"
  printf '%-40s %8s s   (%s)\n' "terraform plan (imports only)" "$plan_time" \
    "$(grep -o 'Plan: .*' "$work/last.log")"
fi
