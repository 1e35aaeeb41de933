/// Splits a paragraph into sentences on UTF-8 bytes.
///
/// A sentence ends at `.`, `!`, `?` or `…` (plus closing quotes and brackets) followed by a space
/// and a word that does not start with a lowercase letter, except after: titles ("Dr.", "Mr."),
/// abbreviations that take a number ("No. 5", "Vol. 19", "Jan. 5"), "e.g.", "i.e.", "cf.";
/// initials ("George W. Bush"); dotted abbreviations ("U.S.", "a.m.") and company suffixes
/// ("Inc.") unless the next word usually starts a sentence ("The", "It"…); list numbers at the
/// start of a paragraph ("1. "). Decimals ("$8.5 million") never split: no space follows.
/// A "sentence" longer than `maxBytes` (a table or a line without punctuation) is cut at spaces,
/// so stages that work per sentence never meet one of megabytes.
struct SentenceSplitter {
    /// The longest sentence kept whole, in UTF-8 bytes; longer ones are cut (see `capped`).
    static let maxBytes = 2000

    /// Abbreviations that never end a sentence (lowercased, no final period).
    private let never: ByteWordSet

    static let titles = ["mr", "mrs", "ms", "dr", "prof", "gen", "gov", "sen", "rep", "reps", "col", "lt", "capt", "sgt",
                         "maj", "adm", "cmdr", "hon", "rev", "fr", "messrs", "mme", "st", "pres", "supt", "amb", "ambs",
                         "lieut", "brig", "cpl", "pvt", "sens", "gens", "e.g", "i.e", "cf", "vs", "viz", "al", "approx",
                         "esp", "incl", "ca", "resp", "dept", "univ", "assn", "ave", "blvd", "mt", "ft", "est", "ibid",
                         "op", "eds", "ed", "trans", "repr", "u.s.a", "sr", "jr", "dist", "gov't", "intl", "natl"]
    /// Abbreviations that do not end a sentence when a number follows ("No. 5").
    static let beforeNumbers = ByteWordSet(["no", "nos", "vol", "vols", "art", "arts", "sec", "secs", "ch", "chap",
                                                  "fig", "figs", "p", "pp", "para", "paras", "tab", "ex", "nr", "pt", "pts",
                                                  "sect", "cl", "rev", "ser", "iss", "r", "s", "h", "res", "amdt", "ord",
                                                  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                                                  "nov", "dec", "approx", "ca", "op", "wp"].map { Array($0.utf8) })
    /// Month abbreviations: not an end before a number or a lowercase word, nor before most words.
    static let months = ByteWordSet(["jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"].map { Array($0.utf8) })
    /// Words that end a sentence only when a typical sentence opener follows ("Inc. The …").
    static let suffixes = ByteWordSet(["inc", "corp", "co", "ltd", "llc", "plc", "bros", "cos"].map { Array($0.utf8) })
    /// Words that usually open a sentence.
    static let openers = ByteWordSet([
        "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "we", "they", "i", "you", "in", "on",
        "at", "but", "and", "or", "so", "yet", "if", "when", "while", "as", "after", "before", "since", "for", "from", "to",
        "there", "here", "what", "how", "why", "who", "where", "which", "our", "my", "his", "her", "their", "your", "some",
        "many", "most", "all", "not", "one", "both", "each", "such", "however", "meanwhile", "also", "moreover", "today",
        "then", "thus", "still", "instead", "during", "despite", "although", "though", "because", "under", "over", "by",
        "with", "without", "according", "other", "another", "none", "no", "any", "every", "even", "only", "now", "yes",
        "last", "first", "further", "furthermore", "nevertheless", "accordingly", "similarly", "finally", "indeed",
        "rather", "more", "several", "few", "let", "among", "between", "through", "about",
        "officials", "analysts", "congress", "members", "some", "critics", "supporters", "observers",
    ].map { Array($0.utf8) })

    init(extra: [String] = []) {
        never = ByteWordSet((SentenceSplitter.titles + extra.map { $0.lowercased() }).map { Array($0.utf8) })
    }

    /// Sentence byte ranges inside `r` (trimmed, covering every non-space byte of it).
    func split(_ s: [UInt8], _ r: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = r.lowerBound
        while start < r.upperBound, s[start] == 0x20 || s[start] == 0x0A { start += 1 }
        var i = start
        let end = r.upperBound
        while i < end {
            if i + 8 <= end { i = s.withUnsafeBufferPointer { SentenceSplitter.skipPlain($0, from: i, to: end) } }
            guard i < end else { break }
            let c = s[i]
            let isEllipsis = c == 0xE2 && i + 2 < end && s[i + 1] == 0x80 && s[i + 2] == 0xA6
            guard c == 0x2E || c == 0x21 || c == 0x3F || isEllipsis else { i += 1; continue }
            let termStart = i
            var onlyPeriod = true
            var ellipsis = false
            // The run of terminators.
            while i < end {
                if s[i] == 0x2E { i += 1; continue }
                if s[i] == 0x21 || s[i] == 0x3F { onlyPeriod = false; i += 1; continue }
                if s[i] == 0xE2, i + 2 < end, s[i + 1] == 0x80, s[i + 2] == 0xA6 { onlyPeriod = false; ellipsis = true; i += 3; continue }
                break
            }
            let singlePeriod = onlyPeriod && i == termStart + 1
            // Closing quotes and brackets.
            while i < end {
                let d = s[i]
                if d == 0x22 || d == 0x27 || d == 0x29 || d == 0x5D { i += 1; continue }
                if d == 0xE2, i + 2 < end, s[i + 1] == 0x80, s[i + 2] == 0x9D || s[i + 2] == 0x99 { i += 3; continue }
                if d == 0xC2, i + 1 < end, s[i + 1] == 0xBB { i += 2; continue }
                break
            }
            guard i < end, s[i] == 0x20 || s[i] == 0x0A else { continue }
            var k = i
            while k < end, s[k] == 0x20 || s[k] == 0x0A { k += 1 }
            guard k < end else { break }
            if isBoundary(s, start: start, termStart: termStart, next: k, end: end, singlePeriod: singlePeriod, onlyPeriod: onlyPeriod,
                          ellipsis: ellipsis) {
                out.append(start..<i)
                start = k
            }
            i = k
        }
        var last = end
        while last > start, s[last - 1] == 0x20 || s[last - 1] == 0x0A { last -= 1 }
        if last > start { out.append(start..<last) }
        return out
    }

    /// The first position at or after `i` whose eight-byte word (while one fits before `end`) holds
    /// a byte that may end a sentence: `.`, `!`, `?` or 0xE2 (the lead byte of `…`).
    @inline(__always) static func skipPlain(_ s: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard let base = s.baseAddress else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = start
        while i + 8 <= end {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            @inline(__always) func has(_ b: UInt8) -> UInt64 {
                let y = x ^ (ones &* UInt64(b))
                return (y &- ones) & ~y & highs
            }
            if has(0x2E) | has(0x21) | has(0x3F) | has(0xE2) != 0 { break }
            i += 8
        }
        return i
    }

    private func isBoundary(_ s: [UInt8], start: Int, termStart: Int, next k: Int, end: Int, singlePeriod: Bool,
                            onlyPeriod: Bool, ellipsis: Bool) -> Bool {
        let n = s[k]
        if n >= 0x61 && n <= 0x7A { return false }  // a lowercase word continues the sentence
        // A stage direction after the full stop belongs to the sentence: "first. (Applause.)"
        if n == 0x28 || n == 0x5B {
            let close: UInt8 = n == 0x28 ? 0x29 : 0x5D
            var c = k + 1
            while c < end, c - k < 40, s[c] != close { c += 1 }
            if c < end, s[c] == close, StageDirections.isDirection(s, (k + 1)..<c) { return false }
        }
        // An ellipsis after a space marks omitted words inside a sentence: "ourselves … We have".
        if ellipsis, termStart > start, s[termStart - 1] == 0x20 { return false }
        // An opening quote or bracket followed by lowercase continues it too.
        if n == 0x28 || n == 0x22 || n == 0x27, k + 1 < end, s[k + 1] >= 0x61, s[k + 1] <= 0x7A { return false }
        guard singlePeriod else { return true }
        // The word before the period.
        var w = termStart
        while w > start, s[w - 1] != 0x20, s[w - 1] != 0x0A, s[w - 1] != 0x28, s[w - 1] != 0x22, s[w - 1] != 0x5B { w -= 1 }
        // Skip an opening curly quote.
        if termStart - w >= 3, s[w] == 0xE2, s[w + 1] == 0x80, s[w + 2] == 0x9C || s[w + 2] == 0x98 { w += 3 }
        guard w < termStart else { return true }
        // In compounds ("Australia-U.S.") the part after the last hyphen or slash counts.
        var h = termStart - 1
        while h > w, s[h] != 0x2D, s[h] != 0x2F { h -= 1 }
        if h > w, s[h] == 0x2D || s[h] == 0x2F { w = h + 1 }
        guard w < termStart else { return true }
        // The word, ASCII-lowercased, in a buffer on the stack (no array per period).
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: termStart - w) { buffer in
            var hasDot = false, allDigits = true, upperCount = 0, letters = 0, roman = true
            for x in w..<termStart {
                var c = s[x]
                if c == 0x2E { hasDot = true }
                if c < 0x30 || c > 0x39 { allDigits = false }
                if c >= 0x41 && c <= 0x5A { upperCount += 1; c |= 0x20 }
                if c >= 0x61 && c <= 0x7A { letters += 1 }
                if c != 0x69 && c != 0x76 && c != 0x78 { roman = false }
                buffer[x - w] = c
            }
            let token = UnsafeBufferPointer(buffer)
            let nextIsDigit = n >= 0x30 && n <= 0x39
            if never.contains(token) { return false }
            if nextIsDigit && SentenceSplitter.beforeNumbers.contains(token) { return false }
            if allDigits {
                // "1. " opening a paragraph is a list number.
                return !(w == start && token.count <= 3)
            }
            // Roman numerals opening a paragraph ("IV. ").
            if w == start, token.count <= 4, roman { return false }
            let opener = nextWordIsOpener(s, k, end)
            if SentenceSplitter.months.contains(token) { return opener && !nextIsDigit }
            if SentenceSplitter.suffixes.contains(token) { return opener }
            if hasDot && letters >= 1 && token.count <= 8 { return opener }   // U.S. U.N. a.m. Ph.D
            if letters == 1 && token.count == 1 && upperCount == 1 { return opener }   // initials
            return true
        }
    }

    private func nextWordIsOpener(_ s: [UInt8], _ k: Int, _ end: Int) -> Bool {
        var a = k
        while a < end, !((s[a] | 0x20) >= 0x61 && (s[a] | 0x20) <= 0x7A) {
            if s[a] == 0x20 || a - k > 3 { return false }
            a += 1
        }
        var b = a
        while b < end, (s[b] | 0x20) >= 0x61, (s[b] | 0x20) <= 0x7A { b += 1 }
        guard b - a <= SentenceSplitter.openers.maxLength else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: b - a) { word in
            for x in a..<b { word[x - a] = s[x] | 0x20 }
            return SentenceSplitter.openers.contains(UnsafeBufferPointer(word))
        }
    }

    /// Cuts ranges longer than `maxBytes` at the last space or line break before the limit (or,
    /// with none, at the last character boundary), trimming the pieces.
    static func capped(_ ranges: [Range<Int>], _ s: [UInt8], maxBytes: Int = SentenceSplitter.maxBytes) -> [Range<Int>] {
        guard ranges.contains(where: { $0.count > maxBytes }) else { return ranges }
        var out: [Range<Int>] = []
        for r in ranges {
            var start = r.lowerBound
            while r.upperBound - start > maxBytes {
                var cut = start + maxBytes
                while cut > start, s[cut] != 0x20 && s[cut] != 0x0A { cut -= 1 }
                if cut == start {
                    cut = start + maxBytes
                    while cut > start + 1, s[cut] & 0xC0 == 0x80 { cut -= 1 }   // not inside a UTF-8 sequence
                }
                var end = cut
                while end > start, s[end - 1] == 0x20 || s[end - 1] == 0x0A { end -= 1 }
                if end > start { out.append(start..<end) }
                start = cut
                while start < r.upperBound, s[start] == 0x20 || s[start] == 0x0A { start += 1 }
            }
            if start < r.upperBound { out.append(start..<r.upperBound) }
        }
        return out
    }
}
