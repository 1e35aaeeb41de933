#!/usr/bin/env bash
# Cold --jobs 2 runs of one docpipe binary over the 300-file UN subset, each into output and cache
# folders on tmpfs that never existed; prints the distribution of run.json's seconds.
#
#   scripts/cold-series.sh [BINARY=.build/release/docpipe] [RUNS=20]
#
# The folders go under $SERIES_DIR (default /dev/shm, tmpfs); point it at a disk to include its
# write cost. Each run's folders are deleted after it (see docs/performance.md on ext4 without a
# journal, where recently deleted inodes make later file creation slow).
#
# 11 MB/s on these 4,534,709 bytes is 0.412 s. Skips, saying so, when ../shared is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
bench="$root/../shared/corpus/bench"
if [ ! -d "$bench" ]; then echo "skipped: $bench not found (benchmarks need the shared corpus)"; exit 0; fi
exe=${1:-$root/.build/release/docpipe}; runs=${2:-20}
tmp=$(mktemp -d "${SERIES_DIR:-/dev/shm}/docpipe-series.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
source "$root/scripts/lib/bench-inputs.sh"
link_un300 "$bench" "$tmp/un300"
warm_page_cache "$tmp/un300" "$exe"   # inputs and models read back from disk are not timed
for _ in $(seq "$runs"); do
  d="$tmp/run$RANDOM$RANDOM"
  "$exe" run "$tmp/un300" --config "$root/pipeline.json" --out "$d/o" --cache "$d/c" --jobs 2 --quiet
  python3 -c "import json,sys; print(json.load(open(sys.argv[1]))['seconds'])" "$d/o/run.json" >> "$tmp/seconds.txt"
  rm -rf "$d"
done
bytes=$(cat "$tmp"/un300/* | wc -c)
python3 - "$tmp/seconds.txt" "$bytes" <<'PY'
import statistics, sys
v = sorted(float(x) for x in open(sys.argv[1]))
mb = int(sys.argv[2]) / 1e6
q = lambda p: v[min(len(v) - 1, int(p * len(v)))]
med = statistics.median(v)
print(f"{len(v)} runs: best {v[0]:.3f} s ({mb / v[0]:.2f} MB/s), p10 {q(.1):.3f}, p25 {q(.25):.3f}, "
      f"median {med:.3f} s ({mb / med:.2f} MB/s), worst {v[-1]:.3f}; runs at 11 MB/s or more: {sum(mb / x >= 11 for x in v)}")
PY
