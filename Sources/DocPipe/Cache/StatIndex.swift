import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Remembers the SHA-256 of input files by their stat data (size, modification and change
/// times in nanoseconds, inode, device), so a run over unchanged inputs does not re-read them.
///
/// Kept beside the cache as `inputs.index` (tab-separated). Like git's index it trusts stat data;
/// a file modified within two seconds of being recorded is not recorded, so an edit in the same
/// second as a run is never missed. Paths with tabs or newlines are simply not indexed.
final class StatIndex: Sendable {
    struct FileStat: Equatable, Sendable {
        var size: Int64
        var mtime: Int64
        var ctime: Int64
        var inode: UInt64
        var device: UInt64
    }

    private let url: URL?
    private let entries: Mutex<[String: (FileStat, String)]>
    private let changed = Atomic<Bool>(false)

    /// Loads the index of a cache folder (nil: a disabled index that remembers nothing).
    init(cacheDirectory: URL?) {
        url = cacheDirectory?.appendingPathComponent("inputs.index")
        var loaded: [String: (FileStat, String)] = [:]
        if let url, let data = AtomicFile.read(path: url.path) {
            func int(_ b: ArraySlice<UInt8>) -> Int64? {
                guard !b.isEmpty, b.count <= 19 else { return nil }
                var v: Int64 = 0
                for c in b { guard c >= 0x30 && c <= 0x39 else { return nil }; v = v * 10 + Int64(c - 0x30) }
                return v
            }
            for line in data.split(separator: 0x0A) {
                let f = line.split(separator: 0x09, omittingEmptySubsequences: false)
                guard f.count == 7, let size = int(f[1]), let m = int(f[2]), let c = int(f[3]), let ino = int(f[4]),
                      let dev = int(f[5]), f[6].count == 64 else { continue }
                loaded[String(decoding: f[0], as: UTF8.self)] = (FileStat(size: size, mtime: m, ctime: c, inode: UInt64(ino), device: UInt64(dev)),
                                                                 String(decoding: f[6], as: UTF8.self))
            }
        }
        entries = Mutex(loaded)
    }

    /// The stat data of a file (following symlinks); nil when it cannot be stat'ed.
    static func fileStat(_ path: String) -> FileStat? {
        var s = stat()
        guard stat(path, &s) == 0 else { return nil }
        return FileStat(size: Int64(s.st_size), mtime: Int64(s.st_mtim.tv_sec) * 1_000_000_000 + Int64(s.st_mtim.tv_nsec),
                        ctime: Int64(s.st_ctim.tv_sec) * 1_000_000_000 + Int64(s.st_ctim.tv_nsec),
                        inode: UInt64(s.st_ino), device: UInt64(s.st_dev))
    }

    /// The remembered digest of a file whose stat data is unchanged.
    func digest(path: String, stat: FileStat) -> String? {
        guard url != nil else { return nil }
        return entries.withLock { e in e[path].flatMap { $0.0 == stat ? $0.1 : nil } }
    }

    /// Remembers a digest (unless the file changed too recently to trust its times).
    func record(path: String, stat: FileStat, digest: String) {
        guard url != nil, !path.contains("\t"), !path.contains("\n") else { return }
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        guard now - max(stat.mtime, stat.ctime) > 2_000_000_000 else { return }
        entries.withLock { $0[path] = (stat, digest) }
        changed.store(true, ordering: .relaxed)
    }

    /// Writes the index if anything was added (atomically; a concurrent writer's version may win).
    func save() {
        guard let url, changed.load(ordering: .relaxed) else { return }
        let text = entries.withLock { e in
            e.keys.sorted().map { k -> String in
                let (s, d) = e[k]!
                return "\(k)\t\(s.size)\t\(s.mtime)\t\(s.ctime)\t\(s.inode)\t\(s.device)\t\(d)"
            }.joined(separator: "\n")
        }
        try? AtomicFile.write(Array((text + "\n").utf8), to: url)
    }
}
