/// A fixed set of short words (byte strings) asked about on hot paths with no allocation and no
/// hashing: words of up to seven bytes are packed with their length into one `UInt64` and found by
/// binary search; longer ones (few) are compared byte by byte.
struct ByteWordSet: Sendable {
    /// Packed short words, sorted.
    private let packed: [UInt64]
    /// The words longer than seven bytes.
    private let long: [[UInt8]]
    /// The longest word's length.
    let maxLength: Int

    init(_ words: [[UInt8]]) {
        var packed: [UInt64] = [], long: [[UInt8]] = []
        for w in words {
            if w.count <= 7 { packed.append(w.withUnsafeBufferPointer(ByteWordSet.pack)) } else if !long.contains(w) { long.append(w) }
        }
        self.packed = Array(Set(packed)).sorted()
        self.long = long
        maxLength = words.map(\.count).max() ?? 0
    }

    /// Up to seven bytes and their count in one word (the count in the top byte).
    @inline(__always) static func pack(_ w: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var x = UInt64(w.count) << 56
        for (i, b) in w.enumerated() { x |= UInt64(b) << (8 * UInt64(i)) }
        return x
    }

    /// Whether the set holds `w`.
    func contains(_ w: UnsafeBufferPointer<UInt8>) -> Bool {
        if w.count <= 7 { return contains(packed: ByteWordSet.pack(w)) }
        guard w.count <= maxLength else { return false }
        return long.contains { $0.elementsEqual(w) }
    }

    /// Whether the set holds the short word `pack` made `key` from.
    @inline(__always) func contains(packed key: UInt64) -> Bool {
        var lo = 0, hi = packed.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if packed[mid] < key { lo = mid + 1 } else { hi = mid }
        }
        return lo < packed.count && packed[lo] == key
    }

    /// Whether the set holds `w`.
    func contains(_ w: [UInt8]) -> Bool { w.withUnsafeBufferPointer { contains($0) } }
}
