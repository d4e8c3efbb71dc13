#!/usr/bin/env bash
# Install the pinned development tools into <repo>/.tools/bin with `go install`.
#
#   scripts/install-tools.sh                 # everything
#   scripts/install-tools.sh terraform tofu  # only what you name
#
# A tool is skipped when .tools/bin already holds it at the pinned version:
# either its stamp file (.tools/bin/.<tool>-<version>) exists, or the module
# version embedded in the binary (`go version -m`) matches, in which case the
# stamp is written. Nothing here downloads a prebuilt CLI: everything is built
# from source through the Go module proxy.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_go

# name | main module | package to install | version
TOOLS=(
  "terraform|github.com/hashicorp/terraform|github.com/hashicorp/terraform|v1.8.5"
  "tofu|github.com/opentofu/opentofu|github.com/opentofu/opentofu/cmd/tofu|v1.6.2"
  "tfplugindocs|github.com/hashicorp/terraform-plugin-docs|github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs|v0.25.0"
  "golangci-lint|github.com/golangci/golangci-lint/v2|github.com/golangci/golangci-lint/v2/cmd/golangci-lint|v2.15.0"
)

usage() {
  local names=()
  for t in "${TOOLS[@]}"; do names+=("${t%%|*}"); done
  echo "usage: $0 [${names[*]}]" >&2
  exit 2
}

# embedded_version BIN MODULE: the version of MODULE recorded in BIN, if any.
embedded_version() {
  go version -m "$1" 2>/dev/null | awk -v m="$2" '$1 == "mod" && $2 == m { print $3; exit }'
}

install_one() {
  local name="$1" module="$2" pkg="$3" version="$4"
  local bin="${TOOLS_BIN}/${name}"
  local stamp="${TOOLS_BIN}/.${name}-${version}"

  if [[ -x "$bin" && -f "$stamp" ]]; then
    log "tools: ${name} ${version} already installed"
    return 0
  fi
  if [[ -x "$bin" && "$(embedded_version "$bin" "$module")" == "$version" ]]; then
    touch "$stamp"
    log "tools: ${name} ${version} already installed (stamp written)"
    return 0
  fi

  rm -f "${TOOLS_BIN}/.${name}-"* "$bin"
  log "tools: installing ${name} ${version} (go install ${pkg}@${version}; this can take minutes on a fresh machine)"
  local start=$SECONDS
  GOBIN="$TOOLS_BIN" go install "${pkg}@${version}"
  [[ -x "$bin" ]] || die "go install ${pkg}@${version} did not produce ${bin}"
  local got
  got="$(embedded_version "$bin" "$module")"
  [[ "$got" == "$version" ]] || die "${bin} reports module version '${got}', want ${version}"
  touch "$stamp"
  log "tools: installed ${name} ${version} in $((SECONDS - start))s"
}

main() {
  mkdir -p "$TOOLS_BIN"

  # Serialise concurrent installers (e.g. `make -j test docs`).
  if command -v flock >/dev/null 2>&1; then
    exec 9>"${TOOLS_DIR}/.install.lock"
    flock 9
  fi

  local wanted=("$@")
  if [[ ${#wanted[@]} -eq 0 ]]; then
    for t in "${TOOLS[@]}"; do wanted+=("${t%%|*}"); done
  fi

  local w t found name module pkg version
  for w in "${wanted[@]}"; do
    case "$w" in -h|--help) usage ;; esac
    found=0
    for t in "${TOOLS[@]}"; do
      IFS='|' read -r name module pkg version <<<"$t"
      if [[ "$name" == "$w" ]]; then
        install_one "$name" "$module" "$pkg" "$version"
        found=1
        break
      fi
    done
    [[ $found -eq 1 ]] || { echo "unknown tool: $w" >&2; usage; }
  done
}

main "$@"
