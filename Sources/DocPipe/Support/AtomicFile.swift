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
    static func ensureDirectory(_ dir: URL) throws { try ensureDirectory(path: dir.path) }

    /// Creates a folder given by path (and its parents) unless this process already did.
    static func ensureDirectory(path: String) throws {
        if knownDirectories.withLock({ $0.contains(path) }) { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FileError(path: path, message: "cannot create folder: " + FileError.systemMessage(error))
        }
        knownDirectories.withLock { _ = $0.insert(path) }
    }

    /// Writes `bytes` to `url`, creating parent folders.
    public static func write(_ bytes: [UInt8], to url: URL) throws { try write(bytes, toPath: url.path) }

    /// Writes `bytes` to a file path, creating parent folders (string paths: no URL work on hot paths).
    public static func write(_ bytes: [UInt8], toPath path: String) throws {
        let slash = path.lastIndex(of: "/")
        let dir = slash.map { String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        try ensureDirectory(path: dir)
        let n = counter.add(1, ordering: .relaxed).newValue
        let tmp = "\(dir)/.tmp-\(getpid())-\(n)-\(name.prefix(40))"
        do {
            try writeNew(bytes, to: tmp, reportingAs: path)
        } catch {
            // The folder may have been removed since this process created it (cache clear): once more.
            guard !FileManager.default.fileExists(atPath: dir) else { throw error }
            knownDirectories.withLock { _ = $0.remove(dir) }
            try ensureDirectory(path: dir)
            try writeNew(bytes, to: tmp, reportingAs: path)
        }
        if rename(tmp, path) != 0 {
            let err = errno
            unlink(tmp)
            throw FileError(path: path, message: "cannot rename into place: \(String(cString: strerror(err)))")
        }
    }

    /// Reads a whole file with POSIX calls; nil when it does not exist or cannot be read.
    public static func read(path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        var out = [UInt8](repeating: 0, count: size)
        var got = 0
        let ok: Bool = out.withUnsafeMutableBytes { raw in
            while got < size {
                let n = Glibc.read(fd, raw.baseAddress! + got, size - got)
                if n < 0 { if errno == EINTR { continue }; return false }
                if n == 0 { break }
                got += n
            }
            return true
        }
        guard ok else { return nil }
        if got < size { out.removeSubrange(got...) }
        return out
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
            if error is FileError { throw error }
            throw FileError(path: url.path, message: "cannot write: " + FileError.systemMessage(error))
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

    /// What the system said for a Foundation file error ("No space left on device"), rather than
    /// its description ("Error Domain=NSCocoaErrorDomain Code=512 …").
    public static func systemMessage(_ error: any Error) -> String {
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(ns.code))) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? any Error {
            let u = underlying as NSError
            if u.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(u.code))) }
            return u.localizedDescription
        }
        return ns.localizedDescription
    }
}
