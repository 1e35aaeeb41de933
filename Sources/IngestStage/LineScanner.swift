/// Splits bytes into lines (without their `\n` or `\r\n`) and trims them.
enum LineScanner {
    /// Byte ranges of the lines; `\r\n`, `\n` and lone `\r` all end a line.
    static func lines(_ s: [UInt8]) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = 0
        var i = 0
        let n = s.count
        while i < n {
            let c = s[i]
            if c == 0x0A || c == 0x0D {
                out.append(start..<i)
                if c == 0x0D, i + 1 < n, s[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < n { out.append(start..<n) }
        return out
    }

    /// The range without leading and trailing spaces and tabs.
    static func trimmed(_ s: [UInt8], _ r: Range<Int>) -> Range<Int> {
        var a = r.lowerBound, b = r.upperBound
        while a < b, s[a] == 0x20 || s[a] == 0x09 { a += 1 }
        while b > a, s[b - 1] == 0x20 || s[b - 1] == 0x09 { b -= 1 }
        return a..<b
    }

    static func equals(_ s: [UInt8], _ r: Range<Int>, _ text: String) -> Bool {
        s[trimmed(s, r)].elementsEqual(text.utf8)
    }

    static func startsWith(_ s: [UInt8], _ r: Range<Int>, _ text: String) -> Bool {
        r.count >= text.utf8.count && s[r.lowerBound..<(r.lowerBound + text.utf8.count)].elementsEqual(text.utf8)
    }
}
