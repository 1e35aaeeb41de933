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
        while i < n {
            let c = s[i]
            if c == 0x0A || c == 0x0D || c == 0x0C {
                add(start, i)
                if c == 0x0D, i + 1 < n, s[i + 1] == 0x0A { i += 1 }
                if c == 0x0C { out.append(TextLine(range: (i + 1)..<(i + 1), indent: 0, blank: true)) }
                start = i + 1
            }
            i += 1
        }
        if start < n { add(start, n) }
        return out
    }
}
