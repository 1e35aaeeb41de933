#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Read-only memory for the tables the scorer reads at random on every word (word-vector slots and
/// rows, the linear weights): 64-byte aligned, and when large aligned to 2 MB and, on Linux, marked
/// for transparent huge pages, so random reads do not also miss the TLB (with 4 KB pages every read
/// of a 1 MB table needs its own page walk). Freed with the last reference.
final class TableMemory: @unchecked Sendable {
    /// Tables smaller than this stay in ordinary memory.
    static let hugeThreshold = 256 << 10

    /// The first byte (64-byte aligned). Written only while the owner builds its tables.
    let base: UnsafeMutableRawPointer
    /// Usable bytes.
    let byteCount: Int

    /// At least `byteCount` zeroed bytes.
    init(byteCount: Int) {
        var raw: UnsafeMutableRawPointer?
        var total = max(byteCount, 64)
        if byteCount >= TableMemory.hugeThreshold {
            let alignment = 2 << 20
            total = (byteCount + alignment - 1) / alignment * alignment
            if posix_memalign(&raw, alignment, total) == 0, let raw {
                #if canImport(Glibc)
                _ = madvise(raw, total, MADV_HUGEPAGE)
                #endif
            }
        }
        if raw == nil, posix_memalign(&raw, 64, total) != 0 { fatalError("cannot allocate \(byteCount) bytes") }
        base = raw!
        self.byteCount = byteCount
        memset(base, 0, byteCount)
    }

    deinit { free(base) }

    /// `count` elements of `T` at byte `offset` (the memory is bound to `T` there).
    func bind<T>(_: T.Type, at offset: Int, count: Int) -> UnsafeMutablePointer<T> {
        precondition(offset >= 0 && offset + count * MemoryLayout<T>.stride <= byteCount)
        return (base + offset).bindMemory(to: T.self, capacity: count)
    }

    /// `n` rounded up to a multiple of 64.
    static func aligned(_ n: Int) -> Int { (n + 63) & ~63 }
}
