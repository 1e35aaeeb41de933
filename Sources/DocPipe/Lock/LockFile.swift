import Foundation

/// docpipe.lock: what a run produced, so CI can prove a later run reproduces it.
///
/// One JSON object per line, with sorted keys: a header line (format and config digest), one
/// line per stage instance (id, version, options digest, fingerprint digest), then one line per
/// document in input order (input digest and each stage's output digest). A diff of two locks
/// is readable, and changes to different documents merge cleanly.
public struct LockFile: Sendable, Equatable {
    /// The lock format version.
    public static let formatVersion = 1
    /// The file name, next to pipeline.json.
    public static let fileName = "docpipe.lock"

    /// One stage instance.
    public struct Stage: Sendable, Equatable {
        /// Instance name.
        public var name: String
        /// Stage id.
        public var stageID: String
        /// Stage version.
        public var version: Int
        /// SHA-256 of the canonical options.
        public var options: String
        /// SHA-256 of the extra cache-key material (external stage command and files).
        public var fingerprint: String

        /// From a configured stage.
        public init(_ s: ConfiguredStage) {
            name = s.name
            stageID = s.stageID
            version = s.version
            options = s.optionsDigest
            fingerprint = SHA256.hex(of: JSONWriter().bytes(s.fingerprint))
        }

        init(name: String, stageID: String, version: Int, options: String, fingerprint: String) {
            self.name = name
            self.stageID = stageID
            self.version = version
            self.options = options
            self.fingerprint = fingerprint
        }

        var json: JSONValue {
            ["name": .string(name), "stage": .string(stageID), "version": .int(version), "options": .string(options),
             "fingerprint": .string(fingerprint)]
        }
    }

    /// One document.
    public struct Entry: Sendable, Equatable {
        /// Document id.
        public var document: String
        /// Input file (relative path).
        public var source: String
        /// SHA-256 of the raw input file.
        public var input: String
        /// Output digest by stage instance name.
        public var outputs: [String: String]

        /// Creates an entry.
        public init(document: String, source: String, input: String, outputs: [String: String]) {
            self.document = document
            self.source = source
            self.input = input
            self.outputs = outputs
        }

        /// Reads an entry from its JSON form (nil when it is not one).
        init?(json v: JSONValue) {
            guard let d = v["document"]?.stringValue else { return nil }
            self.init(document: d, source: v["source"]?.stringValue ?? "", input: v["input"]?.stringValue ?? "",
                      outputs: (v["outputs"]?.objectValue ?? [:]).compactMapValues(\.stringValue))
        }

        var json: JSONValue {
            ["document": .string(document), "source": .string(source), "input": .string(input),
             "outputs": .object(outputs.mapValues { .string($0) })]
        }

        /// `JSONWriter().bytes(json)`, written directly (one line per document in a lock file;
        /// a warm run writes one per document, so no `JSONValue` is built).
        var jsonBytes: [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(160 + document.utf8.count + source.utf8.count + outputs.count * 80)
            out += #"{"document":"#.utf8
            JSONWriter.appendString(document, to: &out)
            out += #","input":"#.utf8
            JSONWriter.appendString(input, to: &out)
            out += #","outputs":{"#.utf8
            for (n, key) in outputs.keys.sorted(by: JSONWriter.utf8Less).enumerated() {
                if n > 0 { out.append(UInt8(ascii: ",")) }
                JSONWriter.appendString(key, to: &out)
                out.append(UInt8(ascii: ":"))
                JSONWriter.appendString(outputs[key]!, to: &out)
            }
            out += #"},"source":"#.utf8
            JSONWriter.appendString(source, to: &out)
            out.append(UInt8(ascii: "}"))
            return out
        }
    }

    /// The config digest.
    public var config: String
    /// Stage instances in pipeline order.
    public var stages: [Stage]
    /// Documents in input order.
    public var documents: [Entry]

    /// Creates a lock.
    public init(config: String, stages: [Stage], documents: [Entry]) {
        self.config = config
        self.stages = stages
        self.documents = documents
    }

    /// The lock for a config and the entries of a run.
    public init(config: PipelineConfig, documents: [Entry]) {
        self.init(config: config.digest, stages: config.stages.map(Stage.init), documents: documents)
    }

    /// The file's text.
    public var text: String {
        var lines = [JSONWriter().string(["docpipeLock": .int(LockFile.formatVersion), "config": .string(config)])]
        lines += stages.map { JSONWriter().string($0.json) }
        lines += documents.map { JSONWriter().string($0.json) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Parses a lock file's text.
    public init(text: String) throws(DocumentFormatError) {
        var config: String?
        var stages: [Stage] = []
        var docs: [Entry] = []
        for (n, line) in text.split(separator: "\n").enumerated() {
            let v: JSONValue
            do { v = try JSONParser.parse(String(line)) } catch {
                throw DocumentFormatError("docpipe.lock line \(n + 1): \(error.message)")
            }
            if let c = v["config"]?.stringValue, v["docpipeLock"] != nil {
                config = c
            } else if let name = v["name"]?.stringValue, let id = v["stage"]?.stringValue {
                stages.append(Stage(name: name, stageID: id, version: v["version"]?.intValue ?? 0,
                                    options: v["options"]?.stringValue ?? "", fingerprint: v["fingerprint"]?.stringValue ?? ""))
            } else if let entry = Entry(json: v) {
                docs.append(entry)
            } else {
                throw DocumentFormatError("docpipe.lock line \(n + 1): not a header, stage or document line")
            }
        }
        guard let config else { throw DocumentFormatError("docpipe.lock has no header line") }
        self.init(config: config, stages: stages, documents: docs)
    }

    /// Reads a lock file; nil when it does not exist.
    public static func read(_ url: URL) throws -> LockFile? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try LockFile(text: String(decoding: data, as: UTF8.self))
    }

    /// Every difference between an expected lock (`self`) and what a run produced, in readable lines.
    public func differences(from actual: LockFile) -> [String] {
        var out: [String] = []
        if config != actual.config { out.append("pipeline configuration changed (config digest \(config.prefix(12)) → \(actual.config.prefix(12)))") }
        let old = Dictionary(stages.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for s in actual.stages {
            guard let o = old[s.name] else { out.append("stage '\(s.name)' is new"); continue }
            if o.stageID != s.stageID { out.append("stage '\(s.name)' is now '\(s.stageID)' (was '\(o.stageID)')") }
            if o.version != s.version { out.append("stage '\(s.name)' version \(o.version) → \(s.version)") }
            if o.options != s.options { out.append("stage '\(s.name)' options changed") }
            if o.fingerprint != s.fingerprint { out.append("stage '\(s.name)' command or files changed") }
        }
        for s in stages where !actual.stages.contains(where: { $0.name == s.name }) { out.append("stage '\(s.name)' was removed") }
        let expectedDocs = Dictionary(documents.map { ($0.document, $0) }, uniquingKeysWith: { a, _ in a })
        let actualDocs = Set(actual.documents.map(\.document))
        for d in actual.documents {
            guard let e = expectedDocs[d.document] else { out.append("\(d.document): new document (not in the lock)"); continue }
            if e.input != d.input { out.append("\(d.document): input changed (\(d.source))") }
            let differing = actual.stages.map(\.name).filter { e.outputs[$0] != d.outputs[$0] }
            if !differing.isEmpty { out.append("\(d.document): output differs at \(differing.joined(separator: ", "))") }
        }
        for d in documents where !actualDocs.contains(d.document) { out.append("\(d.document): in the lock but not produced (removed or failed)") }
        return out
    }
}
