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
    /// The index as read when the run started; its lines are found through `lines` and parsed
    /// when asked for (no string per entry: a cached run looks each input up once).
    private let bytes: [UInt8]
    /// Entries by path (a later line with the same path wins), each a line of `bytes`.
    private let lines: ByteKeyIndex
    private let lineEnds: [Int32]
    /// Entries recorded anew in this run (dropped from the old ones when saving).
    private let replaced: Mutex<[Bool]>
    /// Entries recorded in this run, as index lines in a temporary file next to the index (so
    /// memory does not grow with the number of inputs); nil until the first one.
    private let added = Mutex<(fd: Int32, path: String)?>(nil)
    /// Lines recorded but not yet written to the temporary file (written in blocks of 64 KB).
    private let pending = Mutex<[UInt8]>([])

    /// Loads the index of a cache folder (nil: a disabled index that remembers nothing).
    init(cacheDirectory: URL?) {
        url = cacheDirectory?.appendingPathComponent("inputs.index")
        let data = url.flatMap { AtomicFile.read(path: $0.path) } ?? []
        var index = ByteKeyIndex(capacity: data.count / 128)
        var ends: [Int32] = []
        if data.count < Int(Int32.max) {
            data.withUnsafeBufferPointer { buf in
                var start = 0
                while start < buf.count {
                    let end = ByteKeyIndex.index(of: 0x0A, in: buf, from: start, to: buf.count)
                    // A line with 7 fields whose last is a 64-character digest; the numbers are checked when read.
                    var tabs = 0, firstTab = -1, lastTab = -1
                    var tab = ByteKeyIndex.index(of: 0x09, in: buf, from: start, to: end)
                    while tab < end && tabs < 7 {
                        if firstTab < 0 { firstTab = tab }
                        lastTab = tab
                        tabs += 1
                        tab = ByteKeyIndex.index(of: 0x09, in: buf, from: tab + 1, to: end)
                    }
                    if tabs == 6 && end - lastTab - 1 == 64 {
                        index.insert(key: start..<firstTab, in: buf)
                        ends.append(Int32(end))
                    }
                    start = end + 1
                }
            }
        }
        bytes = data
        lines = index
        lineEnds = ends
        replaced = Mutex([Bool](repeating: false, count: ends.count))
    }

    /// Entry `k`: its path, stat data and digest (nil when a number is malformed).
    private func entry(_ k: Int) -> (String, FileStat, String)? {
        let key = lines.keyRange(k)
        return StatIndex.parse(bytes[key.lowerBound..<Int(lineEnds[k])])
    }

    private static func parse(_ line: ArraySlice<UInt8>) -> (String, FileStat, String)? {
        func int(_ b: ArraySlice<UInt8>) -> Int64? {
            guard !b.isEmpty, b.count <= 19 else { return nil }
            var v: Int64 = 0
            for c in b { guard c >= 0x30 && c <= 0x39 else { return nil }; v = v * 10 + Int64(c - 0x30) }
            return v
        }
        let f = line.split(separator: 0x09, omittingEmptySubsequences: false)
        guard f.count == 7, let size = int(f[1]), let m = int(f[2]), let c = int(f[3]), let ino = int(f[4]),
              let dev = int(f[5]), f[6].count == 64 else { return nil }
        return (String(decoding: f[0], as: UTF8.self), FileStat(size: size, mtime: m, ctime: c, inode: UInt64(ino), device: UInt64(dev)),
                String(decoding: f[6], as: UTF8.self))
    }

    private static func line(_ path: String, _ s: FileStat, _ digest: String) -> String {
        "\(path)\t\(s.size)\t\(s.mtime)\t\(s.ctime)\t\(s.inode)\t\(s.device)\t\(digest)\n"
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
        return bytes.withUnsafeBufferPointer { buf -> String? in
            guard let k = lines.find(path, in: buf) else { return nil }
            // The five numbers after the path, then the digest (the line's last 64 bytes).
            var at = lines.keyRange(k).upperBound + 1
            func number() -> Int64? {
                var v: Int64 = 0, digits = 0
                while at < buf.count, buf[at] != 0x09 {
                    let c = buf[at]
                    guard c >= 0x30 && c <= 0x39, digits < 19 else { return nil }
                    v = v * 10 + Int64(c - 0x30)
                    digits += 1
                    at += 1
                }
                at += 1
                return digits > 0 ? v : nil
            }
            guard let size = number(), let m = number(), let c = number(), let ino = number(), let dev = number() else { return nil }
            let s = FileStat(size: size, mtime: m, ctime: c, inode: UInt64(ino), device: UInt64(dev))
            guard s == stat, at + 64 == Int(lineEnds[k]), !replaced.withLock({ $0[k] }) else { return nil }
            return String(decoding: UnsafeBufferPointer(rebasing: buf[at..<at + 64]), as: UTF8.self)
        }
    }

    /// Remembers a digest (unless the file changed too recently to trust its times).
    func record(path: String, stat: FileStat, digest: String) {
        // Bytes, not `String.contains` (which goes through Foundation's string search).
        guard url != nil, !path.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A }) else { return }
        let now = Int64(Date().timeIntervalSince1970 * 1e9)
        guard now - max(stat.mtime, stat.ctime) > 2_000_000_000 else { return }
        if let k = bytes.withUnsafeBufferPointer({ lines.find(path, in: $0) }) { replaced.withLock { $0[k] = true } }
        pending.withLock { p in
            p += StatIndex.line(path, stat, digest).utf8
            guard p.count >= 1 << 16 else { return }
            append(p)   // under the lock: lines reach the file in the order they were recorded
            p.removeAll(keepingCapacity: true)
        }
    }

    /// Appends recorded lines to the temporary file (created on first use).
    private func append(_ bytes: [UInt8]) {
        guard let url, !bytes.isEmpty else { return }
        added.withLock { a in
            if a == nil {
                let tmp = url.deletingLastPathComponent().appendingPathComponent(".tmp-\(getpid())-inputs.index.new").path
                let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0o644)
                guard fd >= 0 else { return }
                a = (fd, tmp)
            }
            _ = bytes.withUnsafeBytes { write(a!.fd, $0.baseAddress, $0.count) }
        }
    }

    /// Writes the index if anything was added: the entries read at the start that were not
    /// recorded anew, then the new ones (atomically; a concurrent writer's version may win).
    func save() {
        pending.withLock { p in append(p); p = [] }
        guard let url, let (fd, tmp) = added.withLock({ a -> (Int32, String)? in defer { a = nil }; return a }) else { return }
        close(fd)
        defer { unlink(tmp) }
        // The old entries not recorded anew (the last line of each path), sorted by path.
        let kept = replaced.withLock { r in
            bytes.withUnsafeBufferPointer { buf in
                (0..<lineEnds.count).filter { k in !r[k] && lines.find(UnsafeBufferPointer(rebasing: buf[lines.keyRange(k)]), in: buf) == k }
            }
        }
        let old = kept.compactMap(entry).sorted { JSONWriter.utf8Less($0.0, $1.0) }.map { StatIndex.line($0.0, $0.1, $0.2) }
        if old.isEmpty {
            _ = rename(tmp, url.path)   // atomic; the deferred unlink then finds nothing
            return
        }
        try? AtomicFile.write(to: url) { h in
            for line in old { try h.write(contentsOf: Data(line.utf8)) }
            guard let input = FileHandle(forReadingAtPath: tmp) else { return }
            defer { try? input.close() }
            while let chunk = try input.read(upToCount: 1 << 20), !chunk.isEmpty { try h.write(contentsOf: chunk) }
        }
    }
}
