import DocPipe
import Foundation

/// Reads each file as UTF-8 text; a file whose text starts with "FAIL" fails; lines of a .multi
/// file become one document each.
struct TestIngest: SourceStage {
    static let id = "test-ingest"
    static let version = 1
    static let summary = "test ingest"
    static let produces = ["text"]
    init(options: NoOptions) {}
    func mayHoldManyDocuments(_ relativePath: String) -> Bool { relativePath.hasSuffix(".multi") }
    func ingest(_ input: SourceInput, context: StageContext) async throws -> [IngestResult] {
        let text = String(decoding: input.bytes, as: UTF8.self)
        if text.hasPrefix("FAIL") { throw StageError(code: "test.fail", "refused \(input.relativePath)") }
        let source = SourceInfo(path: input.relativePath, mediaType: "text/plain", byteCount: input.bytes.count, sha256: input.sha256)
        if input.fileExtension == "multi" {
            return text.split(separator: "\n").enumerated().map { i, line in
                line == "BAD" ? .failure(id: "\(input.documentID)-L\(i + 1)", message: "line \(i + 1) is bad")
                    : .document(Document(id: DocumentID.from(fileID: input.documentID, record: "L\(i + 1)"), source: source, text: String(line)))
            }
        }
        return [.document(Document(id: input.documentID, source: source, text: text))]
    }
}

/// Adds a "words" layer; its `suffix` option is stored on each span.
struct TestWords: DocumentStage {
    struct Options: StageOptions {
        var suffix = ""
        var minLength = 1
        init() {}
        func validate() -> [String] { minLength < 1 ? ["minLength must be at least 1"] : [] }
    }
    static let id = "test-words"
    static let version = 1
    static let summary = "test words"
    static let requires = ["text"]
    static let produces = ["words"]
    let options: Options
    init(options: Options) { self.options = options }
    func process(_ document: Document, context: StageContext) async throws -> Document {
        var d = document
        var spans: [Span] = []
        var start: Int?
        for (i, s) in d.text.unicodeScalars.enumerated() {
            if s == " " || s == "\n" {
                if let b = start, i - b >= options.minLength { spans.append(Span(start: b, end: i, type: "word", attributes: ["suffix": .string(options.suffix)])) }
                start = nil
            } else if start == nil { start = i }
        }
        let n = d.text.unicodeScalars.count
        if let b = start, n - b >= options.minLength { spans.append(Span(start: b, end: n, type: "word", attributes: ["suffix": .string(options.suffix)])) }
        d.setLayer("words", spans)
        return d
    }
}

/// Writes one file per document and a corpus CSV of word counts.
struct TestExport: DocumentStage {
    static let id = "test-export"
    static let version = 1
    static let summary = "test export"
    static let writesFiles = true
    init(options: NoOptions) {}
    func process(_ document: Document, context: StageContext) async throws -> Document {
        context.write(file: "docs/\(document.id).json", bytes: JSONWriter(pretty: true).bytes(document.json))
        context.append(part: "counts.csv", bytes: Array("\(document.id),\(document.spans("words").count)\n".utf8))
        return document
    }
    func finish(_ corpus: CorpusContext) async throws {
        try corpus.write(file: "counts.csv", header: Array("id,words\n".utf8), part: "counts.csv", footer: [])
    }
}

let testRegistry = StageRegistry([
    StageDescriptor(TestIngest.self), StageDescriptor(TestWords.self), StageDescriptor(TestExport.self),
])

/// A temporary folder with files, removed at deinit.
final class TempTree {
    let url: URL
    init(_ files: [String: String] = [:]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("docpipe-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, text) }
    }
    func write(_ path: String, _ text: String) throws {
        let u = url.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: u)
    }
    func read(_ path: String) -> String? { try? String(contentsOf: url.appendingPathComponent(path), encoding: .utf8) }
    /// Every regular file below `path`, relative path → bytes.
    func snapshot(_ path: String, excluding: Set<String> = ["run.json"]) -> [String: Data] {
        let root = url.appendingPathComponent(path)
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: root.path)
        while let rel = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            let full = root.appendingPathComponent(rel)
            // The parts store is bookkeeping in arrival order (`PartStore`), checked by its own tests.
            if FileManager.default.fileExists(atPath: full.path, isDirectory: &isDir), !isDir.boolValue,
               !excluding.contains(rel), !rel.hasPrefix(".docpipe-parts/") { out[rel] = FileManager.default.contents(atPath: full.path) }
        }
        return out
    }
    deinit { try? FileManager.default.removeItem(at: url) }
}

func testConfig(_ json: String, in tree: TempTree) throws -> PipelineConfig {
    try PipelineConfig.parse(bytes: Array(json.utf8), file: "pipeline.json", baseDirectory: tree.url, registry: testRegistry)
}

let standardPipeline = """
    {"version": 1, "inputs": ["in"], "output": "out", "cache": "cache",
     "stages": [{"stage": "test-ingest"}, {"stage": "test-words", "options": {"suffix": "s"}}, {"stage": "test-export"}]}
    """

func run(_ config: PipelineConfig, _ tree: TempTree, jobs: Int = 2, out: String = "out", cache: Bool = true) async throws -> RunReport {
    try await PipelineRunner(config: config, options: RunOptions(
        inputs: config.inputs.map { tree.url.appendingPathComponent($0) }, outputDirectory: tree.url.appendingPathComponent(out),
        cacheDirectory: cache ? tree.url.appendingPathComponent("cache") : nil, jobs: jobs)).run()
}
