#!/usr/bin/env bash
# make bench: how much Terraform time, API traffic and memory the provider
# costs, measured against the local sandbox.
#
# For N customers of the main platform (BENCH_MAIN, default Xtrakit; and
# 100 of each other platform) at each injected
# sandbox latency, four phases: apply, no-op plan, update 10 %, destroy. Each
# is compared with the same phase over N terraform_data resources (the floor:
# no provider, no API), measured in the same run with the same CLI and the
# same parallelism. Per phase: wall time, ratio to the floor, requests per
# resource (sandbox request log / resources the phase touched) and the
# provider's peak RSS (max over the provider processes Terraform started).
# Then pipelines: 4 apply processes of 100 customers each at once (separate
# directories, states and provider processes) against one account limited to
# 20 requests/s, once advertising its budget (RateLimit-* headers) and once
# answering only 429 with Retry-After: each process's time and throughput
# beside its fair share, the 429 share, the total time against 400/20 s.
# Then adoption: ADOPT_N customers of the main platform made through its API
# (not through Terraform), adopted by `terraform query -generate-config-out`
# and by `terraform-provider-crm generate`, each followed by the apply that
# imports them and an empty plan; the apply and the plan are compared with
# the same over ADOPT_N terraform_data blocks with an import block each.
# Writes bench/results.md and prints it. The main platform's phases are
# also measured against a second floor, the framework floor (the crm
# schema with no API, bench/floorprovider), and written to bench/results.csv,
# from which bench/chart draws bench/cost-curve.svg (scripts/bench_curve.sh).
#
# Knobs (environment):
#   BENCH_N="100 500 1000 2000"  main platform customer counts
#   BENCH_MAIN=xtrakit       the main platform
#   BENCH_LATENCIES="0 20"   injected sandbox latency, ms
#   BENCH_LATENCY_MAX_N=1000 the latencies above 0 ms run only the N up to this
#   BENCH_ADOPT_N=1000       customers made outside Terraform and adopted
#   BENCH_QUICK=1            smoke run: N=20, one latency (0 unless
#                            BENCH_LATENCIES is set), 20 of everything else
#                            (20 adopted too, 4 pipelines of 20)
#   BENCH_PARALLELISM=       terraform -parallelism (default: Terraform's, 10)
#   BENCH_PROFILE=missed     profile the N with a missed curve target again
#                            (all: every N; none: no profiling)
#   BENCH_RSS=auto|time|proc how to measure peak RSS: GNU time's %M, or polling
#                            VmHWM in /proc (auto: time if /usr/bin/time is GNU)
#   BENCH_RESULTS=bench/results.md
set -euo pipefail

# shellcheck source=scripts/common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
# shellcheck source=scripts/bench_curve.sh
source "$(dirname "${BASH_SOURCE[0]}")/bench_curve.sh"
ensure_go

now_ns() { date +%s%N; }
BENCH_T0="$(now_ns)"

PROVIDER_ADDR="registry.terraform.io/customerops/crm"
BENCH_DIR="${TOOLS_DIR}/bench"
CONFIGS="${REPO_ROOT}/bench/configs"
RESULTS="${BENCH_RESULTS:-${REPO_ROOT}/bench/results.md}"
QUICK="${BENCH_QUICK:-0}"
PARALLELISM="${BENCH_PARALLELISM:-}"

if [[ "$QUICK" == 1 ]]; then
  NS="${BENCH_N:-20}"
  LATENCIES="${BENCH_LATENCIES:-0}"
  OTHER_N=20 RL_APPLY_N=20 RL_PLAN_N=20 PIPE_N=20
  ADOPT_N="${BENCH_ADOPT_N:-20}"
else
  NS="${BENCH_N:-100 500 1000 2000}"
  LATENCIES="${BENCH_LATENCIES:-0 20}"
  OTHER_N=100 RL_APPLY_N=200 RL_PLAN_N=1000 PIPE_N=100
  ADOPT_N="${BENCH_ADOPT_N:-1000}"
fi
RL_APPLY_RPS=20 RL_PLAN_RPS=10
# Latency adds the same N x L / parallelism at every N: the pass above 0 ms
# stays at the smaller N, where it answers that question in minutes.
LATENCY_MAX_N="${BENCH_LATENCY_MAX_N:-1000}"
# Pipelines: PIPE_P apply processes of PIPE_N customers each at once, against
# one account limited to PIPE_RPS requests/s.
PIPE_P=4 PIPE_RPS=20
# The platforms are the provider's registry (platform_packages); each keeps
# its bench configuration in its own folder
# (internal/<platform>/testdata/bench/main.tf), and a registered platform
# without one stops the run. MAIN is measured at every N, the others at
# OTHER_N.
MAIN_PLATFORM="${BENCH_MAIN:-xtrakit}"
OTHER_PLATFORMS=()
main_registered=0
for pkg in $(platform_packages); do
  p="$(basename "$pkg")"
  [[ -f "${REPO_ROOT}/internal/${p}/testdata/bench/main.tf" ]] || die "platform ${p} has no internal/${p}/testdata/bench/main.tf (CONTRIBUTING.md, adding a platform)"
  if [[ "$p" == "$MAIN_PLATFORM" ]]; then main_registered=1; else OTHER_PLATFORMS+=("$p"); fi
done
(( main_registered )) || die "BENCH_MAIN=${MAIN_PLATFORM} is not a registered platform"

for v in $NS $LATENCIES $OTHER_N $ADOPT_N $LATENCY_MAX_N ${PARALLELISM:+"$PARALLELISM"}; do
  [[ "$v" =~ ^[0-9]+$ ]] || die "not a whole number: '${v}' (BENCH_N, BENCH_LATENCIES, BENCH_ADOPT_N, BENCH_LATENCY_MAX_N, BENCH_PARALLELISM)"
done
for n in $NS; do (( n > 0 )) || die "BENCH_N values must be > 0"; done
(( ADOPT_N > 0 )) || die "BENCH_ADOPT_N must be > 0"
EFFECTIVE_PARALLELISM="${PARALLELISM:-10}"
(( EFFECTIVE_PARALLELISM > 0 )) || die "BENCH_PARALLELISM must be > 0"

command -v curl >/dev/null 2>&1 || die "curl is required (the sandbox control surface)"

banner() { printf '\n== %s ==\n' "$*"; }
fail() { printf '\nbench FAILED: %s\n' "$*" >&2; exit 1; }

# secs NS_START NS_END: elapsed seconds with 2 decimals.
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
# calc EXPR: awk arithmetic, printed with 2 decimals.
calc() { awk "BEGIN { printf \"%.2f\", $1 }"; }
# le A B: A <= B (decimals)
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }
# lt A B: A < B (decimals)
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

# ---------------------------------------------------------------------------
banner "build"
bash "${REPO_ROOT}/scripts/install-tools.sh" terraform
tf="${TOOLS_BIN}/terraform"
rm -rf "$BENCH_DIR"
mkdir -p "${BENCH_DIR}/bin" "${BENCH_DIR}/plugins" "${BENCH_DIR}/work" "${BENCH_DIR}/logs" "${BENCH_DIR}/rss"
REAL_BIN="${BENCH_DIR}/bin/terraform-provider-crm"
(cd "$REPO_ROOT" && go build -o "$REAL_BIN" .) || fail "go build of the provider failed"
curve_paths
curve_build
# What was built: others may commit while the bench runs.
commit="$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
if [[ "$commit" != unknown ]] && [[ -n "$(git -C "$REPO_ROOT" status --porcelain -- . ':!bench/results.md' ':!bench/results.csv' ':!bench/cost-curve.svg' 2>/dev/null)" ]]; then
  commit+=" (with uncommitted changes)"
fi
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
# What else the machine did during the run: its busy CPU time less the
# bench's own (this shell's children, and the sandbox, still running at the end).
BUSY_START="$(cpu_busy)"
own_cpu OWN_START
RUN_T0="$(now_ns)"
echo "built ${REAL_BIN#"${REPO_ROOT}"/}"

# Peak RSS: the dev_overrides directory holds a wrapper named like the
# provider. With GNU time it execs the provider under `time -f %M -o FILE`
# (time writes nothing to stdout, so the plugin handshake Terraform reads on
# stdout is the provider's own); otherwise it records its pid and execs the
# provider, and a poller reads VmHWM from /proc while the phase runs. The
# wrapper only measures when BENCH_RSS_DIR is set (by this script, per phase).
RSS_METHOD="${BENCH_RSS:-auto}"
if [[ "$RSS_METHOD" == auto ]]; then
  RSS_METHOD=proc
  if [[ -x /usr/bin/time ]] && /usr/bin/time --version 2>&1 | grep -q 'GNU' &&
     /usr/bin/time -f %M -o /dev/null true 2>/dev/null; then
    RSS_METHOD=time
  fi
fi
WRAPPER="${BENCH_DIR}/plugins/terraform-provider-crm"
case "$RSS_METHOD" in
  time)
    cat >"$WRAPPER" <<EOF
#!/bin/sh
# Written by scripts/bench.sh: the provider under GNU time, for its peak RSS.
if [ -n "\${BENCH_RSS_DIR:-}" ]; then
  exec /usr/bin/time -f %M -o "\${BENCH_RSS_DIR}/rss.\$\$" "${REAL_BIN}" "\$@"
fi
exec "${REAL_BIN}" "\$@"
EOF
    RSS_DESC="GNU time %M (max resident set size) of each provider process, max over the processes of a phase"
    ;;
  proc)
    cat >"$WRAPPER" <<EOF
#!/bin/sh
# Written by scripts/bench.sh: records the provider's pid, for its peak RSS.
if [ -n "\${BENCH_RSS_DIR:-}" ]; then
  echo \$\$ >>"\${BENCH_RSS_DIR}/pids"
fi
exec "${REAL_BIN}" "\$@"
EOF
    RSS_DESC="VmHWM polled every 0.1 s from /proc/<pid>/status of each provider process, max over the processes of a phase"
    ;;
  *) die "BENCH_RSS must be auto, time or proc (got '${RSS_METHOD}')" ;;
esac
chmod +x "$WRAPPER"
curve_wrapper
echo "peak RSS: ${RSS_METHOD}"

cli_config="${BENCH_DIR}/bench.tfrc"
write_cli_config "$cli_config" "provider_installation {
  dev_overrides {
    \"${PROVIDER_ADDR}\" = \"${BENCH_DIR}/plugins\"
$(curve_dev_override)
  }
  direct {}
}
"
export TF_CLI_CONFIG_FILE="$cli_config"
export TOFU_CLI_CONFIG_FILE="$cli_config"
export CHECKPOINT_DISABLE=1
export TF_IN_AUTOMATION=1
export TF_INPUT=0
# Nothing preset may change what is measured.
unset TF_LOG TF_LOG_PATH TF_LOG_CORE TF_LOG_PROVIDER TF_CLI_ARGS TF_CLI_ARGS_plan TF_CLI_ARGS_apply \
      TF_CLI_ARGS_destroy TF_PLUGIN_CACHE_DIR TF_DATA_DIR TF_WORKSPACE BENCH_RSS_DIR
TF_VERSION="$("$tf" version 2>/dev/null | sed -n 1p)"
echo "$TF_VERSION"

# ---------------------------------------------------------------------------
banner "sandbox"
SANDBOX_OUT="${BENCH_DIR}/sandbox.out"
sandbox_pid="" poller_pid=""
cleanup() {
  if [[ -n "$poller_pid" ]] && kill -0 "$poller_pid" 2>/dev/null; then
    kill "$poller_pid" 2>/dev/null || true
    wait "$poller_pid" 2>/dev/null || true
  fi
  if [[ -n "$sandbox_pid" ]] && kill -0 "$sandbox_pid" 2>/dev/null; then
    kill "$sandbox_pid" 2>/dev/null || true
    wait "$sandbox_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

"$REAL_BIN" sandbox -listen 127.0.0.1:0 >"$SANDBOX_OUT" 2>&1 &
sandbox_pid=$!
URL=""
for _ in $(seq 1 150); do # up to ~30s
  URL="$(grep -oE 'http://127\.0\.0\.1:[0-9]+' "$SANDBOX_OUT" | sed -n 1p || true)"
  [[ -n "$URL" ]] && break
  if ! kill -0 "$sandbox_pid" 2>/dev/null; then
    cat "$SANDBOX_OUT" >&2
    fail "the sandbox exited before printing its base URL"
  fi
  sleep 0.2
done
[[ -n "$URL" ]] || { cat "$SANDBOX_OUT" >&2; fail "the sandbox printed no base URL within 30s"; }
sleep 0.3 # let it finish printing its banner

# The credentials and base URLs the sandbox printed, as `export NAME=value`.
exported=0
while IFS= read -r line; do
  if [[ "$line" =~ ^[[:space:]]*export[[:space:]]+([A-Z_]+)=(.*)$ ]]; then
    export "${BASH_REMATCH[1]}=${BASH_REMATCH[2]}"
    exported=$((exported + 1))
  fi
done <"$SANDBOX_OUT"
(( exported > 0 )) || { cat "$SANDBOX_OUT" >&2; fail "could not read the platform settings from the sandbox banner"; }
echo "sandbox at ${URL} (pid ${sandbox_pid})"

# ctl METHOD PATH [JSON]: a control-surface call; prints the HTTP status,
# the body goes to ${BENCH_DIR}/ctl.out.
ctl() {
  local args=(-sS -o "${BENCH_DIR}/ctl.out" -w '%{http_code}' -X "$1")
  [[ $# -ge 3 ]] && args+=(-H 'Content-Type: application/json' --data "$3")
  curl "${args[@]}" "${URL}$2" || echo 000
}
ctl_ok() {
  local code
  code="$(ctl "$@")"
  [[ "$code" == 2?? ]] || { cat "${BENCH_DIR}/ctl.out" >&2 2>/dev/null || true; fail "$1 $2 answered ${code}"; }
}

set_latency() {
  ctl_ok DELETE /_sandbox/faults
  if (( $1 > 0 )); then
    ctl_ok POST /_sandbox/faults "{\"latency\":\"${1}ms\",\"times\":0}"
  fi
}

RL_SUPPORTED=0
if [[ "$(ctl PUT /_sandbox/rate-limit '{"platform":"'"${MAIN_PLATFORM}"'","requests_per_second":0}')" == 2?? ]]; then
  RL_SUPPORTED=1
fi
echo "sandbox rate limit: $([[ $RL_SUPPORTED == 1 ]] && echo available || echo 'not available (rows skipped)')"
set_rate_limit() { ctl_ok PUT /_sandbox/rate-limit "{\"platform\":\"${MAIN_PLATFORM}\",\"requests_per_second\":$1}"; }

# ---------------------------------------------------------------------------
# Peak RSS of the provider processes of one phase.
rss_begin() {
  RSS_DIR="${BENCH_DIR}/rss/$1"
  rm -rf "$RSS_DIR"
  mkdir -p "$RSS_DIR"
  export BENCH_RSS_DIR="$RSS_DIR"
  if [[ "$RSS_METHOD" == proc ]]; then
    (
      trap 'exit 0' TERM
      max=0
      while :; do
        if [[ -f "${RSS_DIR}/pids" ]]; then
          while read -r pid; do
            exe="$(readlink "/proc/${pid}/exe" 2>/dev/null || true)"
            [[ "$exe" == "$REAL_BIN" || "$exe" == "$FW_BIN" ]] || continue
            hwm="$(awk '$1 == "VmHWM:" { print $2 }' "/proc/${pid}/status" 2>/dev/null || true)"
            if [[ -n "$hwm" ]] && (( hwm > max )); then
              max=$hwm
              echo "$max" >"${RSS_DIR}/max.tmp" && mv "${RSS_DIR}/max.tmp" "${RSS_DIR}/rss.max"
            fi
          done <"${RSS_DIR}/pids"
        fi
        sleep 0.1
      done
    ) &
    poller_pid=$!
  fi
}

# rss_end: sets RSS_MIB (peak, MiB) and RSS_PROCS (provider processes).
rss_end() {
  unset BENCH_RSS_DIR
  if [[ -n "$poller_pid" ]]; then
    kill "$poller_pid" 2>/dev/null || true
    wait "$poller_pid" 2>/dev/null || true
    poller_pid=""
  fi
  local kib
  if [[ "$RSS_METHOD" == time ]]; then
    RSS_PROCS="$(find "$RSS_DIR" -name 'rss.*' | wc -l)"
    # time writes "Command exited with non-zero status N" etc. before %M.
    kib="$(cat "$RSS_DIR"/rss.* 2>/dev/null | awk '/^[0-9]+$/ && $1 > m { m = $1 } END { print m + 0 }')"
  else
    RSS_PROCS="$(sort -u "${RSS_DIR}/pids" 2>/dev/null | wc -l)"
    kib="$(cat "${RSS_DIR}/rss.max" 2>/dev/null || echo 0)"
  fi
  if (( kib > 0 )); then RSS_MIB="$(calc "${kib} / 1024")"; else RSS_MIB="n/a"; fi
}

# requests_since_reset: sets REQS (all logged platform requests), REQ_429
# and REQ_METHODS ("GET 100, PATCH 10") from the sandbox request log. The log
# is JSON; bodies and headers are JSON strings, whose quotes are escaped, so
# the "method":"X" and "status":N keys match only the entries' own fields.
requests_since_reset() {
  local f="${BENCH_DIR}/requests.json"
  curl -fsS "${URL}/_sandbox/requests" -o "$f" || fail "GET /_sandbox/requests failed"
  REQS="$( (grep -oE '"method":"[A-Z]+"' "$f" || true) | wc -l)"
  REQ_429="$( (grep -oE '"status":429[,}]' "$f" || true) | wc -l)"
  REQ_METHODS="$( (grep -oE '"method":"[A-Z]+"' "$f" || true) | cut -d'"' -f4 | sort | uniq -c |
    awk '{ printf "%s%s %s", sep, $2, $1; sep = ", " }')"
  [[ -n "$REQ_METHODS" ]] || REQ_METHODS="none"
}

# timed_cmd LOG DIR CMD...: CMD in DIR, output to LOG; sets TF_RC and
# TF_SECS (wall time of the command alone).
timed_cmd() {
  local log="$1" dir="$2"
  shift 2
  local t0 t1
  TF_RC=0
  t0="$(now_ns)"
  (cd "$dir" && "$@") >"$log" 2>&1 || TF_RC=$?
  t1="$(now_ns)"
  TF_SECS="$(secs "$t0" "$t1")"
}

# tf_cmd LOG DIR ARGS...: terraform in DIR (timed_cmd).
tf_cmd() {
  local log="$1" dir="$2"
  shift 2
  timed_cmd "$log" "$dir" "$tf" "$@"
}

tf_failed() { # LOG WHAT
  printf '\n---- last 40 lines of %s ----\n' "${1#"${REPO_ROOT}"/}" >&2
  tail -n 40 "$1" >&2
  printf -- '----\n' >&2
  fail "$2"
}

# run_phase KIND NAME DIR PHASE N GEN TAG: one measured phase. KIND is floor
# (terraform_data), framework (the framework floor) or crm. Sets PH_SECS,
# for crm and framework PH_RSS and PH_PROCS, and for crm PH_REQS, PH_RPR
# (requests per resource touched), PH_METHODS, PH_429.
run_phase() {
  local kind="$1" name="$2" dir="$3" phase="$4" n="$5" gen="$6" tag="$7"
  local touched="$n" log="${BENCH_DIR}/logs/${name}-${phase}.log"
  local cmd=() vars=(-var "n=${n}" -var "gen=${gen}" -var "tag=${tag}") par=()
  [[ -n "$PARALLELISM" ]] && par=("-parallelism=${PARALLELISM}")
  case "$phase" in
    apply | update) cmd=(apply -auto-approve) ;;
    plan) cmd=(plan -detailed-exitcode) ;;
    destroy) cmd=(destroy -auto-approve) ;;
    *) fail "unknown phase ${phase}" ;;
  esac
  [[ "$phase" == update ]] && touched=$(( (n + 9) / 10 ))

  [[ "$kind" == crm ]] && ctl_ok DELETE /_sandbox/requests
  [[ "$kind" != floor ]] && rss_begin "${name}-${phase}"
  tf_cmd "$log" "$dir" "${cmd[@]}" -input=false -no-color "${par[@]}" "${vars[@]}"
  [[ "$kind" != floor ]] && rss_end
  PH_SECS="$TF_SECS" PH_RSS="n/a"

  local what="terraform ${cmd[0]} (${name}, ${phase})"
  case "$phase" in
    plan)
      case "$TF_RC" in
        0) ;;
        2) tf_failed "$log" "the no-op plan is not empty: ${what}" ;;
        *) tf_failed "$log" "${what} exited ${TF_RC}" ;;
      esac ;;
    *) [[ "$TF_RC" == 0 ]] || tf_failed "$log" "${what} exited ${TF_RC}" ;;
  esac
  local want=""
  case "$phase" in
    apply) want="Apply complete! Resources: ${n} added, 0 changed, 0 destroyed." ;;
    update) want="Apply complete! Resources: 0 added, ${touched} changed, 0 destroyed." ;;
    destroy) want="Destroy complete! Resources: ${n} destroyed." ;;
  esac
  if [[ -n "$want" ]] && ! grep -qF "$want" "$log"; then
    tf_failed "$log" "${what} did not report \"${want}\""
  fi

  if [[ "$kind" == crm ]]; then
    requests_since_reset
    PH_REQS="$REQS" PH_429="$REQ_429" PH_METHODS="$REQ_METHODS"
    PH_RPR="$(awk -v r="$REQS" -v t="$touched" 'BEGIN { v = r / t; printf (v > 0 && v < 0.095 ? "%.3f" : "%.2f"), v }')"
    PH_RSS="$RSS_MIB" PH_PROCS="$RSS_PROCS"
    printf '  %-28s %-7s %8s s  %6s req/resource (%s)  peak RSS %s MiB (%s processes)\n' \
      "$name" "$phase" "$PH_SECS" "$PH_RPR" "$PH_METHODS" "$PH_RSS" "$PH_PROCS"
  elif [[ "$kind" == framework ]]; then
    PH_RSS="$RSS_MIB" PH_PROCS="$RSS_PROCS"
    printf '  %-28s %-7s %8s s  peak RSS %s MiB (%s processes)\n' "$name" "$phase" "$PH_SECS" "$PH_RSS" "$PH_PROCS"
  else
    printf '  %-28s %-7s %8s s\n' "$name" "$phase" "$PH_SECS"
  fi
}

PHASES=(apply plan update destroy)
# config_of NAME: the floor's configuration, or a platform's.
config_of() {
  if [[ "$1" == floor ]]; then printf '%s' "${CONFIGS}/floor/main.tf"; else printf '%s' "${REPO_ROOT}/internal/$1/testdata/bench/main.tf"; fi
}
new_workdir() { # NAME CONFIG -> prints the dir
  local d="${BENCH_DIR}/work/$1"
  rm -rf "$d"
  mkdir -p "$d"
  cp "$(config_of "$2")" "$d/"
  printf '%s' "$d"
}

# The floor depends on N only (no provider, no API), so it is measured once
# per N and shared by every latency.
declare -A FLOOR=()
measure_floor() { # N
  local n="$1" d
  [[ -n "${FLOOR[$n:apply]:-}" ]] && return 0
  d="$(new_workdir "floor-n${n}" floor)"
  banner "floor: ${n} terraform_data"
  for phase in "${PHASES[@]}"; do
    local gen=1
    [[ "$phase" == update || "$phase" == destroy ]] && gen=2
    run_phase floor "floor-n${n}" "$d" "$phase" "$n" "$gen" floor
    FLOOR[$n:$phase]="$PH_SECS"
  done
}

# ---------------------------------------------------------------------------
# Targets: at 0 ms and N = 500 (any N in a quick run) apply <= 1.5x, no-op
# plan <= 3x, destroy <= 1.5x the floor; peak RSS < 100 MiB at N = 1000 (any N
# in a quick run); with latency L ms, apply <= 1.1 x (floor + N x L / parallelism).
# eval_targets LAT N PHASE FLOOR CRM RSS: sets TARGET and MET.
eval_targets() {
  local lat="$1" n="$2" phase="$3" floor="$4" crm="$5" rss="$6"
  local t=() ok=1 max
  if (( lat == 0 )) && { (( n == 500 )) || [[ "$QUICK" == 1 ]]; }; then
    case "$phase" in
      apply | destroy) max=1.5 ;;
      plan) max=3 ;;
      *) max="" ;;
    esac
    if [[ -n "$max" ]]; then
      t+=("≤ ${max}× floor")
      le "$crm" "$(calc "${max} * ${floor}")" || ok=0
    fi
  fi
  if (( lat > 0 )) && [[ "$phase" == apply ]]; then
    max="$(calc "1.1 * (${floor} + ${n} * ${lat} / 1000 / ${EFFECTIVE_PARALLELISM})")"
    t+=("≤ ${max} s")
    le "$crm" "$max" || ok=0
  fi
  if (( n == 1000 )) || [[ "$QUICK" == 1 ]]; then
    t+=("RSS < 100 MiB")
    if [[ "$rss" == n/a ]] || ! lt "$rss" 100; then ok=0; fi
  fi
  if (( ${#t[@]} == 0 )); then
    TARGET="—" MET="—"
  else
    TARGET="$(IFS=';'; echo "${t[*]}" | sed 's/;/; /g')"
    if (( ok )); then MET="yes"; else MET="**NO**"; fi
  fi
}

declare -A MAIN_ROWS=() OTHER_ROWS=()
RL_ROWS=""
RL_PLAN_DONE=0

# rl_plan_row DIR N: the no-op plan of N customers already applied, against
# the sandbox's limit of RL_PLAN_RPS requests/s.
rl_plan_row() {
  local d="$1" n="$2" log="${BENCH_DIR}/logs/ratelimited-plan-n${n}.log" par=()
  [[ -n "$PARALLELISM" ]] && par=("-parallelism=${PARALLELISM}")
  set_rate_limit "$RL_PLAN_RPS"
  ctl_ok DELETE /_sandbox/requests
  tf_cmd "$log" "$d" plan -detailed-exitcode -input=false -no-color "${par[@]}" -var "n=${n}" -var gen=1 -var "tag=$3"
  set_rate_limit 0
  case "$TF_RC" in
    0) ;;
    2) tf_failed "$log" "the rate-limited no-op plan is not empty" ;;
    *) tf_failed "$log" "the rate-limited terraform plan exited ${TF_RC}" ;;
  esac
  requests_since_reset
  local share met
  share="$(calc "100 * ${REQ_429} / (${REQS} > 0 ? ${REQS} : 1)")"
  if lt "$TF_SECS" 30; then met=yes; else met="**NO**"; fi
  RL_ROWS+="| no-op plan | ${n} | ${RL_PLAN_RPS} req/s | ${TF_SECS} | ${REQS} (${REQ_METHODS}) | ${share} % | < 30 s | ${met} |"$'\n'
  printf '  %-28s %-7s %8s s  %s requests (%s), %s %% 429\n' "ratelimited-plan-n${n}" plan "$TF_SECS" "$REQS" "$REQ_METHODS" "$share"
  RL_PLAN_DONE=1
}

# crm_run PLATFORM N LAT TABLE: the four phases of N customers of PLATFORM at
# LAT ms, appended to MAIN_ROWS[LAT] (MAIN_PLATFORM) or OTHER_ROWS[LAT].
crm_run() {
  local platform="$1" n="$2" lat="$3" name="${1}-n${2}-l${3}ms" d tag
  tag="${platform}-n${n}-l${lat}"
  measure_floor "$n"
  [[ "$platform" == "$MAIN_PLATFORM" ]] && measure_framework_floor "$n"
  banner "${platform}: ${n} customers, ${lat} ms latency"
  d="$(new_workdir "$name" "$platform")"
  for phase in "${PHASES[@]}"; do
    local gen=1
    [[ "$phase" == update || "$phase" == destroy ]] && gen=2
    run_phase crm "$name" "$d" "$phase" "$n" "$gen" "$tag"
    local floor="${FLOOR[$n:$phase]}" ratio label="$phase"
    ratio="$(calc "${PH_SECS} / ${floor}")"
    [[ "$phase" == plan ]] && label="no-op plan"
    [[ "$phase" == update ]] && label="update 10 %"
    if [[ "$platform" == "$MAIN_PLATFORM" ]]; then
      eval_targets "$lat" "$n" "$phase" "$floor" "$PH_SECS" "$PH_RSS"
      curve_targets "$lat" "$n" "$phase" "$PH_SECS" "$PH_RSS"
      curve_record crm "$n" "$lat" "$phase" "$PH_SECS" "$PH_RSS"
      MAIN_ROWS[$lat]+="| ${n} | ${label} | ${floor} | $(fw_secs "$n" "$phase") | ${PH_SECS} | ${ratio}× | $(fw_ratio "$n" "$phase" "$PH_SECS") | ${PH_RPR} | ${PH_RSS} | ${TARGET} | ${MET} | ${FW_TARGET} | ${FW_MET} | ${PH_METHODS} |"$'\n'
    else
      local note
      # A platform's note on its numbers heads its bench configuration.
      note="$(sed -nE 's/^# bench-note: //p' "$(config_of "$platform")" | head -n1)"
      OTHER_ROWS[$lat]+="| ${platform} | ${n} | ${label} | ${floor} | ${PH_SECS} | ${ratio}× | ${PH_RPR} | ${PH_RSS} | ${PH_METHODS} | ${note} |"$'\n'
    fi
    # The rate-limited no-op plan reuses an applied set of the right size.
    if [[ "$phase" == plan && "$platform" == "$MAIN_PLATFORM" && "$RL_SUPPORTED" == 1 && "$RL_PLAN_DONE" == 0 &&
          "$lat" == 0 && "$n" == "$RL_PLAN_N" ]]; then
      banner "rate-limited no-op plan: ${n} ${MAIN_PLATFORM} customers, ${RL_PLAN_RPS} req/s"
      rl_plan_row "$d" "$n" "$tag"
    fi
  done
}

# ---------------------------------------------------------------------------
for lat in $LATENCIES; do
  set_latency "$lat"
  for n in $NS; do
    if (( lat > 0 && n > LATENCY_MAX_N )); then continue; fi
    crm_run "$MAIN_PLATFORM" "$n" "$lat"
  done
  for p in "${OTHER_PLATFORMS[@]}"; do
    crm_run "$p" "$OTHER_N" "$lat"
  done
done
set_latency 0
curve_profile

if [[ "$RL_SUPPORTED" == 1 ]]; then
  n="$RL_APPLY_N"
  banner "rate-limited apply: ${n} ${MAIN_PLATFORM} customers, ${RL_APPLY_RPS} req/s"
  d="$(new_workdir "ratelimited-apply-n${n}" "$MAIN_PLATFORM")"
  log="${BENCH_DIR}/logs/ratelimited-apply-n${n}-apply.log"
  par=()
  [[ -n "$PARALLELISM" ]] && par=("-parallelism=${PARALLELISM}")
  set_rate_limit "$RL_APPLY_RPS"
  ctl_ok DELETE /_sandbox/requests
  tf_cmd "$log" "$d" apply -auto-approve -input=false -no-color "${par[@]}" -var "n=${n}" -var gen=1 -var tag=rl-apply
  set_rate_limit 0
  [[ "$TF_RC" == 0 ]] || tf_failed "$log" "the rate-limited terraform apply exited ${TF_RC}"
  grep -qF "Apply complete! Resources: ${n} added" "$log" || tf_failed "$log" "the rate-limited apply did not create ${n} customers"
  requests_since_reset
  share="$(calc "100 * ${REQ_429} / (${REQS} > 0 ? ${REQS} : 1)")"
  target="$(calc "1.3 * ${n} / ${RL_APPLY_RPS}")"
  if le "$TF_SECS" "$target"; then met=yes; else met="**NO**"; fi
  RL_ROWS="| apply | ${n} | ${RL_APPLY_RPS} req/s | ${TF_SECS} | ${REQS} (${REQ_METHODS}) | ${share} % | ≤ 1.3 × ${n}/${RL_APPLY_RPS} = ${target} s | ${met} |"$'\n'"${RL_ROWS}"
  printf '  %-28s %-7s %8s s  %s requests (%s), %s %% 429\n' "ratelimited-apply-n${n}" apply "$TF_SECS" "$REQS" "$REQ_METHODS" "$share"
  tf_cmd "${BENCH_DIR}/logs/ratelimited-apply-n${n}-destroy.log" "$d" destroy -auto-approve -input=false -no-color "${par[@]}" -var "n=${n}" -var gen=1 -var tag=rl-apply
  [[ "$TF_RC" == 0 ]] || tf_failed "${BENCH_DIR}/logs/ratelimited-apply-n${n}-destroy.log" "terraform destroy after the rate-limited apply exited ${TF_RC}"

  if [[ "$RL_PLAN_DONE" == 0 ]]; then
    n="$RL_PLAN_N"
    banner "rate-limited no-op plan: ${n} ${MAIN_PLATFORM} customers, ${RL_PLAN_RPS} req/s"
    d="$(new_workdir "ratelimited-plan-n${n}" "$MAIN_PLATFORM")"
    log="${BENCH_DIR}/logs/ratelimited-plan-n${n}-setup.log"
    tf_cmd "$log" "$d" apply -auto-approve -input=false -no-color "${par[@]}" -var "n=${n}" -var gen=1 -var tag=rl-plan
    [[ "$TF_RC" == 0 ]] || tf_failed "$log" "the apply before the rate-limited plan exited ${TF_RC}"
    rl_plan_row "$d" "$n" rl-plan
    log="${BENCH_DIR}/logs/ratelimited-plan-n${n}-destroy.log"
    tf_cmd "$log" "$d" destroy -auto-approve -input=false -no-color "${par[@]}" -var "n=${n}" -var gen=1 -var tag=rl-plan
    [[ "$TF_RC" == 0 ]] || tf_failed "$log" "terraform destroy after the rate-limited plan exited ${TF_RC}"
  fi
fi

# ---------------------------------------------------------------------------
# Pipelines: PIPE_P `terraform apply` processes of PIPE_N customers each,
# started together, each in its own directory with its own state and its own
# provider process (so its own limiter), against one account limited to
# PIPE_RPS requests/s. Run twice: the account advertising its budget on every
# answer (RateLimit-Limit/-Remaining/-Reset), then answering only 429 with
# Retry-After. A process's requests are told apart by the tag in the
# customers' e-mails (its request bodies).
PIPE_ROWS="" PIPE_NOTE=""

# pipelines_run VARIANT HEADERS LABEL: one run; appends its rows to PIPE_ROWS.
pipelines_run() {
  local variant="$1" headers="$2" label="$3" p d t0 rc pids=() dirs=() secs_of=() slowest=0
  banner "pipelines: ${PIPE_P} × ${PIPE_N} ${MAIN_PLATFORM} customers at once, one account of ${PIPE_RPS} req/s, ${label}"
  par=()
  [[ -n "$PARALLELISM" ]] && par=("-parallelism=${PARALLELISM}")
  for (( p = 0; p < PIPE_P; p++ )); do
    dirs+=("$(new_workdir "pipelines-${variant}-p${p}" "$MAIN_PLATFORM")")
  done
  ctl_ok PUT /_sandbox/rate-limit "{\"platform\":\"${MAIN_PLATFORM}\",\"requests_per_second\":${PIPE_RPS},\"headers\":${headers}}"
  ctl_ok DELETE /_sandbox/requests
  t0="$(now_ns)"
  for (( p = 0; p < PIPE_P; p++ )); do
    (
      d="${dirs[$p]}"
      rc=0
      "$tf" -chdir="$d" apply -auto-approve -input=false -no-color "${par[@]}" -var "n=${PIPE_N}" -var gen=1 \
        -var "tag=pl${variant}-p${p}" >"${BENCH_DIR}/logs/pipelines-${variant}-p${p}-apply.log" 2>&1 || rc=$?
      echo "$rc $(now_ns)" >"${d}/done"
    ) &
    pids+=($!)
  done
  wait "${pids[@]}" || true
  ctl_ok PUT /_sandbox/rate-limit "{\"platform\":\"${MAIN_PLATFORM}\",\"requests_per_second\":0,\"headers\":false}"
  for (( p = 0; p < PIPE_P; p++ )); do
    local log="${BENCH_DIR}/logs/pipelines-${variant}-p${p}-apply.log" end
    read -r rc end <"${dirs[$p]}/done" || fail "pipeline ${p} (${label}) left no exit status"
    [[ "$rc" == 0 ]] || tf_failed "$log" "pipeline ${p} (${label}): terraform apply exited ${rc}"
    grep -qF "Apply complete! Resources: ${PIPE_N} added, 0 changed, 0 destroyed." "$log" ||
      tf_failed "$log" "pipeline ${p} (${label}) did not create ${PIPE_N} customers"
    secs_of+=("$(secs "$t0" "$end")")
    lt "$slowest" "${secs_of[$p]}" && slowest="${secs_of[$p]}"
  done

  # Each process's requests and 429s, by the tag in their bodies; every
  # logged request, for the totals.
  requests_since_reset
  local bodies="${BENCH_DIR}/pipelines-${variant}-bodies.txt" sent throttled sum_sent=0
  grep -oE '"body":"([^"\\]|\\.)*","status":[0-9]+' "${BENCH_DIR}/requests.json" >"$bodies" || true
  for (( p = 0; p < PIPE_P; p++ )); do
    sent="$( (grep -F "pl${variant}-p${p}-" "$bodies" || true) | wc -l)"
    throttled="$( (grep -F "pl${variant}-p${p}-" "$bodies" || true) | (grep -cE '"status":429$' || true))"
    sum_sent=$(( sum_sent + sent ))
    PIPE_ROWS+="| ${label} | $(( p + 1 )) | ${secs_of[$p]} | $(calc "${PIPE_N} / ${secs_of[$p]}") | ${sent} | $(calc "${sent} / ${secs_of[$p]}") | $(calc "${PIPE_RPS} / ${PIPE_P}") | ${throttled} ($(calc "100 * ${throttled} / (${sent} > 0 ? ${sent} : 1)") %) | |"$'\n'
    printf '  %-28s %8s s  %s customers/s, %s requests, %s answered 429\n' "pipeline $(( p + 1 ))" "${secs_of[$p]}" \
      "$(calc "${PIPE_N} / ${secs_of[$p]}")" "$sent" "$throttled"
  done
  (( sum_sent == REQS )) || echo "  (${REQS} requests in all, ${sum_sent} told apart by their bodies)"

  local total=$(( PIPE_P * PIPE_N )) ideal target share met
  ideal="$(calc "${total} / ${PIPE_RPS}")"
  target="$(calc "1.3 * ${ideal}")"
  share="$(calc "100 * ${REQ_429} / (${REQS} > 0 ? ${REQS} : 1)")"
  met=yes
  le "$slowest" "$target" || met="**NO**"
  lt "$share" 10 || met="**NO**"
  PIPE_ROWS+="| ${label} | **all ${PIPE_P}** | **${slowest}** (ideal ${total}/${PIPE_RPS} = ${ideal}: $(calc "${slowest} / ${ideal}")×) | $(calc "${total} / ${slowest}") | ${REQS} | $(calc "${REQS} / ${slowest}") | ${PIPE_RPS} | ${REQ_429} (${share} %) | ≤ ${target} s and < 10 % 429: ${met} |"$'\n'
  printf '  %-28s %8s s  (ideal %s s), %s requests, %s %% answered 429\n' "all ${PIPE_P}" "$slowest" "$ideal" "$REQS" "$share"

  # The account must hold no customer for the adoption below.
  pids=()
  for (( p = 0; p < PIPE_P; p++ )); do
    "$tf" -chdir="${dirs[$p]}" destroy -auto-approve -input=false -no-color "${par[@]}" -var "n=${PIPE_N}" -var gen=1 \
      -var "tag=pl${variant}-p${p}" >"${BENCH_DIR}/logs/pipelines-${variant}-p${p}-destroy.log" 2>&1 &
    pids+=($!)
  done
  for (( p = 0; p < PIPE_P; p++ )); do
    wait "${pids[$p]}" || tf_failed "${BENCH_DIR}/logs/pipelines-${variant}-p${p}-destroy.log" "terraform destroy of pipeline ${p} (${label}) failed"
  done
}

if [[ "$RL_SUPPORTED" == 1 ]]; then
  pipelines_run hdr true "advertises its budget"
  pipelines_run 429 false "429 + Retry-After only"
else
  PIPE_NOTE="skipped: sandbox has no rate limit (PUT /_sandbox/rate-limit did not answer 2xx)"
fi

# ---------------------------------------------------------------------------
# Adoption: ADOPT_N customers made outside Terraform, through the main
# platform's own create endpoint, then adopted twice from fresh directories
# holding only the provider block: by `terraform query -generate-config-out`
# (Terraform 1.14+) and by the provider's `generate` subcommand (OpenTofu and
# older Terraform). Each is followed by the apply that imports them and a plan
# that must be empty. The floor is that apply and plan over ADOPT_N
# terraform_data blocks with an import block each.
ADOPT_ROWS="" ADOPT_NOTE="" ADOPT_SEED_HOW=""
declare -A ADOPT_FLOOR=() ADOPT_TOTAL_SECS=() ADOPT_TOTAL_REQS=()

# seed_customers PLATFORM N: N customers made through PLATFORM's API create
# endpoint by one curl process (a config file of N requests, one
# connection), with the spellings years of hand entry leave behind, as the
# adoption acceptance tests make them. Fails unless the platform held no
# customer before (listing them all must list exactly N) and all N answer
# 2xx. Sets TF_SECS (the curl alone) and ADOPT_SEED_HOW; returns 1 for a
# platform this script cannot make customers for.
seed_customers() {
  local platform="$1" n="$2" cfg="${BENCH_DIR}/adopt-seed.curlrc" i body before codes created t0
  case "$platform" in
    xtrakit)
      ctl_ok GET /_sandbox/xtrakit/customers
      before="$( (grep -oE '"id":[0-9]+' "${BENCH_DIR}/ctl.out" || true) | wc -l)"
      (( before == 0 )) || fail "xtrakit already holds ${before} customers before the adoption run"
      for (( i = 0; i < n; i++ )); do
        body="\"customer_name\":\"Customer ${i}\",\"customer_country\":\"India\""
        case $(( i % 4 )) in
          0) body+=",\"customer_email\":\"Customer.${i}@Example.COM\"" ;;
          1) body="\"customer_name\":\"Customer ${i}  \",\"customer_country\":\"IN\",\"customer_zip\":\" 411001 \"" ;;
          2) body+=",\"customer_email\":\"customer${i}@example.com\",\"customer_whatsapp\":\"+91 98765 43210\",\"address2\":\"Near the station\"" ;;
        esac
        body="{${body},\"customer_phone\":\"+91 98765 43210\",\"customer_state\":\"Maharashtra\",\"customer_city\":\"Pune\",\"address1\":\"12 MG Road\",\"created_by\":\"legacy-crm\"}"
        printf '%s\n' \
          "url = \"${XTRAKIT_BASE_URL}/customers/add\"" \
          "header = \"Authorization: Bearer ${XTRAKIT_API_KEY}\"" \
          'header = "Content-Type: application/json"' \
          "data = \"${body//\"/\\\"}\"" \
          'output = "/dev/null"' \
          'write-out = "%{http_code}\n"'
        if (( i + 1 < n )); then echo next; fi
      done >"$cfg"
      ADOPT_SEED_HOW="\`POST /customers/add\` (Xtrakit's API), one curl for all"
      ;;
    *) return 1 ;;
  esac
  t0="$(now_ns)"
  codes="$(curl -sS -K "$cfg")" || fail "curl -K ${cfg#"${REPO_ROOT}"/} failed"
  TF_SECS="$(secs "$t0" "$(now_ns)")"
  created="$( (grep -E '^2[0-9][0-9]$' <<<"$codes" || true) | wc -l)"
  (( created == n )) || fail "making ${n} ${platform} customers: ${created} answered 2xx (statuses: $(sort <<<"$codes" | uniq -c | tr -s ' \n' ' '))"
}

# adopt_row KIND PATH PHASE N: prints the phase just measured and appends its
# row to ADOPT_ROWS; a floor phase only leaves its time in ADOPT_FLOOR.
adopt_row() {
  local kind="$1" path="$2" phase="$3" n="$4" rpr label floor="—" ratio="—"
  if [[ "$kind" == floor ]]; then
    ADOPT_FLOOR[$phase]="$TF_SECS"
    printf '  %-28s %-8s %8s s\n' "floor-adopt-n${n}" "$phase" "$TF_SECS"
    return
  fi
  requests_since_reset
  rpr="$(awk -v r="$REQS" -v t="$n" 'BEGIN { v = r / t; printf (v > 0 && v < 0.095 ? "%.3f" : "%.2f"), v }')"
  if [[ -n "${ADOPT_FLOOR[$phase]:-}" ]]; then
    floor="${ADOPT_FLOOR[$phase]}"
    ratio="$(calc "${TF_SECS} / ${floor}")×"
  fi
  ADOPT_TOTAL_SECS[$path]="$(calc "${ADOPT_TOTAL_SECS[$path]:-0} + ${TF_SECS}")"
  ADOPT_TOTAL_REQS[$path]=$(( ${ADOPT_TOTAL_REQS[$path]:-0} + REQS ))
  case "$phase" in
    seed) label="$ADOPT_SEED_HOW" ;;
    query) label="\`terraform query -generate-config-out=generated.tf\`" ;;
    generate) label="\`terraform-provider-crm generate ${MAIN_PLATFORM}_customer -o generated.tf\`" ;;
    apply) label="\`terraform apply\`: imports" ;;
    plan) label="\`terraform plan\`: empty" ;;
  esac
  ADOPT_ROWS+="| ${path} | ${label} | ${n} | ${TF_SECS} | ${REQS} (${REQ_METHODS}) | ${rpr} | ${floor} | ${ratio} | ${RSS_MIB} |"$'\n'
  printf '  %-28s %-8s %8s s  %s requests (%s), %s req/record  peak RSS %s MiB\n' \
    "adopt-${path}-n${n}" "$phase" "$TF_SECS" "$REQS" "$REQ_METHODS" "$rpr" "$RSS_MIB"
}

# adopt_phase KIND PATH PHASE DIR N CMD...: one measured adoption phase, CMD
# in DIR. KIND is floor or crm; PATH groups the rows (query, generate);
# PHASE is query, generate, apply or plan. Checks what the phase must show:
# generated.tf with N import blocks, "N imported, 0 added, 0 changed, 0
# destroyed", an empty plan.
adopt_phase() {
  local kind="$1" path="$2" phase="$3" dir="$4" n="$5"
  shift 5
  local log="${BENCH_DIR}/logs/adopt-${path}-n${n}-${phase}.log" what blocks want
  what="${1##*/} ${2} (adoption, ${path})"
  if [[ "$kind" == crm ]]; then
    ctl_ok DELETE /_sandbox/requests
    rss_begin "adopt-${path}-${phase}"
  fi
  timed_cmd "$log" "$dir" "$@"
  [[ "$kind" == crm ]] && rss_end
  case "$phase" in
    plan)
      case "$TF_RC" in
        0) ;;
        2) tf_failed "$log" "the plan after adoption is not empty: ${what}" ;;
        *) tf_failed "$log" "${what} exited ${TF_RC}" ;;
      esac ;;
    *) [[ "$TF_RC" == 0 ]] || tf_failed "$log" "${what} exited ${TF_RC}" ;;
  esac
  case "$phase" in
    query | generate)
      blocks="$( (grep -E '^import \{' "${dir}/generated.tf" 2>/dev/null || true) | wc -l)"
      (( blocks == n )) || tf_failed "$log" "${what} wrote ${blocks} import blocks to generated.tf, not ${n}" ;;
    apply)
      want="Apply complete! Resources: ${n} imported, 0 added, 0 changed, 0 destroyed."
      grep -qF "$want" "$log" || tf_failed "$log" "${what} did not report \"${want}\"" ;;
  esac
  adopt_row "$kind" "$path" "$phase" "$n"
}

# adopt_workdir NAME N: a fresh directory with only the provider block, and
# a list block whose limit covers N records (Terraform's default is 100).
adopt_workdir() {
  local d="${BENCH_DIR}/work/$1"
  rm -rf "$d"
  mkdir -p "$d"
  cat >"${d}/main.tf" <<'HCL'
terraform {
  required_providers {
    crm = { source = "customerops/crm" }
  }
}

provider "crm" {}
HCL
  cat >"${d}/adopt.tfquery.hcl" <<HCL
list "crm_${MAIN_PLATFORM}_customer" "adopt" {
  provider         = crm
  include_resource = true
  limit            = $2
}
HCL
  printf '%s' "$d"
}

n="$ADOPT_N"
par=()
[[ -n "$PARALLELISM" ]] && par=("-parallelism=${PARALLELISM}")
banner "adoption floor: ${n} terraform_data, each with an import block"
d="${BENCH_DIR}/work/floor-adopt-n${n}"
rm -rf "$d"
mkdir -p "$d"
for (( i = 0; i < n; i++ )); do
  printf 'resource "terraform_data" "c_%d" {}\n\nimport {\n  to = terraform_data.c_%d\n  id = "c-%d"\n}\n\n' "$i" "$i" "$i"
done >"${d}/main.tf"
adopt_phase floor floor apply "$d" "$n" "$tf" apply -auto-approve -input=false -no-color "${par[@]}"
adopt_phase floor floor plan "$d" "$n" "$tf" plan -detailed-exitcode -input=false -no-color "${par[@]}"

banner "adoption: ${n} ${MAIN_PLATFORM} customers made outside Terraform"
ctl_ok DELETE /_sandbox/requests
if seed_customers "$MAIN_PLATFORM" "$n"; then
  RSS_MIB="—"
  adopt_row crm made seed "$n"

  banner "adoption by terraform query: ${n} ${MAIN_PLATFORM} customers"
  d="$(adopt_workdir "adopt-query-n${n}" "$n")"
  adopt_phase crm query query "$d" "$n" "$tf" query -generate-config-out=generated.tf -no-color
  adopt_phase crm query apply "$d" "$n" "$tf" apply -auto-approve -input=false -no-color "${par[@]}"
  adopt_phase crm query plan "$d" "$n" "$tf" plan -detailed-exitcode -input=false -no-color "${par[@]}"
  # Forget them: the same records are unmanaged again, for generate.
  rm -f "${d}/terraform.tfstate" "${d}/terraform.tfstate.backup"

  banner "adoption by terraform-provider-crm generate: ${n} ${MAIN_PLATFORM} customers"
  d="$(adopt_workdir "adopt-generate-n${n}" "$n")"
  rm -f "${d}/adopt.tfquery.hcl"
  # Through the wrapper (for the peak RSS), which execs the built provider.
  adopt_phase crm generate generate "$d" "$n" "$WRAPPER" generate "${MAIN_PLATFORM}_customer" -o generated.tf
  adopt_phase crm generate apply "$d" "$n" "$tf" apply -auto-approve -input=false -no-color "${par[@]}"
  adopt_phase crm generate plan "$d" "$n" "$tf" plan -detailed-exitcode -input=false -no-color "${par[@]}"
else
  ADOPT_NOTE="skipped: scripts/bench.sh makes customers outside Terraform for xtrakit only, not ${MAIN_PLATFORM} (BENCH_MAIN)"
  echo "  ${ADOPT_NOTE}"
fi

# ---------------------------------------------------------------------------
banner "results"
total_secs="$(secs "$BENCH_T0" "$(now_ns)")"
total_human="$(awk -v s="$total_secs" 'BEGIN { printf "%dm%02ds", int(s / 60), int(s) % 60 }')"

LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
own_cpu OWN_END "$sandbox_pid"
OTHER_WORK="$(other_work_note "$(secs "$RUN_T0" "$(now_ns)")" \
  "$(awk -v a="$BUSY_START" -v b="$(cpu_busy)" 'BEGIN { if (a != "" && b != "") printf "%.2f", b - a }')" \
  "$(awk -v a="$OWN_START" -v b="$OWN_END" 'BEGIN { printf "%.2f", b - a }')")"
curve_write
cpu_model="$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)"
cpu_count="$(grep -c '^processor' /proc/cpuinfo 2>/dev/null || nproc)"
mem_total="$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)"

{
  echo "# Benchmark results"
  echo
  echo "Written by \`make bench\` (scripts/bench.sh); see bench/README.md. Do not edit by hand."
  echo
  echo "| | |"
  echo "|---|---|"
  echo "| date | $(date -u '+%Y-%m-%d %H:%M:%S UTC') |"
  echo "| machine | $(uname -m), $(uname -sr) |"
  echo "| CPU | ${cpu_model:-unknown} × ${cpu_count} |"
  echo "| memory | ${mem_total:-unknown} |"
  echo "| load average (1, 5, 15 min) | ${LOAD_START} at the start, ${LOAD_END} at the end (both count the bench's own work: its build, its last runs) |"
  echo "| other work during the run | ${OTHER_WORK} |"
  echo "| Go | $(go version | sed 's/^go version //') |"
  echo "| CLI | ${TF_VERSION} |"
  echo "| provider commit | ${commit} |"
  echo "| run | $([[ "$QUICK" == 1 ]] && echo 'QUICK smoke run, ' )N = ${NS// /, }; latencies ${LATENCIES// /, } ms (above 0 ms: N ≤ ${LATENCY_MAX_N}); other platforms N = ${OTHER_N}; adoption N = ${ADOPT_N}; parallelism ${EFFECTIVE_PARALLELISM}$([[ -z "$PARALLELISM" ]] && echo ' (default)'); provider default settings |"
  echo "| peak RSS | ${RSS_DESC} |"
  echo "| total bench wall time | ${total_secs} s (${total_human}) |"
  echo
  echo "Phases: apply (create N), no-op plan (must be empty), update 10 % (every 10th resource changed in place),"
  echo "destroy. *floor s*: the same phase over N \`terraform_data\` resources with the same CLI and parallelism"
  echo "(measured once per N in this run; it has no provider and no API, so it does not depend on the latency)."
  echo "*requests/resource*: requests in the sandbox log during the phase / resources the phase touched (N; N/10"
  echo "for the update, whose plan still refreshes all N)."
  echo "*fw floor s*: the same phase over N \`${FW_TYPE}_${MAIN_PLATFORM}_customer\` of the framework floor (bench/floorprovider:"
  echo "the crm provider's own resource schema served with no API; measured once per N). *ratio* is crm / floor, *fw ratio*"
  echo "crm / fw floor: the provider's own cost (HTTP, client, model mapping). *target* is the issue's (bench/README.md),"
  echo "*curve target* the cost curve's: at 0 ms, apply and no-op plan ≤ 1.25×, destroy ≤ 1.35× the fw floor; RSS < 150 MiB at N = 2000."
  for lat in $LATENCIES; do
    echo
    echo "## ${MAIN_PLATFORM} customers, ${lat} ms sandbox latency"
    echo
    echo "| N | phase | floor s | fw floor s | crm s | ratio | fw ratio | requests/resource | peak RSS MiB | target | met? | curve target | met? | requests |"
    echo "|---:|---|---:|---:|---:|---:|---:|---:|---:|---|---|---|---|---|"
    printf '%s' "${MAIN_ROWS[$lat]:-}"
  done
  curve_section
  echo
  echo "## Other platforms, ${OTHER_N} customers each"
  for lat in $LATENCIES; do
    echo
    echo "### ${lat} ms sandbox latency"
    echo
    echo "| platform | N | phase | floor s | crm s | ratio | requests/resource | peak RSS MiB | requests | note |"
    echo "|---|---:|---|---:|---:|---:|---:|---:|---|---|"
    printf '%s' "${OTHER_ROWS[$lat]:-}"
  done
  echo
  echo "## Against a server-side rate limit (${MAIN_PLATFORM}, 0 ms latency)"
  echo
  if [[ "$RL_SUPPORTED" == 1 ]]; then
    echo "| phase | N | sandbox limit | wall s | requests | 429 share | target | met? |"
    echo "|---|---:|---:|---:|---|---:|---|---|"
    printf '%s' "$RL_ROWS"
  else
    echo "skipped: sandbox has no rate limit (PUT /_sandbox/rate-limit did not answer 2xx)"
  fi
  echo
  echo "## Pipelines sharing one account: ${PIPE_P} × ${PIPE_N} ${MAIN_PLATFORM} customers against ${PIPE_RPS} req/s (0 ms latency)"
  echo
  if [[ -n "$PIPE_NOTE" ]]; then
    echo "$PIPE_NOTE"
  else
    echo "${PIPE_P} \`terraform apply\` processes started together, each in its own directory with its own state and provider"
    echo "process (its own rate limiter: they know nothing of each other), against one account limited to ${PIPE_RPS} requests/s;"
    echo "once with the account advertising its budget on every answer (RateLimit-Limit/-Remaining/-Reset), once answering"
    echo "only 429 with Retry-After. *wall s*: from the common start to the process's end. A process's requests are those"
    echo "whose bodies carry its customers' e-mails; *fair share*: ${PIPE_RPS}/${PIPE_P} requests/s. The *all* row: the slowest"
    echo "process, against the ideal $(( PIPE_P * PIPE_N ))/${PIPE_RPS} s (the account's burst of ${PIPE_RPS} makes slightly less possible), and"
    echo "every request in the log."
    echo
    echo "| account | pipeline | wall s | customers/s | requests | requests/s | fair share req/s | answered 429 | target |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---|"
    printf '%s' "$PIPE_ROWS"
  fi
  echo
  echo "## Adoption: ${ADOPT_N} ${MAIN_PLATFORM} customers made outside Terraform (0 ms latency)"
  echo
  if [[ -n "$ADOPT_NOTE" ]]; then
    echo "$ADOPT_NOTE"
  else
    echo "The customers are made through the platform's API (*made*), then adopted from a fresh directory holding only"
    echo "\`provider \"crm\" {}\`: by \`terraform query\` (Terraform 1.14+) and then, with the first directory's state deleted,"
    echo "by the provider's \`generate\` subcommand (OpenTofu, older Terraform); each apply must import all ${ADOPT_N} and the"
    echo "plan after it must be empty. End to end, adoption took ${ADOPT_TOTAL_SECS[query]:-?} s and ${ADOPT_TOTAL_REQS[query]:-?} requests by query,"
    echo "${ADOPT_TOTAL_SECS[generate]:-?} s and ${ADOPT_TOTAL_REQS[generate]:-?} requests by generate. *floor s*: the same apply and plan over ${ADOPT_N}"
    echo "\`terraform_data\` blocks with an import block each, Terraform's own cost of importing ${ADOPT_N} separate resources."
    echo
    echo "| path | phase | N | wall s | requests | requests/record | floor s | ratio | peak RSS MiB |"
    echo "|---|---|---:|---:|---|---:|---:|---:|---:|"
    printf '%s' "$ADOPT_ROWS"
  fi
} >"${RESULTS}.tmp"
mv "${RESULTS}.tmp" "$RESULTS"

cat "$RESULTS"
echo
echo "wrote ${RESULTS#"${REPO_ROOT}"/}; terraform logs in ${BENCH_DIR#"${REPO_ROOT}"/}/logs"
echo "total bench wall time: ${total_secs} s (${total_human})"
