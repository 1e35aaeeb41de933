#!/usr/bin/env bash
# Rebuilds the shipped NER resources deterministically (release build; about two minutes):
#   1. Sources/EntityStage/Resources/ner-lexicon.bin  from the unlabeled bench corpus
#   2. Sources/EntityStage/Resources/ner-model.bin    from CoNLL-2003 train, epoch count tuned on valid
# The training data is research-use only and is read from ../shared; it is never copied here.
#   scripts/train-ner.sh [SHARED_DIR]   (default: ../shared next to the repository)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${1:-$ROOT/../shared}"
RES="$ROOT/Sources/EntityStage/Resources"
BENCH="$SHARED/corpus/bench"
CONLL="$SHARED/eval/ner/conll2003-en"
"$ROOT/scripts/ner-tool.sh" lexicon --corpus "$BENCH/reuters21578" --corpus "$BENCH/ungdc" \
    --corpus "$BENCH/presidential-speeches" --out "$RES/ner-lexicon.bin"
"$ROOT/scripts/ner-tool.sh" train --train "$CONLL/train.txt" --dev "$CONLL/valid.txt" \
    --out "$RES/ner-model.bin" --resources "$RES"
sha256sum "$RES/ner-lexicon.bin" "$RES/ner-model.bin"
