import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The corpus parts of the output folder's last complete run: that run's `PartSpool`, kept in the
/// hidden folder `.docpipe-parts`.
///
/// The cache stores only checksums of a pure exporter's parts (`StageArtifact.withoutContents`),
/// as it does for its files, so a run that must rebuild the corpus files reads the parts of the
/// documents it skipped from here. Every part read is checked against the cached checksum by the
/// caller; a part that is missing or differs is recomputed instead, so an edited or deleted store
/// costs time, never a wrong output.
///
/// A name's index is read on first use and kept sorted by document key: 20 bytes per part.
final class PartStore: Sendable {
    /// The store's folder.
    let directory: URL
    private let indexes = Mutex<[String: Index]>([:])

    /// A document's parts under one name: (document key, offset, length), sorted by key; the
    /// spool file's descriptor.
    private final class Index: Sendable {
        let keys: [UInt64]
        let offsets: [UInt64]
        let lengths: [UInt32]
        let fd: Int32

        init(keys: [UInt64], offsets: [UInt64], lengths: [UInt32], fd: Int32) {
            self.keys = keys
            self.offsets = offsets
            self.lengths = lengths
            self.fd = fd
        }

        deinit { if fd >= 0 { _ = close(fd) } }

        /// The position of `key`'s part, if there is exactly one.
        func find(_ key: UInt64) -> Int? {
            var (lo, hi) = (0, keys.count)
            while lo < hi {
                let mid = (lo + hi) / 2
                if keys[mid] < key { lo = mid + 1 } else { hi = mid }
            }
            guard lo < keys.count, keys[lo] == key, lo + 1 == keys.count || keys[lo + 1] != key else { return nil }
            return lo
        }
    }

    /// The store in `directory` (nothing is read until a part is asked for).
    init(directory: URL) { self.directory = directory }

    /// A document's key in spool indexes: the first 64 bits of the xxHash64 pair of its id. Two
    /// ids that share a key find no part (`Index.find` wants exactly one) and are exported again;
    /// every part found is still checked against its cached checksum.
    static func key(ofDocument id: String) -> UInt64 {
        var id = id
        return id.withUTF8 { XXHash64.hashPair(UnsafeRawBufferPointer($0), seeds: (0, 0x9E37_79B9_7F4A_7C15)).0 }
    }

    /// The spool file of part `name` (its index is the same path with `.index` appended).
    static func fileName(ofPart name: String) -> String { SHA256.hex(of: name) }

    /// The store's folder in an output folder.
    static let folderName = ".docpipe-parts"

    /// Document `id`'s part `name` as the last run stored it; nil when the store has none (or
    /// cannot be read).
    func part(named name: String, document id: String) -> [UInt8]? {
        guard let index = index(named: name), let k = index.find(Self.key(ofDocument: id)) else { return nil }
        // Read straight into uninitialised storage (a rebuild reads every skipped document's parts:
        // no zero-filling pass first, as in `AtomicFile.read`).
        let length = Int(index.lengths[k])
        var ok = true
        let bytes = [UInt8](unsafeUninitializedCapacity: length) { buffer, count in
            do {
                try PartSpool.readAll(index.fd, UnsafeMutableRawBufferPointer(buffer), at: index.offsets[k], name: name)
                count = length
            } catch {
                ok = false
                count = 0
            }
        }
        return ok ? bytes : nil
    }

    private func index(named name: String) -> Index? {
        if let known = indexes.withLock({ $0[name] }) { return known }
        let path = directory.appendingPathComponent(Self.fileName(ofPart: name)).path
        guard let raw = AtomicFile.read(path: path + ".index"), raw.count % PartSpool.indexRecord == 0 else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        let count = raw.count / PartSpool.indexRecord
        // Arrival order is file order: offsets are the running sum of the lengths.
        var entries: [(key: UInt64, offset: UInt64, length: UInt32)] = []
        entries.reserveCapacity(count)
        var offset: UInt64 = 0
        raw.withUnsafeBytes { r in
            for k in 0..<count {
                let base = k * PartSpool.indexRecord
                let length = UInt32(littleEndian: r.loadUnaligned(fromByteOffset: base + 8, as: UInt32.self))
                let key = UInt64(littleEndian: r.loadUnaligned(fromByteOffset: base + 12, as: UInt64.self))
                if key != 0 { entries.append((key, offset, length)) }
                offset += UInt64(length)
            }
        }
        entries.sort { $0.key < $1.key }
        let index = Index(keys: entries.map(\.key), offsets: entries.map(\.offset), lengths: entries.map(\.length), fd: fd)
        return indexes.withLock { loaded in
            if let other = loaded[name] { return other }
            loaded[name] = index
            return index
        }
    }
}
