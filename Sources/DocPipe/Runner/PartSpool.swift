import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Collects corpus parts (and the run's per-document bookkeeping) as documents finish, in any
/// order, and replays them in input order.
///
/// Bytes are appended to one temporary file per part name (named by the SHA-256 of the name),
/// and each part's document order, length and document key (`PartStore.key(ofDocument:)`; 20
/// bytes) to an index file beside it; offsets are recomputed when a name is replayed. Memory
/// holds only block buffers per name, so it stays flat however many documents a run has. After a
/// complete run the runner keeps the spool as the output folder's `PartStore` (`keep(as:)`).
final class PartSpool: PartSource, Sendable {
    private struct Stream {
        var fd: Int32
        /// The spool file.
        var path: String
        /// Whether the file was linked into the output folder (it is then copied, not linked, again).
        var linked = false
        /// Bytes written to the file so far.
        var flushed: UInt64 = 0
        /// Parts appended but not yet written, in order: larger parts as they are (not copied),
        /// small ones gathered into one buffer. Written in blocks: one pwritev(2) per 64 KB.
        var pending: [[UInt8]] = []
        /// Small parts gathered since the last larger one.
        var gathered: [UInt8] = []
        /// Bytes in `pending` and `gathered`.
        var pendingBytes = 0
        /// The index file: per part in arrival order, its document's packed order, its length and
        /// its document's key (little-endian UInt64, UInt32 and UInt64).
        var indexFD: Int32
        var indexFlushed: UInt64 = 0
        var indexPending: [UInt8] = []
        /// Number of parts.
        var count = 0
        /// Whether the parts arrived in input order so far, and the last one's order.
        var inOrder = true
        var lastOrder: UInt64 = 0
    }
    /// Bytes of one index record.
    static let indexRecord = 20
    private struct State {
        var streams: [String: Stream] = [:]
        var createdDirectory = false
        /// Documents held back until their file is reached (a spool that reorders).
        var held: [HeldDocument] = []
        var heldBytes = 0
        /// Files up to this one are written as they come.
        var watermark = 0
        /// A failure writing held parts, reported when the parts are read back.
        var heldFailure: FileError?
    }
    private struct HeldDocument {
        var order: UInt64
        var arrival: Int
        var parts: [OutputPart]
        var key: UInt64
    }
    /// Whether parts are held back to be written in input order (`advance`).
    private let reorders: Bool
    /// Held bytes beyond which everything held is written at once (memory stays bounded).
    private static let holdLimit = 4 << 20
    private let directory: URL
    private let state = Mutex(State())

    /// A spool in `directory` (created on first use); one that `reorders` holds back parts of
    /// files beyond the watermark (`advance`).
    init(directory: URL, reorders: Bool = false) {
        self.directory = directory
        self.reorders = reorders
    }

    /// Appends a document's parts (one sequence number for all of them), with the document's id
    /// when it has one (its parts can then be found again by `PartStore`). In a spool that
    /// reorders, parts of a file beyond the watermark are held in memory until `advance`.
    func append(_ parts: [OutputPart], order: DocumentOrder, document id: String? = nil) throws {
        guard !parts.isEmpty else { return }
        let key = id.map(PartStore.key(ofDocument:)) ?? 0
        try state.withLock { s in
            if reorders && order.file > s.watermark {
                s.held.append(HeldDocument(order: order.packed, arrival: s.held.count, parts: parts, key: key))
                for part in parts { s.heldBytes += part.bytes.count }
                if s.heldBytes > Self.holdLimit { try release(&s, throughFile: Int.max) }
                return
            }
            try store(parts, order: order.packed, key: key, &s)
        }
    }

    /// Declares every file before `file` complete (in a spool that reorders): the parts held for
    /// files up to it are written, in input order, and later parts of files up to it are written
    /// as they come. So in a run with a few documents in flight, each spool file still ends up in
    /// input order and can be linked into place instead of copied.
    func advance(toFile file: Int) throws {
        guard reorders else { return }
        try state.withLock { s in
            s.watermark = max(s.watermark, file)
            do {
                try release(&s, throughFile: s.watermark)
            } catch {
                s.heldFailure = s.heldFailure ?? FileError(path: directory.path, message: "cannot spool corpus parts: \(error)")
                throw error
            }
        }
    }

    /// Writes the held documents of files up to `file`, in input order (ties in arrival order).
    private func release(_ s: inout State, throughFile file: Int) throws {
        guard !s.held.isEmpty else { return }
        s.held.sort { $0.order != $1.order ? $0.order < $1.order : $0.arrival < $1.arrival }
        let limit = file == Int.max ? UInt64.max : DocumentOrder(file: file, record: Int(UInt32.max)).packed
        let due = s.held.prefix { $0.order <= limit }
        s.held.removeFirst(due.count)
        for (k, _) in s.held.enumerated() { s.held[k].arrival = k }
        s.heldBytes = s.held.reduce(0) { $0 + $1.parts.reduce(0) { $0 + $1.bytes.count } }
        for d in due { try store(d.parts, order: d.order, key: d.key, &s) }
    }

    /// Writes every held document (before anything is read back).
    private func settle(_ s: inout State) throws {
        if let failure = s.heldFailure { throw failure }
        try release(&s, throughFile: Int.max)
    }

    /// Writes a document's parts to their spool files.
    private func store(_ parts: [OutputPart], order: UInt64, key: UInt64, _ s: inout State) throws {
        for part in parts {
            guard part.bytes.count < Int(UInt32.max) else {
                throw FileError(path: part.name, message: "a corpus part of \(part.bytes.count) bytes is over the 4 GB limit")
            }
            if s.streams[part.name] == nil {
                if !s.createdDirectory {
                    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                    s.createdDirectory = true
                }
                let path = directory.appendingPathComponent(PartStore.fileName(ofPart: part.name)).path
                // The mode of an output file: a file whose parts arrived in order becomes one (`inOrderFile`).
                let fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                guard fd >= 0 else { throw FileError(path: path, message: "cannot create a spool file: \(String(cString: strerror(errno)))") }
                let indexFD = open(path + ".index", O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
                guard indexFD >= 0 else {
                    closeDescriptor(fd)
                    throw FileError(path: path, message: "cannot create a spool index: \(String(cString: strerror(errno)))")
                }
                s.streams[part.name] = Stream(fd: fd, path: path, indexFD: indexFD)
            }
            var stream = s.streams.removeValue(forKey: part.name)!   // uniquely referenced while it grows
            defer { s.streams[part.name] = stream }
            if part.bytes.count >= Self.gatherLimit {
                // Kept as it is: written from its own array, no copy through a block buffer.
                if !stream.gathered.isEmpty {
                    stream.pending.append(stream.gathered)
                    stream.gathered = []
                }
                stream.pending.append(part.bytes)
            } else {
                stream.gathered.append(contentsOf: part.bytes)
            }
            stream.pendingBytes += part.bytes.count
            if stream.pendingBytes >= Self.blockSize || stream.pending.count >= Self.maxPendingParts {
                try Self.flush(&stream, name: part.name)
            }
            withUnsafeBytes(of: order.littleEndian) { stream.indexPending.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt32(part.bytes.count).littleEndian) { stream.indexPending.append(contentsOf: $0) }
            withUnsafeBytes(of: key.littleEndian) { stream.indexPending.append(contentsOf: $0) }
            if stream.indexPending.count >= Self.blockSize { try Self.flushIndex(&stream, name: part.name) }
            stream.count += 1
            if order < stream.lastOrder { stream.inOrder = false }
            stream.lastOrder = order
        }
    }

    private static let blockSize = 1 << 16
    /// Parts from this size on are not copied into the gathering buffer.
    private static let gatherLimit = 1 << 10
    /// Parts held at most before a write (bounds the nesting in `AtomicFile.withBuffers`).
    private static let maxPendingParts = 32

    private static func flush(_ stream: inout Stream, name: String) throws {
        guard stream.pendingBytes > 0 else { return }
        if !stream.gathered.isEmpty {
            stream.pending.append(stream.gathered)
            stream.gathered.removeAll(keepingCapacity: true)
        }
        let (fd, offset) = (stream.fd, stream.flushed)
        let failure = AtomicFile.withBuffers(stream.pending[...]) { AtomicFile.writeAll(fd, $0, at: offset) }
        if let failure { throw FileError(path: name, message: "cannot spool a corpus part: \(String(cString: strerror(failure)))") }
        stream.flushed += UInt64(stream.pendingBytes)
        stream.pending.removeAll(keepingCapacity: true)
        stream.pendingBytes = 0
    }

    private static func flushIndex(_ stream: inout Stream, name: String) throws {
        guard !stream.indexPending.isEmpty else { return }
        try writeAll(stream.indexFD, stream.indexPending, at: stream.indexFlushed, path: name)
        stream.indexFlushed += UInt64(stream.indexPending.count)
        stream.indexPending.removeAll(keepingCapacity: true)
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8], at offset: UInt64, path: String) throws {
        try bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(offset) + off_t(done))
                if n < 0 && errno == EINTR { continue }
                guard n > 0 else { throw FileError(path: path, message: "cannot spool a corpus part: \(String(cString: strerror(errno)))") }
                done += n
            }
        }
    }

    /// The names of the parts spooled so far, sorted.
    var names: [String] { state.withLock { s in (try? settle(&s)).map { s.streams.keys.sorted() } ?? s.streams.keys.sorted() } }

    /// Number of parts spooled under a name.
    func count(named name: String) -> Int { state.withLock { s in _ = try? settle(&s); return s.streams[name]?.count ?? 0 } }

    /// A name's parts in input order (ties in arrival order), in 12 bytes per part: each part's
    /// document order and length, read back from the index file (the document keys are for
    /// `PartStore`). Offsets follow from the lengths; a permutation (4 more bytes per part) is
    /// sorted only when parts arrived out of order.
    private struct Replay {
        var orders: [UInt64] = []
        var lengths: [UInt32] = []
        /// Whether the parts arrived in input order (the stream's `inOrder` when they were read).
        var inOrder = true

        /// Calls `body` with each part's order, offset in the spool file and length, in input order.
        func forEach(_ body: (DocumentOrder, UInt64, Int) throws -> Void) rethrows {
            if inOrder {
                var offset: UInt64 = 0
                for k in orders.indices {
                    try body(DocumentOrder(packed: orders[k]), offset, Int(lengths[k]))
                    offset += UInt64(lengths[k])
                }
                return
            }
            var offsets = [UInt64](repeating: 0, count: orders.count)
            var offset: UInt64 = 0
            for k in orders.indices { offsets[k] = offset; offset += UInt64(lengths[k]) }
            var permutation = (0..<Int32(orders.count)).map { $0 }
            permutation.sort { a, b in orders[Int(a)] != orders[Int(b)] ? orders[Int(a)] < orders[Int(b)] : a < b }
            for k in permutation { try body(DocumentOrder(packed: orders[Int(k)]), offsets[Int(k)], Int(lengths[Int(k)])) }
        }
    }

    private func replay(named name: String) throws -> Replay {
        let opened = try state.withLock { s -> (fd: Int32, count: Int, inOrder: Bool)? in
            try settle(&s)
            guard var stream = s.streams.removeValue(forKey: name) else { return nil }
            defer { s.streams[name] = stream }
            try Self.flushIndex(&stream, name: name)
            return (stream.indexFD, stream.count, stream.inOrder)
        }
        var r = Replay()
        guard let (fd, count, inOrder) = opened, count > 0 else { return r }
        r.inOrder = inOrder
        // Records past `count` may be appended meanwhile; only the first `count` are read.
        var bytes = [UInt8](repeating: 0, count: count * Self.indexRecord)
        try bytes.withUnsafeMutableBytes { try Self.readAll(fd, $0, at: 0, name: name) }
        r.orders.reserveCapacity(count)
        r.lengths.reserveCapacity(count)
        bytes.withUnsafeBytes { raw in
            for k in 0..<count {
                r.orders.append(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: k * Self.indexRecord, as: UInt64.self)))
                r.lengths.append(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: k * Self.indexRecord + 8, as: UInt32.self)))
            }
        }
        return r
    }

    func forEach(named name: String, _ body: ([UInt8]) throws -> Void) throws {
        try forEachWithOrder(named: name) { _, bytes in try body(bytes) }
    }

    /// Calls `body` with each part under `name` and its document's order, in input order.
    func forEachWithOrder(named name: String, _ body: (DocumentOrder, [UInt8]) throws -> Void) throws {
        let entries = try replay(named: name)
        let opened = try state.withLock { s -> (fd: Int32, size: UInt64)? in
            guard var stream = s.streams.removeValue(forKey: name) else { return nil }
            defer { s.streams[name] = stream }
            try Self.flush(&stream, name: name)
            return (stream.fd, stream.flushed)
        }
        guard let (fd, fileSize) = opened else { return }
        // Parts are read through a window of `readBlock` bytes: in input order they mostly lie in
        // file order, so one read(2) serves many small parts.
        var window: [UInt8] = []
        var windowStart: UInt64 = 0
        try entries.forEach { order, offset, length in
            if length > Self.readBlock {
                var buffer = [UInt8](repeating: 0, count: length)
                try buffer.withUnsafeMutableBytes { try Self.readAll(fd, $0, at: offset, name: name) }
                try body(order, buffer)
                return
            }
            if offset < windowStart || offset + UInt64(length) > windowStart + UInt64(window.count) {
                let size = min(Self.readBlock, max(length, Int(clamping: fileSize &- offset)))
                if window.count != size { window = [UInt8](repeating: 0, count: size) }
                try window.withUnsafeMutableBytes { try Self.readAll(fd, $0, at: offset, name: name) }
                windowStart = offset
            }
            let from = Int(offset - windowStart)
            try body(order, Array(window[from..<(from + length)]))
        }
    }

    /// Appends a name's parts in input order to `sink`, copying file to file in the kernel
    /// (`sendfile`), one call per run of parts that lie in order in the spool file.
    func write(named name: String, into sink: inout FileSink) throws {
        let entries = try replay(named: name)
        let opened = try state.withLock { s -> Int32? in
            guard var stream = s.streams.removeValue(forKey: name) else { return nil }
            defer { s.streams[name] = stream }
            try Self.flush(&stream, name: name)
            return stream.fd
        }
        guard let fd = opened else { return }
        var run: (start: UInt64, end: UInt64) = (0, 0)
        try entries.forEach { _, offset, length in
            if offset == run.end && run.end > run.start {
                run.end += UInt64(length)
            } else {
                try sink.copy(from: fd, offset: run.start, count: Int(run.end - run.start))
                run = (offset, offset + UInt64(length))
            }
        }
        try sink.copy(from: fd, offset: run.start, count: Int(run.end - run.start))
    }

    /// The spool file of a name whose parts were appended in input order (as in a one-job run),
    /// so that the file holds exactly the name's replay; nil otherwise, or when the file was
    /// handed out before. The caller links it into the output folder instead of copying it.
    func inOrderFile(named name: String) throws -> String? {
        try state.withLock { s -> String? in
            try settle(&s)
            guard var stream = s.streams.removeValue(forKey: name) else { return nil }
            defer { s.streams[name] = stream }
            guard !stream.linked, stream.inOrder else { return nil }
            try Self.flush(&stream, name: name)
            stream.linked = true
            return stream.path
        }
    }

    /// Bytes read at once when replaying small parts.
    private static let readBlock = 1 << 20

    /// Fills `raw` from `fd` at `offset` (pread, retried on EINTR and short reads); `name` is for
    /// the error. Also reads `PartStore`'s files.
    static func readAll(_ fd: Int32, _ raw: UnsafeMutableRawBufferPointer, at offset: UInt64, name: String) throws {
        var done = 0
        while done < raw.count {
            let n = pread(fd, raw.baseAddress! + done, raw.count - done, off_t(offset) + off_t(done))
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw FileError(path: name, message: "cannot read back a spooled corpus part") }
            done += n
        }
    }

    /// Closes the files and removes the spool (unless `keep(as:)` moved it).
    func close() {
        closeFiles()
        try? FileManager.default.removeItem(at: directory)
    }

    private func closeFiles() {
        state.withLock { s in
            for stream in s.streams.values {
                closeDescriptor(stream.fd)
                closeDescriptor(stream.indexFD)
            }
            s.streams = [:]
        }
    }

    /// Writes everything pending, closes the files and puts the spool's folder in the place of
    /// `folder` (renamed, on the same file system: no copy), to be read as a `PartStore`. On
    /// failure the spool is removed, and so is `folder`.
    func keep(as folder: URL) {
        let written: Bool = state.withLock { s in
            do {
                try settle(&s)
                for name in Array(s.streams.keys) {
                    var stream = s.streams.removeValue(forKey: name)!
                    defer { s.streams[name] = stream }
                    try Self.flush(&stream, name: name)
                    try Self.flushIndex(&stream, name: name)
                }
                return true
            } catch {
                return false
            }
        }
        closeFiles()
        try? FileManager.default.removeItem(at: folder)
        if !written || access(directory.path, F_OK) != 0 || rename(directory.path, folder.path) != 0 {
            try? FileManager.default.removeItem(at: directory)
        }
    }
}

private func closeDescriptor(_ fd: Int32) { _ = close(fd) }

/// Position of a document in input order: the input file's index, then the record's.
public struct DocumentOrder: Sendable, Comparable, Hashable {
    /// Index of the input file.
    public var file: Int
    /// Index of the document inside the file.
    public var record: Int
    /// Input order.
    public static func < (a: DocumentOrder, b: DocumentOrder) -> Bool { (a.file, a.record) < (b.file, b.record) }

    /// Creates an order.
    public init(file: Int, record: Int) {
        self.file = file
        self.record = record
    }

    /// The order in 64 bits, comparing like the order itself (file −1 … 2³²−2, record 0 … 2³²−1).
    var packed: UInt64 { UInt64(UInt32(truncatingIfNeeded: file &+ 1)) << 32 | UInt64(UInt32(truncatingIfNeeded: record)) }

    init(packed: UInt64) {
        file = Int(UInt32(truncatingIfNeeded: packed >> 32)) - 1
        record = Int(UInt32(truncatingIfNeeded: packed))
    }
}

/// Where a corpus context reads parts from: the run's spool, or merged shards.
protocol PartSource: Sendable {
    /// Calls `body` with each fragment of the part, in input order.
    func forEach(named name: String, _ body: ([UInt8]) throws -> Void) throws
    /// Appends every fragment of the part, in input order, to a file being written.
    func write(named name: String, into sink: inout FileSink) throws
}

extension PartSource {
    func write(named name: String, into sink: inout FileSink) throws {
        try forEach(named: name) { try sink.write($0) }
    }
}

/// The runner's `CorpusContext`.
struct SpoolCorpusContext: CorpusContext {
    let instanceName: String
    /// Produces the completed documents' ids on demand (kept out of memory otherwise).
    let completedIDs: @Sendable () -> [String]
    let spool: any PartSource
    let output: OutputFolder

    var documentIDs: [String] { completedIDs() }
    func forEachPart(named name: String, _ body: ([UInt8]) throws -> Void) throws { try spool.forEach(named: "\(instanceName)/\(name)", body) }
    func write(file path: String, bytes: [UInt8]) throws { try output.write(path, bytes: bytes) }
    func write(file path: String, header: [UInt8], part: String, footer: [UInt8]) throws {
        // Parts that arrived in input order are already the file: link it (no copy).
        if header.isEmpty && footer.isEmpty, let spool = spool as? PartSpool,
           let source = try spool.inOrderFile(named: "\(instanceName)/\(part)"), try output.link(path, from: source) {
            return
        }
        try output.write(path, sink: { sink in
            try sink.write(header)
            try spool.write(named: "\(instanceName)/\(part)", into: &sink)
            try sink.write(footer)
        })
    }
}
