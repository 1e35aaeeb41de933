#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocPipe

/// Read-only memory for the tables the scorer reads at random on every word (word-vector slots and
/// rows, the linear weights), from `HugePages`: 64-byte aligned, and in huge pages when large.
/// Freed with the last reference.
final class TableMemory: @unchecked Sendable {
    /// The first byte (64-byte aligned). Written only while the owner builds its tables.
    let base: UnsafeMutableRawPointer
    /// Usable bytes.
    let byteCount: Int

    /// At least `byteCount` zeroed bytes.
    init(byteCount: Int) {
        base = HugePages.allocate(bytes: byteCount)
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
