#!/usr/bin/env bash
# Shared helpers for the scripts in this directory. Source it; don't run it.
#
# After sourcing:
#   REPO_ROOT   absolute path of the repository
#   TOOLS_DIR   $REPO_ROOT/.tools   (git-ignored)
#   TOOLS_BIN   $REPO_ROOT/.tools/bin
# and the environment is safe for running terraform/tofu without network
# surprises: CHECKPOINT_DISABLE=1, TF_CLI_CONFIG_FILE points at an empty CLI
# config written by us (a preset TF_CLI_CONFIG_FILE may name a missing file),
# and .tools/bin is first on PATH.

if [[ -z "${REPO_ROOT:-}" ]]; then
  REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
fi
TOOLS_DIR="${REPO_ROOT}/.tools"
TOOLS_BIN="${TOOLS_DIR}/bin"
export REPO_ROOT TOOLS_DIR TOOLS_BIN

log() { printf '%s\n' "$*" >&2; }

# cpu_busy: the CPU-seconds the whole machine has spent busy since boot
# (/proc/stat: user, nice, system, irq, softirq, steal).
cpu_busy() {
  awk -v hz="$(getconf CLK_TCK 2>/dev/null || echo 100)" \
    '$1 == "cpu" { printf "%.2f\n", ($2 + $3 + $4 + $7 + $8 + $9) / hz; exit }' /proc/stat 2>/dev/null
}

# own_cpu VAR [PID...]: sets VAR to the CPU-seconds this shell and its
# children have used (bash's `times`: the children waited for, with all they
# waited for), plus those of each PID still running and of its children
# (/proc/PID/stat). Call it as is, not in $(...): a subshell has its own
# `times`.
own_cpu() {
  local var="$1" total pid f
  shift
  f="$(mktemp)"
  times >"$f"
  total="$(awk '{ for (i = 1; i <= 2; i++) { split($i, t, /[ms]/); s += t[1] * 60 + t[2] } } END { printf "%.2f", s }' "$f")"
  rm -f "$f"
  for pid in "$@"; do
    [[ -r "/proc/${pid}/stat" ]] || continue
    total="$(awk -v t="$total" -v hz="$(getconf CLK_TCK 2>/dev/null || echo 100)" '{
      sub(/^.*\) /, ""); printf "%.2f", t + ($12 + $13 + $14 + $15) / hz }' "/proc/${pid}/stat")"
  done
  printf -v "$var" '%s' "$total"
}

# other_work_note WALL BUSY OWN: what a benchmark's report says of the
# machine's other work during a run of WALL seconds, in which the machine
# was busy BUSY CPU-seconds and the benchmark used OWN of them: the rest,
# and a warning when it averaged more than a quarter of one CPU.
other_work_note() {
  awk -v w="$1" -v b="$2" -v o="$3" 'BEGIN {
    if (w <= 0 || b == "" || o == "") { print "unknown"; exit }
    other = b - o; if (other < 0) other = 0
    printf "%.0f CPU-seconds, %.0f %% of one CPU", other, 100 * other / w
    if (other / w > 0.25) printf " (it skewed the timings)"
    printf "\n"
  }'
}
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Make sure `go` is reachable even when /usr/local/go/bin is not on PATH.
ensure_go() {
  if ! command -v go >/dev/null 2>&1; then
    if [[ -x /usr/local/go/bin/go ]]; then
      PATH="/usr/local/go/bin:${PATH}"
      export PATH
    else
      die "go not found on PATH (nor at /usr/local/go/bin/go)"
    fi
  fi
}

# write_cli_config FILE [CONTENT]: write a Terraform/OpenTofu CLI config file.
write_cli_config() {
  local file="$1" content="${2:-}"
  mkdir -p "$(dirname "$file")"
  printf '%s' "$content" >"$file"
}

# Point Terraform/OpenTofu at an empty CLI config we own and never phone home.
use_empty_cli_config() {
  local file="${TOOLS_DIR}/cli-config/empty.tfrc"
  write_cli_config "$file" "# empty on purpose: no credentials, no provider_installation overrides
"
  export TF_CLI_CONFIG_FILE="$file"
  export TOFU_CLI_CONFIG_FILE="$file"
  export CHECKPOINT_DISABLE=1
  # Never let terraform-plugin-testing download a CLI.
  unset TF_ACC_TERRAFORM_VERSION
}

# Put .tools/bin first on PATH so the pinned tools win over anything else.
tools_on_path() {
  mkdir -p "$TOOLS_BIN"
  PATH="${TOOLS_BIN}:${PATH}"
  export PATH
}

# platform_packages prints the platform packages on one line, as
# ./internal/<name> separated by spaces (ACC_PKGS reads one line): those
# the provider's registry imports that declare a platform.Platform (import
# internal/platform). Derived from the code, so a new platform needs no edit
# here.
platform_packages() {
  local mod
  mod="$(cd "$REPO_ROOT" && go list -m)"
  (cd "$REPO_ROOT" && go list -f '{{.ImportPath}}{{range .Imports}} {{.}}{{end}}' \
    $(go list -f '{{join .Imports " "}}' ./internal/provider | tr ' ' '\n' | grep "^${mod}/internal/")) \
    | awk -v p="${mod}/internal/platform" '{ for (i = 2; i <= NF; i++) if ($i == p) { print $1; break } }' \
    | sed "s|^${mod}/|./|" | paste -sd' ' -
}
