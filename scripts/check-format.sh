#!/usr/bin/env bash
# Fails when any tracked C++ file differs from what clang-format (.clang-format) would write.
# `scripts/check-format.sh --fix` rewrites them instead.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.cc' '*.h' '*.cpp' '*.hpp')
if [[ "${1:-}" == "--fix" ]]; then
  clang-format -i "${files[@]}"
  exit 0
fi
if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/check-format.$$; then
  grep -E '^[^ ].*: (warning|error):' /tmp/check-format.$$ | cut -d: -f1 | sort | uniq -c |
    sed 's/^/check-format: needs formatting: /' >&2
  rm -f /tmp/check-format.$$
  echo "check-format: run 'bash scripts/check-format.sh --fix' ($(clang-format --version))" >&2
  exit 1
fi
rm -f /tmp/check-format.$$
echo "check-format: ${#files[@]} files clean ($(clang-format --version | head -n 1))"
