#!/usr/bin/env bash
# Rebuilds the bundled check-worthiness model deterministically (release build; about a minute):
#   scripts/train-claims.sh [DATA_DIR (default ../shared/eval/claims)]
# Writes Sources/ClaimStage/Resources/checkworthiness.bin and prints the dev scores that go into
# the model card (Sources/ClaimStage/Resources/README.md) and docs/claims.md. The same data
# gives the same bytes; compare `shasum -a 256` with the one in the model card.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DATA="${1:-$ROOT/../shared/eval/claims}"
"$ROOT/scripts/claims-tool.sh" train "$DATA" "$ROOT/Sources/ClaimStage/Resources/checkworthiness.bin"
if command -v sha256sum >/dev/null; then sha256sum "$ROOT/Sources/ClaimStage/Resources/checkworthiness.bin"
else shasum -a 256 "$ROOT/Sources/ClaimStage/Resources/checkworthiness.bin"; fi
