#!/usr/bin/env bash
# Builds the libFuzzer targets under Fuzz/ and runs each for a set time.
#
#   scripts/fuzz.sh build                 # build every target into .build-fuzz/bin
#   scripts/fuzz.sh run [SECONDS] [TARGET…] # build, then run each target SECONDS (default 600)
#   scripts/fuzz.sh list                  # the target names
#
# The stage modules are compiled straight from Sources/ with swiftc (`-sanitize=fuzzer,address
# -O -enable-testing`, so targets can `@testable import` internals) into .build-fuzz/modules;
# Fuzz/ is not part of Package.swift, so `swift build` and `swift test` never see it.
# Each run starts from Fuzz/corpus/<target>/ plus matching files in seeds/ (and examples/ for
# the config target), keeps what it learns in .build-fuzz/corpus/<target>/, writes crashes to
# .build-fuzz/artifacts/<target>/ and a log to .build-fuzz/logs/<target>.log. NICE (default
# 19) is the nice level of the fuzzers, MAX_LEN (default 16384) the longest input tried.
# Exit status 1 when any target found a crash. docs/reliability.md says what each target checks.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/.build-fuzz
SWIFTC=${SWIFTC:-swiftc}
if ! command -v "$SWIFTC" >/dev/null && [ -x /opt/swift/usr/bin/swiftc ]; then SWIFTC=/opt/swift/usr/bin/swiftc; fi
FLAGS=(-sanitize=fuzzer,address -parse-as-library -O -swift-version 6 -enable-testing -g)
TARGETS=(config html records sentences export)

# target -> the stage modules it needs (DocPipe always)
modules_for() {
  case $1 in
    config) echo "IngestStage NormalizeStage ExportStage" ;;
    html|records) echo "IngestStage" ;;
    sentences) echo "NormalizeStage" ;;
    export) echo "ExportStage" ;;
  esac
}

# Compiles one module into .build-fuzz/modules/<name>.{o,swiftmodule} when its sources changed.
build_module() {
  local name=$1 dir=$ROOT/Sources/$1 stamp=$OUT/modules/$1.o
  mkdir -p "$OUT/modules"
  if [ -f "$stamp" ] && [ -z "$(find "$dir" "$ROOT/Sources/DocPipe" -name '*.swift' -newer "$stamp" | head -1)" ]; then return; fi
  echo "fuzz: compiling $name" >&2
  # shellcheck disable=SC2046
  "$SWIFTC" "${FLAGS[@]}" -wmo -module-name "$name" -I "$OUT/modules" \
    -emit-module -emit-module-path "$OUT/modules/$name.swiftmodule" \
    -c $(find "$dir" -name '*.swift' | sort) -o "$stamp.$$.tmp"
  mv "$stamp.$$.tmp" "$stamp"
}

# target -> extra shared source folders under Fuzz/
support_for() {
  case $1 in
    html|records) echo Fuzz/IngestSupport ;;
  esac
}

build_target() {
  local t=$1 objs=("$OUT/modules/DocPipe.o") m
  for m in $(modules_for "$t"); do build_module "$m"; objs+=("$OUT/modules/$m.o"); done
  mkdir -p "$OUT/bin"
  echo "fuzz: linking $t" >&2
  # shellcheck disable=SC2046
  "$SWIFTC" "${FLAGS[@]}" -module-name "Fuzz_$t" -I "$OUT/modules" \
    $(find "Fuzz/$t" Fuzz/Support $(support_for "$t") -name '*.swift' | sort) "${objs[@]}" -o "$OUT/bin/fuzz-$t" 2> >(grep -v 'Cannot export local symbol' >&2)
}

seeds_for() {
  case $1 in
    config) echo pipeline.json; find examples -name pipeline.json ;;
    html) ls seeds/*.html ;;
    records) ls seeds/*.jsonl ;;
    sentences) ls seeds/*.txt seeds/*.md ;;
    export) ;;
  esac
}

# target -> its libFuzzer dictionary under Fuzz/dict (none for the others)
dict_for() {
  case $1 in
    html) echo Fuzz/dict/html.dict ;;
    config|records) echo Fuzz/dict/json.dict ;;
    sentences) echo Fuzz/dict/sentences.dict ;;
  esac
}

run_target() {
  local t=$1 seconds=$2 seeddir=$OUT/seeds/$1
  mkdir -p "$OUT/corpus/$t" "$OUT/artifacts/$t" "$OUT/logs" "$seeddir"
  rm -f "$seeddir"/*
  local f; for f in $(seeds_for "$t"); do cp "$f" "$seeddir/$(echo "$f" | tr / _)"; done
  echo "fuzz: running $t for ${seconds}s (log: .build-fuzz/logs/$t.log)" >&2
  local rc=0 dict=() d
  d=$(dict_for "$t"); if [ -n "$d" ]; then dict=(-dict="$d"); fi
  nice -n "${NICE:-19}" "$OUT/bin/fuzz-$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="${MAX_LEN:-16384}" \
    -print_final_stats=1 "${dict[@]}" -artifact_prefix="$OUT/artifacts/$t/" \
    "$OUT/corpus/$t" "Fuzz/corpus/$t" "$seeddir" >"$OUT/logs/$t.log" 2>&1 || rc=$?
  { grep -E ' cov: ' "$OUT/logs/$t.log" | tail -1; grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|Done)' "$OUT/logs/$t.log"; } >&2 || true
  if [ $rc -ne 0 ]; then echo "fuzz: $t FAILED (exit $rc); see .build-fuzz/logs/$t.log and .build-fuzz/artifacts/$t/" >&2; fi
  return $rc
}

cmd=${1:-run}; shift || true
case $cmd in
  list) printf '%s\n' "${TARGETS[@]}" ;;
  build)
    build_module DocPipe
    for t in "${@:-${TARGETS[@]}}"; do build_target "$t"; done ;;
  run)
    seconds=${1:-600}; shift || true
    selected=("${@:-${TARGETS[@]}}")
    build_module DocPipe
    for t in "${selected[@]}"; do build_target "$t"; done
    failed=0
    for t in "${selected[@]}"; do run_target "$t" "$seconds" || failed=1; done
    exit $failed ;;
  *) echo "usage: scripts/fuzz.sh build|run [SECONDS] [TARGET…]|list" >&2; exit 2 ;;
esac
