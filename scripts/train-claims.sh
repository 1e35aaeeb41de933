#!/usr/bin/env bash
# Rebuilds the bundled check-worthiness model deterministically (release build; about 5 minutes on
# a quiet 2-core machine: word vectors ~4 min, model ~1 min):
#   scripts/train-claims.sh [DATA_DIR (default ../shared/eval/claims)] [CORPUS_DIR (default ../shared/corpus/bench)]
# 1. learns the word vectors and clusters from the unlabelled corpus → Resources/claims-vectors.bin
#    (CLAIMS_SKIP_VECTORS=1 keeps the existing file);
# 2. trains the model on the labelled data with those vectors → Resources/checkworthiness.bin (+ .json)
#    and prints the dev scores that go into the model card (Sources/ClaimStage/Resources/README.md)
#    and docs/claims.md.
# The same data gives the same bytes; compare the SHA-256 sums printed with those in the model card.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${1:-$ROOT/../shared/eval/claims}"
CORPUS="${2:-$ROOT/../shared/corpus/bench}"
RES="$ROOT/Sources/ClaimStage/Resources"
if [ "${CLAIMS_SKIP_VECTORS:-0}" != 1 ]; then
    "$ROOT/scripts/claims-tool.sh" vectors "$RES/claims-vectors.bin" "$CORPUS"
fi
CLAIMS_VECTORS="$RES/claims-vectors.bin" "$ROOT/scripts/claims-tool.sh" train "$DATA" "$RES/checkworthiness.bin"
if command -v sha256sum >/dev/null; then sha256sum "$RES/claims-vectors.bin" "$RES/checkworthiness.bin"
else shasum -a 256 "$RES/claims-vectors.bin" "$RES/checkworthiness.bin"; fi
