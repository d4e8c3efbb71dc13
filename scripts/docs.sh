#!/usr/bin/env bash
# Regenerate docs/ with tfplugindocs, using the pinned terraform from .tools/bin.
#
#   scripts/docs.sh           # regenerate docs/
#   scripts/docs.sh --check   # regenerate, then fail if docs/ differs from git
#
# tfplugindocs (v0.25.0) builds the provider with `go build`, then looks for
# `terraform` on PATH (hc-install fs.AnyVersion) and only downloads one when
# none is found or when --tf-version is given. We never pass --tf-version and
# put .tools/bin first on PATH, after making sure terraform is there.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_go

check=0
case "${1:-}" in
  "") ;;
  --check) check=1 ;;
  *) echo "usage: $0 [--check]" >&2; exit 2 ;;
esac

bash "${REPO_ROOT}/scripts/install-tools.sh" terraform tfplugindocs
tools_on_path
use_empty_cli_config

found="$(command -v terraform || true)"
[[ "$found" == "${TOOLS_BIN}/terraform" ]] \
  || die "terraform on PATH is '${found}', expected ${TOOLS_BIN}/terraform (tfplugindocs would download one otherwise)"

cd "$REPO_ROOT"
"${TOOLS_BIN}/tfplugindocs" generate \
  --provider-dir "$REPO_ROOT" \
  --provider-name crm \
  --rendered-provider-name CRM \
  --examples-dir examples \
  --website-source-dir templates \
  --rendered-website-dir docs

if [[ $check -eq 1 ]]; then
  changes="$(git status --porcelain -- docs/)"
  if [[ -n "$changes" ]]; then
    echo "docs/ is out of date with the provider schema, templates/ or examples/:" >&2
    printf '%s\n' "$changes" >&2
    git --no-pager diff --stat -- docs/ >&2 || true
    echo "run 'make docs' and commit the result" >&2
    exit 1
  fi
  echo "docs/ is up to date"
fi
