/// One line of the text being normalized, with what the planner needs to know about it.
struct TextLine {
    /// The line's content without surrounding spaces (byte offsets into the input text).
    var range: Range<Int>
    /// Leading spaces (a tab counts 4).
    var indent: Int
    /// Empty or only spaces.
    var blank: Bool
    /// Removed (boilerplate, running header, page number, lone bullet).
    var dropped = false
    /// Marked as a heading by ingest (Markdown `#`, HTML `<h2>`).
    var heading = false
    /// Starts with a list marker ("•", "- ", "1. ", "(a) ").
    var listItem = false
    /// Bytes of content.
    var length: Int { range.count }

    /// Splits text into lines; `\n`, `\r\n`, `\r` and form feeds end a line.
    static func scan(_ s: [UInt8]) -> [TextLine] {
        var out: [TextLine] = []
        out.reserveCapacity(s.count / 60 + 1)
        var start = 0
        var i = 0
        let n = s.count
        func add(_ a: Int, _ b: Int) {
            var x = a, y = b, indent = 0
            while x < y, s[x] == 0x20 || s[x] == 0x09 { indent += s[x] == 0x09 ? 4 : 1; x += 1 }
            while y > x, s[y - 1] == 0x20 || s[y - 1] == 0x09 { y -= 1 }
            out.append(TextLine(range: x..<y, indent: indent, blank: x == y))
        }
        s.withUnsafeBufferPointer { p in
            while i < n {
                i = TextLine.skipToBreak(p, from: i)
                guard i < n else { break }
                let c = p[i]
                if c == 0x0A || c == 0x0D || c == 0x0C {
                    add(start, i)
                    if c == 0x0D, i + 1 < n, p[i + 1] == 0x0A { i += 1 }
                    if c == 0x0C { out.append(TextLine(range: (i + 1)..<(i + 1), indent: 0, blank: true)) }
                    start = i + 1
                }
                i += 1
            }
        }
        if start < n { add(start, n) }
        return out
    }

    /// The first position at or after `i` that may break a line, skipping eight bytes at a time
    /// while none of them is below 0x0E (every line break is: `\n`, `\r`, form feed).
    @inline(__always) static func skipToBreak(_ s: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = s.baseAddress else { return start }
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var i = start
        while i + 8 <= s.count {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
            if (x &- ones &* 0x0E) & ~x & highs != 0 { break }  // some byte below 0x0E
            i += 8
        }
        return i
    }
}
