#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan; the "fuzz" preset) and runs each for
# SECONDS (default 60) from a small seed corpus. A crash, hang or leak stops it with the input
# that caused it saved in build/fuzz/artifacts/.
#   bash scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
mkdir -p build/fuzz/artifacts build/fuzz/corpus/msgpack build/fuzz/corpus/json
# Seeds: an object with every kind of attribute, as Terraform would send it, and a JSON state.
printf '\x89\xa2id\xa1x\xa5count\x01\xa7enabled\xc3\xa9countries\x91\xa2GB\xa6places\x90\xa6limits\x80\xa4pair\x92\xa1a\xc2\xa8anything\x92\xa6"bool"\xc3\xa8contacts\xc0' \
  >build/fuzz/corpus/msgpack/object
printf '{"id":"x","count":1.5,"enabled":true,"countries":["GB"],"places":[{"email":"a","name":"b"}],"limits":{"a":1},"pair":["a",false],"anything":null,"contacts":null}' \
  >build/fuzz/corpus/json/state
build/fuzz/fuzz/msgpack_decode_fuzzer -max_total_time="$seconds" -artifact_prefix=build/fuzz/artifacts/ \
  build/fuzz/corpus/msgpack
build/fuzz/fuzz/json_state_decode_fuzzer -max_total_time="$seconds" -artifact_prefix=build/fuzz/artifacts/ \
  build/fuzz/corpus/json
