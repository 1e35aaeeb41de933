#!/usr/bin/env bash
# Throughput benchmark of the default pipeline (release build) over ../shared/corpus/bench.
#
#   scripts/bench.sh [OUT.json]       (default: docs/benchmarks/latest.json)
#
# Runs, each in a fresh cache unless "warm": the 300-file UN subset (the first 300 files of
# bench/ungdc by name, the set spaCy was measured on) and the whole bench corpus (6,948 files),
# with --jobs 1 and 2, cold then warm. Peak RSS comes from /usr/bin/time -v. Prints a table and
# writes every figure as JSON. Skips, saying so, when ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bench="$root/../shared/corpus/bench"
if [ ! -d "$bench" ]; then echo "skipped: $bench not found (benchmarks need the shared corpus)"; exit 0; fi
out_json=${1:-docs/benchmarks/latest.json}
mkdir -p "$(dirname "$out_json")"
swift build -c release --product docpipe >/dev/null
exe="$root/.build/release/docpipe"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/un300"
# (No `ls | head` pipeline: with pipefail, head closing the pipe early would abort the script.)
mapfile -t first300 < <(ls "$bench/ungdc" | sort | head -300 || true)
for f in "${first300[@]}"; do ln -s "$bench/ungdc/$f" "$work/un300/$f"; done

results=()
run() {  # name input jobs mode(cold|warm)
  local name=$1 input=$2 jobs=$3 mode=$4
  local cache="$work/cache-$name-j$jobs"
  # Cold runs get folders that never existed: deleting a big cache just before a run makes ext4's
  # inode allocation much slower (recently deleted inodes), which no real cold run pays.
  [ "$mode" = cold ] && [ -e "$cache" ] && { echo "internal: $cache exists"; exit 1; }
  /usr/bin/time -v "$exe" run "$input" --config "$root/pipeline.json" --out "$work/out-$name-j$jobs" \
      --cache "$cache" --jobs "$jobs" --quiet 2> "$work/time.txt" || true
  local rss secs bytes docs
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
  python3 - "$work/out-$name-j$jobs/run.json" "$name" "$jobs" "$mode" "$rss" >> "$work/results.jsonl" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
name, jobs, mode, rss = sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
secs = r["seconds"]
print(json.dumps({"corpus": name, "jobs": jobs, "mode": mode, "files": r["files"],
  "documents": r["documents"]["ok"] + r["documents"]["failed"], "failed": r["documents"]["failed"],
  "bytes": r["bytes"], "seconds": secs, "MBps": round(r["bytes"] / 1e6 / secs, 2) if secs else None,
  "docsPerSecond": round((r["documents"]["ok"] + r["documents"]["failed"]) / secs, 1) if secs else None,
  "peakRSSMB": round(rss / 1024, 1), "cache": r["cache"],
  "stageSeconds": {s["name"]: s["seconds"] for s in r["stages"]}}, sort_keys=True))
PY
}

for jobs in 1 2; do
  run un300 "$work/un300" $jobs cold
  run un300 "$work/un300" $jobs warm
done
for jobs in 1 2; do
  run all "$bench" $jobs cold
  run all "$bench" $jobs warm
done
python3 - "$work/results.jsonl" "$out_json" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
json.dump(rows, open(sys.argv[2], "w"), indent=2, sort_keys=True)
print("| corpus | jobs | run | docs | MB | seconds | MB/s | docs/s | peak RSS MB | hits/misses |")
print("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
for r in rows:
    print(f"| {r['corpus']} | {r['jobs']} | {r['mode']} | {r['documents']} | {r['bytes']/1e6:.1f} | {r['seconds']:.2f} | {r['MBps']} | {r['docsPerSecond']} | {r['peakRSSMB']} | {r['cache']['hits']}/{r['cache']['misses']} |")
print()
print("per-stage seconds (summed over documents):")
for r in rows:
    print(r["corpus"], "j%d" % r["jobs"], r["mode"], json.dumps(r["stageSeconds"], sort_keys=True))
PY
echo "wrote $out_json"
