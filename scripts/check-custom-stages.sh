#!/bin/sh
# The custom-stage checks that need full builds (too slow for the debug test suite), run in a
# scratch copy of the repository (tracked and new files, not .build or outputs):
#   1. the scaffold-stage plugin creates a stage that builds, whose test passes, and that
#      `docpipe stages` lists;
#   2. examples/python-stage runs through the real `docpipe run --jobs 2` (needs python3);
#   3. examples/custom-swift-stage builds, its tests pass, and its own tool runs its stage;
#   4. a package that depends on a tagged release of docpipe (a versioned dependency, where
#      SwiftPM refuses targets with unsafe build flags) resolves the three library products: the
#      executable's `-static-stdlib` (Package.swift) must stay on the executable (needs git).
# Usage: scripts/check-custom-stages.sh        (exit status 0 when every check passes)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
scratch=$(mktemp -d "${TMPDIR:-/tmp}/docpipe-custom-stages.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
sources() { (cd "$root" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -); }
sources | tar -xf - -C "$scratch"
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

step "4. a versioned dependency on the library products"
release="$scratch/release/docpipe" consumer="$scratch/release/consumer"
mkdir -p "$release" "$consumer/Sources/Consumer"
sources | tar -xf - -C "$release"
git -C "$release" init -q
git -C "$release" add -A
git -C "$release" -c user.name=check -c user.email=check@localhost commit -qm release
git -C "$release" tag 0.0.1
cat > "$consumer/Package.swift" <<EOF
// swift-tools-version:6.0
import PackageDescription
let package = Package(name: "consumer",
    dependencies: [.package(url: "file://$release", exact: "0.0.1")],
    targets: [.target(name: "Consumer", dependencies: [
        .product(name: "DocPipe", package: "docpipe"), .product(name: "DocPipeStages", package: "docpipe"),
        .product(name: "DocPipeCLI", package: "docpipe")])])
EOF
echo 'import DocPipe' > "$consumer/Sources/Consumer/Consumer.swift"
(cd "$consumer" && swift package show-dependencies) > "$scratch/deps.txt" 2>&1 || { cat "$scratch/deps.txt"; exit 1; }
if grep -q 'unsafe build flags' "$scratch/deps.txt"; then cat "$scratch/deps.txt"; exit 1; fi
cat "$scratch/deps.txt"

printf '\nall custom-stage checks passed\n'
