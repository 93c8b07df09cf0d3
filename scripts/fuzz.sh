#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan; the "fuzz" preset) and runs each for
# SECONDS (default 60) from a small seed corpus: the msgpack and JSON-state decoders (what
# Terraform sends), the API client's response parsers and its typed response models (what an
# endpoint sends). Every fuzz/*_fuzzer.cc must be run here: the script refuses to start otherwise. A crash, hang or leak stops it with the input
# that caused it saved in build/fuzz/artifacts/.
#   bash scripts/fuzz.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
run_targets=(msgpack_decode_fuzzer json_state_decode_fuzzer response_parsers_fuzzer api_models_fuzzer)
for source in fuzz/*_fuzzer.cc; do
  target=$(basename "$source" .cc)
  if [[ " ${run_targets[*]} " != *" $target "* ]]; then
    echo "fuzz.sh: $target (from $source) is not run by this script; add it" >&2
    exit 1
  fi
done
# fuzz TARGET CORPUS [libFuzzer flags...]: one bounded run of a target over its seed corpus.
fuzz() {
  local target=$1 corpus=$2
  shift 2
  "build/fuzz/fuzz/$target" -max_total_time="$seconds" -artifact_prefix=build/fuzz/artifacts/ \
    "$@" "build/fuzz/corpus/$corpus"
}
export CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz
mkdir -p build/fuzz/artifacts build/fuzz/corpus/msgpack build/fuzz/corpus/json \
  build/fuzz/corpus/responses build/fuzz/corpus/models
# Seeds: an object with every kind of attribute, as Terraform would send it, and a JSON state.
printf '\x89\xa2id\xa1x\xa5count\x01\xa7enabled\xc3\xa9countries\x91\xa2GB\xa6places\x90\xa6limits\x80\xa4pair\x92\xa1a\xc2\xa8anything\x92\xa6"bool"\xc3\xa8contacts\xc0' \
  >build/fuzz/corpus/msgpack/object
printf '{"id":"x","count":1.5,"enabled":true,"countries":["GB"],"places":[{"email":"a","name":"b"}],"limits":{"a":1},"pair":["a",false],"anything":null,"contacts":null}' \
  >build/fuzz/corpus/json/state
# Response seeds: the first byte picks the parser (0 page, 1 error, 2 token, 3 operation).
printf '\x00{"value":[{"id":"a"}],"@odata.nextLink":"https://graph.test/v1.0/items?$skiptoken=x"}' \
  >build/fuzz/corpus/responses/page
printf '\x09req\x00{"error":{"code":"BadRequest","message":"caf\xc3\xa9","innerError":{"request-id":"r"}}}' \
  >build/fuzz/corpus/responses/error
printf '\x02{"token_type":"Bearer","expires_in":"3599","access_token":"eyJ0.eyJ1.sig"}' \
  >build/fuzz/corpus/responses/token
printf '\x03{"id":"op","status":"failed","numbers":[{"status":"failed","statusDetail":"x"}]}' \
  >build/fuzz/corpus/responses/operation
fuzz msgpack_decode_fuzzer msgpack
fuzz json_state_decode_fuzzer json
fuzz response_parsers_fuzzer responses -max_len=262144 -dict=fuzz/response_parsers.dict
# Model seeds: the first byte picks the model (0 number, 1 operation, 2 operator, 3 consent,
# 4 civic address, 5 location).
printf '\x00{"id":"n","telephoneNumber":"+442079460001","numberType":"operatorConnect","activationState":"activated","assignmentStatus":"unassigned","capabilities":["userAssignment"],"supportedCustomerActions":[],"reverseNumberLookupOptions":[],"isoCountryCode":"GB"}' \
  >build/fuzz/corpus/models/number
printf '\x01{"id":"op","status":"succeeded","numbers":[{"telephoneNumber":"+1","status":"failed","statusDetail":"x"}]}' \
  >build/fuzz/corpus/models/operation
printf '\x02{"id":"o","displayName":"Bluefin","offerings":[{"offerType":"calling","countryCodes":["GB"]}]}' \
  >build/fuzz/corpus/models/operator
printf '\x04{"id":"a","companyName":"F","countryOrRegion":"GB","latitude":"51.5","defaultLocationId":"l"}' \
  >build/fuzz/corpus/models/address
printf '\x05{"id":"l","civicAddressId":"a","isDefault":false,"elin":"4255550100","countryOrRegion":"US"}' \
  >build/fuzz/corpus/models/location
fuzz api_models_fuzzer models -max_len=65536 -dict=fuzz/response_parsers.dict
