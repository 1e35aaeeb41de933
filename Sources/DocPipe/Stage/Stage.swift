/// Options of a stage, decoded from the `options` object of its entry in pipeline.json.
///
/// `init()` gives the defaults; keys the user writes override them one by one. A key the
/// type does not encode is rejected with a "did you mean" suggestion, so every option must be
/// encoded (do not use optionals that are skipped when nil).
public protocol StageOptions: Codable, Sendable, Equatable {
    /// The default options.
    init()
    /// Checks values beyond their types (ranges, known names); return one message per problem.
    func validate() -> [String]
}

extension StageOptions {
    /// No extra checks by default.
    public func validate() -> [String] { [] }
}

/// Options for stages that take none.
public struct NoOptions: StageOptions {
    /// No options.
    public init() {}
}

/// What every stage declares: an id, a version, what it needs and what it adds.
public protocol Stage: Sendable {
    /// The options type.
    associatedtype Options: StageOptions
    /// Stable id used in pipeline.json ("entities").
    static var id: String { get }
    /// Bumped whenever the output for the same input and options changes; part of the cache key.
    static var version: Int { get }
    /// One line saying what the stage does.
    static var summary: String { get }
    /// Layers or capabilities that earlier stages must have produced.
    static var requires: [String] { get }
    /// Layers or capabilities this stage adds.
    static var produces: [String] { get }
    /// Whether output files or corpus parts are written (export-like stages). Such stages'
    /// cached artifacts are always read back, so their files are written on every run.
    static var writesFiles: Bool { get }
    /// Makes a configured instance. Throw `StageConfigurationError` for option values that cannot work.
    init(options: Options) throws
}

extension Stage {
    /// Most stages write no files.
    public static var writesFiles: Bool { false }
    /// Nothing required by default.
    public static var requires: [String] { [] }
    /// Nothing declared by default.
    public static var produces: [String] { [] }
}

/// A stage that turns one input file into documents: the first stage of every pipeline.
public protocol SourceStage: Stage {
    /// Reads one input. A file may hold several documents (JSONL, JSON arrays); records that
    /// cannot be read come back as failures, so one bad line loses only itself.
    func ingest(_ input: SourceInput, context: StageContext) async throws -> [IngestResult]
    /// Whether a file may hold more than one document (its records' ids are only known after
    /// reading it). For any other file, ingest must return exactly one document whose id is
    /// `input.documentID`; the runner relies on it to skip cached files unread (and sharded runs
    /// skip other shards' files unread).
    func mayHoldManyDocuments(_ relativePath: String) -> Bool
}

extension SourceStage {
    /// By default .json and .jsonl files may hold many documents.
    public func mayHoldManyDocuments(_ relativePath: String) -> Bool {
        let lower = relativePath.lowercased()
        return lower.hasSuffix(".json") || lower.hasSuffix(".jsonl")
    }
}

/// A stage that processes one document at a time, with an optional corpus-wide finish step.
public protocol DocumentStage: Stage {
    /// Processes one document and returns it updated. Throwing fails this document only.
    func process(_ document: Document, context: StageContext) async throws -> Document
    /// Runs once after every document has been processed (corpus CSV/JSONL, reports).
    func finish(_ corpus: CorpusContext) async throws
    /// Loads what `process` needs (models, tables) ahead of the first document. A run that starts
    /// without a previous state calls it once, on a thread of its own, so stages load at the same
    /// time instead of one after another while the first document waits. Never required:
    /// `process` must load what it needs itself.
    func warmUp()
}

extension DocumentStage {
    /// No corpus step by default.
    public func finish(_ corpus: CorpusContext) async throws {}
    /// Nothing to load by default.
    public func warmUp() {}
}

/// A raw input file handed to a `SourceStage`.
public struct SourceInput: Sendable {
    /// Path relative to the input root ("reports/a.md"); stable across machines.
    public var relativePath: String
    /// The file's bytes.
    public var bytes: [UInt8]
    /// SHA-256 (hex) of `bytes`.
    public var sha256: String

    /// Creates an input; the digest is computed when not given.
    public init(relativePath: String, bytes: [UInt8], sha256: String? = nil) {
        self.relativePath = relativePath
        self.bytes = bytes
        self.sha256 = sha256 ?? SHA256.hex(of: bytes)
    }

    /// The id of the document a single-document file becomes.
    public var documentID: String { DocumentID.from(relativePath: relativePath) }

    /// The file extension, lowercased, without the dot ("md"); empty when none.
    public var fileExtension: String {
        let name = relativePath.split(separator: "/").last.map(String.init) ?? relativePath
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}

/// One document read from an input, or why a record in it could not be read.
public enum IngestResult: Sendable {
    /// A document.
    case document(Document)
    /// A record that failed (the document id it would have had, and why).
    case failure(id: String, message: String)
}

/// A problem with a stage's configured options that `validate()` could not express.
public struct StageConfigurationError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// The option key at fault, when known.
    public var key: String?
    /// Creates the error.
    public init(_ message: String, key: String? = nil) { self.message = message; self.key = key }
    /// The message.
    public var description: String { message }
}

/// A failure inside a stage that should be reported with a stable code.
public struct StageError: Error, Sendable, CustomStringConvertible {
    /// Stable code ("ingest.unsupported-format").
    public var code: String
    /// Human-readable message.
    public var message: String
    /// Whether trying again may help (a timeout, a crashed worker).
    public var retryable: Bool
    /// Creates the error.
    public init(code: String, _ message: String, retryable: Bool = false) {
        self.code = code
        self.message = message
        self.retryable = retryable
    }
    /// The message.
    public var description: String { message }
}
