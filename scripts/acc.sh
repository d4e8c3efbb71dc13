#!/usr/bin/env bash
# Run the acceptance tests (TestAcc*) against one CLI of the matrix.
#
#   scripts/acc.sh terraform       # Terraform 1.16.4 from .tools/bin
#   scripts/acc.sh tofu            # OpenTofu 1.12.6 from .tools/bin
#   scripts/acc.sh terraform-1.8   # Terraform 1.8.5, the oldest supported
#
# Environment knobs:
#   ACC_PARALLEL   go test -parallel value (default 4)
#   ACC_RUN        go test -run regexp (default '^TestAcc')
#   ACC_PKGS       packages to test (default ./internal/...)
#   ACC_TIMEOUT    go test -timeout (default 80m)
#   ACC_RACE       0 drops -race (default 1: Terraform drives one provider
#                  process from many goroutines, so races are real)
#   ACC_NORMALIZE  1 makes every test sandbox normalise values as real APIs
#                  do (lower-case e-mails, upper-case GSTINs, trimmed strings)
#
# The full `go test -v` log goes to .tools/logs/acc-<cli>.log; the console gets
# only the `--- PASS/FAIL/SKIP` lines, the package `ok`/`FAIL` lines, the gated
# skips of this CLI and a closing summary `acc(<cli>): N passed, N failed, N
# skipped`. The run fails if go test fails, if no acceptance test passed, or if
# any test skipped without a gate: a test that needs a newer CLI declares it
# beside itself with acctest.Gate (or NeedsIdentity, NeedsWriteOnly), which
# logs "crm-acc-gate <test> <minimum version> <reason>"; a skip counts as
# gated only with that line in the log and a CLI older than the minimum.
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_go

cli="${1:-}"
case "$cli" in
  terraform|tofu|terraform-1.8) ;;
  *) echo "usage: $0 <terraform|tofu|terraform-1.8>" >&2; exit 2 ;;
esac

parallel="${ACC_PARALLEL:-4}"
run_re="${ACC_RUN:-^TestAcc}"
timeout="${ACC_TIMEOUT:-80m}"
read -r -a pkgs <<<"${ACC_PKGS:-./internal/...}"
race=(-race)
[[ "${ACC_RACE:-1}" == 0 ]] && race=()

bash "${REPO_ROOT}/scripts/install-tools.sh" "$cli"

use_empty_cli_config
cli_path="${TOOLS_BIN}/${cli}"   # absolute: terraform-plugin-testing requires it
[[ -x "$cli_path" ]] || die "${cli_path} is missing"
cli_version="$("$cli_path" version 2>/dev/null | sed -nE 's/^(Terraform|OpenTofu) v([0-9][^ ]*).*/\2/p' | head -n1)"
[[ -n "$cli_version" ]] || die "cannot read the version of ${cli_path}"

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
label="$cli"
[[ "${ACC_NORMALIZE:-0}" == 1 ]] && label="${cli}-normalizing"
log_file="${TOOLS_DIR}/logs/acc-${label}.log"

echo "== acceptance tests on ${cli} ${cli_version} (parallel ${parallel}${race:+, -race}${ACC_NORMALIZE:+, ACC_NORMALIZE=${ACC_NORMALIZE}}); full log: ${log_file#"${REPO_ROOT}"/}"
echo "acc(${label}): packages: ${pkgs[*]}"

# Tests of the provider's own behaviour under faults and load, not of the
# CLI: the fault matrix applies 50 customers per platform through ten fault
# scenarios (about four minutes under -race), and the adaptive rate-limit
# test needs the provider to outpace a 20 requests/s server, which three
# test binaries at once on 2 cores may not. They run once, on Terraform
# 1.16.4, and are left out (go test -skip, so not counted as skipped) on the
# other CLIs and the normalising pass. A test says so by its name: every
# TestAccFaultMatrix_* (each platform's entry in the shared matrix), and any
# acceptance test whose name ends in "Once".
ONCE_RE='^TestAcc(FaultMatrix_.*|.*Once)$'
skip=()
if [[ "$cli" != terraform || "${ACC_NORMALIZE:-0}" == 1 ]]; then
  skip=(-skip "$ONCE_RE")
  echo "acc(${label}): left out here, run once on terraform: ${ONCE_RE}"
fi

cd "$REPO_ROOT"
set +e
go test "${race[@]}" -count=1 -v -timeout "$timeout" -parallel "$parallel" -run "$run_re" "${skip[@]}" "${pkgs[@]}" 2>&1 \
  | tee "$log_file" \
  | grep --line-buffered -E '^[[:space:]]*--- (PASS|FAIL|SKIP):|^(ok|FAIL)([[:space:]]|$)'
status=${PIPESTATUS[0]}
set -e

count() { grep -cE "^[[:space:]]*--- $1:" "$log_file" || true; }
passed="$(count PASS)"
failed="$(count FAIL)"
skipped="$(count SKIP)"

# version_lt A B: A < B for dotted versions.
version_lt() { [[ "$1" != "$2" && "$(printf '%s\n%s\n' "$1" "$2" | sort -V | head -n1)" == "$1" ]]; }

# Sort the skips into gated (declared by acctest.Gate, CLI below the
# minimum) and the rest.
gated_skips=()
bad_skips=()
while read -r name; do
  [[ -n "$name" ]] || continue
  top="${name%%/*}"
  gate="$(grep -oE "crm-acc-gate ${top} [^ ]+ .*" "$log_file" | head -n1 || true)"
  if [[ -z "$gate" ]]; then
    bad_skips+=("${name}: skipped without an acctest.Gate")
    continue
  fi
  read -r _ _ minimum reason <<<"$gate"
  if version_lt "$cli_version" "$minimum"; then
    gated_skips+=("${name} (needs ${minimum}: ${reason})")
  else
    bad_skips+=("${name}: gated at ${minimum}, but this CLI is ${cli_version}")
  fi
done < <(sed -nE 's/^[[:space:]]*--- SKIP: ([^ ]+).*/\1/p' "$log_file")

echo "acc(${label}): gated skips on ${cli_version}: ${#gated_skips[@]}"
for s in "${gated_skips[@]}"; do echo "  - ${s}"; done

rc=0
if [[ $status -ne 0 ]]; then
  rc=$status
elif [[ $passed -eq 0 ]]; then
  echo "acc(${label}): no acceptance test passed (all skipped or none found); failing" >&2
  rc=1
fi
if [[ ${#bad_skips[@]} -gt 0 ]]; then
  # A skipped acceptance test is not a passed one.
  echo "acc(${label}): ${#bad_skips[@]} tests skipped without a gate; failing:" >&2
  for s in "${bad_skips[@]}"; do echo "  - ${s}" >&2; done
  rc=1
fi

# failed_output: what each failed test logged (go test -v interleaves
# parallel tests; a "=== RUN/CONT/NAME/PAUSE <test>" line says whose lines
# follow), its last 150 lines: the cause of a failure, wherever it is in
# the log.
failed_output() {
  awk '
    /^=== (RUN|CONT|NAME|PAUSE) / { cur = $3; next }
    /^[[:space:]]*--- FAIL: / { failed[$3] = 1 }
    cur != "" { n[cur]++; line[cur, n[cur]] = $0 }
    END {
      for (t in failed) {
        print "---- output of failed test " t " (last 150 lines) ----"
        from = n[t] > 150 ? n[t] - 149 : 1
        for (i = from; i <= n[t]; i++) print line[t, i]
      }
    }' "$log_file"
}

if [[ $rc -ne 0 ]]; then
  failed_output
  echo "---- last 200 lines of ${log_file#"${REPO_ROOT}"/} ----"
  tail -n 200 "$log_file"
  echo "---- end of log ----"
fi

echo "acc(${label}): ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$rc"
