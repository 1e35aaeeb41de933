/// Decides whether a word broken across lines with a hyphen ("govern-" / "ment") is one word.
///
/// Joined when the joined word occurs elsewhere in the document; kept hyphenated when the
/// hyphenated form occurs elsewhere, or the first part is a prefix usually written with a hyphen
/// ("self-", "non-"); otherwise joined when the second part starts with a lowercase letter.
struct Hyphenation {
    private var vocabulary: WordHashSet?
    private let text: [UInt8]

    init(text: [UInt8]) { self.text = text }

    static let hyphenPrefixes = ByteWordSet(["self", "non", "co", "ex", "well", "anti", "pro", "multi", "cross", "long",
                                                   "short", "high", "low", "post", "pre", "semi", "quasi", "half", "all",
                                                   "so", "mid", "inter", "intra", "full", "one", "two", "three", "four",
                                                   "five", "year", "state", "large", "small"].map { Array($0.utf8) })

    /// Whether `first` (ending the previous line, without its hyphen) and `second` (starting the
    /// next line) should be joined without the hyphen.
    mutating func shouldJoin(first: [UInt8], second: [UInt8]) -> Bool {
        guard let f = second.first, f >= 0x61, f <= 0x7A, !first.isEmpty else { return false }
        if vocabulary == nil { vocabulary = Hyphenation.words(text) }
        let h = Hyphenation.hash(first)
        if vocabulary!.contains(Hyphenation.hash(second, continuing: h)) { return true }
        if vocabulary!.contains(Hyphenation.hash(second, continuing: Hyphenation.hash(CollectionOfOne(0x2D), continuing: h))) { return false }
        if Hyphenation.hyphenPrefixes.contains(first.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }) { return false }
        return true
    }

    /// FNV-1a of a word, ASCII lowercased (a stable hash: no per-process seed).
    static func hash<C: Collection<UInt8>>(_ word: C) -> UInt64 { hash(word, continuing: 0xcbf2_9ce4_8422_2325) }

    /// `hash(a + word)` given `h == hash(a)`.
    @inline(__always) static func hash<C: Collection<UInt8>>(_ word: C, continuing h: UInt64) -> UInt64 {
        var h = h
        for var c in word {
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            h = (h ^ UInt64(c)) &* 0x100_0000_01b3
        }
        return h
    }

    /// Hashes of the lowercased words (letters and inner hyphens) of a text.
    static func words(_ s: [UInt8]) -> WordHashSet {
        var out = WordHashSet(capacity: s.count / 8)
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        var length = 0
        var lastHyphen = false
        var beforeHyphen: UInt64 = 0
        for var c in s {
            let letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
            if letter || c >= 0x80 || (c == 0x2D && length > 0) {
                if c == 0x2D { beforeHyphen = h; lastHyphen = true } else { lastHyphen = false }
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                h = (h ^ UInt64(c)) &* 0x100_0000_01b3
                length += 1
            } else if length > 0 {
                out.insert(lastHyphen ? beforeHyphen : h)
                h = 0xcbf2_9ce4_8422_2325
                length = 0
                lastHyphen = false
            }
        }
        if length > 0 { out.insert(lastHyphen ? beforeHyphen : h) }
        return out
    }
}

/// A set of 64-bit word hashes (already well mixed): open addressing over one array, no per-process
/// seed and no `Hasher` per insert. Zero, the empty-slot marker, is kept aside.
struct WordHashSet {
    private var slots: [UInt64]
    private var used = 0
    private var hasZero = false

    /// An empty set expecting about `capacity` distinct hashes.
    init(capacity: Int) {
        var n = 64
        while n < capacity * 2 { n <<= 1 }
        slots = [UInt64](repeating: 0, count: n)
    }

    @inline(__always) private static func home(_ h: UInt64, _ mask: Int) -> Int { Int(truncatingIfNeeded: h ^ (h >> 29)) & mask }

    /// Adds `h`.
    mutating func insert(_ h: UInt64) {
        if h == 0 { hasZero = true; return }
        let mask = slots.count - 1
        var i = WordHashSet.home(h, mask)
        while slots[i] != 0 {
            if slots[i] == h { return }
            i = (i + 1) & mask
        }
        slots[i] = h
        used += 1
        if used * 2 > slots.count { grow() }
    }

    /// Whether `h` was added.
    func contains(_ h: UInt64) -> Bool {
        if h == 0 { return hasZero }
        let mask = slots.count - 1
        var i = WordHashSet.home(h, mask)
        while slots[i] != 0 {
            if slots[i] == h { return true }
            i = (i + 1) & mask
        }
        return false
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for h in old where h != 0 {
            var i = WordHashSet.home(h, mask)
            while slots[i] != 0 { i = (i + 1) & mask }
            slots[i] = h
        }
    }
}
