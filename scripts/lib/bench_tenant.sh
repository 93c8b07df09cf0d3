# Sourced by the end-to-end benchmarks (bench-terraform.sh, bench-plan-ab.sh) after
# terraform_env.sh: the measured provider, the configuration and the simulated tenant they share.

# The seeded operator the benchmark's relationship is with (schemas/seed/default.json).
bench_operator_id=586a019d-1ce5-4b1f-a6ee-a2d7e162518e

# wrap_provider_with_time WORK: after install_provider_mirror WORK ..., moves the provider binary
# to WORK/provider-real and puts a wrapper in its place that runs it under GNU time (one
# "user system maxrss_kb" file per provider process in WORK/ptime), or under perf while
# WORK/perf-on exists (profiles in WORK/perf). Replacing WORK/provider-real swaps the binary
# without changing what Terraform checksums.
wrap_provider_with_time() {
  local work=$1 mirror_bin
  mirror_bin=$(echo "$work"/mirror/localhost/operatorconnect/operatorconnect/*/linux_amd64/terraform-provider-operatorconnect_v*)
  mv "$mirror_bin" "$work/provider-real"
  mkdir -p "$work/ptime" "$work/perf"
  cat >"$mirror_bin" <<WRAP
#!/bin/sh
if [ -e "$work/perf-on" ]; then
  exec perf record -q -F 4000 -g -o "$work/perf/\$\$.data" "$work/provider-real" "\$@"
fi
exec /usr/bin/time -o "$work/ptime/\$\$" -f '%U %S %M' "$work/provider-real" "\$@"
WRAP
  chmod +x "$mirror_bin"
}

# provider_usage WORK: "CPU_SECONDS PEAK_RSS_MB" of the provider processes whose GNU time files
# are in WORK/ptime: CPU summed, RSS the largest.
provider_usage() {
  cat "$1/ptime"/* 2>/dev/null | awk '/^[0-9.]+ [0-9.]+ [0-9]+$/ {cpu += $1 + $2; if ($3 > rss) rss = $3}
    END {printf "%.2f %.1f\n", cpu, rss / 1024}'
}

# write_assignment_config SHAPE: main.tf in the current directory: one operator relationship and
# one assignment per entry of var.assignments (number => user id), as one `for_each` over the
# map (SHAPE map) or one `count` over its keys (SHAPE count).
write_assignment_config() {
  local instances locals=""
  case "$1" in
    map) instances='  for_each             = var.assignments
  telephone_number     = each.key
  assignment_target_id = each.value' ;;
    count)
      locals='locals {
  numbers = keys(var.assignments)
}'
      instances='  count                = length(local.numbers)
  telephone_number     = local.numbers[count.index]
  assignment_target_id = var.assignments[local.numbers[count.index]]' ;;
    *) echo "unknown configuration shape '$1' (map or count)" >&2; return 1 ;;
  esac
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
$locals

resource "operatorconnect_operator_relationship" "carrier" {
  operator_id                   = "$bench_operator_id"
  countries                     = ["US"]
  data_transfer_notice_accepted = true
  contact = {
    full_name    = "Pat Doe"
    email        = "pat.doe@fernleaf.example"
    company_name = "Fernleaf Outfitters"
    company_size = "L250_U999"
  }
}

resource "operatorconnect_phone_number_assignment" "user" {
$instances
  assignment_category  = "primary"
  depends_on           = [operatorconnect_operator_relationship.carrier]
}
HCL
}

# bench_admin METHOD PATH BODY: the simulator's admin API for the tenant (sim_url, tenant_id,
# admin_key set by start_simulator and use_simulator_tenant).
bench_admin() {
  curl -fsS -X "$1" "$sim_url/_sim/tenants/$tenant_id$2" -H "X-Sim-Admin-Key: $admin_key" \
    -H 'Content-Type: application/json' -d "$3" >/dev/null
}

# provision_numbers N: the operator uploads N US numbers (+12065550000 on) and N users arrive to
# take them; terraform.tfvars.json in the current directory maps each number to its user.
provision_numbers() {
  local n=$1 i user
  bench_admin POST "/operators/$bench_operator_id/numbers" \
    "{\"isoCountryCode\":\"US\",\"capabilities\":[\"userAssignment\"],\"range\":{\"start\":\"+12065550000\",\"count\":$n}}"
  {
    echo '{"assignments": {'
    for ((i = 0; i < n; i++)); do
      user=$(printf '7e3a0000-0000-4000-8000-%012d' "$i")
      bench_admin POST /users "{\"id\":\"$user\",\"userPrincipalName\":\"user$i@fernleaf.example\",\"displayName\":\"User $i\",\"accountType\":\"user\",\"usageLocation\":\"US\"}"
      printf '%s"+1206555%04d": "%s"\n' "$([[ $i -gt 0 ]] && echo ,)" "$i" "$user"
    done
    echo '}}'
  } >terraform.tfvars.json
}
