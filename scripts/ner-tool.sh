#!/usr/bin/env bash
# Builds scripts/ner-tool in release mode as a throwaway SwiftPM package under .build/ner-tool
# (symlinking Sources/DocPipe and Sources/EntityStage), then runs it with the given arguments.
#   scripts/ner-tool.sh train --train T --dev D --out Sources/EntityStage/Resources/ner-model.bin
#   scripts/ner-tool.sh eval --gold ../shared/eval/ner/conll2003-en/valid.txt [--write-pred FILE]
#   scripts/ner-tool.sh lexicon --corpus DIR … --out Sources/EntityStage/Resources/ner-lexicon.bin
#   scripts/ner-tool.sh bench --corpus ../shared/corpus/bench/ungdc [--mb 20]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
PKG="$ROOT/.build/ner-tool"
mkdir -p "$PKG/Sources/ner-tool"
ln -sfn "$ROOT/Sources/DocPipe" "$PKG/Sources/DocPipe"
ln -sfn "$ROOT/Sources/EntityStage" "$PKG/Sources/EntityStage"
ln -sf "$ROOT/scripts/ner-tool/main.swift" "$PKG/Sources/ner-tool/main.swift"
cat > "$PKG/Package.swift" <<'MANIFEST'
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "ner-tool",
    platforms: [.macOS(.v13)],
    targets: [
        .target(name: "DocPipe"),
        .target(name: "EntityStage", dependencies: ["DocPipe"], resources: [.copy("Resources")]),
        .executableTarget(name: "ner-tool", dependencies: ["DocPipe", "EntityStage"]),
    ],
    swiftLanguageModes: [.v6]
)
MANIFEST
(cd "$PKG" && swift build -c release --product ner-tool >&2)
cd "$ROOT"
exec "$PKG/.build/release/ner-tool" "$@"
