#!/usr/bin/env bash
# Configures and builds with a CMake preset (default: "default").
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-default}"
# Relative paths in ccache keys, so that a fresh clone reuses what another checkout compiled.
export CCACHE_BASEDIR="$PWD"
# With -g, ccache hashes the working directory too unless told not to.
export CCACHE_NOHASHDIR=1
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
