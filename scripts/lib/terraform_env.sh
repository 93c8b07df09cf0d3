# Sourced by the scripts that run terraform on a freshly built provider against the simulator.
# install_provider_mirror DIR BINARY: installs BINARY the way a release is installed (a
# filesystem mirror under DIR/mirror), writes DIR/terraformrc that uses it, and exports
# TF_CLI_CONFIG_FILE pointing at that file.
provider_version=0.1.0

install_provider_mirror() {
  local dir=$1 binary=$2
  local dest="$dir/mirror/localhost/operatorconnect/operatorconnect/$provider_version/linux_amd64"
  mkdir -p "$dest"
  cp "$binary" "$dest/terraform-provider-operatorconnect_v$provider_version"
  cat >"$dir/terraformrc" <<CONFIG
provider_installation {
  filesystem_mirror {
    path    = "$dir/mirror"
    include = ["localhost/operatorconnect/*"]
  }
  direct {
    exclude = ["localhost/operatorconnect/*"]
  }
}
CONFIG
  export TF_CLI_CONFIG_FILE="$dir/terraformrc"
}

# bench_setup: builds the provider and the simulator (unless BENCH_SKIP_BUILD is set: e.g. two
# benchmarks started side by side) and makes a work directory, `work`, removed at exit together
# with the simulator that start_simulator starts there.
bench_setup() {
  if [[ -z "${BENCH_SKIP_BUILD:-}" ]]; then
    cmake --preset default >/dev/null
    cmake --build --preset default --target terraform-provider-operatorconnect operatorconnect-sim >/dev/null
  fi
  work=$(mktemp -d)
  sim_pid=""
  trap '[[ -n "$sim_pid" ]] && kill "$sim_pid" 2>/dev/null; rm -rf "$work"' EXIT
}

# start_simulator DIR ADMIN_KEY [ARGS...]: starts operatorconnect-sim on a free loopback port
# with its database in DIR; sets sim_pid and sim_url. The caller stops it (kill "$sim_pid").
start_simulator() {
  local dir=$1 admin_key=$2
  shift 2
  build/default/simulator/operatorconnect-sim --listen 127.0.0.1:0 --db "$dir/tenant.db" \
    --seed schemas/seed/default.json --admin-key "$admin_key" "$@" \
    >"$dir/sim.out" 2>"$dir/sim.log" &
  sim_pid=$!
  for _ in $(seq 100); do
    grep -q '^listening on ' "$dir/sim.out" 2>/dev/null && break
    sleep 0.1
  done
  sim_url=$(sed -n 's/^listening on //p' "$dir/sim.out")
  if [[ -z "$sim_url" ]]; then
    echo "the simulator did not start:" >&2
    cat "$dir/sim.log" >&2
    return 1
  fi
}

# use_simulator_tenant: points the provider at the running simulator (sim_url) as the seeded
# tenant's app registration (schemas/seed/default.json); sets tenant_id.
use_simulator_tenant() {
  tenant_id=3a840088-465d-4709-a9d1-2c216f0cf1fa
  export OPERATORCONNECT_ENDPOINT="$sim_url" OPERATORCONNECT_AUTHORITY_URL="$sim_url"
  export OPERATORCONNECT_TENANT_ID="$tenant_id"
  export OPERATORCONNECT_CLIENT_ID=27f773e2-051f-4a1d-95a2-97a031009885
  export OPERATORCONNECT_CLIENT_SECRET=sim-only-secret-fernleaf-0001
}
