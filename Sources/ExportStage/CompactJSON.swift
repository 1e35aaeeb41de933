/// Operations on compact JSON bytes as `ValueWriter(pretty: false)` writes them (no spaces, no
/// newlines), so one rendering of a value serves every format that shows it.
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
                out.append(UnsafeBufferPointer(rebasing: compact[i..<end]))
                i = end
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

    /// Appends the compact object `compact` without the top-level members whose keys `drop`
    /// accepts, as `ValueWriter(pretty: false)` writes the remaining members; returns false (and
    /// appends nothing) when no member remains.
    static func appendObject(_ compact: UnsafeBufferPointer<UInt8>, dropping drop: (UnsafeBufferPointer<UInt8>) -> Bool,
                             to out: inout ByteBuffer) -> Bool {
        let n = compact.count
        guard n > 2, compact[0] == UInt8(ascii: "{") else { return false }
        var i = 1
        var kept = 0
        while i < n, compact[i] == UInt8(ascii: "\"") {
            let keyEnd = stringEnd(compact, i)
            let valueEnd = self.valueEnd(compact, keyEnd + 1)  // after the ':'
            if !drop(UnsafeBufferPointer(rebasing: compact[(i + 1)..<(keyEnd - 1)])) {
                out.append(kept == 0 ? UInt8(ascii: "{") : UInt8(ascii: ","))
                out.append(UnsafeBufferPointer(rebasing: compact[i..<valueEnd]))
                kept += 1
            }
            i = valueEnd + 1  // past ',' or the closing '}'
        }
        if kept > 0 { out.append(UInt8(ascii: "}")) }
        return kept > 0
    }

    /// Whether UTF-8 bytes equal an ASCII static string.
    @inline(__always) static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ s: StaticString) -> Bool {
        guard bytes.count == s.utf8CodeUnitCount else { return false }
        let p = s.utf8Start
        for i in 0..<bytes.count where bytes[i] != p[i] { return false }
        return true
    }

    /// One past the closing quote of the string literal opening at `start`.
    @inline(__always) private static func stringEnd(_ c: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var j = start + 1
        while j < c.count {
            let x = c[j]
            if x == UInt8(ascii: "\\") { j += 2; continue }
            if x == UInt8(ascii: "\"") { return j + 1 }
            j += 1
        }
        return c.count
    }

    /// One past the value starting at `start`.
    private static func valueEnd(_ c: UnsafeBufferPointer<UInt8>, _ start: Int) -> Int {
        var j = start
        var depth = 0
        while j < c.count {
            switch c[j] {
            case UInt8(ascii: "\""): j = stringEnd(c, j); if depth == 0 { return j }; continue
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if depth == 0 { return j }
                depth -= 1
                if depth == 0 { return j + 1 }
            case UInt8(ascii: ","): if depth == 0 { return j }
            default: break
            }
            j += 1
        }
        return j
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
