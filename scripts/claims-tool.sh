#!/usr/bin/env bash
# Builds (release) and runs a small driver over the ClaimStage API, independent of the CLI:
#   scripts/claims-tool.sh train [DATA_DIR] [OUT_MODEL]
#   scripts/claims-tool.sh eval GOLD [all|dev|train] [PREDICTIONS_TSV]
# The driver package is generated under .build/claims-tool (ignored by git) and depends on this
# repository by path. `docpipe train claims` / `docpipe eval claims` call the same API.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
TOOL="$ROOT/.build/claims-tool"
mkdir -p "$TOOL/Sources/claims-tool"
cat > "$TOOL/Package.swift" <<SWIFT
// swift-tools-version:6.0
import PackageDescription
let package = Package(
    name: "claims-tool",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "docpipe", path: "$ROOT")],
    targets: [.executableTarget(name: "claims-tool", dependencies: [.product(name: "DocPipeStages", package: "docpipe")])]
)
SWIFT
cat > "$TOOL/Sources/claims-tool/main.swift" <<'SWIFT'
import ClaimStage
import Foundation

let args = CommandLine.arguments.dropFirst()
func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(64)
}
switch args.first {
case "train":
    let rest = Array(args.dropFirst())
    let data = rest.count > 0 ? rest[0] : "../shared/eval/claims"
    let out = rest.count > 1 ? rest[1] : "Sources/ClaimStage/Resources/checkworthiness.bin"
    var config = ClaimTrainer.Configuration()
    let env = ProcessInfo.processInfo.environment
    if let v = env["CLAIMS_EPOCHS"].flatMap(Int.init) { config.epochs = v }
    if let v = env["CLAIMS_LR"].flatMap(Double.init) { config.learningRate = v }
    if let v = env["CLAIMS_L2"].flatMap(Double.init) { config.l2 = v }
    if let v = env["CLAIMS_CLEF_WEIGHT"].flatMap(Double.init) { config.clefWeight = v }
    if let v = env["CLAIMS_CLEF_POS"].flatMap(Double.init) { config.clefPositiveWeight = v }
    if let v = env["CLAIMS_BITS"].flatMap(Int.init) { config.bits = v }
    if let v = env["CLAIMS_GROUPS"].flatMap(UInt32.init) { config.featureGroups = v }
    let result = try ClaimTrainer(dataDirectory: data, configuration: config).train { print($0) }
    try Data(result.model.bytes).write(to: URL(fileURLWithPath: out))
    print(result.summary)
    print("wrote \(out)")
case "eval":
    let rest = Array(args.dropFirst())
    guard let gold = rest.first else { fail("usage: eval GOLD [all|dev|train] [PREDICTIONS_TSV]") }
    let subset = rest.count > 1 ? ClaimEvaluator.Subset(rawValue: rest[1]) ?? .all : .all
    let model = ProcessInfo.processInfo.environment["CLAIMS_MODEL"].map { path in
        try! CheckworthinessModel(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: path))))
    } ?? CheckworthinessModel.bundled
    let report = try ClaimEvaluator(model: model).evaluate(goldPath: gold, subset: subset)
    print(report.rendered())
    if rest.count > 2 { try Data(report.predictionsTSV.utf8).write(to: URL(fileURLWithPath: rest[2])) }
default:
    fail("usage: claims-tool train [DATA_DIR] [OUT_MODEL] | eval GOLD [all|dev|train] [PREDICTIONS_TSV]")
}
SWIFT
swift build -c release --package-path "$TOOL" --product claims-tool >&2
cd "$ROOT"
exec "$TOOL/.build/release/claims-tool" "$@"
