/// Escaping for HTML text and attribute values.
///
/// Escapes `& < > " '`, and replaces scalars XML forbids (C0 controls other than tab, LF and
/// CR; U+FFFE; U+FFFF) with U+FFFD, so every page is also well-formed XML.
enum HTMLText {
    /// `s` escaped for text or a quoted attribute.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(u)
            case "\u{0}"..."\u{1F}", "\u{FFFE}", "\u{FFFF}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Scalars `start..<end` of `scalars`, escaped.
    static func escape(_ scalars: [Unicode.Scalar], _ start: Int, _ end: Int) -> String {
        guard start < end else { return "" }
        return escape(String(String.UnicodeScalarView(scalars[start..<end])))
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
