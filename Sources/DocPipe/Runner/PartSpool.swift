import Foundation
import Synchronization

/// Collects corpus parts as documents finish, in any order, and replays them in input order.
///
/// Parts are appended to one temporary file per part name; only (order, offset, length) stays
/// in memory, so memory does not grow with the size of the corpus's parts.
final class PartSpool: PartSource, Sendable {
    private struct State {
        var handles: [String: FileHandle] = [:]
        var sizes: [String: UInt64] = [:]
        var index: [String: [(DocumentOrder, UInt64, Int)]] = [:]
    }
    private let directory: URL
    private let state = Mutex(State())

    init(directory: URL) { self.directory = directory }

    func append(_ part: OutputPart, order: DocumentOrder) throws {
        try state.withLock { s in
            let handle: FileHandle
            if let h = s.handles[part.name] { handle = h } else {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let url = directory.appendingPathComponent(SHA256.hex(of: part.name))
                _ = FileManager.default.createFile(atPath: url.path, contents: nil)
                handle = try FileHandle(forUpdating: url)
                s.handles[part.name] = handle
                s.sizes[part.name] = 0
            }
            let offset = s.sizes[part.name]!
            try handle.seek(toOffset: offset)
            try handle.write(contentsOf: Data(part.bytes))
            s.sizes[part.name] = offset + UInt64(part.bytes.count)
            s.index[part.name, default: []].append((order, offset, part.bytes.count))
        }
    }

    func forEach(named name: String, _ body: ([UInt8]) throws -> Void) throws {
        let (handle, entries): (FileHandle?, [(DocumentOrder, UInt64, Int)]) = state.withLock { s in
            (s.handles[name], (s.index[name] ?? []).sorted { $0.0 < $1.0 })
        }
        guard let handle else { return }
        for (_, offset, length) in entries {
            try handle.seek(toOffset: offset)
            let data = try handle.read(upToCount: length) ?? Data()
            try body(Array(data))
        }
    }

    /// Part names and each one's entries in input order: (order, offset, length).
    func entries() -> [String: [(DocumentOrder, UInt64, Int)]] {
        state.withLock { s in s.index.mapValues { $0.sorted { $0.0 < $1.0 } } }
    }

    func close() {
        state.withLock { s in
            for h in s.handles.values { try? h.close() }
            s.handles = [:]
        }
        try? FileManager.default.removeItem(at: directory)
    }
}

/// Position of a document in input order: the input file's index, then the record's.
public struct DocumentOrder: Sendable, Comparable, Hashable {
    /// Index of the input file.
    public var file: Int
    /// Index of the document inside the file.
    public var record: Int
    /// Input order.
    public static func < (a: DocumentOrder, b: DocumentOrder) -> Bool { (a.file, a.record) < (b.file, b.record) }
}

/// Where a corpus context reads parts from: the run's spool, or merged shards.
protocol PartSource: Sendable {
    /// Calls `body` with each fragment of the part, in input order.
    func forEach(named name: String, _ body: ([UInt8]) throws -> Void) throws
}

/// The runner's `CorpusContext`.
struct SpoolCorpusContext: CorpusContext {
    let instanceName: String
    let documentIDs: [String]
    let spool: any PartSource
    let output: OutputFolder

    func forEachPart(named name: String, _ body: ([UInt8]) throws -> Void) throws { try spool.forEach(named: "\(instanceName)/\(name)", body) }
    func write(file path: String, bytes: [UInt8]) throws { try output.write(path, bytes: bytes) }
    func write(file path: String, header: [UInt8], part: String, footer: [UInt8]) throws {
        try output.write(path) { h in
            try h.write(contentsOf: Data(header))
            try spool.forEach(named: "\(instanceName)/\(part)") { try h.write(contentsOf: Data($0)) }
            try h.write(contentsOf: Data(footer))
        }
    }
}
