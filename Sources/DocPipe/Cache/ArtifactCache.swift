import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The content-addressed on-disk cache of stage results.
///
/// An object lives at `objects/<first two hex digits>/<key>`; it starts with a header line
/// `DPC2 <checksum of payload> <payload bytes> <stage id>` (a 128-bit xxHash64 pair, see
/// `Checksum`: fast enough to verify every read) and is written to a temporary file in
/// the same folder, then renamed into place, so readers see either nothing or a whole object.
/// Every read re-hashes the payload; a corrupt or truncated object is deleted and reported.
public struct ArtifactCache: Sendable {
    /// The cache folder.
    public let directory: URL

    /// `directory/objects` as a path string (object paths are built by concatenation: cheap).
    let objectsPath: String

    /// A cache rooted at `directory` (created on first write).
    public init(directory: URL) {
        self.directory = directory
        objectsPath = directory.appendingPathComponent("objects").path
    }

    /// The path of an object.
    public func objectPath(_ key: String) -> String {
        // Keys are hex digests: joined on bytes (no string interpolation, which ran for every
        // object written and read). Anything else as before (its first two characters).
        guard key.utf8.prefix(3).allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) }) else {
            return "\(objectsPath)/\(key.prefix(2))/\(key)"
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(objectsPath.utf8.count + key.utf8.count + 4)
        bytes += objectsPath.utf8
        bytes.append(UInt8(ascii: "/"))
        bytes += key.utf8.prefix(2)
        bytes.append(UInt8(ascii: "/"))
        bytes += key.utf8
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The result of a lookup.
    public enum Lookup: Sendable {
        /// A verified payload and its checksum.
        case hit([UInt8], digest: String)
        /// No object under the key.
        case miss
        /// An object that failed verification (it has been removed); why.
        case corrupt(String)
    }

    /// Where an object lives.
    public func objectURL(_ key: String) -> URL { URL(fileURLWithPath: objectPath(key)) }

    /// Whether an object file exists (not verified).
    public func contains(_ key: String) -> Bool { access(objectPath(key), F_OK) == 0 }

    /// Reads and verifies an object.
    public func read(_ key: String) -> Lookup {
        let path = objectPath(key)
        guard let data = AtomicFile.read(path: path) else { return .miss }
        switch ArtifactCache.verify(data) {
        case .success(let (payload, digest)):
            _ = utimes(path, nil)
            return .hit(payload, digest: digest)
        case .failure(let problem):
            unlink(path)
            return .corrupt(problem.message)
        }
    }

    /// Checks an object's bytes; returns the payload or what is wrong.
    public static func verify(_ bytes: [UInt8]) -> Result<([UInt8], String), StageError> {
        guard let nl = bytes.firstIndex(of: 0x0A) else { return .failure(StageError(code: "cache.corrupt", "no header line")) }
        let header = String(decoding: bytes[..<nl], as: UTF8.self).split(separator: " ")
        guard header.count >= 3, header[0] == "DPC2", let length = Int(header[2]) else {
            return .failure(StageError(code: "cache.corrupt", "unrecognised header"))
        }
        let payload = Array(bytes[(nl + 1)...])
        guard payload.count == length else {
            return .failure(StageError(code: "cache.corrupt", "truncated: \(payload.count) of \(length) bytes"))
        }
        let digest = Checksum.hex(of: payload)
        guard digest == header[1] else {
            return .failure(StageError(code: "cache.corrupt", "checksum mismatch"))
        }
        return .success((payload, digest))
    }

    /// An object's header, read without verifying the payload.
    public struct Header: Sendable, Equatable {
        /// Checksum of the payload.
        public var digest: String
        /// Payload size in bytes.
        public var length: Int
        /// The stage id that wrote it.
        public var stageID: String
    }

    /// Reads an object's header line only (cheap); nil when missing or malformed.
    public static func header(ofObjectAt url: URL) -> Header? {
        guard let h = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 256)) ?? Data()
        guard let nl = head.firstIndex(of: 0x0A) else { return nil }
        let parts = String(decoding: head[..<nl], as: UTF8.self).split(separator: " ")
        guard parts.count >= 4, parts[0] == "DPC2", let n = Int(parts[2]) else { return nil }
        return Header(digest: String(parts[1]), length: n, stageID: String(parts[3]))
    }

    /// The header of the object under `key`, if present and its size is consistent (reads only
    /// the first line).
    public func header(_ key: String) -> Header? {
        let fd = open(objectPath(key), O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        var head = [UInt8](repeating: 0, count: 256)
        let n = head.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, 256) }
        guard n > 0, let nl = head[..<n].firstIndex(of: 0x0A) else { return nil }
        let parts = String(decoding: head[..<nl], as: UTF8.self).split(separator: " ")
        guard parts.count >= 4, parts[0] == "DPC2", let length = Int(parts[2]) else { return nil }
        guard Int(st.st_size) == nl + 1 + length else { return nil }
        return Header(digest: String(parts[1]), length: length, stageID: String(parts[3]))
    }

    /// The stage id recorded in an object's header, without verifying it.
    public static func stageID(ofObjectAt url: URL) -> String? { header(ofObjectAt: url)?.stageID }

    /// Marks an object as recently used (its modification time drives `gc`'s LRU order).
    public func touch(_ url: URL) {
        _ = url.path.withCString { utimes($0, nil) }
    }

    /// Stores a payload under a key, atomically.
    @discardableResult
    public func write(_ key: String, stage: String, payload: [UInt8]) throws -> String {
        let digest = Checksum.hex(of: payload)
        try AtomicFile.write(head: Self.header(digest: digest, length: payload.count, stage: stage), payload, toPath: objectPath(key))
        return digest
    }

    /// Stores a payload given as pieces (written as they are, not joined first) under a key, atomically.
    @discardableResult
    func write(_ key: String, stage: String, pieces: [[UInt8]]) throws -> String {
        let digest = Checksum.hex(ofPieces: pieces)
        let length = pieces.reduce(0) { $0 + $1.count }
        try AtomicFile.write(pieces: [Self.header(digest: digest, length: length, stage: stage)] + pieces, toPath: objectPath(key))
        return digest
    }

    /// An object's header line: `DPC2 <checksum> <payload bytes> <stage id>` and a newline.
    private static func header(digest: String, length: Int, stage: String) -> [UInt8] {
        var line: [UInt8] = []
        line.reserveCapacity(digest.utf8.count + stage.utf8.count + 28)
        line += "DPC2 ".utf8
        line += digest.utf8
        line.append(UInt8(ascii: " "))
        JSONWriter.appendInt(length, to: &line)
        line.append(UInt8(ascii: " "))
        line += stage.utf8
        line.append(0x0A)
        return line
    }

    /// Removes an object.
    public func remove(_ key: String) { unlink(objectPath(key)) }
}
