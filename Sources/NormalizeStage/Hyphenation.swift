/// Decides whether a word broken across lines with a hyphen ("govern-" / "ment") is one word.
///
/// Joined when the joined word occurs elsewhere in the document; kept hyphenated when the
/// hyphenated form occurs elsewhere, or the first part is a prefix usually written with a hyphen
/// ("self-", "non-"); otherwise joined when the second part starts with a lowercase letter.
struct Hyphenation {
    private var vocabulary: Set<[UInt8]>?
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
        let joined = lower(first + second)
        if vocabulary!.contains(joined) { return true }
        if vocabulary!.contains(lower(first + [0x2D] + second)) { return false }
        if Hyphenation.hyphenPrefixes.contains(lower(first)) { return false }
        return true
    }

    private func lower(_ w: [UInt8]) -> [UInt8] { w.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }

    /// Lowercased words (letters and inner hyphens) of a text.
    static func words(_ s: [UInt8]) -> Set<[UInt8]> {
        var out: Set<[UInt8]> = []
        var w: [UInt8] = []
        for var c in s {
            let letter = (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A
            if letter || c >= 0x80 || (c == 0x2D && !w.isEmpty) {
                if c >= 0x41 && c <= 0x5A { c |= 0x20 }
                w.append(c)
            } else if !w.isEmpty {
                if w.last == 0x2D { w.removeLast() }
                out.insert(w)
                w.removeAll(keepingCapacity: true)
            }
        }
        if !w.isEmpty { out.insert(w) }
        return out
    }
}
