#!/usr/bin/env bash
# What the claims stage adds to the default pipeline's time (issue 5: at most 30 %), release build:
#
#   scripts/claims-budget.sh [INPUT_DIR] [JOBS] [ROUNDS]
#       (defaults: ../shared/corpus/bench, 2 jobs, 2 rounds)
#
# Runs the default pipeline (pipeline.json) and the same pipeline without the claims stage, cold
# (fresh cache and output folder each time), alternating, ROUNDS times each. Prints wall and CPU
# (user + sys) seconds of every run and the medians' ratio. The difference includes exporting the
# claims (per-document JSON, claims.jsonl, claims.csv, the HTML report), as a user pays it.
# Skips, saying so, when the input folder is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
input=${1:-$root/../shared/corpus/bench}
jobs=${2:-2}
rounds=${3:-2}
if [ ! -d "$input" ]; then echo "skipped: $input not found (the budget is measured on the shared bench corpus)"; exit 0; fi
swift build -c release --product docpipe >/dev/null
exe="$root/.build/release/docpipe"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$root/pipeline.json" "$work/without-claims.json" <<'PY'
import json, sys
config = json.load(open(sys.argv[1]))
config["stages"] = [s for s in config["stages"] if s["stage"] != "claims"]
json.dump(config, open(sys.argv[2], "w"), indent=2)
PY
: > "$work/times.txt"
for round in $(seq "$rounds"); do
  for variant in with without; do
    config="$root/pipeline.json"
    [ "$variant" = without ] && config="$work/without-claims.json"
    run="$work/$variant-$round"
    /usr/bin/time -f "%e %U %S" -o "$work/time.txt" "$exe" run "$input" --config "$config" --out "$run/out" \
        --cache "$run/cache" --jobs "$jobs" --quiet || true
    read -r wall user sys < "$work/time.txt"
    echo "$variant $wall $user $sys" | tee -a "$work/times.txt"
    rm -rf "$run"
  done
done
python3 - "$work/times.txt" <<'PY'
import sys, statistics
rows = [l.split() for l in open(sys.argv[1])]
def med(variant, f): return statistics.median(f(r) for r in rows if r[0] == variant)
wall = lambda r: float(r[1])
cpu = lambda r: float(r[2]) + float(r[3])
for name, f in (("wall", wall), ("CPU", cpu)):
    w, wo = med("with", f), med("without", f)
    print(f"{name}: with claims {w:.2f} s, without {wo:.2f} s: the stage adds {100 * (w / wo - 1):.0f} %")
PY
