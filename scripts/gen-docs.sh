#!/usr/bin/env bash
# Regenerates docs/ (the registry-style reference pages) from the provider's own schema, as
# `terraform providers schema -json` prints it, and from examples/. It writes only
# docs/index.md, docs/resources/, docs/data-sources/ and docs/functions/: docs/guides/,
# docs/design/ and docs/benchmarks.md are written by hand and left alone.
#   --check          compare instead of writing; exit 1 and show the diff when docs/ is stale
#   --provider PATH  use this provider binary instead of building it
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
check=false
provider=""
while (($#)); do
  case "$1" in
    --check) check=true ;;
    --provider) provider="$2"; shift ;;
    *) echo "gen-docs: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
tf="${TF_BINARY:-terraform}"
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1

if [[ -z "$provider" ]]; then
  cmake --preset default >/dev/null
  cmake --build --preset default --target terraform-provider-operatorconnect >/dev/null
  provider=build/default/provider/terraform-provider-operatorconnect
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/config"
source scripts/lib/terraform_env.sh
install_provider_mirror "$work" "$provider"
cp examples/provider/provider.tf "$work/config/"
(cd "$work/config" && "$tf" init -input=false -backend=false >/dev/null &&
  "$tf" providers schema -json >"$work/schema.json")

out="$root/docs"
$check && out="$work/docs"
mkdir -p "$out"
python3 scripts/docs/render_docs.py "$work/schema.json" examples "$out"
if $check; then
  for part in index.md resources data-sources functions; do
    if ! diff -ru "$root/docs/$part" "$out/$part"; then
      echo "gen-docs: docs/$part is out of date; run: bash scripts/gen-docs.sh" >&2
      exit 1
    fi
  done
  if ! python3 -c 'import sys; sys.exit(open(sys.argv[1]).read().strip() not in open(sys.argv[2]).read())' \
      scripts/docs/real_tenant.md README.md; then
    echo "gen-docs: README.md lacks scripts/docs/real_tenant.md verbatim; copy it there" >&2
    exit 1
  fi
  echo "gen-docs: docs/ matches the provider's schema"
fi
