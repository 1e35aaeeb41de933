/// Rules for the labels CoNLL does not annotate: DATE, TIME, MONEY, PERCENT, QUANTITY, ORDINAL
/// and CARDINAL ("$8 million", "80%", "May 2019", "the 1990s", "three-quarters").
///
/// They match token patterns over lowercase word hashes, left to right, longest match first.
/// Word lists here are English grammar (month and number words, units), not gazetteers.
struct NumericRules: Sendable {
    /// A rule match over tokens `start..<end`.
    struct Match: Sendable, Equatable {
        var start: Int
        var end: Int
        var label: String
    }

    /// Which word lists a word belongs to: one table lookup per token instead of one per list.
    struct Lists: OptionSet, Sendable {
        let rawValue: UInt32
        static let months = Lists(rawValue: 1 << 0)
        static let monthAbbrevs = Lists(rawValue: 1 << 1)
        static let ambiguousMonths = Lists(rawValue: 1 << 2)
        static let weekdays = Lists(rawValue: 1 << 3)
        static let relativeDay = Lists(rawValue: 1 << 4)
        static let relativeMod = Lists(rawValue: 1 << 5)
        static let periodNouns = Lists(rawValue: 1 << 6)
        static let numberWords = Lists(rawValue: 1 << 7)
        static let scaleWords = Lists(rawValue: 1 << 8)
        static let ordinalWords = Lists(rawValue: 1 << 9)
        static let currencySymbols = Lists(rawValue: 1 << 10)
        static let currencyWords = Lists(rawValue: 1 << 11)
        static let percentWords = Lists(rawValue: 1 << 12)
        static let units = Lists(rawValue: 1 << 13)
        static let timeSuffixes = Lists(rawValue: 1 << 14)
        static let scaleNumberWords = Lists(rawValue: 1 << 15)
        /// Words the rules compare one by one ("the", "per", "us", …): a token without any bit
        /// and without a digit or hyphen cannot start a match.
        static let keyword = Lists(rawValue: 1 << 16)
    }

    /// Word hash → `Lists` bits.
    private let lists: HashTable
    /// One bit per 12-bit fingerprint of the listed words' hashes (512 bytes): most tokens are
    /// known to be in no list without probing the table.
    private let fingerprints: [UInt64]
    private let the = WordHash.lower("the")
    private let per = WordHash.lower("per")
    private let cent = WordHash.lower("cent")
    private let percentage = WordHash.lower("percentage")
    private let points = WordHash.lower("points")
    private let us = WordHash.lower("us")
    private let dollar = WordHash.lower("$")
    private let comma = WordHash.lower(",")

    /// Builds the word lists.
    init() {
        var bits: [UInt64: UInt32] = [:]
        var order: [UInt64] = []
        func set(_ list: Lists, _ words: [String]) {
            for w in words {
                let h = WordHash.lower(w)
                if bits[h] == nil { order.append(h) }
                bits[h, default: 0] |= list.rawValue
            }
        }
        set(.months, ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december"])
        set(.monthAbbrevs, ["jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
                            "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
        set(.ambiguousMonths, ["may", "march"])
        set(.weekdays, ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
        set(.relativeDay, ["today", "yesterday", "tomorrow"])
        set(.relativeMod, ["last", "next", "this", "previous", "past", "coming"])
        set(.periodNouns, ["year", "years", "month", "months", "week", "weeks", "decade", "decades", "century", "centuries",
                           "day", "days", "quarter", "spring", "summer", "autumn", "fall", "winter"])
        set(.numberWords, ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                           "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                           "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
                           "thousand", "million", "billion", "trillion", "dozen", "dozens", "hundreds", "thousands",
                           "millions", "billions", "half", "quarter", "quarters", "third", "thirds", "fifths", "tenths"])
        set(.scaleWords, ["hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "m", "b", "k", "crore", "lakh"])
        set(.ordinalWords, ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                            "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
                            "seventieth", "eightieth", "ninetieth", "hundredth", "thousandth", "millionth"])
        set(.currencySymbols, ["$", "£", "€", "¥", "us$", "a$", "c$", "hk$", "nz$", "s$", "rs", "rs.", "usd", "eur", "gbp", "jpy", "cny"])
        set(.currencyWords, ["dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi",
                             "won", "rupee", "rupees", "rouble", "roubles", "ruble", "rubles", "franc", "francs", "mark",
                             "marks", "peso", "pesos", "cents", "cent", "riyal", "riyals", "dinar", "dinars", "rand",
                             "lira", "shekels", "krona", "kronor", "guilders", "usd"])
        set(.percentWords, ["%", "percent", "pct", "per-cent"])
        set(.units, ["km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre",
                     "meter", "m", "cm", "mm", "feet", "foot", "ft", "inches", "inch", "yards", "kg", "kilograms", "kilos",
                     "grams", "g", "tons", "tonnes", "ton", "tonne", "pounds-weight", "lbs", "lb", "ounces", "oz", "litres",
                     "liters", "gallons", "barrels", "bpd", "hectares", "acres", "degrees", "mw", "gw", "kw", "kwh", "mph",
                     "km/h", "sq", "square", "megatons", "kilotons", "kt", "mt", "nautical", "calories", "bushels"])
        set(.timeSuffixes, ["a.m.", "p.m.", "am", "pm", "gmt", "utc", "edt", "est", "bst", "cet", "hrs", "o'clock"])
        set(.scaleNumberWords, ["hundred", "thousand", "million", "billion", "trillion"])
        set(.keyword, ["the", "us", "one", "second"])
        lists = HashTable(order.map { ($0, bits[$0]!) })
        var prints = [UInt64](repeating: 0, count: 64)
        for h in order {
            let f = Self.fingerprint(h)
            prints[f >> 6] |= 1 << UInt64(f & 63)
        }
        fingerprints = prints
    }

    /// The lists a word hash belongs to.
    @inline(__always) func lists(_ h: UInt64) -> Lists {
        let f = Self.fingerprint(h)
        guard fingerprints.withUnsafeBufferPointer({ $0[f >> 6] }) & (1 << UInt64(f & 63)) != 0 else { return [] }
        return Lists(rawValue: lists.get(h) ?? 0)
    }

    /// 12 bits of a hash (0 counted as 1, as `HashTable` does).
    @inline(__always) private static func fingerprint(_ h: UInt64) -> Int {
        Int(truncatingIfNeeded: ((h == 0 ? 1 : h) &* 0xD6E8_FEB8_6659_FD93) >> 52)
    }

    /// One sentence as the rules see it: tokens, their hashes and their word-list bits.
    private struct Sentence {
        let bytes: UnsafeBufferPointer<UInt8>
        let tokens: UnsafeBufferPointer<Token>
        let hashes: UnsafeBufferPointer<UInt64>
        let lists: UnsafeBufferPointer<Lists>
        var count: Int { tokens.count }
    }

    /// Finds matches in one sentence's tokens. `hashes[i]` is the lowercase hash of token i.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64]) -> [Match] {
        var out: [Match] = []
        var scratch: [Lists] = []
        matches(bytes, tokens, hashes, lists: &scratch, into: &out)
        return out
    }

    /// Appends the matches of one sentence to `out`; `lists` is a reused buffer.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64], lists: inout [Lists],
                 into out: inout [Match]) {
        let n = tokens.count
        if lists.count < n { lists.append(contentsOf: repeatElement(Lists(), count: n - lists.count)) }
        lists.withUnsafeMutableBufferPointer { lp in
            hashes.withUnsafeBufferPointer { hp in
                for i in 0..<n { lp[i] = self.lists(hp[i]) }
            }
        }
        tokens.withUnsafeBufferPointer { tp in
            hashes.withUnsafeBufferPointer { hp in
                lists.withUnsafeBufferPointer { all in
                    let lp = UnsafeBufferPointer(rebasing: all[0..<n])
                    let s = Sentence(bytes: bytes, tokens: tp, hashes: hp, lists: lp)
                    var i = 0
                    while i < n {
                        // Only a listed word, a number or a hyphenated word can start a match.
                        if lp[i].isEmpty && tp[i].kind != .number && !hasHyphen(bytes, tp[i]) {
                            i += 1
                            continue
                        }
                        if let m = match(at: i, s) {
                            out.append(m)
                            i = m.end
                        } else {
                            i += 1
                        }
                    }
                }
            }
        }
    }

    @inline(__always) private func hasHyphen(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind != .punct else { return false }
        if t.flags.contains(.scanned) { return t.flags.contains(.hyphen) }
        for k in t.start..<t.end where bytes[k] == 0x2D { return true }
        return false
    }

    /// Index after a number phrase starting at i ("8", "8.5 million", "two hundred"), or nil.
    private func numberEnd(_ i: Int, _ s: Sentence) -> Int? {
        let n = s.count
        guard i < n else { return nil }
        var j = i
        if s.tokens[j].kind == .number {
            j += 1
        } else if s.lists[j].contains(.numberWords) || isHyphenatedNumberWord(s.bytes, s.tokens[j]) {
            j += 1
            while j < n, s.lists[j].contains(.numberWords) || isHyphenatedNumberWord(s.bytes, s.tokens[j]) { j += 1 }
        } else {
            return nil
        }
        while j < n, s.lists[j].contains(.scaleWords) || (s.lists[j].contains(.numberWords) && s.tokens[j].kind != .number) {
            if !s.lists[j].contains(.scaleWords) && !s.lists[j].contains(.scaleNumberWords) { break }
            j += 1
        }
        return j
    }

    private static let second = WordHash.lower("second")
    private static let one = WordHash.lower("one")

    /// "twenty-five", "three-quarters": every hyphen-separated part is a number word.
    private func isHyphenatedNumberWord(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        // Without a hyphen the answer is false (most tokens): skip hashing the word twice.
        guard hasHyphen(bytes, t) else { return false }
        var partStart = t.start
        var sawHyphen = false
        for k in t.start...t.end {
            if k == t.end || bytes[k] == 0x2D {
                if k == partStart { return false }
                if lists(WordHash.lower(bytes, partStart, k)).isDisjoint(with: [.numberWords, .ordinalWords]) { return false }
                if k < t.end { sawHyphen = true }
                partStart = k + 1
            }
        }
        return sawHyphen
    }

    private func isYear(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind == .number, t.length == 4 else { return false }
        var v = 0
        for k in t.start..<t.end {
            guard Tokenizer.isDigit(bytes[k]) else { return false }
            v = v * 10 + Int(bytes[k] - 0x30)
        }
        return v >= 1000 && v <= 2100
    }

    private func isDay(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind == .number, t.length <= 4 else { return false }
        var v = 0
        var k = t.start
        while k < t.end, Tokenizer.isDigit(bytes[k]) { v = v * 10 + Int(bytes[k] - 0x30); k += 1 }
        let suffix = t.end - k
        return v >= 1 && v <= 31 && k - t.start <= 2 && (suffix == 0 || suffix == 2)
    }

    /// "1990s", "1990's"? (the apostrophe form splits; only the plain form is matched).
    private func isDecade(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind == .number, t.length == 5 || t.length == 3, bytes[t.end - 1] == 0x73 else { return false }
        for k in t.start..<(t.end - 1) where !Tokenizer.isDigit(bytes[k]) { return false }
        return bytes[t.end - 2] == 0x30
    }

    /// "1996-08-22", "2018-2019", "12/05/2019".
    private func isNumericDate(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind == .number, t.length >= 8, t.length <= 10 else { return false }
        var digits = 0, seps = 0
        for k in t.start..<t.end {
            let c = bytes[k]
            if Tokenizer.isDigit(c) { digits += 1 } else if c == 0x2D || c == 0x2F { seps += 1 } else { return false }
        }
        return (seps == 2 && digits >= 6) || (seps == 1 && digits == 8)
    }

    private func isOrdinalNumber(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind == .number, t.length >= 3 else { return false }
        let a = bytes[t.end - 2] | 0x20, b = bytes[t.end - 1] | 0x20
        guard Tokenizer.isDigit(bytes[t.end - 3]) else { return false }
        return (a == 0x73 && b == 0x74) || (a == 0x6E && b == 0x64) || (a == 0x72 && b == 0x64) || (a == 0x74 && b == 0x68)
    }

    private func match(at i: Int, _ s: Sentence) -> Match? {
        let n = s.count
        let bytes = s.bytes, tokens = s.tokens, hashes = s.hashes
        let h = hashes[i]
        let t = tokens[i]
        let l = s.lists[i]
        // MONEY: currency symbol + number (+ scale).
        var symbolEnd = i
        if l.contains(.currencySymbols) { symbolEnd = i + 1 }
        if h == us, i + 1 < n, hashes[i + 1] == dollar, tokens[i + 1].start == t.end { symbolEnd = i + 2 }
        if symbolEnd > i, let e = numberEnd(symbolEnd, s), tokens[symbolEnd].kind == .number || e > symbolEnd {
            var end = e
            if end < n, s.lists[end].contains(.currencyWords) { end += 1 }
            return Match(start: i, end: end, label: "MONEY")
        }
        // "the 1990s"
        if h == the, i + 1 < n, isDecade(bytes, tokens[i + 1]) { return Match(start: i, end: i + 2, label: "DATE") }
        if isDecade(bytes, t) { return Match(start: i, end: i + 1, label: "DATE") }
        if isNumericDate(bytes, t) { return Match(start: i, end: i + 1, label: "DATE") }
        // Month-based dates: "May 2019", "May 5, 2019", "5 May 2019", "January".
        if l.contains(.months) || (l.contains(.monthAbbrevs) && t.kind == .capitalized) {
            guard t.kind == .capitalized else { return nil }
            var end = i + 1
            var hasDayOrYear = false
            if end < n, isDay(bytes, tokens[end]) {
                end += 1
                hasDayOrYear = true
                if end + 1 < n, hashes[end] == comma, isYear(bytes, tokens[end + 1]) { end += 2 }
                else if end < n, isYear(bytes, tokens[end]) { end += 1 }
            } else if end < n, isYear(bytes, tokens[end]) {
                end += 1
                hasDayOrYear = true
            }
            if !hasDayOrYear && l.contains(.ambiguousMonths) { return nil }
            return Match(start: i, end: end, label: "DATE")
        }
        if isDay(bytes, t), i + 1 < n, !s.lists[i + 1].isDisjoint(with: [.months, .monthAbbrevs]),
           tokens[i + 1].kind == .capitalized {
            var end = i + 2
            if end < n, isYear(bytes, tokens[end]) { end += 1 }
            return Match(start: i, end: end, label: "DATE")
        }
        if l.contains(.weekdays) && t.kind == .capitalized || l.contains(.relativeDay) {
            return Match(start: i, end: i + 1, label: "DATE")
        }
        if l.contains(.relativeMod), i + 1 < n, s.lists[i + 1].contains(.periodNouns), t.kind != .number {
            return Match(start: i, end: i + 2, label: "DATE")
        }
        // TIME: "10:30 a.m.", "3 pm".
        if t.kind == .number, t.length <= 2, i + 2 < n, bytes[tokens[i + 1].start] == 0x3A, tokens[i + 1].length == 1,
           tokens[i + 2].kind == .number, tokens[i + 2].length == 2, tokens[i + 1].start == t.end {
            var end = i + 3
            if end < n, s.lists[end].contains(.timeSuffixes) { end += 1 }
            return Match(start: i, end: end, label: "TIME")
        }
        if t.kind == .number, t.length <= 2, i + 1 < n, s.lists[i + 1].contains(.timeSuffixes) {
            return Match(start: i, end: i + 2, label: "TIME")
        }
        // ORDINAL
        if l.contains(.ordinalWords) && h != Self.second || isOrdinalNumber(bytes, t) {
            return Match(start: i, end: i + 1, label: "ORDINAL")
        }
        // Years on their own.
        if isYear(bytes, t) {
            let next = i + 1 < n ? s.lists[i + 1] : lists(0)
            if next.isDisjoint(with: [.percentWords, .units, .currencyWords]) {
                return Match(start: i, end: i + 1, label: "DATE")
            }
        }
        // Number phrases: PERCENT, MONEY, QUANTITY, CARDINAL.
        if let e = numberEnd(i, s) {
            if e < n, s.lists[e].contains(.percentWords) { return Match(start: i, end: e + 1, label: "PERCENT") }
            if e + 1 < n, hashes[e] == per, hashes[e + 1] == cent { return Match(start: i, end: e + 2, label: "PERCENT") }
            if e + 1 < n, hashes[e] == percentage, hashes[e + 1] == points { return Match(start: i, end: e + 2, label: "PERCENT") }
            if e < n, s.lists[e].contains(.currencyWords) { return Match(start: i, end: e + 1, label: "MONEY") }
            if e < n, s.lists[e].contains(.units), tokens[e].kind == .lower { return Match(start: i, end: e + 1, label: "QUANTITY") }
            // A lone "one" is usually a pronoun ("one of the", "no one").
            if e == i + 1, h == Self.one { return nil }
            if tokens[i].kind == .capitalized && e == i + 1 && i > 0 { return nil }
            return Match(start: i, end: e, label: "CARDINAL")
        }
        return nil
    }
}
