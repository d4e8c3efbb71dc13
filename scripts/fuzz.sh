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
targets=0
rc=0
while IFS=: read -r file name; do
  pkg="./$(dirname "$file")"
  targets=$((targets + 1))
  echo "== fuzz ${pkg} ${name} for ${duration}"
  if ! env -u TF_ACC go test -run '^$' -fuzz "^${name}\$" -fuzztime "$duration" "$pkg"; then
    echo "== fuzz ${name}: FAILED (the failing input is under ${pkg}/testdata/fuzz/${name}/)" >&2
    rc=1
  fi
done < <(grep -rEo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]+' internal | sed -E 's/:func /:/' | sort)

[[ $targets -gt 0 ]] || die "no fuzz targets found"
echo "fuzz: ${targets} targets, ${duration} each"
exit "$rc"
