import DocPipe
import ExportStage
import Synchronization

/// An in-memory `CorpusContext`: documents' parts in input order, and the files `finish` writes.
final class MemoryCorpus: CorpusContext {
    let instanceName: String
    let documentIDs: [String]
    private let partsByDocument: [[OutputPart]]
    private let written = Mutex<[String: [UInt8]]>([:])

    /// A corpus of documents' parts, in input order.
    init(instanceName: String = Export.id, documents: [(id: String, parts: [OutputPart])]) {
        self.instanceName = instanceName
        documentIDs = documents.map(\.id)
        partsByDocument = documents.map(\.parts)
    }

    func forEachPart(named name: String, _ body: ([UInt8]) throws -> Void) throws {
        for parts in partsByDocument {
            for p in parts where p.name == name { try body(p.bytes) }
        }
    }

    func write(file path: String, bytes: [UInt8]) throws {
        written.withLock { $0[path] = bytes }
    }

    func write(file path: String, header: [UInt8], part: String, footer: [UInt8]) throws {
        var out = header
        try forEachPart(named: part) { out.append(contentsOf: $0) }
        out.append(contentsOf: footer)
        written.withLock { $0[path] = out }
    }

    /// Files written by `finish`.
    var files: [String: [UInt8]] { written.withLock { $0 } }
}
