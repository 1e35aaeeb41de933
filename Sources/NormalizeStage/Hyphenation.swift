/// Decides whether a word broken across lines with a hyphen ("govern-" / "ment") is one word.
///
/// Joined when the joined word occurs elsewhere in the document; kept hyphenated when the
/// hyphenated form occurs elsewhere, or the first part is a prefix usually written with a hyphen
/// ("self-", "non-"); otherwise joined when the second part starts with a lowercase letter.
struct Hyphenation {
    private var vocabulary: Set<UInt64>?
    private let text: [UInt8]

    init(text: [UInt8]) { self.text = text }

    static let hyphenPrefixes: Set<[UInt8]> = Set(["self", "non", "co", "ex", "well", "anti", "pro", "multi", "cross", "long",
                                                   "short", "high", "low", "post", "pre", "semi", "quasi", "half", "all",
                                                   "so", "mid", "inter", "intra", "full", "one", "two", "three", "four",
                                                   "five", "year", "state", "large", "small"].map { Array($0.utf8) })

    /// Whether `first` (ending the previous line, without its hyphen) and `second` (starting the
    /// next line) should be joined without the hyphen.
    mutating func shouldJoin(first: [UInt8], second: [UInt8]) -> Bool {
        guard let f = second.first, f >= 0x61, f <= 0x7A, !first.isEmpty else { return false }
        if vocabulary == nil { vocabulary = Hyphenation.words(text) }
        if vocabulary!.contains(Hyphenation.hash(first + second)) { return true }
        if vocabulary!.contains(Hyphenation.hash(first + [0x2D] + second)) { return false }
        if Hyphenation.hyphenPrefixes.contains(first.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }) { return false }
        return true
    }

    /// FNV-1a of a word, ASCII lowercased (a stable hash: no per-process seed).
    static func hash<C: Collection<UInt8>>(_ word: C) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for var c in word {
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            h = (h ^ UInt64(c)) &* 0x100_0000_01b3
        }
        return h
    }

    /// Hashes of the lowercased words (letters and inner hyphens) of a text.
    static func words(_ s: [UInt8]) -> Set<UInt64> {
        var out: Set<UInt64> = []
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
