#!/usr/bin/env bash
# Run a command with the pinned tools first on PATH, CHECKPOINT_DISABLE=1 and
# TF_CLI_CONFIG_FILE pointing at an empty CLI config we own.
#
#   scripts/with-tools.sh terraform fmt -check -recursive examples/
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_go
tools_on_path
use_empty_cli_config

[[ $# -gt 0 ]] || { echo "usage: $0 <command> [args...]" >&2; exit 2; }
exec "$@"
