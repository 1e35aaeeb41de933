// ner-tool: release-mode driver for EntityStage's training, evaluation, lexicon and benchmark APIs,
// used until `docpipe train ner` / `docpipe eval ner` exist. Built by scripts/ner-tool.sh.
import DocPipe
import EntityStage
import Foundation

func value(_ name: String, _ args: [String]) -> String? {
    guard let i = args.firstIndex(of: name), i + 1 < args.count else { return nil }
    return args[i + 1]
}
func values(_ name: String, _ args: [String]) -> [String] {
    var out: [String] = []
    var i = 0
    while i < args.count { if args[i] == name, i + 1 < args.count { out.append(args[i + 1]); i += 2 } else { i += 1 } }
    return out
}
func fail(_ s: String) -> Never { FileHandle.standardError.write(Data((s + "\n").utf8)); exit(64) }

let args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first else { fail("usage: ner-tool train|eval|lexicon|bench …") }
let rest = Array(args.dropFirst())
let resources = value("--resources", rest).map { URL(fileURLWithPath: $0) }
do {
    switch command {
    case "train":
        guard let train = value("--train", rest), let out = value("--out", rest) else { fail("train --train FILE [--dev FILE] --out MODEL [--epochs N] [--bits B]") }
        var options = NERTrainer.Options()
        if let e = value("--epochs", rest).flatMap(Int.init) { options.epochs = e }
        if let b = value("--bits", rest).flatMap(Int.init) { options.bits = b }
        if let a = value("--pa", rest).flatMap(Float.init) { options.passiveAggressive = a }
        let report = try NERTrainer(options: options).train(
            train: URL(fileURLWithPath: train), dev: value("--dev", rest).map { URL(fileURLWithPath: $0) },
            output: URL(fileURLWithPath: out), resources: resources, log: { print($0) })
        print("wrote \(out): \(report.modelBytes) bytes, epoch \(report.bestEpoch)")
    case "eval":
        guard let gold = value("--gold", rest) else { fail("eval --gold FILE [--gold-map re3d] [--named-only] [--write-pred FILE]") }
        let start = Date()
        let labels = value("--gold-map", rest) == "re3d" ? NEREvaluator.re3dLabelMap : nil
        let result = try NEREvaluator(resources: resources).evaluate(goldFile: URL(fileURLWithPath: gold), goldLabels: labels,
                                                                     namedOnly: rest.contains("--named-only"))
        print(result.report())
        print(String(format: "(%.2f s)", Date().timeIntervalSince(start)))
        if let p = value("--write-pred", rest) { try Data(result.predictionsBIO().utf8).write(to: URL(fileURLWithPath: p)) }
    case "lexicon":
        guard let out = value("--out", rest) else { fail("lexicon --corpus DIR [--corpus DIR …] --out FILE") }
        let dirs = values("--corpus", rest).map { URL(fileURLWithPath: $0) }
        let n = try WordLexiconBuilder().build(corpus: dirs, output: URL(fileURLWithPath: out), log: { print($0) })
        print("wrote \(out): \(n) words")
    case "bench":
        let dirs = values("--corpus", rest).map { URL(fileURLWithPath: $0) }
        let limit = value("--mb", rest).flatMap(Double.init) ?? 20
        print(try EntityBenchmark.run(corpus: dirs, megabytes: limit))
    case "annotate":
        // annotate FILE…: one line per entity, "file<TAB>label<TAB>text<TAB>canonical[<TAB>iso3]".
        for path in rest where !path.hasPrefix("--") {
            let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            let doc = Document(id: "doc", source: SourceInfo(path: path, mediaType: "text/plain", byteCount: text.utf8.count, sha256: ""),
                               text: text, layers: [LayerName.sentences: EntityBenchmark.simpleSentences(text)])
            let out = try await Entities(options: Entities.Options()).process(doc, context: StageContext(instanceName: "entities", documentID: "doc"))
            let name = URL(fileURLWithPath: path).lastPathComponent
            for s in out.spans(LayerName.entities) {
                var line = "\(name)\t\(s.type)\t\(out.text(of: s))\t\(s.attributes["canonical"]?.stringValue ?? "")"
                if let iso = s.attributes["iso3"]?.stringValue { line += "\t\(iso)" }
                print(line)
            }
        }
    default:
        fail("unknown command \(command)")
    }
} catch {
    fail("error: \(error)")
}
