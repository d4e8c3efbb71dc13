#!/usr/bin/env bash
# Cross-compile the provider for every OS/architecture pair .goreleaser.yml
# lists, as the release builds it (its env, flags and ldflags, the version
# stamped), check each binary, and check that .goreleaser.yml,
# terraform-registry-manifest.json and main.go agree with each other and
# with the Terraform Registry's naming. goreleaser is not needed: the work
# is done by scripts/releasecheck (standard library only). The binaries go
# to .tools/release-check/<os>_<arch>[_<variant>]/.
#
#   scripts/release-check.sh                    # version: the v-tag on HEAD, else 0.0.0-releasecheck
#   RELEASE_VERSION=1.2.3 scripts/release-check.sh
#   RELEASE_CHECK_JOBS=1 scripts/release-check.sh   # builds at once (default: the CPU count)
#
# Every target after the first compiles the whole dependency graph for its
# own GOOS/GOARCH once; the shared Go build cache keeps that, so later runs
# only compile what changed and link.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_go
cd "$REPO_ROOT"

version="${RELEASE_VERSION:-}"
if [[ -z "$version" ]]; then
  tag="$(git describe --tags --exact-match HEAD 2>/dev/null || true)"
  if [[ "$tag" =~ ^v[0-9]+\.[0-9]+\.[0-9]+ ]]; then
    version="${tag#v}" # goreleaser's .Version: the tag without its v
  else
    version="0.0.0-releasecheck"
  fi
fi

exec go run ./scripts/releasecheck -config .goreleaser.yml -version "$version" \
  -out "${TOOLS_DIR}/release-check" -j "${RELEASE_CHECK_JOBS:-$(nproc 2>/dev/null || echo 2)}"
