/// Escaping for HTML text and attribute values.
///
/// Escapes `& < > " '`, and replaces scalars XML forbids (C0 controls other than tab, LF and
/// CR; U+FFFE; U+FFFF) with U+FFFD, so every page is also well-formed XML.
enum HTMLText {
    /// `s` escaped for text or a quoted attribute.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: needsWork) else { return s }  // most strings need nothing
        var out = ByteBuffer(capacity: s.utf8.count + 32)
        append(escaping: s, to: &out)
        return out.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
    }

    /// Appends `text[range]` (valid UTF-8) to `out`, escaped; runs that need nothing are copied at once.
    /// The next byte that may need work is found eight bytes at a time (the last few with the word
    /// ending at `range.upperBound`, which may start before the range), then looked at alone.
    static func append(escaping text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout ByteBuffer) {
        var i = range.lowerBound
        var run = i
        let end = range.upperBound
        guard let base = text.baseAddress, i < end else { return }
        while i < end {
            if i + 8 <= end {
                let mask = workMask(ByteWords.load(base + i))
                if mask == 0 { i += 8; continue }
                i += ByteWords.first(mask)
            } else if end >= 8 {
                // Flags left by bytes before `i` can only spill onto bytes that are then looked at and passed.
                let mask = ByteWords.from(workMask(ByteWords.load(base + end - 8)), i - (end - 8))
                if mask == 0 { break }
                i += ByteWords.first(mask)
            }
            let b = text[i]
            guard needsWork(b) else { i += 1; continue }
            out.append(UnsafeBufferPointer(rebasing: text[run..<i]))
            switch b {
            case UInt8(ascii: "&"): Bytes.raw("&amp;", &out)
            case UInt8(ascii: "<"): Bytes.raw("&lt;", &out)
            case UInt8(ascii: ">"): Bytes.raw("&gt;", &out)
            case UInt8(ascii: "\""): Bytes.raw("&quot;", &out)
            case UInt8(ascii: "'"): Bytes.raw("&#39;", &out)
            case 0xEF where i + 2 < end && text[i + 1] == 0xBF && (text[i + 2] == 0xBE || text[i + 2] == 0xBF):
                out.append("\u{FFFD}")  // U+FFFE, U+FFFF are not XML characters
                i += 2
            case 0xEF: out.append(b)
            default: out.append("\u{FFFD}")  // C0 controls other than tab, LF, CR: U+FFFD
            }
            i += 1
            run = i
        }
        out.append(UnsafeBufferPointer(rebasing: text[run..<end]))
    }

    /// Appends a string, escaped.
    static func append(escaping s: String, to out: inout ByteBuffer) {
        s.withUTF8Bytes { append(escaping: $0, 0..<$0.count, to: &out) }
    }

    /// The bytes of `x` that may need work, flagged (see `ByteWords.first`): below 0x20, one of
    /// `& < > " '`, or 0xEF (none flagged exactly when there is none). Two tests find the markup:
    /// `" # & '` (0x22, 0x23, 0x26, 0x27) are the bytes that become 0x27 with bits 0 and 2 set
    /// (`#` then needs no work), and `< >` the ones that become 0x3E with bit 1 set.
    @inline(__always) private static func workMask(_ x: UInt64) -> UInt64 {
        let markup = ByteWords.has(x | 0x0505_0505_0505_0505, 0x27) | ByteWords.has(x | 0x0202_0202_0202_0202, 0x3E)
        return ByteWords.hasControl(x) | markup | ByteWords.has(x, 0xEF)
    }

    @inline(__always) private static func needsWork(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0xEF: return true
        case 0x09, 0x0A, 0x0D: return false
        default: return b < 0x20
        }
    }

    /// `s` shortened to `limit` scalars with an ellipsis.
    static func truncated(_ s: String, _ limit: Int) -> String {
        let scalars = s.unicodeScalars
        guard scalars.count > limit else { return s }
        return String(String.UnicodeScalarView(scalars.prefix(limit))) + "…"
    }

    /// A score with two decimals ("0.81"), without locale or Foundation formatting.
    static func score(_ d: Double) -> String {
        let hundredths = Int((d * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let v = abs(hundredths)
        return "\(sign)\(v / 100).\(v % 100 < 10 ? "0" : "")\(v % 100)"
    }

    /// Appends `score(d)`.
    static func appendScore(_ d: Double, to out: inout ByteBuffer) {
        let hundredths = Int((d * 100).rounded())
        if hundredths < 0 { out.append(UInt8(ascii: "-")) }
        let v = abs(hundredths)
        Bytes.int(v / 100, &out)
        out.append(UInt8(ascii: "."))
        if v % 100 < 10 { out.append(UInt8(ascii: "0")) }
        Bytes.int(v % 100, &out)
    }

    /// An integer with thousands separators ("12,345").
    static func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
}
