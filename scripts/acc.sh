#!/usr/bin/env bash
# Run the acceptance tests (TestAcc*) against one CLI of the matrix.
#
#   scripts/acc.sh terraform     # Terraform 1.8.5 from .tools/bin
#   scripts/acc.sh tofu          # OpenTofu 1.6.2 from .tools/bin
#
# Environment knobs:
#   ACC_PARALLEL   go test -parallel value (default 4)
#   ACC_RUN        go test -run regexp (default '^TestAcc')
#   ACC_PKGS       packages to test (default ./internal/...)
#   ACC_TIMEOUT    go test -timeout (default 80m)
#   ACC_ALLOW_SKIP 1 accepts skipped tests (by default a skip fails the run)
#
# The full `go test -v` log goes to .tools/logs/acc-<cli>.log; the console gets
# only the `--- PASS/FAIL/SKIP` lines, the package `ok`/`FAIL` lines and a
# closing summary `acc(<cli>): N passed, N failed, N skipped`. The run fails if
# go test fails, if no acceptance test passed, or if any was skipped.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_go

cli="${1:-}"
case "$cli" in
  terraform|tofu) ;;
  *) echo "usage: $0 <terraform|tofu>" >&2; exit 2 ;;
esac

parallel="${ACC_PARALLEL:-4}"
run_re="${ACC_RUN:-^TestAcc}"
timeout="${ACC_TIMEOUT:-80m}"
read -r -a pkgs <<<"${ACC_PKGS:-./internal/...}"

bash "${REPO_ROOT}/scripts/install-tools.sh" "$cli"

use_empty_cli_config
cli_path="${TOOLS_BIN}/${cli}"   # absolute: terraform-plugin-testing requires it
[[ -x "$cli_path" ]] || die "${cli_path} is missing"

export TF_ACC=1
export TF_ACC_TERRAFORM_PATH="$cli_path"
if [[ "$cli" == "tofu" ]]; then
  export TF_ACC_PROVIDER_HOST=registry.opentofu.org
  export TF_ACC_PROVIDER_NAMESPACE=hashicorp
else
  unset TF_ACC_PROVIDER_HOST TF_ACC_PROVIDER_NAMESPACE
fi
# Keep the test harness' scratch directories out of a shared /tmp.
export TF_ACC_TEMP_DIR="${TOOLS_DIR}/tmp/acc-${cli}"
rm -rf "$TF_ACC_TEMP_DIR"
mkdir -p "$TF_ACC_TEMP_DIR" "${TOOLS_DIR}/logs"
log_file="${TOOLS_DIR}/logs/acc-${cli}.log"

echo "== acceptance tests on $("$cli_path" version 2>/dev/null | sed -n 1p) (parallel ${parallel}); full log: ${log_file#"${REPO_ROOT}"/}"

cd "$REPO_ROOT"
set +e
go test -count=1 -v -timeout "$timeout" -parallel "$parallel" -run "$run_re" "${pkgs[@]}" 2>&1 \
  | tee "$log_file" \
  | grep --line-buffered -E '^[[:space:]]*--- (PASS|FAIL|SKIP):|^(ok|FAIL)([[:space:]]|$)'
status=${PIPESTATUS[0]}
set -e

count() { grep -cE "^[[:space:]]*--- $1:" "$log_file" || true; }
passed="$(count PASS)"
failed="$(count FAIL)"
skipped="$(count SKIP)"

rc=0
if [[ $status -ne 0 ]]; then
  rc=$status
elif [[ $passed -eq 0 ]]; then
  echo "acc(${cli}): no acceptance test passed (all skipped or none found); failing" >&2
  rc=1
elif [[ $skipped -ne 0 && "${ACC_ALLOW_SKIP:-0}" != 1 ]]; then
  # A skipped acceptance test is not a passed one: say which, and fail.
  grep -E "^[[:space:]]*--- SKIP:" "$log_file" >&2
  echo "acc(${cli}): ${skipped} acceptance tests were skipped; set ACC_ALLOW_SKIP=1 to accept that" >&2
  rc=1
fi

if [[ $rc -ne 0 ]]; then
  echo "---- last 200 lines of ${log_file#"${REPO_ROOT}"/} ----"
  tail -n 200 "$log_file"
  echo "---- end of log ----"
fi

echo "acc(${cli}): ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$rc"
