#!/usr/bin/env bash
# Builds (release) and runs a small driver over the ClaimStage API, independent of the CLI:
#   scripts/claims-tool.sh train [DATA_DIR] [OUT_MODEL]
#   scripts/claims-tool.sh vectors OUT_FILE DIR...   (word vectors + clusters from unlabelled text)
#   scripts/claims-tool.sh eval GOLD [all|dev|train] [PREDICTIONS_TSV]   (CLAIMS_MODEL=FILE: another model)
#   scripts/claims-tool.sh tag FILE      (claims of a plain-text file, for eyeballing)
#   scripts/claims-tool.sh bench DIR     (CPU time of the stage alone over .txt/.sgm files)
# Experiments: CLAIMS_EPOCHS, CLAIMS_LR, CLAIMS_L2, CLAIMS_CLEF_WEIGHT, CLAIMS_CLEF_POS, CLAIMS_BITS,
# CLAIMS_GROUPS, CLAIMS_NB, CLAIMS_AVG, CLAIMS_VECTORS override ClaimTrainer.Configuration for `train`.
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
import DocPipe
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
    if let v = env["CLAIMS_NB"].flatMap(Double.init) { config.naiveBayesScaling = v }
    if let v = env["CLAIMS_AVG"] { config.averaging = v == "1" }
    if let v = env["CLAIMS_GROUPS"].flatMap(UInt32.init) { config.featureGroups = v }
    if let v = env["CLAIMS_VECTORS"] { config.vectorsPath = v }
    if let v = env["CLAIMS_HIDDEN"].flatMap(Int.init) { config.denseHidden = v }
    if let v = env["CLAIMS_DENSE_EPOCHS"].flatMap(Int.init) { config.denseEpochs = v }
    if let v = env["CLAIMS_DENSE_LR"].flatMap(Double.init) { config.denseLearningRate = v }
    if let v = env["CLAIMS_DENSE_L2"].flatMap(Double.init) { config.denseL2 = v }
    if let v = env["CLAIMS_BAGS"].flatMap(Int.init) { config.denseBags = v }
    let result: ClaimTrainer.Result
    do { result = try ClaimTrainer(dataDirectory: data, configuration: config).train { print($0) } } catch { fail("train: \(error)") }
    try result.write(modelPath: out)
    print(result.summary)
    print("wrote \(out) and its .json metadata")
case "vectors":
    // Learns the word vectors (and clusters) from unlabelled text folders.
    let rest = Array(args.dropFirst())
    guard rest.count >= 2 else { fail("usage: vectors OUT_FILE DIR...") }
    var trainer = WordVectorTrainer()
    let env = ProcessInfo.processInfo.environment
    if let v = env["CLAIMS_VEC_DIM"].flatMap(Int.init) { trainer.dimensions = v }
    if let v = env["CLAIMS_VEC_EPOCHS"].flatMap(Int.init) { trainer.epochs = v }
    if let v = env["CLAIMS_VEC_WORDS"].flatMap(Int.init) { trainer.maxWords = v }
    if let v = env["CLAIMS_VEC_WINDOW"].flatMap(Int.init) { trainer.window = v }
    let vectors = try trainer.train(corpus: Array(rest.dropFirst())) { print($0) }
    try Data(vectors.bytes).write(to: URL(fileURLWithPath: rest[0]))
    print("wrote \(rest[0]): \(vectors.count) words × \(vectors.dimensions)")
case "eval":
    let rest = Array(args.dropFirst())
    guard let gold = rest.first else { fail("usage: eval GOLD [all|dev|train] [PREDICTIONS_TSV]") }
    let subset = rest.count > 1 ? ClaimEvaluator.Subset(rawValue: rest[1]) ?? .all : .all
    var model = try ProcessInfo.processInfo.environment["CLAIMS_MODEL"].map { try CheckworthinessModel(contentsOf: $0) }
        ?? CheckworthinessModel.bundled
    if let v = ProcessInfo.processInfo.environment["CLAIMS_VECTORS"], model?.vectors != nil { model?.vectors = try WordVectors(contentsOf: v) }
    let report = try ClaimEvaluator(model: model).evaluate(goldPath: gold, subset: subset)
    print(report.rendered())
    if rest.count > 2 { try Data(report.predictionsTSV.utf8).write(to: URL(fileURLWithPath: rest[2])) }
case "tag":
    // Prints the claims of a plain-text file (sentences from a simple splitter, no entities layer).
    guard let path = args.dropFirst().first else { fail("usage: tag FILE") }
    let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    let scalars = Array(text.unicodeScalars)
    var sentences: [Span] = []
    var start = 0
    for i in scalars.indices where scalars[i] == "\n" || ((scalars[i] == "." || scalars[i] == "?") && i + 1 < scalars.count && scalars[i + 1] == " ") {
        if i + 1 - start > 1 { sentences.append(Span(start: start, end: i + 1, type: "sentence")) }
        start = i + 1
    }
    let doc = Document(id: "x", source: SourceInfo(path: "x", mediaType: "text/plain", byteCount: 0, sha256: ""), text: text,
                       layers: ["sentences": sentences, "entities": []])
    let out = try await Claims(options: .init()).process(doc, context: StageContext(instanceName: "claims", documentID: "x"))
    for c in out.spans("claims") {
        let kinds = c.attributes["kinds"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ",") ?? ""
        let hedges = c.attributes["hedges"]?.arrayValue?.compactMap { $0["text"]?.stringValue }.joined(separator: "|") ?? ""
        let who = c.attributes["attribution"]?["text"]?.stringValue ?? ""
        print("\(c.attributes["checkworthiness"]!)\t[\(kinds)] h=\(hedges) a=\(who)\t\(doc.text(of: c).trimmingCharacters(in: .whitespaces))")
    }
case "bench":
    // Times the Claims stage alone over every file under a folder (sentences from a simple
    // splitter built before timing; no entities layer), in a release build.
    guard let dir = args.dropFirst().first else { fail("usage: bench DIR") }
    let files = FileManager.default.enumerator(atPath: dir)!.compactMap { $0 as? String }
        .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".sgm") }.sorted()
    var docs: [Document] = []
    var total = 0
    for f in files {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/" + f)), as: UTF8.self)
        total += text.utf8.count
        var sentences: [Span] = []
        var start = 0, i = 0
        let scalars = Array(text.unicodeScalars)
        while i < scalars.count {
            let c = scalars[i]
            if c == "\n" || ((c == "." || c == "?" || c == "!") && i + 1 < scalars.count && scalars[i + 1] == " ") {
                if i + 1 - start > 1 { sentences.append(Span(start: start, end: i + 1, type: "sentence")) }
                start = i + 1
            }
            i += 1
        }
        if start < scalars.count { sentences.append(Span(start: start, end: scalars.count, type: "sentence")) }
        docs.append(Document(id: f, source: SourceInfo(path: f, mediaType: "text/plain", byteCount: text.utf8.count, sha256: ""),
                             text: text, layers: ["sentences": sentences, "entities": []]))
    }
    var benchModel = try ProcessInfo.processInfo.environment["CLAIMS_MODEL"].map { try CheckworthinessModel(contentsOf: $0) }
        ?? CheckworthinessModel.bundled
    if let v = ProcessInfo.processInfo.environment["CLAIMS_VECTORS"], benchModel?.vectors != nil { benchModel?.vectors = try WordVectors(contentsOf: v) }
    let stage = try Claims(options: .init(), model: benchModel)
    func cpuSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
    }
    var claims = 0, sentenceCount = 0
    var outs: [Document] = []
    let started = cpuSeconds()
    for d in docs {
        let out = try await stage.process(d, context: StageContext(instanceName: "claims", documentID: d.id))
        claims += out.spans("claims").count
        sentenceCount += d.spans("sentences").count
        outs.append(out)
    }
    let seconds = cpuSeconds() - started
    var checkworthy = 0
    var onlyKind: [String: Int] = [:]
    for o in outs {
        for c in o.spans("claims") {
            if c.attributes["checkworthy"] == .bool(true) { checkworthy += 1; continue }
            let k = c.attributes["kinds"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ",") ?? ""
            onlyKind[k, default: 0] += 1
        }
    }
    print("check-worthy claims: \(checkworthy); others by kinds (top 12):")
    for (k, n) in onlyKind.sorted(by: { $0.value > $1.value }).prefix(12) { print("  \(n)\t\(k)") }
    print("\(files.count) files, \(total) bytes, \(sentenceCount) sentences, \(claims) claims in \(seconds) s CPU: "
          + "\(Double(total) / seconds / 1e6) MB/s")
default:
    fail("usage: claims-tool train [DATA_DIR] [OUT_MODEL] | eval GOLD [all|dev|train] [PREDICTIONS_TSV]")
}
SWIFT
swift build -c release --package-path "$TOOL" --product claims-tool >&2
cd "$ROOT"
exec "$TOOL/.build/release/claims-tool" "$@"
