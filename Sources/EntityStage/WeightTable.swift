#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tagger's weights in memory aligned to 2 MB and, on Linux, marked for transparent huge
/// pages: every token reads ~50 random rows of a 4.7 MB table, so with 4 KB pages most reads
/// also miss the TLB. Read-only after creation; the values are exactly the model's.
final class WeightTable: @unchecked Sendable {
    /// The first weight (row-major, 9 per row, plus padding for the last SIMD load).
    let base: UnsafeMutablePointer<Int16>
    /// Number of weights (including the padding).
    let count: Int

    /// Copies `weights`.
    convenience init(_ weights: [Int16]) {
        self.init(count: weights.count)
        weights.withUnsafeBufferPointer { base.update(from: $0.baseAddress!, count: count) }
    }

    /// Uninitialized room for `count` weights (the caller fills every one).
    init(count: Int) {
        self.count = count
        let alignment = 2 << 20
        let bytes = (count * 2 + alignment - 1) / alignment * alignment
        var raw: UnsafeMutableRawPointer?
        if posix_memalign(&raw, alignment, bytes) != 0 || raw == nil {
            guard posix_memalign(&raw, 64, bytes) == 0, raw != nil else { fatalError("cannot allocate \(bytes) bytes for the tagger weights") }
        }
        #if canImport(Glibc)
        _ = madvise(raw, bytes, MADV_HUGEPAGE)
        #endif
        base = raw!.bindMemory(to: Int16.self, capacity: bytes / 2)
    }

    deinit { free(base) }
}
