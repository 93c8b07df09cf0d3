#!/usr/bin/env bash
# Installs everything a fresh Debian 12 machine lacks to build and test the provider.
# Idempotent: packages already present are skipped.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libgrpc++-dev protobuf-compiler-grpc protobuf-compiler libprotobuf-dev
  libmsgpack-cxx-dev nlohmann-json3-dev libcurl4-openssl-dev libssl-dev
  libsqlite3-dev libcpp-httplib-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
  clang-format clang libclang-rt-14-dev curl jq zip unzip python3
  python3-yaml openssl  # the pipeline tests: the workflow check, a TLS mirror on loopback
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [[ $(id -u) -eq 0 ]] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "setup: all build packages present"
fi

# The real client is not in any package registry: these machines ship it on PATH.
tf_binary="${TF_BINARY:-terraform}"
if ! command -v "$tf_binary" >/dev/null 2>&1; then
  echo "setup: '$tf_binary' is not on PATH. The end-to-end tests drive the real Terraform (1.11+) or" >&2
  echo "       OpenTofu binary; install it, or point TF_BINARY at it, and run this again." >&2
  exit 1
fi
echo "setup: using $("$tf_binary" version | head -n 1) ($tf_binary)"
