#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Memory for large tables read at random on every token or word (the entity tagger's weights and
/// word facts, the claims scorer's word vectors and weights): aligned to 2 MB and, on Linux,
/// marked for transparent huge pages, so random reads do not also miss the TLB (with 4 KB pages
/// every read of a 1 MB table needs its own page walk, and the processor runs few of those at once).
public enum HugePages {
    /// Tables smaller than this stay in ordinary memory.
    public static let threshold = 256 << 10

    /// Uninitialized memory of at least `bytes` bytes (a whole number of 2 MB pages when large),
    /// aligned to 64 bytes at least; release it with `free`.
    public static func allocate(bytes: Int) -> UnsafeMutableRawPointer {
        var raw: UnsafeMutableRawPointer?
        if bytes >= threshold {
            let alignment = 2 << 20
            let total = (bytes + alignment - 1) / alignment * alignment
            if posix_memalign(&raw, alignment, total) == 0, let raw {
                #if canImport(Glibc)
                _ = madvise(raw, total, MADV_HUGEPAGE)
                #endif
                return raw
            }
        }
        guard posix_memalign(&raw, 64, max(bytes, 64)) == 0, let raw else { fatalError("cannot allocate \(bytes) bytes") }
        return raw
    }
}
