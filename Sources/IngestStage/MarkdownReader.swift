import DocPipe
import Foundation

/// Reads Markdown: front matter and `**Key:** value` header lines become metadata; headings,
/// list items and table rows become their own paragraphs; links, emphasis and code marks are
/// reduced to their text; lines made only of links (navigation bars) are dropped.
enum MarkdownReader {
    static func read(_ src: [UInt8]) -> ReaderOutput {
        var out = ReaderOutput(builder: MappedTextBuilder(capacity: src.count))
        let lines = LineScanner.lines(src)
        var li = 0
        // Front matter: a `---` line first, `key: value` lines, then `---` or `...`.
        if let first = lines.first, LineScanner.equals(src, first, "---") {
            var j = 1
            var fields: [(String, String)] = []
            while j < lines.count, !LineScanner.equals(src, lines[j], "---"), !LineScanner.equals(src, lines[j], "...") {
                let line = String(decoding: src[lines[j]], as: UTF8.self)
                if let colon = line.firstIndex(of: ":") {
                    fields.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
                }
                j += 1
            }
            if j < lines.count {
                for (k, v) in fields { MetadataFields.assign(key: k, value: unquote(v), to: &out) }
                li = j + 1
            }
        }
        var inFence = false
        var headerZone = true  // `**Key:** value` lines near the top are metadata
        while li < lines.count {
            let r = lines[li]
            li += 1
            let t = LineScanner.trimmed(src, r)
            if LineScanner.startsWith(src, t, "```") || LineScanner.startsWith(src, t, "~~~") {
                inFence.toggle()
                out.builder.paragraphBreak()
                continue
            }
            if inFence {
                out.builder.copy(src, r)
                out.builder.insert(byte: 0x0A)
                continue
            }
            if t.isEmpty { out.builder.paragraphBreak(); continue }
            if isRule(src, t) { out.builder.paragraphBreak(); headerZone = false; continue }
            if headerZone, li <= 60, let (key, value) = boldField(src, t) {
                MetadataFields.assign(key: key, value: value, to: &out)
                continue
            }
            // Headings.
            var hashes = 0
            while hashes < t.count, src[t.lowerBound + hashes] == UInt8(ascii: "#") { hashes += 1 }
            if hashes >= 1, hashes <= 6, t.lowerBound + hashes == t.upperBound || src[t.lowerBound + hashes] == 0x20 {
                var end = t.upperBound
                while end > t.lowerBound + hashes, src[end - 1] == UInt8(ascii: "#") || src[end - 1] == 0x20 { end -= 1 }
                out.builder.paragraphBreak()
                let start = out.builder.count
                var contentStart = t.lowerBound + hashes
                while contentStart < end, src[contentStart] == 0x20 { contentStart += 1 }
                inline(src, contentStart..<end, into: &out.builder)
                out.builder.trimTrailingSpaces()
                if hashes == 1 { out.setIfAbsent("title", String(decoding: out.builder.bytes[start...], as: UTF8.self)) }
                out.markHeading(from: start)
                out.builder.paragraphBreak()
                continue
            }
            // Table rows.
            if src[t.lowerBound] == UInt8(ascii: "|") {
                if isTableSeparator(src, t) { continue }
                if let (key, value) = keyValueRow(src, t), MetadataFields.key(for: key) != nil {
                    MetadataFields.assign(key: key, value: value, to: &out)
                    continue
                }
                out.builder.paragraphBreak()
                var cellStart = t.lowerBound + 1
                var k = cellStart
                while k <= t.upperBound {
                    if k == t.upperBound || (src[k] == UInt8(ascii: "|") && src[k - 1] != UInt8(ascii: "\\")) {
                        let cell = LineScanner.trimmed(src, cellStart..<k)
                        if !cell.isEmpty {
                            if out.builder.count > 0, out.builder.last != 0x0A { out.builder.insert(byte: 0x20) }
                            inline(src, cell, into: &out.builder)
                        }
                        cellStart = k + 1
                    }
                    k += 1
                }
                out.builder.paragraphBreak()
                continue
            }
            if isNavigation(src, t) || startsWithControl(src, t) { continue }
            headerZone = headerZone && li < 3
            // Block quotes, list items.
            var body = t
            while body.count >= 1, src[body.lowerBound] == UInt8(ascii: ">") {
                body = LineScanner.trimmed(src, (body.lowerBound + 1)..<body.upperBound)
            }
            if let marker = listMarker(src, body) {
                out.builder.paragraphBreak()
                body = marker
            }
            if body.isEmpty { continue }
            inline(src, body, into: &out.builder)
            out.builder.trimTrailingSpaces()
            out.builder.insert(byte: 0x0A)
        }
        out.builder.trimTrailingWhitespace()
        return out
    }

    private static func unquote(_ v: String) -> String {
        var s = Whitespace.collapse(v)
        if s.count >= 2, let f = s.first, f == s.last, f == "\"" || f == "'" { s = String(s.dropFirst().dropLast()) }
        return s
    }

    /// `---`, `***`, `___` (three or more, spaces allowed).
    static func isRule(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        guard r.count >= 3 else { return false }
        let c = s[r.lowerBound]
        guard c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") else { return false }
        var n = 0
        for i in r { if s[i] == c { n += 1 } else if s[i] != 0x20 { return false } }
        return n >= 3
    }

    static func isTableSeparator(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        var dashes = 0
        for i in r {
            switch s[i] {
            case UInt8(ascii: "-"): dashes += 1
            case UInt8(ascii: "|"), UInt8(ascii: ":"), 0x20, 0x09: break
            default: return false
            }
        }
        return dashes > 0
    }

    /// `**Key:** value` or `**Key**: value` on one line.
    static func boldField(_ s: [UInt8], _ r: Range<Int>) -> (String, String)? {
        guard r.count > 6, s[r.lowerBound] == UInt8(ascii: "*"), s[r.lowerBound + 1] == UInt8(ascii: "*") else { return nil }
        let line = String(decoding: s[r], as: UTF8.self)
        let rest = line.dropFirst(2)
        guard let close = rest.range(of: "**") else { return nil }
        var key = String(rest[..<close.lowerBound])
        var value = String(rest[close.upperBound...])
        if key.hasSuffix(":") { key.removeLast() } else if value.hasPrefix(":") { value.removeFirst() } else { return nil }
        guard !key.isEmpty, key.count <= 40 else { return nil }
        return (key, Whitespace.collapse(value))
    }

    /// A two-cell table row whose first cell is a bold key: `| **Author:** | Kerr, Paul K. |`.
    static func keyValueRow(_ s: [UInt8], _ r: Range<Int>) -> (String, String)? {
        let cells = String(decoding: s[r], as: UTF8.self).split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard cells.count == 2, cells[0].hasPrefix("**"), cells[0].hasSuffix("**") else { return nil }
        var key = String(cells[0].dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces)
        if key.hasSuffix(":") { key.removeLast() }
        return key.isEmpty ? nil : (key, cells[1])
    }

    /// The text after a list marker (`- `, `* `, `+ `, `• `) or the item with its number kept (`1. `).
    static func listMarker(_ s: [UInt8], _ r: Range<Int>) -> Range<Int>? {
        guard r.count >= 2 else { return nil }
        let c = s[r.lowerBound]
        if (c == UInt8(ascii: "-") || c == UInt8(ascii: "*") || c == UInt8(ascii: "+")) && s[r.lowerBound + 1] == 0x20 {
            return LineScanner.trimmed(s, (r.lowerBound + 2)..<r.upperBound)
        }
        var i = r.lowerBound
        while i < r.upperBound, s[i] >= 0x30, s[i] <= 0x39 { i += 1 }
        if i > r.lowerBound, i - r.lowerBound <= 3, i + 1 < r.upperBound,
           s[i] == UInt8(ascii: ".") || s[i] == UInt8(ascii: ")"), s[i + 1] == 0x20 {
            return r
        }
        return nil
    }

    /// A line made of two or more links and nothing but separators: a navigation bar.
    static func isNavigation(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        var links = 0
        var other = 0
        var i = r.lowerBound
        while i < r.upperBound {
            if s[i] == UInt8(ascii: "["), let (_, end) = link(s, i, r.upperBound) {
                links += 1
                i = end
                continue
            }
            switch s[i] {
            case 0x20, 0x09, UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "/"), UInt8(ascii: "!"), UInt8(ascii: "-"),
                 UInt8(ascii: "*"), UInt8(ascii: "+"): break
            default: other += 1
            }
            i += 1
        }
        return (links >= 2 && other <= 12) || (links == 1 && other == 0)
    }

    /// A line opening with a link glued to the next word ("[Listen](…)Title Updated …"): a
    /// toolbar of a scraped page.
    static func startsWithControl(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        guard !r.isEmpty, s[r.lowerBound] == UInt8(ascii: "["), let (_, end) = link(s, r.lowerBound, r.upperBound) else { return false }
        return end < r.upperBound && isWordByte(s[end])
    }

    /// A `[text](target)` or `[text][ref]` link at `i`: the text range and where the link ends.
    static func link(_ s: [UInt8], _ i: Int, _ end: Int) -> (Range<Int>, Int)? {
        var depth = 0
        var j = i
        while j < end {
            if s[j] == UInt8(ascii: "[") { depth += 1 }
            if s[j] == UInt8(ascii: "]") { depth -= 1; if depth == 0 { break } }
            j += 1
        }
        guard j < end, j + 1 < end else { return nil }
        let open = s[j + 1]
        let close: UInt8
        if open == UInt8(ascii: "(") { close = UInt8(ascii: ")") } else if open == UInt8(ascii: "[") { close = UInt8(ascii: "]") } else { return nil }
        var k = j + 2
        var paren = 1
        while k < end {
            if s[k] == open { paren += 1 }
            if s[k] == close { paren -= 1; if paren == 0 { break } }
            k += 1
        }
        guard k < end else { return nil }
        return ((i + 1)..<j, k + 1)
    }

    /// Copies a line's text without Markdown marks: links keep their text, images and inline HTML
    /// tags go, emphasis and code marks go, backslash escapes keep the escaped character.
    static func inline(_ s: [UInt8], _ r: Range<Int>, into b: inout MappedTextBuilder) {
        var i = r.lowerBound
        var runStart = i
        func flush(_ to: Int, _ b: inout MappedTextBuilder) { if to > runStart { b.copy(s, runStart..<to) } }
        while i < r.upperBound {
            let c = s[i]
            switch c {
            case UInt8(ascii: "!") where i + 1 < r.upperBound && s[i + 1] == UInt8(ascii: "["):
                if let (_, end) = link(s, i + 1, r.upperBound) {
                    flush(i, &b); i = end; runStart = i; continue
                }
            case UInt8(ascii: "["):
                if let (text, end) = link(s, i, r.upperBound) {
                    flush(i, &b)
                    // A link opening a line and glued to the text after it is a page control ("[Listen](…)Title").
                    let control = i == r.lowerBound && end < r.upperBound && isWordByte(s[end])
                    if !control { inline(s, text, into: &b) }
                    if !control, end < r.upperBound, isWordByte(s[end]) { b.insert(byte: 0x20) }
                    i = end; runStart = i; continue
                }
            case UInt8(ascii: "*"), UInt8(ascii: "`"):
                // An emphasis/code mark unless it stands alone between spaces.
                let before = i > r.lowerBound ? s[i - 1] : 0x20
                let after = i + 1 < r.upperBound ? s[i + 1] : 0x20
                if !(before == 0x20 && after == 0x20) {
                    flush(i, &b); i += 1; runStart = i; continue
                }
            case UInt8(ascii: "_"):
                let before = i > r.lowerBound ? s[i - 1] : 0x20
                let after = i + 1 < r.upperBound ? s[i + 1] : 0x20
                if !isWordByte(before) || !isWordByte(after) {
                    if !(before == 0x20 && after == 0x20) { flush(i, &b); i += 1; runStart = i; continue }
                }
            case UInt8(ascii: "\\") where i + 1 < r.upperBound && isPunctuation(s[i + 1]):
                flush(i, &b); i += 1; runStart = i; i += 1; continue
            case UInt8(ascii: "<"):
                if i + 1 < r.upperBound, isLetter(s[i + 1]) || s[i + 1] == UInt8(ascii: "/") {
                    var k = i + 1
                    while k < r.upperBound, s[k] != UInt8(ascii: ">") { k += 1 }
                    if k < r.upperBound {
                        let inner = String(decoding: s[(i + 1)..<k], as: UTF8.self)
                        flush(i, &b)
                        if inner.hasPrefix("http://") || inner.hasPrefix("https://") || inner.hasPrefix("mailto:") {
                            b.copy(s, (i + 1)..<k)
                        } else if inner.lowercased().hasPrefix("br") {
                            b.insert(byte: 0x20)
                        }
                        i = k + 1; runStart = i; continue
                    }
                }
            default: break
            }
            i += 1
        }
        flush(r.upperBound, &b)
    }

    static func isWordByte(_ c: UInt8) -> Bool { isLetter(c) || (c >= 0x30 && c <= 0x39) || c >= 0x80 }
    static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    static func isPunctuation(_ c: UInt8) -> Bool {
        (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60) || (c >= 0x7B && c <= 0x7E)
    }
}
