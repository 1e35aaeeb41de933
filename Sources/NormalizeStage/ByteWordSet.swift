/// A fixed set of short words (byte strings) asked about on hot paths with no allocation and no
/// `Hasher`: words of up to seven bytes are packed with their length into one `UInt64` and found in
/// a small open-addressing table (a multiplicative hash, not stored anywhere); longer ones (few)
/// are compared byte by byte.
struct ByteWordSet: Sendable {
    /// Packed short words by slot; 0 marks an empty slot (a packed word has its nonzero length on top).
    private let table: [UInt64]
    /// `64 - log2(table.count)`: the hash's top bits pick the slot.
    private let shift: UInt64
    /// Whether the set holds the empty word (which packs to 0).
    private let hasEmpty: Bool
    /// The words longer than seven bytes.
    private let long: [[UInt8]]
    /// The longest word's length.
    let maxLength: Int

    init(_ words: [[UInt8]]) {
        var packed: [UInt64] = [], long: [[UInt8]] = []
        for w in words {
            if w.count <= 7 { packed.append(w.withUnsafeBufferPointer(ByteWordSet.pack)) } else if !long.contains(w) { long.append(w) }
        }
        var size = 16, bits: UInt64 = 4
        while size < packed.count * 4 { size <<= 1; bits += 1 }
        var table = [UInt64](repeating: 0, count: size)
        for key in packed where key != 0 {
            var i = ByteWordSet.slot(key, 64 - bits)
            while table[i] != 0 && table[i] != key { i = (i + 1) & (size - 1) }
            table[i] = key
        }
        (self.table, shift, hasEmpty) = (table, 64 - bits, packed.contains(0))
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

    @inline(__always) private static func slot(_ key: UInt64, _ shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// Whether the set holds the short word `pack` made `key` from.
    @inline(__always) func contains(packed key: UInt64) -> Bool {
        if key == 0 { return hasEmpty }
        let mask = table.count - 1
        var i = ByteWordSet.slot(key, shift)
        while table[i] != 0 {
            if table[i] == key { return true }
            i = (i + 1) & mask
        }
        return false
    }

    /// Whether the set holds `w`.
    func contains(_ w: [UInt8]) -> Bool { w.withUnsafeBufferPointer { contains($0) } }
}
