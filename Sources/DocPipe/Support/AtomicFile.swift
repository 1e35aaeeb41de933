import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a reader, or a run killed half-way, never sees a partial file: the bytes
/// go to a uniquely named temporary file in the same folder, which is then renamed over the target.
public enum AtomicFile {
    private static let counter = Atomic<Int>(0)
    private static let knownDirectories = Mutex<Set<String>>([])

    /// Creates a folder (and its parents) unless this process already did.
    static func ensureDirectory(_ dir: URL) throws {
        let path = dir.path
        if knownDirectories.withLock({ $0.contains(path) }) { return }
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        knownDirectories.withLock { _ = $0.insert(path) }
    }

    /// Writes `bytes` to `url`, creating parent folders.
    public static func write(_ bytes: [UInt8], to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        try ensureDirectory(dir)
        let n = counter.add(1, ordering: .relaxed).newValue
        let tmp = dir.appendingPathComponent(".tmp-\(getpid())-\(n)-\(url.lastPathComponent.prefix(40))")
        do {
            try writeNew(bytes, to: tmp.path, reportingAs: url.path)
        } catch {
            // The folder may have been removed since this process created it (cache clear): once more.
            guard !FileManager.default.fileExists(atPath: dir.path) else { throw error }
            knownDirectories.withLock { _ = $0.remove(dir.path) }
            try ensureDirectory(dir)
            try writeNew(bytes, to: tmp.path, reportingAs: url.path)
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
        try ensureDirectory(dir)
        let n = counter.add(1, ordering: .relaxed).newValue
        let tmp = dir.appendingPathComponent(".tmp-\(getpid())-\(n)-\(url.lastPathComponent.prefix(40))")
        if !FileManager.default.fileExists(atPath: dir.path) {
            knownDirectories.withLock { _ = $0.remove(dir.path) }
            try ensureDirectory(dir)
        }
        try writeNew([], to: tmp.path, reportingAs: url.path)
        guard let h = try? FileHandle(forWritingTo: tmp) else {
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

extension AtomicFile {
    /// Creates a new file with POSIX calls (Foundation's own writers add hidden temporary files
    /// of their own, which a killed process would leave behind).
    static func writeNew(_ bytes: [UInt8], to path: String, reportingAs shown: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw FileError(path: shown, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        var written = 0
        let failure: Int32? = bytes.withUnsafeBytes { raw -> Int32? in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += n
            }
            return nil
        }
        let closed = close(fd)
        if let failure {
            unlink(path)
            throw FileError(path: shown, message: "cannot write: \(String(cString: strerror(failure)))")
        }
        if closed != 0 {
            let e = errno
            unlink(path)
            throw FileError(path: shown, message: "cannot write: \(String(cString: strerror(e)))")
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
