#!/usr/bin/env bash
# Run every fuzz target of the module for a fixed time each.
#
#   scripts/fuzz.sh [DURATION]   # default 10s per target
#
# `go test` alone only replays the seed corpora; this actually mutates
# inputs, so a decoder whose property is wrong fails here. A finding is
# written to the package's testdata/fuzz/<Target>/ by go test: commit it.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_go
cd "$REPO_ROOT"

duration="${1:-10s}"
log="$(mktemp)"
trap 'rm -f "$log"' EXIT

# fuzz_once PKG NAME: fuzz one target. Go's fuzzing engine sometimes ends
# a run with "context deadline exceeded" when -fuzztime runs out while a
# worker is busy, writing no input: that is the engine, not a finding
# (a finding is always written to testdata/fuzz/NAME/), so such a run is
# repeated once, and said so.
fuzz_once() {
  local pkg="$1" name="$2" corpus="$1/testdata/fuzz/$2" before after
  before="$(ls "$corpus" 2>/dev/null | wc -l)"
  if env -u TF_ACC go test -run '^$' -fuzz "^${name}\$" -fuzztime "$duration" "$pkg" 2>&1 | tee "$log"; [[ ${PIPESTATUS[0]} -eq 0 ]]; then
    return 0
  fi
  after="$(ls "$corpus" 2>/dev/null | wc -l)"
  if [[ "$after" == "$before" ]] && grep -q 'context deadline exceeded' "$log"; then
    echo "== fuzz ${name}: the engine stopped with \"context deadline exceeded\" and wrote no input; running it again"
    env -u TF_ACC go test -run '^$' -fuzz "^${name}\$" -fuzztime "$duration" "$pkg"
    return
  fi
  return 1
}
targets=0
rc=0
while IFS=: read -r file name; do
  pkg="./$(dirname "$file")"
  targets=$((targets + 1))
  echo "== fuzz ${pkg} ${name} for ${duration}"
  if ! fuzz_once "$pkg" "$name"; then
    echo "== fuzz ${name}: FAILED (the failing input is under ${pkg}/testdata/fuzz/${name}/)" >&2
    rc=1
  fi
done < <(grep -rEo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]+' internal | sed -E 's/:func /:/' | sort)

[[ $targets -gt 0 ]] || die "no fuzz targets found"
echo "fuzz: ${targets} targets, ${duration} each"
exit "$rc"
