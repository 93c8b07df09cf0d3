#!/usr/bin/env bash
# Drift check: what changed in the tenant behind Terraform's back.
#
#   scripts/drift-check.sh [--report-dir DIR] [WORKING_DIR] [-- EXTRA_PLAN_ARGS...]
#
# Runs `terraform plan -refresh-only -detailed-exitcode -out=...` in WORKING_DIR (default: the
# current directory, which must already be initialised with `terraform init`), reads
# `terraform show -json` of the saved plan and writes drift-report.md and drift-report.json
# (into --report-dir, default WORKING_DIR): every drifted object with its address, the
# attributes that changed, and their old and new values. Values Terraform marks sensitive
# (before_sensitive / after_sensitive) are masked. Extra arguments after `--` go to the plan
# (e.g. -var-file=prod.tfvars, -lock=false).
#
# Exit status: 0 no drift, 2 drift, 1 error. A plan that exits 2 without a changed attribute
# (e.g. only an output's value moved) counts as no drift.
# TF_BINARY names the terraform (or tofu) binary; default `terraform`.
set -uo pipefail

tf="${TF_BINARY:-terraform}"
report_dir=""
work_dir="."
plan_args=()
while (($#)); do
  case "$1" in
    --report-dir)
      [[ $# -ge 2 ]] || { echo "drift-check: --report-dir needs a directory" >&2; exit 1; }
      report_dir="$2"; shift ;;
    --) shift; plan_args=("$@"); break ;;
    -h|--help) sed -n '2,16p' "$0"; exit 0 ;;
    -*) echo "drift-check: unknown option $1" >&2; exit 1 ;;
    *) work_dir="$1" ;;
  esac
  shift
done
[[ -d "$work_dir" ]] || { echo "drift-check: no directory $work_dir" >&2; exit 1; }
[[ -n "$report_dir" ]] || report_dir="$work_dir"
mkdir -p "$report_dir" || exit 1
report_dir=$(cd "$report_dir" && pwd)
# A report left from an earlier run must not pass for this one's (an error writes none).
rm -f "$report_dir/drift-report.md" "$report_dir/drift-report.json"
command -v python3 >/dev/null || { echo "drift-check: python3 is required" >&2; exit 1; }

scratch=$(mktemp -d) || exit 1
trap 'rm -rf "$scratch"' EXIT
export TF_IN_AUTOMATION=1

# The saved plan lives outside the working directory: nothing is left behind in the checkout.
"$tf" -chdir="$work_dir" plan -refresh-only -detailed-exitcode -input=false -no-color \
  -out="$scratch/drift.tfplan" "${plan_args[@]}" >"$scratch/plan.out" 2>"$scratch/plan.err"
plan_status=$?
if [[ $plan_status -ne 0 && $plan_status -ne 2 ]]; then
  echo "drift-check: terraform plan -refresh-only failed (exit $plan_status):" >&2
  cat "$scratch/plan.err" >&2
  exit 1
fi
if ! "$tf" -chdir="$work_dir" show -json "$scratch/drift.tfplan" >"$scratch/plan.json" \
  2>"$scratch/show.err"; then
  echo "drift-check: terraform show -json failed:" >&2
  cat "$scratch/show.err" >&2
  exit 1
fi

python3 "$(dirname "$0")/drift/render_drift_report.py" "$scratch/plan.json" "$plan_status" \
  "$report_dir/drift-report.json" "$report_dir/drift-report.md"
