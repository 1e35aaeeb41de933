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

    private let months: WordSet
    private let monthAbbrevs: WordSet
    private let ambiguousMonths: WordSet
    private let weekdays: WordSet
    private let relativeDay: WordSet
    private let relativeMod: WordSet
    private let periodNouns: WordSet
    private let numberWords: WordSet
    private let scaleWords: WordSet
    private let ordinalWords: WordSet
    private let currencySymbols: WordSet
    private let currencyWords: WordSet
    private let percentWords: WordSet
    private let units: WordSet
    private let timeSuffixes: WordSet
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
        func set(_ words: [String]) -> WordSet { WordSet(words) }
        months = set(["january", "february", "march", "april", "may", "june", "july", "august", "september",
                      "october", "november", "december"])
        monthAbbrevs = set(["jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
                            "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])
        ambiguousMonths = set(["may", "march"])
        weekdays = set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
        relativeDay = set(["today", "yesterday", "tomorrow"])
        relativeMod = set(["last", "next", "this", "previous", "past", "coming"])
        periodNouns = set(["year", "years", "month", "months", "week", "weeks", "decade", "decades", "century", "centuries",
                           "day", "days", "quarter", "spring", "summer", "autumn", "fall", "winter"])
        numberWords = set(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                           "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
                           "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
                           "thousand", "million", "billion", "trillion", "dozen", "dozens", "hundreds", "thousands",
                           "millions", "billions", "half", "quarter", "quarters", "third", "thirds", "fifths", "tenths"])
        scaleWords = set(["hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "m", "b", "k", "crore", "lakh"])
        ordinalWords = set(["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                            "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                            "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth",
                            "seventieth", "eightieth", "ninetieth", "hundredth", "thousandth", "millionth"])
        currencySymbols = set(["$", "£", "€", "¥", "us$", "a$", "c$", "hk$", "nz$", "s$", "rs", "rs.", "usd", "eur", "gbp", "jpy", "cny"])
        currencyWords = set(["dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi",
                             "won", "rupee", "rupees", "rouble", "roubles", "ruble", "rubles", "franc", "francs", "mark",
                             "marks", "peso", "pesos", "cents", "cent", "riyal", "riyals", "dinar", "dinars", "rand",
                             "lira", "shekels", "krona", "kronor", "guilders", "usd"])
        percentWords = set(["%", "percent", "pct", "per-cent"])
        units = set(["km", "kilometres", "kilometers", "kilometre", "kilometer", "miles", "mile", "metres", "meters", "metre",
                     "meter", "m", "cm", "mm", "feet", "foot", "ft", "inches", "inch", "yards", "kg", "kilograms", "kilos",
                     "grams", "g", "tons", "tonnes", "ton", "tonne", "pounds-weight", "lbs", "lb", "ounces", "oz", "litres",
                     "liters", "gallons", "barrels", "bpd", "hectares", "acres", "degrees", "mw", "gw", "kw", "kwh", "mph",
                     "km/h", "sq", "square", "megatons", "kilotons", "kt", "mt", "nautical", "calories", "bushels"])
        timeSuffixes = set(["a.m.", "p.m.", "am", "pm", "gmt", "utc", "edt", "est", "bst", "cet", "hrs", "o'clock"])
    }

    /// Finds matches in one sentence's tokens. `hashes[i]` is the lowercase hash of token i.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64]) -> [Match] {
        var out: [Match] = []
        var i = 0
        let n = tokens.count
        while i < n {
            if let m = match(at: i, bytes, tokens, hashes) {
                out.append(m)
                i = m.end
            } else {
                i += 1
            }
        }
        return out
    }

    private func isNumber(_ i: Int, _ tokens: [Token], _ hashes: [UInt64]) -> Bool {
        i < tokens.count && (tokens[i].kind == .number || numberWords.contains(hashes[i]))
    }

    /// Index after a number phrase starting at i ("8", "8.5 million", "two hundred"), or nil.
    private func numberEnd(_ i: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64]) -> Int? {
        guard i < tokens.count else { return nil }
        var j = i
        if tokens[j].kind == .number {
            j += 1
        } else if numberWords.contains(hashes[j]) || isHyphenatedNumberWord(bytes, tokens[j]) {
            j += 1
            while j < tokens.count, numberWords.contains(hashes[j]) || isHyphenatedNumberWord(bytes, tokens[j]) { j += 1 }
        } else {
            return nil
        }
        while j < tokens.count, scaleWords.contains(hashes[j]) || (numberWords.contains(hashes[j]) && tokens[j].kind != .number) {
            if !scaleWords.contains(hashes[j]) && !isScaleNumberWord(hashes[j]) { break }
            j += 1
        }
        return j
    }

    private static let scaleNumberWords = WordSet(["hundred", "thousand", "million", "billion", "trillion"])
    private static let second = WordHash.lower("second")
    private static let one = WordHash.lower("one")

    private func isScaleNumberWord(_ h: UInt64) -> Bool { Self.scaleNumberWords.contains(h) }

    /// "twenty-five", "three-quarters": every hyphen-separated part is a number word.
    private func isHyphenatedNumberWord(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        guard t.kind != .punct else { return false }
        // Without a hyphen the answer is false (most tokens): skip hashing the word twice.
        var hasHyphen = false
        for k in t.start..<t.end where bytes[k] == 0x2D { hasHyphen = true; break }
        guard hasHyphen else { return false }
        var partStart = t.start
        var sawHyphen = false
        for k in t.start...t.end {
            if k == t.end || bytes[k] == 0x2D {
                if k == partStart { return false }
                if !numberWords.contains(WordHash.lower(bytes, partStart, k)) && !ordinalWords.contains(WordHash.lower(bytes, partStart, k)) {
                    return false
                }
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

    private func isTimeOfDay(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token, _ next: Token?) -> Bool {
        // "10:30" arrives as "10" ":" "30"; the caller checks that shape.
        false
    }

    private func match(at i: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64]) -> Match? {
        let n = tokens.count
        let h = hashes[i]
        let t = tokens[i]
        // MONEY: currency symbol + number (+ scale).
        var symbolEnd = i
        if currencySymbols.contains(h) { symbolEnd = i + 1 }
        if h == us, i + 1 < n, hashes[i + 1] == dollar, tokens[i + 1].start == t.end { symbolEnd = i + 2 }
        if symbolEnd > i, let e = numberEnd(symbolEnd, bytes, tokens, hashes), tokens[symbolEnd].kind == .number || e > symbolEnd {
            var end = e
            if end < n, currencyWords.contains(hashes[end]) { end += 1 }
            return Match(start: i, end: end, label: "MONEY")
        }
        // "the 1990s"
        if h == the, i + 1 < n, isDecade(bytes, tokens[i + 1]) { return Match(start: i, end: i + 2, label: "DATE") }
        if isDecade(bytes, t) { return Match(start: i, end: i + 1, label: "DATE") }
        if isNumericDate(bytes, t) { return Match(start: i, end: i + 1, label: "DATE") }
        // Month-based dates: "May 2019", "May 5, 2019", "5 May 2019", "January".
        if months.contains(h) || (monthAbbrevs.contains(h) && t.kind == .capitalized) {
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
            if !hasDayOrYear && ambiguousMonths.contains(h) { return nil }
            return Match(start: i, end: end, label: "DATE")
        }
        if isDay(bytes, t), i + 1 < n, months.contains(hashes[i + 1]) || monthAbbrevs.contains(hashes[i + 1]),
           tokens[i + 1].kind == .capitalized {
            var end = i + 2
            if end < n, isYear(bytes, tokens[end]) { end += 1 }
            return Match(start: i, end: end, label: "DATE")
        }
        if weekdays.contains(h) && t.kind == .capitalized || relativeDay.contains(h) {
            return Match(start: i, end: i + 1, label: "DATE")
        }
        if relativeMod.contains(h), i + 1 < n, periodNouns.contains(hashes[i + 1]), t.kind != .number {
            return Match(start: i, end: i + 2, label: "DATE")
        }
        // TIME: "10:30 a.m.", "3 pm".
        if t.kind == .number, t.length <= 2, i + 2 < n, bytes[tokens[i + 1].start] == 0x3A, tokens[i + 1].length == 1,
           tokens[i + 2].kind == .number, tokens[i + 2].length == 2, tokens[i + 1].start == t.end {
            var end = i + 3
            if end < n, timeSuffixes.contains(hashes[end]) { end += 1 }
            return Match(start: i, end: end, label: "TIME")
        }
        if t.kind == .number, t.length <= 2, i + 1 < n, timeSuffixes.contains(hashes[i + 1]) {
            return Match(start: i, end: i + 2, label: "TIME")
        }
        // ORDINAL
        if ordinalWords.contains(h) && h != Self.second || isOrdinalNumber(bytes, t) {
            return Match(start: i, end: i + 1, label: "ORDINAL")
        }
        // Years on their own.
        if isYear(bytes, t) {
            let next = i + 1 < n ? hashes[i + 1] : 0
            if !percentWords.contains(next) && !units.contains(next) && !currencyWords.contains(next) {
                return Match(start: i, end: i + 1, label: "DATE")
            }
        }
        // Number phrases: PERCENT, MONEY, QUANTITY, CARDINAL.
        if let e = numberEnd(i, bytes, tokens, hashes) {
            if e < n, percentWords.contains(hashes[e]) { return Match(start: i, end: e + 1, label: "PERCENT") }
            if e + 1 < n, hashes[e] == per, hashes[e + 1] == cent { return Match(start: i, end: e + 2, label: "PERCENT") }
            if e + 1 < n, hashes[e] == percentage, hashes[e + 1] == points { return Match(start: i, end: e + 2, label: "PERCENT") }
            if e < n, currencyWords.contains(hashes[e]) { return Match(start: i, end: e + 1, label: "MONEY") }
            if e < n, units.contains(hashes[e]), tokens[e].kind == .lower { return Match(start: i, end: e + 1, label: "QUANTITY") }
            // A lone "one" is usually a pronoun ("one of the", "no one").
            if e == i + 1, h == Self.one { return nil }
            if tokens[i].kind == .capitalized && e == i + 1 && i > 0 { return nil }
            return Match(start: i, end: e, label: "CARDINAL")
        }
        return nil
    }
}
