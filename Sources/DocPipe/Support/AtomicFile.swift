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
        // Usually only the last component is missing (a cache's `objects/xx`): one mkdir(2).
        if mkdir(path, 0o777) == 0 || errno == EEXIST && isDirectory(path) {
            knownDirectories.withLock { _ = $0.insert(path) }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FileError(path: path, message: "cannot create folder: " + FileError.systemMessage(error))
        }
        knownDirectories.withLock { _ = $0.insert(path) }
    }

    private static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && st.st_mode & S_IFMT == S_IFDIR
    }

    /// This process's id, read once (it is part of every temporary name).
    static let pid = getpid()

    /// Writes `bytes` to `url`, creating parent folders.
    public static func write(_ bytes: [UInt8], to url: URL) throws { try write(bytes, toPath: url.path) }

    /// Writes `bytes` to a file path, creating parent folders (string paths: no URL work on hot paths).
    public static func write(_ bytes: [UInt8], toPath path: String) throws { try write(head: [], bytes, toPath: path) }

    /// Writes `head` then `body` as one file (one `writev`, no concatenated copy), atomically.
    static func write(head: [UInt8], _ body: [UInt8], toPath path: String) throws {
        try write(pieces: [head, body], toPath: path)
    }

    /// Writes the concatenation of `pieces` as one file (one `writev`, no concatenated copy),
    /// atomically. Keep the pieces few (each is one nested `withUnsafeBytes`).
    static func write(pieces: [[UInt8]], toPath path: String) throws {
        let (dir, tmp) = try prepareTemporary(for: path)
        do {
            try writeNew(pieces, to: tmp, reportingAs: path)
        } catch {
            // The folder may have been removed since this process created it (cache clear): once more.
            guard access(dir, F_OK) != 0 else { throw error }
            knownDirectories.withLock { _ = $0.remove(dir) }
            try ensureDirectory(path: dir)
            try writeNew(pieces, to: tmp, reportingAs: path)
        }
        try renameIntoPlace(tmp, path)
    }

    /// The folder of `path` (created unless known to exist) and a fresh temporary name inside it.
    /// Built on UTF-8 bytes: `dir/.tmp-PID-N-` and at most 40 bytes of the name, cut between scalars.
    private static func prepareTemporary(for path: String) throws -> (dir: String, tmp: String) {
        let bytes = Array(path.utf8)
        let slash = bytes.lastIndex(of: UInt8(ascii: "/"))
        let dir = slash.map { String(decoding: bytes[..<$0], as: UTF8.self) } ?? "."
        try ensureDirectory(path: dir)
        let n = counter.add(1, ordering: .relaxed).newValue
        let nameStart = slash.map { $0 + 1 } ?? 0
        var nameEnd = min(bytes.count, nameStart + 40)
        while nameEnd < bytes.count && nameEnd > nameStart && bytes[nameEnd] & 0xC0 == 0x80 { nameEnd -= 1 }
        var tmp: [UInt8] = []
        tmp.reserveCapacity(nameStart + 72)
        if let slash { tmp += bytes[...slash] } else { tmp += "./".utf8 }
        tmp += ".tmp-".utf8
        JSONWriter.appendInt(Int(pid), to: &tmp)
        tmp.append(UInt8(ascii: "-"))
        JSONWriter.appendInt(n, to: &tmp)
        tmp.append(UInt8(ascii: "-"))
        tmp += bytes[nameStart..<nameEnd]
        return (dir, String(decoding: tmp, as: UTF8.self))
    }

    private static func renameIntoPlace(_ tmp: String, _ path: String) throws {
        if rename(tmp, path) != 0 {
            let err = errno
            unlink(tmp)
            throw FileError(path: path, message: "cannot rename into place: \(String(cString: strerror(err)))")
        }
    }

    /// Streams into a temporary file through a buffered `FileSink`, then renames it over `path`.
    static func write(toPath path: String, _ body: (inout FileSink) throws -> Void) throws {
        let (dir, tmp) = try prepareTemporary(for: path)
        var fd = openNew(tmp)
        if fd < 0 && errno == ENOENT {
            knownDirectories.withLock { _ = $0.remove(dir) }
            try ensureDirectory(path: dir)
            fd = openNew(tmp)
        }
        guard fd >= 0 else { throw FileError(path: path, message: "cannot write: \(String(cString: strerror(errno)))") }
        var sink = FileSink(fd: fd, path: path)
        do {
            try body(&sink)
            try sink.flush()
        } catch {
            _ = close(fd)
            unlink(tmp)
            if error is FileError { throw error }
            throw FileError(path: path, message: "cannot write: " + FileError.systemMessage(error))
        }
        if close(fd) != 0 {
            let e = errno
            unlink(tmp)
            throw FileError(path: path, message: "cannot write: \(String(cString: strerror(e)))")
        }
        try renameIntoPlace(tmp, path)
    }

    /// Reads a whole file with POSIX calls; nil when it does not exist or cannot be read.
    public static func read(path: String) -> [UInt8]? { read(path: path, regularOnly: false) }

    /// Calls `body` with a whole file mapped read-only: no copy and no fresh memory to fault in
    /// (for large model files read once at start-up). Nil when it cannot be opened or mapped.
    public static func withMappedFile<R>(path: String, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        let size = Int(st.st_size)
        if size == 0 { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let p = mmap(nil, size, PROT_READ, flags, fd, 0), p != UnsafeMutableRawPointer(bitPattern: -1) else { return nil }
        defer { munmap(p, size) }
        return try body(UnsafeRawBufferPointer(start: p, count: size))
    }

    /// Reads a whole regular file (never blocking on a named pipe or device); nil when it is not
    /// one, does not exist or cannot be read.
    public static func readRegularFile(path: String) -> [UInt8]? { read(path: path, regularOnly: true) }

    private static func read(path: String, regularOnly: Bool) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | (regularOnly ? O_NONBLOCK : 0))
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return nil }
        if regularOnly && st.st_mode & S_IFMT != S_IFREG { return nil }
        let size = Int(st.st_size)
        var ok = true
        // Read straight into uninitialised storage (no zero-filling pass over a large file first).
        let out = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var got = 0
            while got < size {
                let n = Glibc.read(fd, buffer.baseAddress! + got, size - got)
                if n < 0 { if errno == EINTR { continue }; ok = false; break }
                if n == 0 { break }
                got += n
            }
            count = ok ? got : 0
        }
        return ok ? out : nil
    }

    /// Streams into a temporary file via `body`, then renames it over `url`.
    public static func write(to url: URL, _ body: (FileHandle) throws -> Void) throws {
        let dir = url.deletingLastPathComponent()
        try ensureDirectory(dir)
        let n = counter.add(1, ordering: .relaxed).newValue
        let tmp = dir.appendingPathComponent(".tmp-\(pid)-\(n)-\(url.lastPathComponent.prefix(40))")
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

/// Buffered writes to a file being created by `AtomicFile.write(toPath:_:)`: one `write(2)` per
/// 256 KB instead of one per piece; pieces larger than the buffer go straight to the file.
struct FileSink {
    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 18

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
        buffer.reserveCapacity(Self.capacity)
    }

    /// Appends bytes.
    mutating func write(_ bytes: [UInt8]) throws {
        if buffer.count + bytes.count > Self.capacity { try flush() }
        if bytes.count >= Self.capacity {
            try AtomicFile.writeAll(fd, bytes, path: path)
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Appends bytes from a buffer.
    mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        if buffer.count + bytes.count > Self.capacity { try flush() }
        if bytes.count >= Self.capacity { try write(Array(bytes)) } else { buffer.append(contentsOf: bytes) }
    }

    /// Appends a string's UTF-8 bytes.
    mutating func write(_ text: String) throws { try write(Array(text.utf8)) }

    /// Appends one byte.
    mutating func write(byte: UInt8) throws {
        if buffer.count >= Self.capacity { try flush() }
        buffer.append(byte)
    }

    /// Appends `count` bytes of another file, from `offset`, copied by the kernel (`sendfile`);
    /// falls back to reading and writing where the kernel cannot copy between the two files.
    mutating func copy(from source: Int32, offset: UInt64, count: Int) throws {
        guard count > 0 else { return }
        try flush()
        var position = off_t(offset)
        var left = count
        #if os(Linux)
        while left > 0 {
            let n = sendfile(fd, source, &position, left)
            if n > 0 { left -= n; continue }
            if n < 0 && errno == EINTR { continue }
            break
        }
        guard left > 0 else { return }
        #endif
        // Fallback: through a buffer.
        var chunk = [UInt8](repeating: 0, count: min(left, Self.capacity))
        while left > 0 {
            let want = min(left, chunk.count)
            let got = chunk.withUnsafeMutableBytes { pread(source, $0.baseAddress!, want, position) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { throw FileError(path: path, message: "cannot copy a spooled part: \(String(cString: strerror(errno)))") }
            try AtomicFile.writeAll(fd, Array(chunk[0..<got]), path: path)
            position += off_t(got)
            left -= got
        }
    }

    /// Writes what is buffered.
    mutating func flush() throws {
        guard !buffer.isEmpty else { return }
        try AtomicFile.writeAll(fd, buffer, path: path)
        buffer.removeAll(keepingCapacity: true)
    }
}

extension AtomicFile {
    /// Opens a new file for writing (fails if it exists).
    static func openNew(_ path: String) -> Int32 { open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }

    /// Creates a new file holding the concatenation of `pieces`, with POSIX calls (Foundation's own
    /// writers add hidden temporary files of their own, which a killed process would leave behind).
    static func writeNew(_ pieces: [[UInt8]], to path: String, reportingAs shown: String) throws {
        let fd = openNew(path)
        guard fd >= 0 else {
            throw FileError(path: shown, message: "cannot write: \(String(cString: strerror(errno)))")
        }
        let failure = withBuffers(pieces[...]) { writeAll(fd, $0, at: nil) }
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

    /// Calls `body` with the bytes of every array at once (one nested `withUnsafeBytes` per
    /// array, so meant for a few dozen arrays at most).
    static func withBuffers<R>(_ arrays: ArraySlice<[UInt8]>, _ body: ([UnsafeRawBufferPointer]) throws -> R) rethrows -> R {
        var collected: [UnsafeRawBufferPointer] = []
        collected.reserveCapacity(arrays.count)
        return try withBuffers(arrays, &collected, body)
    }

    private static func withBuffers<R>(_ arrays: ArraySlice<[UInt8]>, _ collected: inout [UnsafeRawBufferPointer],
                                       _ body: ([UnsafeRawBufferPointer]) throws -> R) rethrows -> R {
        guard let first = arrays.first else { return try body(collected) }
        return try first.withUnsafeBytes { raw in
            collected.append(raw)
            return try withBuffers(arrays.dropFirst(), &collected, body)
        }
    }

    /// Writes buffers in order with one `writev` (or `pwritev` at `offset`), retried on short
    /// writes; the errno on failure.
    static func writeAll(_ fd: Int32, _ buffers: [UnsafeRawBufferPointer], at offset: UInt64?) -> Int32? {
        let total = buffers.reduce(0) { $0 + $1.count }
        var done = 0
        var vectors: [iovec] = []
        vectors.reserveCapacity(buffers.count)
        while done < total {
            vectors.removeAll(keepingCapacity: true)
            var skip = done
            for b in buffers where b.count > 0 {
                if skip >= b.count { skip -= b.count; continue }
                vectors.append(iovec(iov_base: UnsafeMutableRawPointer(mutating: b.baseAddress! + skip), iov_len: b.count - skip))
                skip = 0
            }
            let count = Int32(min(vectors.count, 1024))   // IOV_MAX; a short write goes round again
            let n = vectors.withUnsafeBufferPointer { v in
                offset.map { pwritev(fd, v.baseAddress, count, off_t($0) + off_t(done)) } ?? writev(fd, v.baseAddress, count)
            }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            done += n
        }
        return nil
    }

    /// Writes all of `bytes` to `fd`.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        let failure: Int32? = bytes.withUnsafeBytes { b in writeAll(fd, [b], at: nil) }
        if let failure { throw FileError(path: path, message: "cannot write: \(String(cString: strerror(failure)))") }
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
