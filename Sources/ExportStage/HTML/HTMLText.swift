/// Escaping for HTML text and attribute values.
///
/// Escapes `& < > " '`, and replaces scalars XML forbids (C0 controls other than tab, LF and
/// CR; U+FFFE; U+FFFF) with U+FFFD, so every page is also well-formed XML.
enum HTMLText {
    /// `s` escaped for text or a quoted attribute.
    static func escape(_ s: String) -> String {
        guard s.utf8.contains(where: needsWork) else { return s }  // most strings need nothing
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 32)
        append(escaping: s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends `text[range]` (valid UTF-8) to `out`, escaped; runs that need nothing are copied at once.
    static func append(escaping text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to out: inout [UInt8]) {
        var i = range.lowerBound
        var run = i
        let end = range.upperBound
        while i < end {
            let b = text[i]
            guard needsWork(b) else { i += 1; continue }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<i]))
            switch b {
            case UInt8(ascii: "&"): Bytes.raw("&amp;", &out)
            case UInt8(ascii: "<"): Bytes.raw("&lt;", &out)
            case UInt8(ascii: ">"): Bytes.raw("&gt;", &out)
            case UInt8(ascii: "\""): Bytes.raw("&quot;", &out)
            case UInt8(ascii: "'"): Bytes.raw("&#39;", &out)
            case 0xEF where i + 2 < end && text[i + 1] == 0xBF && (text[i + 2] == 0xBE || text[i + 2] == 0xBF):
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // U+FFFE, U+FFFF are not XML characters
                i += 2
            case 0xEF: out.append(b)
            default: out.append(contentsOf: [0xEF, 0xBF, 0xBD])  // C0 controls other than tab, LF, CR: U+FFFD
            }
            i += 1
            run = i
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<end]))
    }

    /// Appends a string, escaped.
    static func append(escaping s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { append(escaping: $0, 0..<$0.count, to: &out) }
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
    static func appendScore(_ d: Double, to out: inout [UInt8]) {
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
