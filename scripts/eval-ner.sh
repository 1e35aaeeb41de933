#!/usr/bin/env bash
# Scores the shipped entities stage (release build) on CoNLL-2003 valid and re3d train, writes the
# predictions next to /tmp, and cross-checks the CoNLL figures with the reference scorer.
#   scripts/eval-ner.sh [SHARED_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${1:-$ROOT/../shared}"
RES="$ROOT/Sources/EntityStage/Resources"
"$ROOT/scripts/ner-tool.sh" eval --gold "$SHARED/eval/ner/conll2003-en/valid.txt" --resources "$RES" --write-pred /tmp/docpipe-ner-conll-valid.bio
echo
"$ROOT/scripts/ner-tool.sh" eval --gold "$SHARED/eval/ner/re3d/re3d-train.conll" --resources "$RES" --gold-map re3d --named-only --write-pred /tmp/docpipe-ner-re3d.bio
echo
echo "reference scorer (shared/tools/conll_score.py) on the CoNLL predictions:"
python3 "$SHARED/tools/conll_score.py" score "$SHARED/eval/ner/conll2003-en/valid.txt" /tmp/docpipe-ner-conll-valid.bio | head -2
