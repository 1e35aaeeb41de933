#!/usr/bin/env bash
# Cross-checks ClaimEvaluator against the reference scorer shared/tools/claims_score.py on the
# two dev splits (ClaimBuster: SHA-256 of sentence_id ≡ 0 mod 10; CLEF: the 10 latest debates).
# Dev gold files are written to a temporary folder (the data is licence-restricted: never commit it).
#   scripts/check-claims-eval.sh [DATA_DIR (default ../shared/eval/claims)]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${1:-$ROOT/../shared/eval/claims}"
SCORER="$ROOT/../shared/tools/claims_score.py"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
python3 - "$DATA/claimbuster/train.json" "$TMP/cb-dev.json" <<'PY'
import hashlib, json, sys
rows = json.load(open(sys.argv[1], encoding="utf-8"))
dev = [r for r in rows if int(hashlib.sha256(str(r["sentence_id"]).encode()).hexdigest()[:16], 16) % 10 == 0]
json.dump(dev, open(sys.argv[2], "w", encoding="utf-8"))
PY
mkdir "$TMP/clef-dev"
for f in $(ls "$DATA/clef2020-checkthat-task5/training/"*.tsv | LC_ALL=C sort | tail -10); do cp "$f" "$TMP/clef-dev/"; done
status=0
for gold in "$TMP/cb-dev.json" "$TMP/clef-dev"; do
    ours="$("$ROOT/scripts/claims-tool.sh" eval "$gold" all "$TMP/pred.tsv" 2>/dev/null)"
    threshold="$(printf '%s\n' "$ours" | sed -n 's/.*at threshold //p')"
    reference="$(python3 "$SCORER" "$gold" "$TMP/pred.tsv" --threshold "$threshold")"
    printf '%s\n' "$ours"
    if [ "$(printf '%s\n' "$ours" | tail -2)" = "$reference" ]; then echo "  = claims_score.py agrees"
    else echo "  ≠ claims_score.py says:"; printf '%s\n' "$reference"; status=1; fi
done
exit $status
