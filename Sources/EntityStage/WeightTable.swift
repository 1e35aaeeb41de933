#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import DocPipe

/// The tagger's weights, one row of nine tags per hash bucket, stored as two arrays: tags 0–7 of
/// every row (16 aligned bytes, so a row never straddles two cache lines), and tag 8 (I-MISC)
/// apart, since it is read only after a B-/I-MISC. Tags 0–7 are in huge-page memory (`HugePages`;
/// every token reads ~30 random rows of that 4 MB table, exactly two huge pages), tag 8 in ordinary
/// memory (a third huge page, zeroed at every start, would be three-quarters empty). Read-only
/// after creation; the values are exactly the model's.
final class WeightTable: @unchecked Sendable {
    /// Number of buckets.
    let bucketCount: Int
    /// Tags 0–7 of each row.
    private let rows: UnsafeMutablePointer<SIMD8<Int16>>
    /// Tag 8 of each row.
    private let last: UnsafeMutablePointer<Int16>
    private let memory: UnsafeMutableRawPointer

    /// A table of row-major weights, nine per bucket.
    static func interleaved(_ weights: [Int16]) -> WeightTable {
        precondition(weights.count % NERTags.count == 0, "weights are not whole rows")
        return weights.map { $0.littleEndian }.withUnsafeBytes { WeightTable(littleEndian: $0, bucketCount: weights.count / NERTags.count) }
    }

    /// Row-major weights as Int16 little-endian bytes, nine per bucket (`bytes` is only read
    /// during the call).
    init(littleEndian bytes: UnsafeRawBufferPointer, bucketCount: Int) {
        let tags = NERTags.count
        precondition(bytes.count >= bucketCount * tags * 2, "too few weights")
        self.bucketCount = bucketCount
        let rowBytes = bucketCount * MemoryLayout<SIMD8<Int16>>.stride
        memory = HugePages.allocate(bytes: rowBytes)
        rows = memory.bindMemory(to: SIMD8<Int16>.self, capacity: bucketCount)
        last = .allocate(capacity: bucketCount)
        for b in 0..<bucketCount {
            #if _endian(little)
            rows[b] = bytes.loadUnaligned(fromByteOffset: 2 * b * tags, as: SIMD8<Int16>.self)
            #else
            var v = SIMD8<Int16>()
            for t in 0..<8 { v[t] = Int16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * (b * tags + t), as: Int16.self)) }
            rows[b] = v
            #endif
            last[b] = Int16(littleEndian: bytes.loadUnaligned(fromByteOffset: 2 * (b * tags + 8), as: Int16.self))
        }
    }

    deinit {
        free(memory)
        last.deallocate()
    }

    /// Tags 0–7 of bucket `b`'s row widened to 32 bits.
    @inline(__always) func row(_ b: Int) -> SIMD8<Int32> { SIMD8<Int32>(truncatingIfNeeded: rows[b]) }

    /// Tag 8 of bucket `b`'s row.
    @inline(__always) func lastWeight(_ b: Int) -> Int32 { Int32(last[b]) }
}
