import Foundation
import Synchronization

/// Writes files so that a reader, or a run killed half-way, never sees a partial file: the bytes
/// go to a uniquely named temporary file in the same folder, which is then renamed over the target.
public enum AtomicFile {
    private static let counter = Atomic<Int>(0)

    /// Writes `bytes` to `url`, creating parent folders.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let n = counter.add(1, ordering: .relaxed).newValue
        let tmp = dir.appendingPathComponent(".tmp-\(getpid())-\(n)-\(url.lastPathComponent.prefix(40))")
        guard FileManager.default.createFile(atPath: tmp.path, contents: Data(bytes)) else {
            throw FileError(path: url.path, message: "cannot write (is the folder writable and the disk not full?)")
        }
        if rename(tmp.path, url.path) != 0 {
            let err = errno
            try? FileManager.default.removeItem(at: tmp)
            throw FileError(path: url.path, message: "cannot rename into place: \(String(cString: strerror(err)))")
        }
    }

    /// Streams into a temporary file via `body`, then renames it over `url`.
    public static func write(to url: URL, _ body: (FileHandle) throws -> Void) throws {
        let dir = url.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let n = counter.add(1, ordering: .relaxed).newValue
        let tmp = dir.appendingPathComponent(".tmp-\(getpid())-\(n)-\(url.lastPathComponent.prefix(40))")
        guard FileManager.default.createFile(atPath: tmp.path, contents: nil), let h = try? FileHandle(forWritingTo: tmp) else {
            throw FileError(path: url.path, message: "cannot write (is the folder writable and the disk not full?)")
        }
        do {
            try body(h)
            try h.close()
        } catch {
            try? h.close()
            try? FileManager.default.removeItem(at: tmp)
            throw error
        }
        if rename(tmp.path, url.path) != 0 {
            let err = errno
            try? FileManager.default.removeItem(at: tmp)
            throw FileError(path: url.path, message: "cannot rename into place: \(String(cString: strerror(err)))")
        }
    }
}

/// A file-system failure naming the path.
public struct FileError: Error, Sendable, CustomStringConvertible {
    /// The path.
    public var path: String
    /// What went wrong.
    public var message: String
    /// Creates one.
    public init(path: String, message: String) { self.path = path; self.message = message }
    /// `path: message`.
    public var description: String { "\(path): \(message)" }
}
