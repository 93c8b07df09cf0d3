#!/usr/bin/env bash
# Builds the asan-ubsan preset (only what these suites need) and runs the unit, protocol and
# simulator suites plus the hostile-endpoint end-to-end tests under AddressSanitizer and
# UndefinedBehaviorSanitizer. Any sanitizer report fails the run: the first one halts the
# process, and every report is also written under build/asan-ubsan/sanitizer-reports/, which
# must stay empty (a report from the provider, a child of terraform, would otherwise only show
# as a failed terraform command). The preset builds with -g1 (line tables only): reports keep
# file and line, and the cold build is about 15% faster than with -g.
#   bash scripts/test-sanitizers.sh
set -euo pipefail
cd "$(dirname "$0")/.."
export CHECKPOINT_DISABLE=1 CCACHE_BASEDIR="$PWD" CCACHE_NOHASHDIR=1
build=build/asan-ubsan
cmake --preset asan-ubsan >/dev/null
targets=(client_unit_tests framework_unit_tests plugin_unit_tests provider_config_unit_tests
         protocol_tests opcsim_tests terraform-provider-operatorconnect operatorconnect-sim
         hostile_endpoint_e2e_tests)
for area in operator emergency number compliance checks adoption support; do
  targets+=("${area}_resources_unit_tests")
done
cmake --build "$build" --target "${targets[@]}"

reports="$PWD/$build/sanitizer-reports"
rm -rf "$reports" && mkdir -p "$reports"
export ASAN_OPTIONS="halt_on_error=1:abort_on_error=0:detect_leaks=1:log_path=$reports/asan"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$reports/ubsan"
export LSAN_OPTIONS="suppressions=$PWD/scripts/lsan.supp:print_suppressions=0"
status=0
ctest --test-dir "$build" -L '^(unit|protocol|simulator)$' -j2 --output-on-failure \
  --timeout 900 || status=$?
# By name: gtest_discover_tests keeps only the first of several LABELS.
ctest --test-dir "$build" -R '^HostileEndpointE2ETest\.' --output-on-failure --timeout 900 ||
  status=$?
if compgen -G "$reports/*" >/dev/null; then
  echo "sanitizer reports:" >&2
  for report in "$reports"/*; do
    echo "=== $report" >&2
    head -n 60 "$report" >&2
  done
  status=1
fi
exit "$status"
