/// A fixed set of token hashes with open addressing: cheaper than `Set<UInt64>` (no SipHash) on
/// the per-token hot path.
struct TokenSet: Sendable {
    private var slots: [UInt64]
    private var used: [Bool]
    private let mask: Int

    /// A set of the hashes of these lowercase words.
    init(_ words: [String]) {
        self.init(hashes: words.map(ClaimTokenizer.hash))
    }

    /// A set of these hashes.
    init(hashes: [UInt64]) {
        var size = 16
        while size < hashes.count * 4 { size *= 2 }
        mask = size - 1
        slots = [UInt64](repeating: 0, count: size)
        used = [Bool](repeating: false, count: size)
        for h in hashes {
            var i = Int(truncatingIfNeeded: FeatureHasher.mix(h)) & mask
            while used[i] && slots[i] != h { i = (i + 1) & mask }
            slots[i] = h
            used[i] = true
        }
    }

    /// Whether the set holds a hash.
    @inline(__always) func contains(_ h: UInt64) -> Bool {
        var i = Int(truncatingIfNeeded: FeatureHasher.mix(h)) & mask
        while used[i] {
            if slots[i] == h { return true }
            i = (i + 1) & mask
        }
        return false
    }
}
