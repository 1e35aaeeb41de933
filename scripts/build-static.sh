#!/usr/bin/env bash
# A docpipe binary for machines without Swift (cluster workers): the Swift runtime linked in
# statically, and the two resource bundles (entity model, check-worthiness model) beside it.
#   scripts/build-static.sh [DIST]     (default DIST: dist/docpipe-linux-<arch>)
# Copy the whole DIST folder to the workers; run DIST/docpipe. It needs only glibc, libstdc++ and
# libgcc_s, which every Linux distribution has.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist/docpipe-linux-$(uname -m)}
swift build -c release --static-swift-stdlib --product docpipe --scratch-path .build-static
rm -rf "$dist"
mkdir -p "$dist"
cp .build-static/release/docpipe "$dist/"
cp -R .build-static/release/*.resources "$dist/"
echo "wrote $dist: $(du -sh "$dist" | cut -f1)"
ldd "$dist/docpipe" | sed 's/^/  /'
