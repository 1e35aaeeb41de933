import Foundation

/// Stream mode: JSON Lines records in, exactly one JSON Lines result per input line out, in
/// input order, with bounded memory. Pure exporters (stages that write files and produce no
/// layer) are skipped, and files other stages write are dropped: the result line is the document
/// after the last other stage, or an error record.
public struct StreamRunner: Sendable {
    /// The pipeline.
    public let config: PipelineConfig
    /// The cache folder (nil: none).
    public let cacheDirectory: URL?
    /// Lines processed at once.
    public let jobs: Int

    /// Creates a stream runner.
    public init(config: PipelineConfig, cacheDirectory: URL?, jobs: Int) {
        self.config = config
        self.cacheDirectory = cacheDirectory
        self.jobs = max(1, jobs)
    }

    /// What happened.
    public struct Report: Sendable {
        /// Input lines read.
        public var lines = 0
        /// Documents that came out whole.
        public var ok = 0
        /// Error records written.
        public var failed = 0
        /// Of those, failures that may succeed if retried (timeouts, crashed workers).
        public var retryable = 0
        /// Run-level warnings.
        public var warnings: [String] = []
    }

    /// Reads lines from `next` (nil at end of input) and hands each result line to `emit`, in order.
    public func run(next: @escaping @Sendable () -> String?, emit: @Sendable (String) throws -> Void) async throws -> Report {
        var streamConfig = config
        // Pure exporters (stages that write files and produce nothing) have no place in a stream.
        streamConfig.stages = config.stages.enumerated().filter { $0.offset == 0 || !$0.element.isPureExporter }.map(\.element)
        let state = RunState(stages: streamConfig.stages, cache: cacheDirectory.map(ArtifactCache.init(directory:)), journalDirectory: nil)
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("docpipe-stream-\(getpid())")
        let spool = PartSpool(directory: scratch)
        defer { spool.close() }
        let worker = DocumentWorker(config: streamConfig, state: state, output: OutputFolder(root: scratch), spool: spool)
        var report = Report()
        let window = jobs * 4
        try await withThrowingTaskGroup(of: (Int, String, Outcome).self) { group in
            var read = 0, emitted = 0
            var pending: [Int: (String, Outcome)] = [:]
            func schedule() -> Bool {
                guard let line = next() else { return false }
                let n = read
                read += 1
                group.addTask { await StreamRunner.process(line: line, number: n + 1, worker: worker) }
                return true
            }
            while read < window, schedule() {}
            while let (n, out, outcome) = try await group.next() {
                pending[n] = (out, outcome)
                while let (line, o) = pending.removeValue(forKey: emitted) {
                    try emit(line)
                    emitted += 1
                    switch o {
                    case .ok: report.ok += 1
                    case .failed(let retry): report.failed += 1; if retry { report.retryable += 1 }
                    }
                }
                _ = schedule()
            }
            report.lines = read
        }
        report.warnings = state.report().warnings
        return report
    }

    enum Outcome: Sendable { case ok, failed(retryable: Bool) }

    /// The id of a record: its "id" member when present, else `line-N`.
    static func recordID(_ line: String, number: Int) -> String {
        if let v = try? JSONParser.parse(line), let id = v["id"] {
            if let s = id.stringValue, !s.isEmpty { return DocumentID.sanitize(s) }
            if let i = id.intValue { return String(i) }
        }
        return "line-\(number)"
    }

    static func process(line: String, number: Int, worker: DocumentWorker) async -> (Int, String, Outcome) {
        let id = recordID(line, number: number)
        func failure(_ stage: String, _ code: String, _ message: String, retryable: Bool = false) -> (Int, String, Outcome) {
            let record: JSONValue = ["id": .string(id), "line": .int(number),
                                     "error": ["stage": .string(stage), "code": .string(code), "message": .string(message), "retryable": .bool(retryable)]]
            return (number - 1, JSONWriter().string(record), .failed(retryable: retryable))
        }
        if line.allSatisfy({ $0.isWhitespace }) { return failure("", "input.empty", "line \(number) is empty") }
        let bytes = Array(line.utf8)
        let file = InputFile(url: URL(fileURLWithPath: "/dev/stdin"), relativePath: "stdin/\(id).jsonl")
        let source = SourceLoader(worker: worker, file: file, fileID: id, digest: SHA256.hex(of: bytes), bytes: bytes)
        let stages = worker.config.stages
        do {
            let manifest = try await source.manifest()
            if let f = manifest.failures.first {
                // The stream line was read as a one-line JSON Lines file, whose messages say "line 1".
                let message = f.message.hasPrefix("line 1: ") ? "line \(number): " + f.message.dropFirst(8) : f.message
                return failure(stages[0].name, "ingest.record", message)
            }
            guard manifest.documents.count == 1, let docID = manifest.documents.first else {
                return failure(stages[0].name, "ingest.records", "line \(number) held \(manifest.documents.count) documents; expected one")
            }
            let keys = worker.keys.chain(sourceKey: source.key, documentID: docID)
            var resolver = ChainResolver(worker: worker, source: source, documentID: docID, position: 0, keys: keys)
            var document = try await resolver.document(after: stages.count - 1)
            document.id = id
            return (number - 1, JSONWriter().string(document.json), .ok)
        } catch let f as ChainFailure {
            return failure(stages[f.stage].name, f.code, f.message, retryable: f.retryable)
        } catch {
            return failure("", "internal", "\(error)")
        }
    }
}
