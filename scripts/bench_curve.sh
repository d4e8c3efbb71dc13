#!/usr/bin/env bash
# The cost curve, sourced by scripts/bench.sh (not run on its own): the
# second floor (bench/floorprovider, "the framework floor": the crm
# provider's resource schemas served with no API), its targets, the
# machine-readable results (bench/results.csv) and the chart drawn from
# them (bench/chart -> bench/cost-curve.svg). Uses bench.sh's globals and
# helpers (BENCH_DIR, REAL_BIN, WRAPPER, run_phase, calc, le, lt, fail).

FW_ADDR="registry.terraform.io/customerops/crmfloor"
FW_TYPE="crmfloor"

# curve_paths: the files, set once BENCH_DIR and RESULTS are known.
curve_paths() {
  FW_BIN="${BENCH_DIR}/bin/terraform-provider-${FW_TYPE}"
  FW_WRAPPER="${BENCH_DIR}/plugins/terraform-provider-${FW_TYPE}"
  CHART_BIN="${BENCH_DIR}/bin/chart"
  CURVE_CSV="${RESULTS%.md}.csv"
  CURVE_SVG="$(dirname "$RESULTS")/cost-curve.svg"
  CURVE_ROWS=""
}

# curve_build: the floor provider and the chart program (plain go build,
# like the provider), so that a broken chart fails the bench before the
# long part and not after it.
curve_build() {
  (cd "$REPO_ROOT" && go build -o "$FW_BIN" ./bench/floorprovider) || fail "go build of bench/floorprovider failed"
  (cd "$REPO_ROOT" && go build -o "$CHART_BIN" ./bench/chart) || fail "go build of bench/chart failed"
  echo "built ${FW_BIN#"${REPO_ROOT}"/}, ${CHART_BIN#"${REPO_ROOT}"/}"
}

# curve_wrapper: the floor's RSS wrapper, the crm provider's with the
# floor's binary in it (so both are measured the same way).
curve_wrapper() {
  sed "s|${REAL_BIN}|${FW_BIN}|g" "$WRAPPER" >"$FW_WRAPPER"
  chmod +x "$FW_WRAPPER"
  grep -qF "$FW_BIN" "$FW_WRAPPER" || fail "could not write the framework floor's wrapper"
}

# curve_dev_override: the CLI config line serving the floor from the same
# plugins directory as the crm provider.
curve_dev_override() {
  printf '    "%s" = "%s"\n' "$FW_ADDR" "${BENCH_DIR}/plugins"
}

# framework_workdir NAME PLATFORM: a fresh directory holding PLATFORM's own
# bench configuration with the crm provider renamed to the floor's (its
# source, local name, provider block and resource types), so the floor's
# configuration is the crm one and cannot drift from it. Prints the dir.
framework_workdir() {
  local d="${BENCH_DIR}/work/$1" src="${REPO_ROOT}/internal/$2/testdata/bench/main.tf"
  rm -rf "$d"
  mkdir -p "$d"
  sed -E \
    -e 's|"customerops/crm"|"customerops/'"${FW_TYPE}"'"|' \
    -e 's|^([[:space:]]*)crm([[:space:]]*=[[:space:]]*\{)|\1'"${FW_TYPE}"'\2|' \
    -e 's|^provider "crm"|provider "'"${FW_TYPE}"'"|' \
    -e 's/(^|[^a-z0-9_])crm_([a-z0-9_]+)/\1'"${FW_TYPE}"'_\2/g' \
    "$src" >"${d}/main.tf"
  if grep -qE '(^|[^a-z0-9_])crm_|"customerops/crm"|provider "crm"' "${d}/main.tf" || ! grep -qF "resource \"${FW_TYPE}_" "${d}/main.tf"; then
    fail "could not turn ${src#"${REPO_ROOT}"/} into the framework floor's configuration (${d}/main.tf)"
  fi
  printf '%s' "$d"
}

# The framework floor depends on N only (no API), so, like the
# terraform_data floor, it is measured once per N and shared by every
# latency.
declare -A FW_FLOOR=() FW_RSS=()
measure_framework_floor() { # N
  local n="$1" d phase gen
  [[ -n "${FW_FLOOR[$n:apply]:-}" ]] && return 0
  d="$(framework_workdir "framework-n${n}" "$MAIN_PLATFORM")"
  banner "framework floor: ${n} ${FW_TYPE}_${MAIN_PLATFORM}_customer (crm schema, no API)"
  for phase in "${PHASES[@]}"; do
    gen=1
    [[ "$phase" == update || "$phase" == destroy ]] && gen=2
    run_phase framework "framework-n${n}" "$d" "$phase" "$n" "$gen" framework
    FW_FLOOR[$n:$phase]="$PH_SECS"
    FW_RSS[$n:$phase]="$PH_RSS"
    curve_record framework "$n" "" "$phase" "$PH_SECS" "$PH_RSS"
    # The terraform_data floor of the same N (measure_floor ran first); only
    # the main platform's N are on the curve.
    curve_record terraform_data "$n" "" "$phase" "${FLOOR[$n:$phase]}" ""
  done
}

# curve_record PROVIDER N LAT PHASE SECS RSS: one row of results.csv.
# PROVIDER is crm, terraform_data or framework; LAT is empty for the floors
# (they have no API, so no latency).
curve_record() {
  CURVE_ROWS+="$1,$2,$3,$4,$5,${6/n\/a/}"$'\n'
}

# curve_targets LAT N PHASE CRM RSS: sets FW_TARGET and FW_MET, the cost
# curve's targets: at 0 ms and every N, apply and no-op plan <= 1.25x the
# framework floor, destroy <= 1.35x; peak RSS < 150 MiB at N = 2000 (any N
# in a quick run).
curve_targets() {
  local lat="$1" n="$2" phase="$3" crm="$4" rss="$5" max="" fw t=() ok=1
  fw="${FW_FLOOR[$n:$phase]:-}"
  if (( lat == 0 )) && [[ -n "$fw" ]]; then
    case "$phase" in
      apply | plan) max=1.25 ;;
      destroy) max=1.35 ;;
    esac
    if [[ -n "$max" ]]; then
      t+=("≤ ${max}× fw floor")
      le "$crm" "$(calc "${max} * ${fw}")" || ok=0
    fi
  fi
  if (( n == 2000 )) || [[ "$QUICK" == 1 ]]; then
    t+=("RSS < 150 MiB")
    if [[ "$rss" == n/a ]] || ! lt "$rss" 150; then ok=0; fi
  fi
  if (( ${#t[@]} == 0 )); then
    FW_TARGET="—" FW_MET="—"
    return 0
  fi
  FW_TARGET="$(IFS=';'; echo "${t[*]}" | sed 's/;/; /g')"
  if (( ok )); then FW_MET=yes; else FW_MET="**NO**"; CURVE_MISSED+=("${n}:${phase}"); fi
}

# ---------------------------------------------------------------------------
# Where the time goes. BENCH_PROFILE=missed (the default) runs the four
# phases again, at 0 ms, for each N with a missed curve target, with
# CRM_CPUPROFILE_DIR set (main.go: each provider process writes a CPU and a
# heap profile), and reports `go tool pprof -top` of the missed phases:
# the provider's CPU time, by function, summed over the phase's processes
# (Terraform's own time is not in it). BENCH_PROFILE=all profiles every N
# and phase; none, nothing.
CURVE_MISSED=() CURVE_PROFILES=""
PROFILE_MODE="${BENCH_PROFILE:-missed}"
case "$PROFILE_MODE" in missed | all | none) ;; *) die "BENCH_PROFILE must be missed, all or none (got '${PROFILE_MODE}')" ;; esac

curve_profile() {
  local ns=() n phase d dir gen want m
  case "$PROFILE_MODE" in
    none) return 0 ;;
    all) read -r -a ns <<<"$NS" ;;
    missed)
      for m in "${CURVE_MISSED[@]}"; do
        [[ " ${ns[*]} " == *" ${m%%:*} "* ]] || ns+=("${m%%:*}")
      done ;;
  esac
  for n in "${ns[@]}"; do
    d="$(new_workdir "profile-n${n}" "$MAIN_PLATFORM")"
    banner "profile: ${n} ${MAIN_PLATFORM} customers, 0 ms, CRM_CPUPROFILE_DIR set"
    for phase in "${PHASES[@]}"; do
      gen=1
      [[ "$phase" == update || "$phase" == destroy ]] && gen=2
      dir="${BENCH_DIR}/profiles/n${n}-${phase}"
      mkdir -p "$dir"
      export CRM_CPUPROFILE_DIR="$dir"
      run_phase crm "profile-n${n}" "$d" "$phase" "$n" "$gen" "profile-n${n}"
      unset CRM_CPUPROFILE_DIR
      want=0
      [[ "$PROFILE_MODE" == all || " ${CURVE_MISSED[*]} " == *" ${n}:${phase} "* ]] && want=1
      if (( want )); then curve_profile_report "$n" "$phase" "$dir"; fi
    done
  done
}

# curve_profile_report N PHASE DIR: appends the phase's profile summary to
# CURVE_PROFILES (markdown).
curve_profile_report() {
  local n="$1" phase="$2" dir="$3" fw="${FW_FLOOR[$1:$2]:-}" top heap cpus heaps
  cpus="$(find "$dir" -name 'cpu-*.pprof' -size +0 | sort | tr '\n' ' ')"
  heaps="$(find "$dir" -name 'heap-*.pprof' -size +0 | sort | tr '\n' ' ')"
  CURVE_PROFILES+=$'\n'"### N = ${n}, ${phase}: ${PH_SECS} s again with profiling (fw floor ${fw:-?} s$([[ -n "$fw" ]] && echo ", $(calc "${PH_SECS} / ${fw}")×"); peak RSS ${PH_RSS} MiB)"$'\n\n'
  if [[ -z "$cpus" ]]; then
    CURVE_PROFILES+="No CPU profile was written (is CRM_CPUPROFILE_DIR still read by main.go?)."$'\n'
    return 0
  fi
  # shellcheck disable=SC2086 # one argument per profile
  top="$(go tool pprof -top -nodecount=15 "$REAL_BIN" $cpus 2>/dev/null | sed -n '/^Duration/,$p')" || top="go tool pprof failed"
  # shellcheck disable=SC2086
  heap="$(go tool pprof -top -nodecount=8 -sample_index=inuse_space "$REAL_BIN" $heaps 2>/dev/null | sed -n '/^Showing nodes/,$p')" || heap="go tool pprof failed"
  CURVE_PROFILES+="The provider's CPU, all $(wc -w <<<"$cpus") processes of the phase (\`go tool pprof -top\`; *Total samples* is the provider's CPU time):"$'\n\n'
  CURVE_PROFILES+='```'$'\n'"${top}"$'\n''```'$'\n\n'
  CURVE_PROFILES+="Live heap as Terraform stopped them (\`-sample_index=inuse_space\`, summed over the processes):"$'\n\n'
  CURVE_PROFILES+='```'$'\n'"${heap}"$'\n''```'$'\n'
}

# fw_secs N PHASE: the framework floor's seconds; fw_ratio N PHASE CRM:
# the crm provider's ratio to it.
fw_secs() { printf '%s' "${FW_FLOOR[$1:$2]:-—}"; }
fw_ratio() {
  local fw="${FW_FLOOR[$1:$2]:-}"
  if [[ -z "$fw" ]]; then printf '—'; else printf '%s×' "$(calc "$3 / $fw")"; fi
}

# curve_write: results.csv, then the chart and the marginal-cost table
# (CURVE_MARGINAL, markdown) from it.
curve_write() {
  {
    echo "provider,n,latency_ms,phase,seconds,peak_rss_mib"
    printf '%s' "$CURVE_ROWS"
  } >"${CURVE_CSV}.tmp"
  mv "${CURVE_CSV}.tmp" "$CURVE_CSV"
  CURVE_MARGINAL="$("$CHART_BIN" -in "$CURVE_CSV" -out "$CURVE_SVG" -marginal)" || fail "bench/chart failed on ${CURVE_CSV#"${REPO_ROOT}"/}"
  echo "wrote ${CURVE_CSV#"${REPO_ROOT}"/} and ${CURVE_SVG#"${REPO_ROOT}"/}"
}

# curve_section: results.md's section on the cost curve: the chart, the
# framework floor's own peak RSS, and the marginal cost per 1,000.
curve_section() {
  local svg="${CURVE_SVG#"$(dirname "$RESULTS")"/}" csv="${CURVE_CSV#"$(dirname "$RESULTS")"/}"
  echo
  echo "## The cost curve"
  echo
  echo "![time per phase against N: the crm provider, the framework floor and terraform_data](${svg})"
  echo
  echo "[${svg}](${svg}) is drawn by bench/chart from [${csv}](${csv}), this run's measurements (the crm provider's"
  echo "rows at every latency, the floors' once per N)."
  local n phase rss max parts=()
  for n in $NS; do
    max=""
    for phase in "${PHASES[@]}"; do
      rss="${FW_RSS[$n:$phase]:-n/a}"
      [[ "$rss" == n/a ]] && continue
      if [[ -z "$max" ]] || lt "$max" "$rss"; then max="$rss"; fi
    done
    [[ -n "$max" ]] && parts+=("${max} MiB at N = ${n}")
  done
  if (( ${#parts[@]} > 0 )); then
    echo "The framework floor's own peak RSS, max over the phases: $(IFS=';'; echo "${parts[*]}" | sed 's/;/, /g')."
  fi
  echo
  echo "Marginal cost per 1,000 resources, seconds: (t(N) − t(previous N)) / (N − previous N) × 1000, at 0 ms. A"
  echo "column that grows with N is Terraform's superlinear cost; the gap between the crm and framework columns is the provider's."
  echo "The second table fits each series, t(N) ≈ C + A·N + B·N² (least squares over this run's N): A is the cost per resource,"
  echo "B·N² the growth, and *N where B·N² = A·N* the state size beyond which the growth outweighs the per-resource cost."
  echo
  printf '%s\n' "$CURVE_MARGINAL"
  echo
  echo "### Where the time goes"
  echo
  case "$PROFILE_MODE" in
    none) echo "Not profiled (BENCH_PROFILE=none)." ;;
    *)
      if [[ -z "$CURVE_PROFILES" ]]; then
        echo "Every curve target was met: nothing profiled (BENCH_PROFILE=all profiles every phase)."
      else
        echo "$([[ "$PROFILE_MODE" == all ]] && echo "Every N" || echo "Each N with a missed curve target (${CURVE_MISSED[*]})") run again at 0 ms with"
        echo "\`CRM_CPUPROFILE_DIR\` set, after the tables above (scripts/bench_curve.sh, BENCH_PROFILE)."
        printf '%s' "$CURVE_PROFILES"
      fi ;;
  esac
}
