/// The cache keys a run stored, remembered in a fixed 1 MB of bits (a Bloom filter), so memory
/// does not grow with the number of documents: it never says a stored key was not stored; it may
/// say so of a key that was not (rarely, more often in runs of millions of objects), and the
/// cache is then asked, which is what happens without it.
struct KeyFilter: Sendable {
    private static let words = 1 << 17   // 2^23 bits
    private var bits = [UInt64](repeating: 0, count: KeyFilter.words)

    /// An empty filter.
    init() {}

    /// Remembers a key.
    mutating func insert(_ key: String) {
        let (a, b) = Self.hashes(key)
        for i in 0..<3 {
            let bit = Self.bit(a, b, i)
            bits[bit >> 6] |= 1 << UInt64(bit & 63)
        }
    }

    /// Whether the key may have been inserted (false: it certainly was not).
    func mayContain(_ key: String) -> Bool {
        let (a, b) = Self.hashes(key)
        for i in 0..<3 {
            let bit = Self.bit(a, b, i)
            if bits[bit >> 6] & (1 << UInt64(bit & 63)) == 0 { return false }
        }
        return true
    }

    private static func bit(_ a: UInt64, _ b: UInt64, _ i: Int) -> Int {
        Int(truncatingIfNeeded: (a &+ UInt64(i) &* b) & UInt64(words * 64 - 1))
    }

    private static func hashes(_ key: String) -> (UInt64, UInt64) {
        var key = key
        return key.withUTF8 { XXHash64.hashPair(UnsafeRawBufferPointer($0), seeds: (0x6669_6C74, 0x6572_7321)) }
    }
}
