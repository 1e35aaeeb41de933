import Foundation

/// The content-addressed on-disk cache of stage results.
///
/// An object lives at `objects/<first two hex digits>/<key>`; it starts with a header line
/// `DPC1 <sha256 of payload> <payload bytes> <stage id>` and is written to a temporary file in
/// the same folder, then renamed into place, so readers see either nothing or a whole object.
/// Every read re-hashes the payload; a corrupt or truncated object is deleted and reported.
public struct ArtifactCache: Sendable {
    /// The cache folder.
    public let directory: URL

    /// A cache rooted at `directory` (created on first write).
    public init(directory: URL) { self.directory = directory }

    /// The result of a lookup.
    public enum Lookup: Sendable {
        /// A verified payload and its SHA-256.
        case hit([UInt8], digest: String)
        /// No object under the key.
        case miss
        /// An object that failed verification (it has been removed); why.
        case corrupt(String)
    }

    /// Where an object lives.
    public func objectURL(_ key: String) -> URL {
        directory.appendingPathComponent("objects").appendingPathComponent(String(key.prefix(2))).appendingPathComponent(key)
    }

    /// Whether an object file exists (not verified).
    public func contains(_ key: String) -> Bool { FileManager.default.fileExists(atPath: objectURL(key).path) }

    /// Reads and verifies an object.
    public func read(_ key: String) -> Lookup {
        let url = objectURL(key)
        guard let data = FileManager.default.contents(atPath: url.path) else { return .miss }
        switch ArtifactCache.verify(Array(data)) {
        case .success(let (payload, digest)):
            touch(url)
            return .hit(payload, digest: digest)
        case .failure(let problem):
            try? FileManager.default.removeItem(at: url)
            return .corrupt(problem.message)
        }
    }

    /// Checks an object's bytes; returns the payload or what is wrong.
    public static func verify(_ bytes: [UInt8]) -> Result<([UInt8], String), StageError> {
        guard let nl = bytes.firstIndex(of: 0x0A) else { return .failure(StageError(code: "cache.corrupt", "no header line")) }
        let header = String(decoding: bytes[..<nl], as: UTF8.self).split(separator: " ")
        guard header.count >= 3, header[0] == "DPC1", let length = Int(header[2]) else {
            return .failure(StageError(code: "cache.corrupt", "unrecognised header"))
        }
        let payload = Array(bytes[(nl + 1)...])
        guard payload.count == length else {
            return .failure(StageError(code: "cache.corrupt", "truncated: \(payload.count) of \(length) bytes"))
        }
        let digest = SHA256.hex(of: payload)
        guard digest == header[1] else {
            return .failure(StageError(code: "cache.corrupt", "checksum mismatch"))
        }
        return .success((payload, digest))
    }

    /// An object's header, read without verifying the payload.
    public struct Header: Sendable, Equatable {
        /// SHA-256 of the payload.
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
        guard parts.count >= 4, parts[0] == "DPC1", let n = Int(parts[2]) else { return nil }
        return Header(digest: String(parts[1]), length: n, stageID: String(parts[3]))
    }

    /// The header of the object under `key`, if present and its size is consistent.
    public func header(_ key: String) -> Header? {
        let url = objectURL(key)
        guard let h = ArtifactCache.header(ofObjectAt: url),
              let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber
        else { return nil }
        let headerLength = "DPC1 \(h.digest) \(h.length) \(h.stageID)\n".utf8.count
        return size.intValue == headerLength + h.length ? h : nil
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
        let digest = SHA256.hex(of: payload)
        var bytes = Array("DPC1 \(digest) \(payload.count) \(stage)\n".utf8)
        bytes.append(contentsOf: payload)
        try AtomicFile.write(bytes, to: objectURL(key))
        return digest
    }

    /// Removes an object.
    public func remove(_ key: String) { try? FileManager.default.removeItem(at: objectURL(key)) }
}
