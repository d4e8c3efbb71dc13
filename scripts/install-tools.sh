#!/usr/bin/env bash
# Install the pinned development tools into <repo>/.tools/bin with `go install`.
#
#   scripts/install-tools.sh                 # everything
#   scripts/install-tools.sh terraform tofu  # only what you name
#   scripts/install-tools.sh --for-tests     # the tools unit tests run (`make unit`)
#
# A tool is skipped when .tools/bin already holds it at the pinned version:
# either its stamp file (.tools/bin/.<tool>-<version>) exists, or the module
# version embedded in the binary (`go version -m`) matches, in which case the
# stamp is written. Nothing here downloads a prebuilt CLI: everything is built
# from source through the Go module proxy, except the browser the console test
# drives (chromium), which comes from the distribution with apt-get, system-wide,
# when `command -v chromium` fails (install_apt below).
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_go

# name | main module | package to install | version [| test]
#
# "test" marks a tool the unit tests run (a platform's mock server, say):
# `make unit` installs those, so a platform that brings one adds only its
# line here.
#
# Terraform >= 1.10 and OpenTofu >= 1.10 carry `replace` directives in go.mod,
# so `go install pkg@version` refuses them: those are built from the module
# proxy's source zip instead (build_from_source below), marked "src:".
#
# "apt:" marks a Debian package (no module, no pinned version: "-"), installed
# by install_apt.
TOOLS=(
  "terraform|github.com/hashicorp/terraform|src:.|v1.16.4"
  "terraform-1.8|github.com/hashicorp/terraform|github.com/hashicorp/terraform|v1.8.5"
  "tofu|github.com/opentofu/opentofu|src:./cmd/tofu|v1.12.6"
  "tfplugindocs|github.com/hashicorp/terraform-plugin-docs|github.com/hashicorp/terraform-plugin-docs/cmd/tfplugindocs|v0.25.0"
  "golangci-lint|github.com/golangci/golangci-lint/v2|github.com/golangci/golangci-lint/v2/cmd/golangci-lint|v2.15.0"
  "stripe-mock|github.com/stripe/stripe-mock|github.com/stripe/stripe-mock|v0.203.0|test"
  "chromium|-|apt:chromium|-|test"
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

# cli_version BIN: "1.16.4" from `terraform version` / `tofu version`, with an
# empty CLI config (a preset TF_CLI_CONFIG_FILE may name a missing file, and
# the CLI then prints a warning first).
cli_version() {
  CHECKPOINT_DISABLE=1 TF_CLI_CONFIG_FILE=/dev/null TOFU_CLI_CONFIG_FILE=/dev/null "$1" version 2>/dev/null |
    sed -nE 's/^(Terraform|OpenTofu) v([0-9][^ ]*).*/\2/p' | head -n1
}

# Terraform's go.mod replaces these nested modules with local folders that the
# module zip does not contain; each is fetched at the tag's pseudo-version.
TERRAFORM_NESTED=(internal/legacy internal/backend/remote-state/{azure,consul,cos,gcs,kubernetes,oci,oss,pg,s3})
TERRAFORM_NESTED_VERSION_v1_16_4="v0.0.0-20260923115756-6ee8af215a53"

# modfield MODULE@VERSION FIELD: a field of `go mod download -json` (downloads it).
modfield() {
  go mod download -json "$1" | sed -nE "s/^[[:space:]]*\"$2\": \"(.*)\",?$/\1/p"
}

# build_from_source NAME MODULE DIR_IN_MODULE VERSION BIN: go build from the
# module proxy's source (the extracted zip in the module cache), with the nested replaced modules put in place.
build_from_source() {
  local name="$1" module="$2" dir="$3" version="$4" bin="$5"
  local work="${TOOLS_DIR}/src/${name}-${version}"
  local src
  src="$(modfield "${module}@${version}" Dir)"
  [[ -d "$src" ]] || die "go mod download ${module}@${version} gave no source"
  rm -rf "$work"
  mkdir -p "$(dirname "$work")"
  cp -R "$src" "$work"
  chmod -R u+w "$work"
  if [[ "$module" == github.com/hashicorp/terraform ]]; then
    local var="TERRAFORM_NESTED_VERSION_${version//./_}" nested
    [[ -n "${!var:-}" ]] || die "no nested-module pseudo-version known for terraform ${version}"
    for nested in "${TERRAFORM_NESTED[@]}"; do
      src="$(modfield "${module}/${nested}@${!var}" Dir)"
      [[ -d "$src" ]] || die "go mod download ${module}/${nested}@${!var} failed"
      rm -rf "${work:?}/${nested}"
      mkdir -p "$(dirname "${work}/${nested}")"
      cp -R "$src" "${work}/${nested}"
      chmod -R u+w "${work}/${nested}"
    done
  fi
  (cd "$work" && CGO_ENABLED=0 GOFLAGS=-mod=mod go build -trimpath \
      -ldflags "-s -w -X ${module}/version.dev=no" -o "$bin" "$dir")
  rm -rf "$work"
}

# install_apt NAME PACKAGE: a tool on PATH from a Debian package, installed
# with apt-get (as root: CI runs as root) when `command -v NAME` fails; the
# package lists are updated only if the install fails without. The
# distribution's version is used as it is. Without root or apt-get the tool
# is reported missing: an error in CI (CI=true), a note elsewhere, where the
# tests that need it skip.
install_apt() {
  local name="$1" package="$2"
  if command -v "$name" >/dev/null 2>&1; then
    log "tools: ${name} already installed ($(command -v "$name"))"
    return 0
  fi
  if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    local msg="${name} is not installed and installing it needs root and apt-get: run 'sudo apt-get install -y ${package}'"
    [[ "${CI:-}" == true ]] && die "$msg"
    log "tools: ${msg} (the tests that need it skip outside CI)"
    return 0
  fi
  log "tools: installing ${name} (apt-get install ${package}; a minute or two on a fresh machine)"
  local start=$SECONDS out="${TOOLS_DIR}/apt-${package}.log"
  export DEBIAN_FRONTEND=noninteractive
  if ! apt-get install -y -qq "$package" >"$out" 2>&1; then
    { apt-get update -qq && apt-get install -y -qq "$package"; } >>"$out" 2>&1 ||
      { cat "$out" >&2; die "apt-get install ${package} failed"; }
  fi
  command -v "$name" >/dev/null 2>&1 || die "apt-get installed ${package}, but ${name} is not on PATH"
  log "tools: installed ${name} ($("$name" --version 2>/dev/null | head -n1)) in $((SECONDS - start))s"
}

install_one() {
  local name="$1" module="$2" pkg="$3" version="$4"
  if [[ "$pkg" == apt:* ]]; then
    install_apt "$name" "${pkg#apt:}"
    return
  fi
  local bin="${TOOLS_BIN}/${name}"
  local stamp="${TOOLS_BIN}/.${name}-${version}"

  if [[ -x "$bin" && -f "$stamp" ]]; then
    log "tools: ${name} ${version} already installed"
    return 0
  fi
  local have=""
  if [[ -x "$bin" ]]; then
    have="$(embedded_version "$bin" "$module")"
    # Source builds report (devel): ask the binary itself.
    [[ "$pkg" == src:* ]] && have="v$(cli_version "$bin")"
  fi
  if [[ "$have" == "$version" ]]; then
    touch "$stamp"
    log "tools: ${name} ${version} already installed (stamp written)"
    return 0
  fi

  rm -f "${TOOLS_BIN}/.${name}-"* "$bin"
  local start=$SECONDS got
  if [[ "$pkg" == src:* ]]; then
    log "tools: building ${name} ${version} from the module proxy's source zip (several CPU-minutes on a fresh machine)"
    build_from_source "$name" "$module" "${pkg#src:}" "$version" "$bin"
    [[ -x "$bin" ]] || die "building ${module}@${version} did not produce ${bin}"
    # Source builds report (devel) to `go version -m`; ask the binary itself.
    got="v$(cli_version "$bin")"
  else
    log "tools: installing ${name} ${version} (go install ${pkg}@${version}; this can take minutes on a fresh machine)"
    # Install into a scratch GOBIN, then rename: a second version of a tool
    # (terraform-1.8) must not overwrite the first.
    local tmp
    tmp="$(mktemp -d "${TOOLS_DIR}/gobin.XXXXXX")"
    GOBIN="$tmp" go install "${pkg}@${version}"
    mv "${tmp}/${pkg##*/}" "$bin"
    rm -rf "$tmp"
    [[ -x "$bin" ]] || die "go install ${pkg}@${version} did not produce ${bin}"
    got="$(embedded_version "$bin" "$module")"
  fi
  [[ "$got" == "$version" ]] || die "${bin} reports version '${got}', want ${version}"
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
  elif [[ "${wanted[*]}" == --for-tests ]]; then
    wanted=()
    for t in "${TOOLS[@]}"; do [[ "$t" == *"|test" ]] && wanted+=("${t%%|*}"); done
  fi

  local w t found name module pkg version
  for w in "${wanted[@]}"; do
    case "$w" in -h|--help) usage ;; esac
    found=0
    for t in "${TOOLS[@]}"; do
      IFS='|' read -r name module pkg version _ <<<"$t"
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
