#!/usr/bin/env bash
# Start to handshake: how long the provider takes from exec to the go-plugin handshake line on
# stdout, started as Terraform starts it (magic cookie, protocol 6, AutoMTLS with a client
# certificate, so the server certificate is generated as in a real run). Prints the median of
# RUNS (default 10) and every run, then the shared libraries the binary loads.
#   bash scripts/bench-startup.sh [RUNS] [PROVIDER]    (default: build/default's binary)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-10}
provider=${2:-build/default/provider/terraform-provider-operatorconnect}
[[ -x "$provider" ]] || { echo "bench-startup: no provider binary at $provider (build it first)" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The client certificate Terraform would hand over (any self-signed EC certificate will do).
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 -subj /CN=localhost \
  -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null

python3 - "$provider" "$runs" "$work/cert.pem" <<'PY'
import os, statistics, subprocess, sys, time
provider, runs, cert = sys.argv[1], int(sys.argv[2]), open(sys.argv[3]).read()
env = dict(os.environ,
           TF_PLUGIN_MAGIC_COOKIE="d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
           PLUGIN_PROTOCOL_VERSIONS="6", PLUGIN_CLIENT_CERT=cert, TF_LOG="")
def once():
    start = time.perf_counter()
    proc = subprocess.Popen([provider], env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    proc.kill()
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    if not line.startswith(b"1|6|"):
        sys.exit(f"bench-startup: no handshake line, got {line[:80]!r}")
    # CPU (user + system) is what the process itself spent; wall time also counts waiting for
    # the cores, which other work on a loaded machine inflates.
    return elapsed * 1000, (usage.ru_utime + usage.ru_stime) * 1000
def version_once():
    start = time.perf_counter()
    subprocess.run([provider, "--version"], stdout=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000
once()  # warm the page cache
samples = [once() for _ in range(runs)]
times = [wall for wall, _ in samples]
cpus = [cpu for _, cpu in samples]
versions = [version_once() for _ in range(runs)]
print(f"start to handshake: median {statistics.median(times):.1f} ms of {runs} "
      f"(min {min(times):.1f}, max {max(times):.1f}); CPU median {statistics.median(cpus):.1f} ms")
print(f"--version alone:    median {statistics.median(versions):.1f} ms")
PY
echo "shared libraries loaded: $(ldd "$provider" | grep -c '=>')"
LD_DEBUG=statistics "$provider" --version 2>&1 >/dev/null |
  grep -E 'total startup time|number of relocations:|time needed for relocation' | sed 's/^ *[0-9]*: *//'
