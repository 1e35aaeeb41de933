import DocPipe
/// Decodes HTML/SGML character references: named (`&amp;`), decimal (`&#233;`) and hex (`&#xE9;`).
enum HTMLEntities {
    /// Named references (the common HTML 4 set plus a few HTML5 names), name → scalar values.
    static let named: [String: [UInt32]] = {
        let table: [(String, UInt32)] = [
            ("amp", 38), ("lt", 60), ("gt", 62), ("quot", 34), ("apos", 39), ("nbsp", 160), ("iexcl", 161), ("cent", 162),
            ("pound", 163), ("curren", 164), ("yen", 165), ("brvbar", 166), ("sect", 167), ("uml", 168), ("copy", 169),
            ("ordf", 170), ("laquo", 171), ("not", 172), ("shy", 173), ("reg", 174), ("macr", 175), ("deg", 176),
            ("plusmn", 177), ("sup2", 178), ("sup3", 179), ("acute", 180), ("micro", 181), ("para", 182), ("middot", 183),
            ("cedil", 184), ("sup1", 185), ("ordm", 186), ("raquo", 187), ("frac14", 188), ("frac12", 189), ("frac34", 190),
            ("iquest", 191), ("Agrave", 192), ("Aacute", 193), ("Acirc", 194), ("Atilde", 195), ("Auml", 196), ("Aring", 197),
            ("AElig", 198), ("Ccedil", 199), ("Egrave", 200), ("Eacute", 201), ("Ecirc", 202), ("Euml", 203), ("Igrave", 204),
            ("Iacute", 205), ("Icirc", 206), ("Iuml", 207), ("ETH", 208), ("Ntilde", 209), ("Ograve", 210), ("Oacute", 211),
            ("Ocirc", 212), ("Otilde", 213), ("Ouml", 214), ("times", 215), ("Oslash", 216), ("Ugrave", 217), ("Uacute", 218),
            ("Ucirc", 219), ("Uuml", 220), ("Yacute", 221), ("THORN", 222), ("szlig", 223), ("agrave", 224), ("aacute", 225),
            ("acirc", 226), ("atilde", 227), ("auml", 228), ("aring", 229), ("aelig", 230), ("ccedil", 231), ("egrave", 232),
            ("eacute", 233), ("ecirc", 234), ("euml", 235), ("igrave", 236), ("iacute", 237), ("icirc", 238), ("iuml", 239),
            ("eth", 240), ("ntilde", 241), ("ograve", 242), ("oacute", 243), ("ocirc", 244), ("otilde", 245), ("ouml", 246),
            ("divide", 247), ("oslash", 248), ("ugrave", 249), ("uacute", 250), ("ucirc", 251), ("uuml", 252), ("yacute", 253),
            ("thorn", 254), ("yuml", 255), ("OElig", 338), ("oelig", 339), ("Scaron", 352), ("scaron", 353), ("Yuml", 376),
            ("fnof", 402), ("circ", 710), ("tilde", 732), ("Alpha", 913), ("Beta", 914), ("Gamma", 915), ("Delta", 916),
            ("Omega", 937), ("alpha", 945), ("beta", 946), ("gamma", 947), ("delta", 948), ("epsilon", 949), ("lambda", 955),
            ("mu", 956), ("pi", 960), ("sigma", 963), ("omega", 969), ("ensp", 8194), ("emsp", 8195), ("thinsp", 8201),
            ("zwnj", 8204), ("zwj", 8205), ("lrm", 8206), ("rlm", 8207), ("ndash", 8211), ("mdash", 8212), ("lsquo", 8216),
            ("rsquo", 8217), ("sbquo", 8218), ("ldquo", 8220), ("rdquo", 8221), ("bdquo", 8222), ("dagger", 8224),
            ("Dagger", 8225), ("bull", 8226), ("hellip", 8230), ("permil", 8240), ("prime", 8242), ("Prime", 8243),
            ("lsaquo", 8249), ("rsaquo", 8250), ("oline", 8254), ("frasl", 8260), ("euro", 8364), ("trade", 8482),
            ("larr", 8592), ("uarr", 8593), ("rarr", 8594), ("darr", 8595), ("harr", 8596), ("minus", 8722), ("le", 8804),
            ("ge", 8805), ("ne", 8800), ("asymp", 8776), ("infin", 8734), ("sum", 8721), ("radic", 8730), ("loz", 9674),
            ("hyphen", 8208), ("dash", 8208), ("nbhy", 8209), ("shortdash", 8211), ("half", 189), ("frac13", 8531),
            ("frac23", 8532), ("ell", 8467), ("numsp", 8199), ("puncsp", 8200), ("hairsp", 8202), ("zwsp", 8203),
            ("Euro", 8364), ("NewLine", 10), ("Tab", 9), ("colon", 58), ("comma", 44), ("period", 46), ("lpar", 40),
            ("rpar", 41), ("sol", 47), ("bsol", 92), ("excl", 33), ("quest", 63), ("num", 35), ("dollar", 36),
            ("percnt", 37), ("ast", 42), ("plus", 43), ("equals", 61), ("commat", 64), ("lsqb", 91), ("rsqb", 93),
            ("lowbar", 95), ("verbar", 124), ("lcub", 123), ("rcub", 125), ("semi", 59),
        ]
        var d: [String: [UInt32]] = [:]
        for (k, v) in table { d[k] = [v] }
        return d
    }()

    /// Decodes the reference starting at `s[i]` (an `&`): the scalar (nil for one that must be
    /// dropped, such as control characters) and the index after it; nil when it is no reference.
    static func decode(_ s: [UInt8], at i: Int, end: Int) -> (scalar: Unicode.Scalar?, next: Int)? {
        var j = i + 1
        guard j < end else { return nil }
        if s[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < end, s[j] | 0x20 == UInt8(ascii: "x") { hex = true; j += 1 }
            var value: UInt32 = 0
            let digitsStart = j
            while j < end, j - digitsStart < 8 {
                let c = s[j]
                if c >= 0x30, c <= 0x39 { value = value * (hex ? 16 : 10) + UInt32(c - 0x30) }
                else if hex, (c | 0x20) >= 0x61, (c | 0x20) <= 0x66 { value = value * 16 + UInt32((c | 0x20) - 0x61 + 10) }
                else { break }
                j += 1
            }
            guard j > digitsStart else { return nil }
            if j < end, s[j] == UInt8(ascii: ";") { j += 1 }
            return (scalar(forCode: value), j)
        }
        while j < end, j - i <= 32, isAlnum(s[j]) { j += 1 }
        guard j > i + 1 else { return nil }
        let name = String(decoding: s[(i + 1)..<j], as: UTF8.self)
        guard let values = named[name] else { return nil }
        if j < end, s[j] == UInt8(ascii: ";") { j += 1 } else if name.count > 4 { return nil }
        return (Unicode.Scalar(values[0]), j)
    }

    /// The scalar a numeric reference stands for: 0x80–0x9F read as Windows-1252 (as browsers do),
    /// control characters other than tab and newline dropped (nil), invalid values → U+FFFD.
    static func scalar(forCode v: UInt32) -> Unicode.Scalar? {
        if v == 9 || v == 10 { return Unicode.Scalar(v) }
        if v == 13 { return Unicode.Scalar(10) }
        if v < 0x20 || v == 0x7F { return nil }
        if v >= 0x80, v <= 0x9F { return Windows1252.scalar(UInt8(v)) }
        return Unicode.Scalar(v) ?? Unicode.Scalar(0xFFFD)
    }

    static func isAlnum(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A) }
}

extension HTMLEntities {
    /// Text with its character references decoded (control characters dropped), mapped back to
    /// the raw text; plain copies when there is no `&`.
    static func decodeAll(_ s: [UInt8]) -> MappedTextBuilder {
        var b = MappedTextBuilder(capacity: s.count)
        var i = 0
        var runStart = 0
        while i < s.count {
            if s[i] == UInt8(ascii: "&"), let (scalar, next) = decode(s, at: i, end: s.count) {
                b.copy(s, runStart..<i)
                if let scalar { b.insert(String(Character(scalar))) }
                i = next
                runStart = i
            } else {
                i += 1
            }
        }
        b.copy(s, runStart..<s.count)
        return b
    }
}
