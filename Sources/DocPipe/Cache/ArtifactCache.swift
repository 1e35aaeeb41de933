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
        /// A verified payload.
        case hit([UInt8])
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
        case .success(let payload): return .hit(payload)
        case .failure(let problem):
            try? FileManager.default.removeItem(at: url)
            return .corrupt(problem.message)
        }
    }

    /// Checks an object's bytes; returns the payload or what is wrong.
    public static func verify(_ bytes: [UInt8]) -> Result<[UInt8], StageError> {
        guard let nl = bytes.firstIndex(of: 0x0A) else { return .failure(StageError(code: "cache.corrupt", "no header line")) }
        let header = String(decoding: bytes[..<nl], as: UTF8.self).split(separator: " ")
        guard header.count >= 3, header[0] == "DPC1", let length = Int(header[2]) else {
            return .failure(StageError(code: "cache.corrupt", "unrecognised header"))
        }
        let payload = Array(bytes[(nl + 1)...])
        guard payload.count == length else {
            return .failure(StageError(code: "cache.corrupt", "truncated: \(payload.count) of \(length) bytes"))
        }
        guard SHA256.hex(of: payload) == header[1] else {
            return .failure(StageError(code: "cache.corrupt", "checksum mismatch"))
        }
        return .success(payload)
    }

    /// The stage id recorded in an object's header, without verifying it.
    public static func stageID(ofObjectAt url: URL) -> String? {
        guard let h = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 200)) ?? Data()
        guard let nl = head.firstIndex(of: 0x0A) else { return nil }
        let parts = String(decoding: head[..<nl], as: UTF8.self).split(separator: " ")
        return parts.count >= 4 ? String(parts[3]) : nil
    }

    /// Stores a payload under a key, atomically.
    public func write(_ key: String, stage: String, payload: [UInt8]) throws {
        var bytes = Array("DPC1 \(SHA256.hex(of: payload)) \(payload.count) \(stage)\n".utf8)
        bytes.append(contentsOf: payload)
        try AtomicFile.write(bytes, to: objectURL(key))
    }

    /// Removes an object.
    public func remove(_ key: String) { try? FileManager.default.removeItem(at: objectURL(key)) }
}
