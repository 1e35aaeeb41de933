import Foundation
import Synchronization

/// The output folder: validates the relative paths stages ask for, writes atomically, and keeps
/// a manifest (`.docpipe-outputs`) so files a previous run wrote and this one did not are removed.
public final class OutputFolder: Sendable {
    /// The folder.
    public let root: URL
    /// `root` as a path (files are addressed by string paths: no URL work per file).
    private let rootPath: String
    private let written = Mutex<Set<String>>([])
    /// Where per-document paths are recorded during a run (nil: in memory with the others).
    private let documentFiles: PartSpool?
    private static let documentFilesStream = "document-files"
    /// The manifest's name inside the folder.
    public static let manifestName = ".docpipe-outputs"

    /// An output folder at `root`.
    public init(root: URL) {
        self.root = root
        rootPath = root.path
        documentFiles = nil
    }

    /// An output folder whose per-document paths are kept on disk in `journal` (not in memory).
    init(root: URL, journal: PartSpool) {
        self.root = root
        rootPath = root.path
        documentFiles = journal
    }

    /// Checks a stage-supplied relative path: no absolute paths, `..`, empty or hidden
    /// components, NUL or control characters. Returns the URL inside the folder.
    public func url(for relativePath: String) throws -> URL { URL(fileURLWithPath: try path(for: relativePath)) }

    /// Checks a stage-supplied relative path (as `url(for:)`) and returns the file's path.
    func path(for relativePath: String) throws -> String {
        guard Self.isSafe(relativePath) else {
            throw FileError(path: relativePath, message: "refused to write outside the output folder (unsafe path)")
        }
        return rootPath.utf8.last == UInt8(ascii: "/") ? rootPath + relativePath : rootPath + "/" + relativePath
    }

    /// Whether a relative path stays inside the folder: not empty or absolute, no empty or hidden
    /// components (so no `.` or `..`), no control characters or backslashes. Checked on UTF-8
    /// bytes: every byte it refuses is a whole scalar.
    static func isSafe(_ relativePath: String) -> Bool {
        var componentStart = true
        for b in relativePath.utf8 {
            if b < 0x20 || b == UInt8(ascii: "\\") { return false }
            if b == UInt8(ascii: "/") {
                if componentStart { return false }   // empty component, or a leading slash
                componentStart = true
                continue
            }
            if componentStart && b == UInt8(ascii: ".") { return false }
            componentStart = false
        }
        return !componentStart   // not empty, no trailing slash
    }

    /// Writes a file atomically and records it.
    public func write(_ relativePath: String, bytes: [UInt8]) throws {
        try AtomicFile.write(bytes, toPath: try path(for: relativePath))
        written.withLock { _ = $0.insert(relativePath) }
    }

    /// Streams a file atomically and records it.
    public func write(_ relativePath: String, _ body: (FileHandle) throws -> Void) throws {
        try AtomicFile.write(to: try url(for: relativePath), body)
        written.withLock { _ = $0.insert(relativePath) }
    }

    /// Streams a file atomically through a buffered sink and records it.
    func write(_ relativePath: String, sink body: (inout FileSink) throws -> Void) throws {
        try AtomicFile.write(toPath: try path(for: relativePath), body)
        written.withLock { _ = $0.insert(relativePath) }
    }

    /// Places a finished file (a spool file on the same file system) at `relativePath` without
    /// copying it: a hard link under a temporary name, renamed over the target, so a reader or a
    /// killed run never sees a partial file. False (nothing changed) when the file system cannot
    /// link it; the caller then writes the file instead.
    func link(_ relativePath: String, from source: String) throws -> Bool {
        let target = try path(for: relativePath)
        let slash = target.utf8.lastIndex(of: UInt8(ascii: "/"))!
        let dir = String(target[..<slash])
        try AtomicFile.ensureDirectory(path: dir)
        let n = OutputFolder.linkCounter.add(1, ordering: .relaxed).newValue
        let tmp = "\(dir)/.tmp-\(AtomicFile.pid)-link\(n)"
        guard hardLink(source, tmp) == 0 else { return false }
        guard rename(tmp, target) == 0 else {
            let e = errno
            unlink(tmp)
            throw FileError(path: relativePath, message: "cannot rename into place: \(String(cString: strerror(e)))")
        }
        written.withLock { _ = $0.insert(relativePath) }
        return true
    }

    private static let linkCounter = Atomic<Int>(0)

    /// Records a file written by other means (run.json) so it is not treated as stale.
    public func record(_ relativePath: String) { written.withLock { _ = $0.insert(relativePath) } }

    /// Writes a document's file atomically and records it under the document's order.
    func write(_ relativePath: String, bytes: [UInt8], order: DocumentOrder) throws {
        try AtomicFile.write(bytes, toPath: try path(for: relativePath))
        try record([relativePath], order: order)
    }

    /// Writes a document's file atomically without recording it (its path was recorded before).
    func rewrite(_ relativePath: String, bytes: [UInt8]) throws {
        try AtomicFile.write(bytes, toPath: try path(for: relativePath))
    }

    /// Records a document's files (written now or by an earlier run) under the document's order.
    func record(_ relativePaths: [String], order: DocumentOrder) throws {
        if let documentFiles {
            try documentFiles.append(relativePaths.map { OutputPart(name: Self.documentFilesStream, bytes: Array($0.utf8)) }, order: order)
        } else {
            for p in relativePaths { record(p) }
        }
    }

    /// Removes temporary files and spool folders left in the output folder by runs that were
    /// killed (their process no longer exists). Files of live processes are left alone.
    public func removeLeftovers() { _ = walk(removingLeftovers: true, listing: false) }

    /// Relative paths of the files now in the folder (hidden ones excluded).
    func existingFiles() -> PathSet { walk(removingLeftovers: false, listing: true) }

    /// `removeLeftovers()`, and with `listing` also `existingFiles()`, in one walk of the folder.
    func removeLeftovers(listing: Bool) -> PathSet { walk(removingLeftovers: true, listing: listing) }

    private func walk(removingLeftovers: Bool, listing: Bool) -> PathSet {
        var doomed: [String] = []
        var files = PathSet(capacity: 1024)
        DirectoryWalker.walkBytes(root.path) { e in
            if e.relativePath[e.nameStart] == UInt8(ascii: "."), let pid = OutputFolder.ownerPID(ofTemporary: e.name) {
                if removingLeftovers && pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH { doomed.append(e.path) }
                return false
            }
            if listing && !e.isDirectory && !e.isHidden { files.insert(e.relativePath) }
            return removingLeftovers || !e.isHidden   // only leftovers are looked for in hidden folders
        }
        for rel in doomed { try? FileManager.default.removeItem(at: root.appendingPathComponent(rel)) }
        return files
    }

    /// The process id in a temporary name (`.tmp-PID-…` or `.docpipe-tmp-PID`), if it is one.
    static func ownerPID(ofTemporary name: String) -> pid_t? {
        guard name.utf8.first == UInt8(ascii: ".") else { return nil }
        for prefix in [".docpipe-tmp-", ".tmp-"] where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
            return pid_t(digits)
        }
        return nil
    }

    /// Paths written in this run, sorted (documents' files kept on disk excluded).
    public var writtenPaths: [String] { written.withLock { $0.sorted { JSONWriter.utf8Less($0, $1) } } }

    /// Calls its argument with each document's output paths, in input order (UTF-8).
    typealias DocumentFiles = ((UnsafeBufferPointer<UInt8>) throws -> Void) throws -> Void

    /// Removes files listed in the previous manifest that this run did not write, then writes the
    /// new manifest: documents' files in input order, then the others sorted. Only files docpipe
    /// itself wrote are ever removed.
    public func finishManifest() throws { try finishManifest(documentFiles: nil) }

    /// `finishManifest()`, with the documents' files from `documentFiles` instead of the journal.
    /// A manifest that would not change is left as it is (nothing is stale then).
    func finishManifest(documentFiles: DocumentFiles?) throws {
        let each: DocumentFiles = documentFiles ?? { [documentFiles = self.documentFiles] body in
            try documentFiles?.forEach(named: Self.documentFilesStream) { try $0.withUnsafeBufferPointer(body) }
        }
        let manifest = root.appendingPathComponent(OutputFolder.manifestName)
        let others = writtenPaths
        let old = AtomicFile.read(path: manifest.path)
        if let old, (try? Self.manifest(old, lists: each, others)) == true { return }
        var stale: Set<String> = []
        if let old {
            for line in old.split(separator: 0x0A) { stale.insert(String(decoding: line, as: UTF8.self)) }
            for p in others { stale.remove(p) }
            try each { stale.remove(String(decoding: $0, as: UTF8.self)) }
        }
        for path in stale.sorted() {
            if let u = try? url(for: path) { try? FileManager.default.removeItem(at: u) }
        }
        try AtomicFile.write(toPath: manifest.path) { sink in
            try each { try sink.write($0); try sink.write(byte: 0x0A) }
            for p in others { try sink.write(p); try sink.write(byte: 0x0A) }
        }
    }

    /// Whether `old` is exactly the manifest of these files (compared as it would be written).
    private static func manifest(_ old: [UInt8], lists documentFiles: DocumentFiles, _ others: [String]) throws -> Bool {
        try old.withUnsafeBufferPointer { old in
            var at = 0
            var same = true
            func match(_ line: UnsafeBufferPointer<UInt8>) {
                guard same, at + line.count < old.count, old[at + line.count] == 0x0A,
                      line.isEmpty || memcmp(old.baseAddress! + at, line.baseAddress!, line.count) == 0 else { same = false; return }
                at += line.count + 1
            }
            try documentFiles(match)
            for p in others {
                var p = p
                p.withUTF8(match)
            }
            return same && at == old.count
        }
    }
}

/// link(2), out of reach of `OutputFolder.link` inside the class.
private func hardLink(_ source: String, _ target: String) -> Int32 { link(source, target) }
