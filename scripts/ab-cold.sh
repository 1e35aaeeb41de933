#!/usr/bin/env bash
# Interleaved A/B of two docpipe binaries: cold --jobs 2 runs of the default pipeline over the
# 300-file UN subset, each into folders on tmpfs that never existed.
#
#   scripts/ab-cold.sh OLD_BINARY NEW_BINARY [PAIRS=8]
#
# Prints, per binary, the median CPU time (perf stat task-clock: user + system, both cores) and
# the median and best of run.json's seconds. Alternating the two keeps a drifting machine from
# favouring either. Skips, saying so, when ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bench="$root/../shared/corpus/bench"
if [ ! -d "$bench" ]; then echo "skipped: $bench not found (benchmarks need the shared corpus)"; exit 0; fi
old=$1; new=$2; pairs=${3:-8}
tmp=$(mktemp -d /dev/shm/docpipe-ab.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
source "$root/scripts/lib/bench-inputs.sh"
link_un300 "$bench" "$tmp/un300"
warm_page_cache "$tmp/un300" "$old"; warm_page_cache "$tmp/un300" "$new"   # inputs and models read back from disk are not timed
one() {  # label binary
  local d="$tmp/run$RANDOM$RANDOM" cpu
  cpu=$(perf stat -x, -e task-clock "$2" run "$tmp/un300" --config "$root/pipeline.json" --out "$d/o" --cache "$d/c" \
        --jobs 2 --quiet 2>&1 >/dev/null | awk -F, '/task-clock/ {print $1}')
  echo "$1 $cpu $(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['seconds'])" "$d/o/run.json")"
  rm -rf "$d"
}
for _ in $(seq "$pairs"); do one old "$old"; one new "$new"; done > "$tmp/results.txt"
python3 - "$tmp/results.txt" <<'PY'
import statistics, sys
runs = {}
for line in open(sys.argv[1]):
    label, cpu, secs = line.split()
    runs.setdefault(label, []).append((float(cpu), float(secs)))
for label in ("old", "new"):
    r = runs[label]
    print(f"{label}: CPU median {statistics.median(c for c, _ in r):.0f} ms, run median {statistics.median(s for _, s in r):.3f} s, best {min(s for _, s in r):.3f} s ({len(r)} runs)")
PY
