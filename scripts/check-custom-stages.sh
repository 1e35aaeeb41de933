#!/bin/sh
# The custom-stage checks that need full builds (too slow for the debug test suite), run in a
# scratch copy of the repository (tracked and new files, not .build or outputs):
#   1. the scaffold-stage plugin creates a stage that builds, whose test passes, and that
#      `docpipe stages` lists;
#   2. examples/python-stage runs through the real `docpipe run --jobs 2` (needs python3);
#   3. examples/custom-swift-stage builds, its tests pass, and its own tool runs its stage.
# Usage: scripts/check-custom-stages.sh        (exit status 0 when every check passes)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/docpipe-custom-stages.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
(cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$scratch"
cd "$scratch"
step() { printf '\n== %s\n' "$*"; }

step "1. scaffold plugin"
swift package --allow-writing-to-package-directory scaffold-stage --name Topics
swift build
swift test --filter TopicsStageTests
swift run docpipe stages | grep '^topics (version 1)'
swift test --filter ScaffoldTests

step "2. Python example stage through docpipe run --jobs 2"
if command -v python3 >/dev/null 2>&1; then
    (cd examples/python-stage && "$scratch/.build/debug/docpipe" run --jobs 2)
    grep -l '"topics"' examples/python-stage/out/documents/*.json | head -3
    test -z "$(cat examples/python-stage/out/errors.jsonl)"
else
    echo "SKIPPED: python3 is not on PATH"
fi

step "3. downstream package examples/custom-swift-stage"
cd examples/custom-swift-stage
swift build
swift test
swift run mydocpipe stages | grep '^quotes (version 1)'
swift run mydocpipe run --jobs 2
grep -l '"quotes"' out/documents/*.json | head -3
test -z "$(cat out/errors.jsonl)"
printf '\nall custom-stage checks passed\n'
