/// Turns the dates papers print ("April 9, 2026", "04/09/2026", "19-OCT-1987 15:37:46.03",
/// "1789-04-30") into ISO 8601 ("2026-04-09", "1987-10-19T15:37:46"). Not a hot path.
public enum DateParser {
    static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    static let monthNames = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
                             "october", "november", "december"]

    /// The ISO 8601 form of a date string, or nil when it does not parse as a date.
    public static func iso8601(_ raw: String) -> String? {
        var tokens: [(text: String, isNumber: Bool)] = []
        var current = ""
        var currentIsNumber = false
        for u in raw.unicodeScalars {
            let isDigit = u.value >= 0x30 && u.value <= 0x39
            let isLetter = (u.value | 0x20) >= 0x61 && (u.value | 0x20) <= 0x7A
            if isDigit || isLetter {
                if !current.isEmpty, currentIsNumber != isDigit { tokens.append((current, currentIsNumber)); current = "" }
                currentIsNumber = isDigit
                current.unicodeScalars.append(u)
            } else if !current.isEmpty {
                tokens.append((current, currentIsNumber)); current = ""
            }
        }
        if !current.isEmpty { tokens.append((current, currentIsNumber)) }
        let hasTime = raw.contains(":")

        var year: Int?, month: Int?, day: Int?
        var numbers: [(value: Int, digits: Int, index: Int)] = []
        var monthIndex: Int?
        for (i, t) in tokens.enumerated() {
            if t.isNumber {
                if t.text.count <= 4, let v = Int(t.text) { numbers.append((v, t.text.count, i)) }
            } else if month == nil, let m = monthNumber(t.text) {
                month = m
                monthIndex = i
            }
        }
        var rest: [(value: Int, digits: Int, index: Int)] = []
        if let mi = monthIndex {
            // Month by name: a four-digit year and a day next to the month.
            guard let y = numbers.first(where: { $0.digits == 4 }) else { return nil }
            year = y.value
            if let d = numbers.first(where: { $0.digits <= 2 && $0.value >= 1 && $0.value <= 31 && abs($0.index - mi) == 1 && $0.index < y.index }) {
                day = d.value
            }
            rest = numbers.filter { $0.index > y.index }
        } else {
            guard let first = numbers.first else { return nil }
            if first.digits == 4 {
                year = first.value
                if numbers.count >= 2, numbers[1].index == first.index + 1 { month = numbers[1].value }
                if numbers.count >= 3, numbers[2].index == first.index + 2 { day = numbers[2].value }
                rest = numbers.count > 3 ? Array(numbers[3...]) : []
            } else if numbers.count >= 3, numbers[2].digits == 4, numbers[1].index == first.index + 1, numbers[2].index == first.index + 2 {
                year = numbers[2].value
                if first.value > 12 { day = first.value; month = numbers[1].value } else { month = first.value; day = numbers[1].value }
                rest = Array(numbers[3...])
            } else {
                return nil
            }
        }
        guard let y = year, y >= 1000, y <= 2999 else { return nil }
        var out = String(format4(y))
        guard let m = month else { return tokens.count == 1 ? out : nil }
        guard m >= 1, m <= 12 else { return nil }
        out += "-" + pad2(m)
        guard let d = day else { return out }
        guard d >= 1, d <= daysIn(month: m, year: y) else { return nil }
        out += "-" + pad2(d)
        if hasTime, rest.count >= 2, rest[0].value < 24, rest[1].value < 60 {
            out += "T" + pad2(rest[0].value) + ":" + pad2(rest[1].value)
            if rest.count >= 3, rest[2].value < 60 { out += ":" + pad2(rest[2].value) }
        }
        return out
    }

    static func monthNumber(_ word: String) -> Int? {
        let w = word.lowercased()
        guard w.count >= 3 else { return nil }
        if w == "sept" { return 9 }
        for (i, name) in monthNames.enumerated() where name.hasPrefix(w) && (w.count == 3 || w == name) {
            return i + 1
        }
        return nil
    }

    static func daysIn(month m: Int, year y: Int) -> Int {
        switch m {
        case 2: return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    static func format4(_ v: Int) -> String { String(v) }
}
