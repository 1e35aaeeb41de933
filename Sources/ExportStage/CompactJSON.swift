/// Compact JSON bytes as `ValueWriter(pretty: false)` writes them (no spaces, no newlines)
/// re-indented, so one rendering of a value serves the compact and the pretty files.
enum CompactJSON {
    /// Appends `compact` pretty-printed exactly as `ValueWriter(pretty: true)` would write the same
    /// value `indent` levels deep: members and elements on their own lines, two spaces per level,
    /// `": "` after keys, empty objects and arrays as `{}` and `[]`.
    static func appendPretty(_ compact: UnsafeBufferPointer<UInt8>, indent: Int, to out: inout ByteBuffer) {
        let n = compact.count
        var depth = indent
        var i = 0
        while i < n {
            let b = compact[i]
            switch b {
            case UInt8(ascii: "\""):
                let end = stringEnd(compact, i)
                if end < n, compact[end] == UInt8(ascii: ":") {  // a key: copied with its colon
                    out.append(UnsafeBufferPointer(rebasing: compact[i...end]))
                    out.append(0x20)
                    i = end + 1
                } else {
                    out.append(UnsafeBufferPointer(rebasing: compact[i..<end]))
                    i = end
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                // `}` is `{` + 2 and `]` is `[` + 2.
                if i + 1 < n, compact[i + 1] == b &+ 2 {
                    out.append(b)
                    out.append(b &+ 2)
                    i += 2
                    continue
                }
                out.append(b)
                depth += 1
                newline(depth, &out)
                i += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                newline(depth, &out)
                out.append(b)
                i += 1
            case UInt8(ascii: ","):
                out.append(b)
                newline(depth, &out)
                i += 1
            case UInt8(ascii: ":"):
                out.append(b)
                out.append(0x20)
                i += 1
            default:  // a number or literal: up to the next structural byte
                var j = i + 1
                while j < n, !isStructural(compact[j]) { j += 1 }
                out.append(UnsafeBufferPointer(rebasing: compact[i..<j]))
                i = j
            }
        }
    }

    /// One past the closing quote of the string literal opening at `start`.
    @inline(__always) private static func stringEnd(_ c: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var j = start + 1
        if let base = c.baseAddress {
            // Eight bytes at a time to the next quote or backslash (found exactly), past escapes.
            while j + 8 <= c.count {
                let x = ByteWords.load(base + j)
                let mask = ByteWords.has(x, UInt8(ascii: "\"")) | ByteWords.has(x, UInt8(ascii: "\\"))
                if mask == 0 { j += 8; continue }
                j += ByteWords.first(mask)
                if base[j] == UInt8(ascii: "\"") { return j + 1 }
                j += 2  // a backslash and the byte it escapes
            }
        }
        while j < c.count {
            let x = c[j]
            if x == UInt8(ascii: "\\") { j += 2; continue }
            if x == UInt8(ascii: "\"") { return j + 1 }
            j += 1
        }
        return c.count
    }

    @inline(__always) private static func isStructural(_ b: UInt8) -> Bool {
        b == UInt8(ascii: ",") || b == UInt8(ascii: "}") || b == UInt8(ascii: "]") || b == UInt8(ascii: ":")
    }

    /// A line break and 32 levels of indentation.
    private static let indents: StaticString = "\n                                                                "

    @inline(__always) private static func newline(_ depth: Int, _ out: inout ByteBuffer) {
        if depth <= 32 {
            out.append(UnsafeBufferPointer(start: indents.utf8Start, count: 1 + 2 * depth))
        } else {
            out.append(0x0A)
            for _ in 0..<depth { out.append("  ") }
        }
    }
}
