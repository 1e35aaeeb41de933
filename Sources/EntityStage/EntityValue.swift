import DocPipe

/// Normalized values for numeric and date mentions (span attribute "value"):
/// MONEY, PERCENT, QUANTITY and CARDINAL get a number ("$8 million" → 8000000, "80%" → 80,
/// "three-quarters" → 0.75); DATE gets an ISO 8601 prefix when it names a year, month or day
/// ("1975", "May 2019" → "2019-05", "May 5, 2019" → "2019-05-05"). Doubles are rounded to 4 decimals.
enum EntityValue {
    static let units: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "half": 0.5, "quarter": 0.25,
        "quarters": 0.25, "third": 1.0 / 3, "thirds": 1.0 / 3,
    ]
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
        "bn": 1e9, "mn": 1e6, "m": 1e6, "k": 1e3,
    ]
    static let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                         "october", "november", "december"]

    /// `of(label:text:)` remembered by label and text: a run sees the same few hundred amounts and
    /// dates ("two", "today", "2030") thousands of times, and a dictionary probe costs far less than
    /// splitting a text into words and parsing them. Forgets everything past `limit` texts.
    struct Memo {
        private struct Key: Hashable {
            var label: String
            var text: String
        }

        private var known: [Key: JSONValue?] = [:]
        /// Most texts kept.
        static let limit = 8192

        /// An empty memo.
        init() {}

        /// The value of a mention, or nil (as `EntityValue.of`).
        mutating func value(label: String, text: String) -> JSONValue? {
            let key = Key(label: label, text: text)
            if let v = known[key] { return v }
            let v = EntityValue.of(label: label, text: text)
            if known.count >= Self.limit { known.removeAll(keepingCapacity: true) }
            known[key] = v
            return v
        }
    }

    /// The value of a mention, or nil.
    static func of(label: String, text: String) -> JSONValue? {
        switch label {
        case "MONEY", "PERCENT", "QUANTITY", "CARDINAL":
            if let v = plainInteger(text, maxDigits: 9) { return .int(v) }
            return number(text).map(json)
        case "DATE":
            if text.utf8.count == 4, let y = plainInteger(text, maxDigits: 4), !text.utf8.contains(0x2C) { return .string("\(y)") }
            return date(text).map(JSONValue.string)
        default: return nil
        }
    }

    /// The value of a text of ASCII digits and commas with 1…`maxDigits` digits ("15", "1,500"):
    /// what `number` and `json` give for it (one word, commas dropped, an exact integer), found
    /// without building words.
    static func plainInteger(_ text: String, maxDigits: Int) -> Int? {
        var v = 0, digits = 0
        for b in text.utf8 {
            if b &- 0x30 < 10 {
                digits += 1
                guard digits <= maxDigits else { return nil }
                v = v * 10 + Int(b &- 0x30)
            } else if b != 0x2C {
                return nil
            }
        }
        return digits > 0 ? v : nil
    }

    static func json(_ d: Double) -> JSONValue {
        let r = (d * 10_000).rounded() / 10_000
        if r == r.rounded(), abs(r) < 9e15 { return .int(Int(r)) }
        return .double(r)
    }

    /// Words split on spaces and hyphens, currency symbols and % removed.
    static func words(_ text: String) -> [String] {
        if let w = asciiWords(text, blankingCommasAndPeriods: false) { return w }
        return text.lowercased().split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "\n" }).map { w in
            var s = Substring(w.filter { !"$£€¥%".contains($0) })
            if s.contains(where: { $0.isNumber }) { while let f = s.first, f.isLetter { s = s.dropFirst() } }  // "us$2.5"
            return String(s)
        }.filter { !$0.isEmpty }
    }

    /// `words` on bytes for ASCII text without carriage returns (where every Character is one
    /// byte), giving exactly the same words; nil for other text. With `blankingCommasAndPeriods`,
    /// "," and "." count as spaces (as `date` needs).
    static func asciiWords(_ text: String, blankingCommasAndPeriods: Bool) -> [String]? {
        var result: [String] = []
        var word: [UInt8] = []
        word.reserveCapacity(24)
        func flush() {
            guard !word.isEmpty else { return }
            var start = 0
            if word.contains(where: { $0 &- 0x30 < 10 }) { while start < word.count, word[start] &- 0x61 < 26 { start += 1 } }
            if start < word.count { result.append(String(decoding: word[start...], as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        for var b in text.utf8 {
            if b >= 0x80 || b == 0x0D { return nil }
            if blankingCommasAndPeriods && (b == 0x2C || b == 0x2E) { b = 0x20 }
            if b == 0x20 || b == 0x2D || b == 0x0A { flush(); continue }
            if b == 0x24 || b == 0x25 { continue }  // $ %
            if b &- 0x41 < 26 { b |= 0x20 }
            word.append(b)
        }
        flush()
        return result
    }

    static func number(_ text: String) -> Double? {
        var total: Double = 0, current: Double = 0
        var seen = false
        for w in words(text) {
            let digits = w.filter { $0 != "," }
            if let v = Double(digits) {
                current += v
                seen = true
            } else if let v = units[w] {
                if w == "quarter" || w == "quarters" || w == "third" || w == "thirds" || w == "half" {
                    current = (current == 0 ? 1 : current) * v
                } else {
                    current += v
                }
                seen = true
            } else if let s = scales[w], seen {
                if s >= 1000 { total += (current == 0 ? 1 : current) * s; current = 0 } else { current = (current == 0 ? 1 : current) * s }
            } else if seen {
                break  // unit or currency word after the number
            } else if w.count <= 3 && w.allSatisfy({ $0.isLetter }) {
                continue  // "us", "c" of "US$", "C$"
            } else {
                return nil
            }
        }
        return seen ? total + current : nil
    }

    static func date(_ text: String) -> String? {
        let w = asciiWords(text, blankingCommasAndPeriods: true)
            ?? words(text.replacingOccurrences(of: ",", with: " ").replacingOccurrences(of: ".", with: " "))
        var year: Int?, month: Int?, day: Int?
        for x in w {
            if let m = months.firstIndex(where: { $0 == x || ($0.hasPrefix(x) && x.count >= 3) }) { month = m + 1; continue }
            if let v = Int(x) {
                if x.count == 4 { year = v } else if v >= 1 && v <= 31 { day = v }
                continue
            }
            let digits = x.prefix { $0.isNumber }
            if digits.count >= 1 && digits.count <= 2, let v = Int(digits), ["st", "nd", "rd", "th"].contains(String(x.dropFirst(digits.count))) {
                day = v
            }
        }
        if w.count == 3, w.allSatisfy({ Int($0) != nil }), w[0].count == 4 { return text }  // 1996-08-22 splits on "-"
        guard let y = year else { return nil }
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        if let m = month {
            if let d = day { return "\(y)-\(two(m))-\(two(d))" }
            return "\(y)-\(two(m))"
        }
        return w.count == 1 ? "\(y)" : nil
    }
}
