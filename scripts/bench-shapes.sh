#!/usr/bin/env bash
# Terraform's own cost of a configuration's shape, with no plugin at all: `terraform plan` of N
# built-in terraform_data objects from an empty state, written three ways (one `count` over a
# list, one `for_each` over a map of N, and `for_each` over maps of at most 500). The figures
# behind docs/guides/large-tenants.md; the provider's resources cost Terraform the same walk.
#   bash scripts/bench-shapes.sh [N]     (default 2000)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-2000}
tf="${TF_BINARY:-terraform}"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
touch "$work/terraformrc"
export TF_CLI_CONFIG_FILE="$work/terraformrc"

numbers() { for ((i = 0; i < n; i++)); do printf '+1206555%04d\n' "$i"; done; }
# terraform.tfvars.json with the numbers as a list, as one map and as maps of at most 500.
numbers | python3 -c '
import json, sys
numbers = [line.strip() for line in sys.stdin if line.strip()]
users = {num: "7e3a0000-0000-4000-8000-%012d" % i for i, num in enumerate(numbers)}
chunks = [dict(list(users.items())[i:i + 500]) for i in range(0, len(numbers), 500)]
json.dump({"numbers": numbers, "users": users, "chunks": chunks}, open(sys.argv[1], "w"))
' "$work/vars.json"

shape() {  # shape NAME HCL
  mkdir -p "$work/$1"
  cp "$work/vars.json" "$work/$1/terraform.tfvars.json"
  cat >"$work/$1/main.tf" <<HCL
variable "numbers" { type = list(string) }
variable "users" { type = map(string) }
variable "chunks" { type = list(map(string)) }
$2
HCL
  (cd "$work/$1" && "$tf" init -input=false >/dev/null)
  local start end
  start=$(date +%s%N)
  (cd "$work/$1" && /usr/bin/time -o "$work/time" -f '%U %S' "$tf" plan -input=false -refresh=false >/dev/null)
  end=$(date +%s%N)
  # CPU (user + system) is Terraform's own work; the wall time also counts waiting for a core.
  printf '%-28s wall %4d.%03d s   CPU %s s\n' "$1" $(((end - start) / 1000000000)) \
    $((((end - start) / 1000000) % 1000)) "$(awk '{printf "%.2f", $1 + $2}' "$work/time")"
}

echo "terraform $("$tf" version | head -n 1 | cut -d' ' -f2), plan of $n terraform_data from empty state, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg)"
shape count-over-a-list 'resource "terraform_data" "n" {
  count = length(var.numbers)
  input = var.numbers[count.index]
}'
# Maps of 500: one resource block per chunk, as `export` writes them (at most 500 a map).
chunked=""
for ((c = 0; c * 500 < n; c++)); do
  chunked+="resource \"terraform_data\" \"chunk_$c\" {
  for_each = var.chunks[$c]
  input    = each.value
}
"
done
shape "for_each-over-maps-of-500" "$chunked"
shape for_each-over-one-map 'resource "terraform_data" "n" {
  for_each = var.users
  input    = each.value
}'
