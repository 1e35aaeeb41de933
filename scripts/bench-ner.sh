#!/usr/bin/env bash
# Throughput of the entities stage in a release build, one core (thread CPU time), on the bench corpus.
#   scripts/bench-ner.sh [SHARED_DIR] [MB per folder, default 10]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${1:-$ROOT/../shared}"
MB="${2:-10}"
for d in ungdc presidential-speeches reuters21578; do
    echo "== bench/$d"
    "$ROOT/scripts/ner-tool.sh" bench --corpus "$SHARED/corpus/bench/$d" --mb "$MB" 2>/dev/null
done
