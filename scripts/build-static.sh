#!/usr/bin/env bash
# A docpipe folder for machines without Swift (cluster workers): the release binary, with the Swift
# runtime and Foundation linked in (every Linux build of the docpipe executable is, see
# Package.swift), and the two resource bundles (entity model, check-worthiness model) beside it.
#   scripts/build-static.sh [DIST]     (default DIST: dist/docpipe-linux-<arch>)
#   DOCPIPE_TARGET_CPU=haswell scripts/build-static.sh [DIST]
#       compiled for that CPU and newer (haswell: AVX2, Intel 2013 / AMD 2015 on; check the workers
#       with `grep -m1 -o avx2 /proc/cpuinfo`). About 4 % less CPU on the project machine, outputs
#       byte-identical (Swift never fuses a multiply and an add); a worker without the instructions
#       stops with "Illegal instruction" at once. An unknown name makes swiftc list the known ones.
# Copy the whole DIST folder to the workers; run DIST/docpipe. It needs only glibc, libstdc++ and
# libgcc_s, which every Linux distribution has.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist/docpipe-linux-$(uname -m)}
cpu=${DOCPIPE_TARGET_CPU:-}
if [ -n "$cpu" ]; then
    scratch=.build-cpu-$cpu
    swift build -c release --product docpipe --scratch-path "$scratch" -Xswiftc -target-cpu -Xswiftc "$cpu"
else
    scratch=.build
    swift build -c release --product docpipe
fi
if ldd "$scratch/release/docpipe" | grep -q libswiftCore; then
    echo "$scratch/release/docpipe links the Swift runtime dynamically: Package.swift should link it in" >&2; exit 1
fi
rm -rf "$dist"
mkdir -p "$dist"
cp "$scratch/release/docpipe" "$dist/"
cp -R "$scratch"/release/*.resources "$dist/"
echo "wrote $dist: $(du -sh "$dist" | cut -f1)${cpu:+ (for $cpu and newer)}"
ldd "$dist/docpipe" | sed 's/^/  /'
