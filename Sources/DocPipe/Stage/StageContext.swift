import Synchronization

/// What a stage can do besides returning its document: write output files and corpus parts.
///
/// Files are paths relative to the output folder; parts are fragments of corpus-wide files that
/// the runner keeps in document order and hands to `finish` (one CSV row block per document).
/// Both are cached with the stage's result, so a cached run writes the same files.
public final class StageContext: Sendable {
    /// The stage instance's name in pipeline.json.
    public let instanceName: String
    /// The id of the document being processed (for ingest: of the input file).
    public let documentID: String
    private let state = Mutex(Collected())

    struct Collected {
        var files: [OutputFile] = []
        var parts: [OutputPart] = []
        var log: [String] = []
    }

    /// Creates a context (the runner does this; tests may too).
    public init(instanceName: String, documentID: String) {
        self.instanceName = instanceName
        self.documentID = documentID
    }

    /// Writes an output file (relative path inside the output folder; validated by the runner).
    public func write(file path: String, bytes: [UInt8]) {
        state.withLock { $0.files.append(OutputFile(path: path, bytes: bytes)) }
    }

    /// Adds this document's fragment of a corpus-wide file.
    public func append(part name: String, bytes: [UInt8]) {
        state.withLock { $0.parts.append(OutputPart(name: name, bytes: bytes)) }
    }

    /// Adds a line to the run log (for example a worker's stderr).
    public func log(_ line: String) {
        state.withLock { $0.log.append(line) }
    }

    /// Files written so far.
    public var files: [OutputFile] { state.withLock { $0.files } }
    /// Parts added so far.
    public var parts: [OutputPart] { state.withLock { $0.parts } }
    /// Log lines so far.
    public var logLines: [String] { state.withLock { $0.log } }
}

/// A file a stage writes into the output folder.
public struct OutputFile: Sendable, Equatable {
    /// Path relative to the output folder.
    public var path: String
    /// Contents.
    public var bytes: [UInt8]
    /// Creates one.
    public init(path: String, bytes: [UInt8]) { self.path = path; self.bytes = bytes }
}

/// One document's fragment of a corpus-wide file.
public struct OutputPart: Sendable, Equatable {
    /// The part's name ("entities.csv").
    public var name: String
    /// The fragment.
    public var bytes: [UInt8]
    /// Creates one.
    public init(name: String, bytes: [UInt8]) { self.name = name; self.bytes = bytes }
}
