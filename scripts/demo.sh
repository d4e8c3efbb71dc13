#!/usr/bin/env bash
# make demo: the whole provider loop against the local sandbox, no manual steps.
#
#   1. build terraform-provider-crm into .tools/demo/bin, install terraform
#   2. start `terraform-provider-crm sandbox -listen 127.0.0.1:0`, export the
#      platform credentials/base URLs its banner prints (export NAME=value),
#      print the address of its console page (records, requests, faults)
#   3. write a CLI config with dev_overrides for registry.terraform.io/customerops/crm
#   4. in .tools/demo/work (a copy of examples/quickstart): apply, plan (must be
#      empty), change a customer out of band through the sandbox control surface,
#      plan (must show the drift), destroy
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
ensure_go

PROVIDER_ADDR="registry.terraform.io/customerops/crm"
DEMO_DIR="${TOOLS_DIR}/demo"
DEMO_BIN="${DEMO_DIR}/bin"
WORK_DIR="${DEMO_DIR}/work"
SANDBOX_OUT="${DEMO_DIR}/sandbox.out"
QUICKSTART="${REPO_ROOT}/examples/quickstart"

banner() { printf '\n== %s ==\n' "$*"; }
fail() { printf '\ndemo FAILED: %s\n' "$*" >&2; exit 1; }

if ! command -v curl >/dev/null 2>&1; then
  # The out-of-band change goes through the sandbox's HTTP control surface.
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null 2>&1; then
    echo "installing curl (apt-get)"
    apt-get update -qq && apt-get install -y -qq curl >/dev/null
  fi
  command -v curl >/dev/null 2>&1 || die "curl is required for the out-of-band change"
fi
compgen -G "${QUICKSTART}/*.tf" >/dev/null || die "no ${QUICKSTART#"${REPO_ROOT}"/}/*.tf to apply"

banner "build"
bash "${REPO_ROOT}/scripts/install-tools.sh" terraform
tf="${TOOLS_BIN}/terraform"
mkdir -p "$DEMO_BIN"
(cd "$REPO_ROOT" && go build -o "${DEMO_BIN}/terraform-provider-crm" .)
echo "built ${DEMO_BIN#"${REPO_ROOT}"/}/terraform-provider-crm"
"$tf" version 2>/dev/null | sed -n 1p

banner "sandbox"
sandbox_pid=""
cleanup() {
  if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

: >"$SANDBOX_OUT"
"${DEMO_BIN}/terraform-provider-crm" sandbox -listen 127.0.0.1:0 >"$SANDBOX_OUT" 2>&1 &
sandbox_pid=$!

# The banner ends with "Press Ctrl-C to stop."; before it, every platform's
# settings as `export NAME=value` lines.
URL=""
for _ in $(seq 1 150); do   # up to ~30s
  if grep -q '^Press Ctrl-C' "$SANDBOX_OUT"; then
    URL="$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$SANDBOX_OUT" | sed -n 1p || true)"
    break
  fi
  if ! kill -0 "$sandbox_pid" 2>/dev/null; then
    cat "$SANDBOX_OUT" >&2
    fail "the sandbox exited before printing its banner"
  fi
  sleep 0.2
done
if [[ -z "$URL" ]]; then
  cat "$SANDBOX_OUT" >&2
  fail "the sandbox printed no banner with http://127.0.0.1:PORT within 30s"
fi
sed 's/^/  sandbox| /' "$SANDBOX_OUT"
echo "sandbox at ${URL} (pid ${sandbox_pid})"
echo "console: ${URL}/ (open it in a browser to watch the records and requests as the demo runs)"

# Base URLs and credentials of every platform, as the sandbox printed them:
# the sandbox's list of platforms is the only one.
exported=0
while IFS= read -r line; do
  if [[ "$line" =~ ^[[:space:]]*export[[:space:]]+([A-Z][A-Z0-9_]*)=(.*)$ ]]; then
    export "${BASH_REMATCH[1]}=${BASH_REMATCH[2]}"
    exported=$((exported + 1))
  fi
done <"$SANDBOX_OUT"
[[ $exported -gt 0 ]] || { cat "$SANDBOX_OUT" >&2; fail "the sandbox banner has no export lines"; }

# dev_overrides: terraform uses our freshly built binary, no init, no registry.
cli_config="${DEMO_DIR}/demo.tfrc"
write_cli_config "$cli_config" "provider_installation {
  dev_overrides {
    \"${PROVIDER_ADDR}\" = \"${DEMO_BIN}\"
  }
  direct {}
}
"
export TF_CLI_CONFIG_FILE="$cli_config"
export TOFU_CLI_CONFIG_FILE="$cli_config"
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1
export TF_INPUT=0

rm -rf "$WORK_DIR"
mkdir -p "$WORK_DIR"
cp "${QUICKSTART}"/*.tf "$WORK_DIR"/
cd "$WORK_DIR"

banner "apply"
"$tf" apply -auto-approve || fail "terraform apply failed"

banner "second plan: expect no changes"
rc=0
"$tf" plan -detailed-exitcode || rc=$?
case $rc in
  0) echo "OK: the plan after apply is empty" ;;
  2) fail "the plan after apply is not empty (perpetual diff)" ;;
  *) fail "terraform plan failed (exit ${rc})" ;;
esac

banner "changed out of band: drift plan"
customer_id="$("$tf" output -raw customer_id)" || fail "terraform output -raw customer_id failed"
[[ -n "$customer_id" ]] || fail "output customer_id is empty"
echo "PATCH ${URL}/_sandbox/xtrakit/customers/${customer_id}  {\"customer_city\":\"Kumasi\"}"
curl -fsS -X PATCH -H 'Content-Type: application/json' \
  "${URL}/_sandbox/xtrakit/customers/${customer_id}" \
  -d '{"customer_city":"Kumasi"}' >/dev/null || fail "the out-of-band change through the sandbox failed"
echo
rc=0
"$tf" plan -detailed-exitcode || rc=$?
case $rc in
  2) echo "OK: terraform noticed the out-of-band change and plans to restore it" ;;
  0) fail "the plan after an out-of-band change is empty (drift not detected)" ;;
  *) fail "terraform plan failed (exit ${rc})" ;;
esac

banner "destroy"
"$tf" destroy -auto-approve || fail "terraform destroy failed"

banner "demo finished: apply, empty re-plan, drift detected, destroy"
echo "(the sandbox and its console at ${URL}/ stop now)"
