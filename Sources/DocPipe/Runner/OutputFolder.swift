import Foundation
import Synchronization

/// The output folder: validates the relative paths stages ask for, writes atomically, and keeps
/// a manifest (`.docpipe-outputs`) so files a previous run wrote and this one did not are removed.
public final class OutputFolder: Sendable {
    /// The folder.
    public let root: URL
    private let written = Mutex<Set<String>>([])
    /// The manifest's name inside the folder.
    public static let manifestName = ".docpipe-outputs"

    /// An output folder at `root`.
    public init(root: URL) { self.root = root }

    /// Checks a stage-supplied relative path: no absolute paths, `..`, empty or hidden
    /// components, NUL or control characters. Returns the URL inside the folder.
    public func url(for relativePath: String) throws -> URL {
        let components = relativePath.split(separator: "/", omittingEmptySubsequences: false)
        guard !relativePath.isEmpty, !relativePath.hasPrefix("/"), components.allSatisfy({ c in
            !c.isEmpty && c != "." && c != ".." && !c.hasPrefix(".") && !c.unicodeScalars.contains { $0.value < 0x20 || $0 == "\\" }
        }) else {
            throw FileError(path: relativePath, message: "refused to write outside the output folder (unsafe path)")
        }
        return root.appendingPathComponent(relativePath)
    }

    /// Writes a file atomically and records it.
    public func write(_ relativePath: String, bytes: [UInt8]) throws {
        try AtomicFile.write(bytes, to: try url(for: relativePath))
        written.withLock { _ = $0.insert(relativePath) }
    }

    /// Streams a file atomically and records it.
    public func write(_ relativePath: String, _ body: (FileHandle) throws -> Void) throws {
        try AtomicFile.write(to: try url(for: relativePath), body)
        written.withLock { _ = $0.insert(relativePath) }
    }

    /// Records a file written by other means (run.json) so it is not treated as stale.
    public func record(_ relativePath: String) { written.withLock { _ = $0.insert(relativePath) } }

    /// Removes temporary files and spool folders left in the output folder by runs that were
    /// killed (their process no longer exists). Files of live processes are left alone.
    public func removeLeftovers() {
        var doomed: [String] = []
        DirectoryWalker.walk(root.path) { e in
            guard let pid = OutputFolder.ownerPID(ofTemporary: e.name) else { return true }
            if pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH { doomed.append(e.relativePath) }
            return false
        }
        for rel in doomed { try? FileManager.default.removeItem(at: root.appendingPathComponent(rel)) }
    }

    /// The process id in a temporary name (`.tmp-PID-…` or `.docpipe-tmp-PID`), if it is one.
    static func ownerPID(ofTemporary name: String) -> pid_t? {
        for prefix in [".docpipe-tmp-", ".tmp-"] where name.hasPrefix(prefix) {
            let digits = name.dropFirst(prefix.count).prefix { $0.isNumber }
            return pid_t(digits)
        }
        return nil
    }

    /// Relative paths of the files now in the folder (hidden ones excluded).
    public func existingFiles() -> Set<String> {
        var out: Set<String> = []
        DirectoryWalker.walk(root.path) { e in
            if e.name.hasPrefix(".") { return false }
            if !e.isDirectory { out.insert(e.relativePath) }
            return true
        }
        return out
    }

    /// Paths written in this run, sorted.
    public var writtenPaths: [String] { written.withLock { $0.sorted { JSONWriter.utf8Less($0, $1) } } }

    /// Removes files listed in the previous manifest that this run did not write, then writes the
    /// new manifest. Only files docpipe itself wrote are ever removed.
    public func finishManifest() throws {
        let manifest = root.appendingPathComponent(OutputFolder.manifestName)
        let now = writtenPaths
        if let old = try? String(contentsOf: manifest, encoding: .utf8) {
            let keep = Set(now)
            for line in old.split(separator: "\n") where !keep.contains(String(line)) {
                if let u = try? url(for: String(line)) { try? FileManager.default.removeItem(at: u) }
            }
        }
        try AtomicFile.write(Array((now.joined(separator: "\n") + (now.isEmpty ? "" : "\n")).utf8), to: manifest)
    }
}
