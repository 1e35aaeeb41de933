import DocPipe

/// Reads HTML, SGML and XML on bytes: tags stripped, character references decoded, block elements
/// turned into paragraph breaks, dropped elements skipped, metadata collected (`<title>`,
/// `<meta name=… content=…>`, `<html lang>`, and the policy's metadata elements).
struct MarkupReader {
    let policy: MarkupPolicy

    func read(_ s: [UInt8]) -> ReaderOutput {
        var out = ReaderOutput(builder: MappedTextBuilder(capacity: s.count))
        var dropDepth: [String: Int] = [:]
        var dropping = 0
        var preDepth = 0
        var headingStart: Int?
        var capture: (key: String, start: Int, keepText: Bool)?
        var titleTag: String?
        var firstH1: String?
        let n = s.count
        var i = 0
        var runStart = 0

        func flush(_ to: Int, _ out: inout ReaderOutput, beforeTag: Bool = false) {
            guard dropping == 0, to > runStart else { return }
            var end = to
            if beforeTag, !policy.collapseWhitespace, preDepth == 0 {
                // SGML: line breaks and indentation just before a tag ("-\n    </DATELINE><BODY>Text")
                // are layout of the markup, not of the text: they become one space.
                while end > runStart, s[end - 1] == 0x20 || s[end - 1] == 0x0A || s[end - 1] == 0x0D || s[end - 1] == 0x09 { end -= 1 }
                emitText(s, runStart..<end, pre: false, into: &out.builder)
                if end < to, end > runStart, let last = out.builder.last, last != 0x20, last != 0x0A { out.builder.copy(byte: 0x20, from: end) }
                return
            }
            emitText(s, runStart..<end, pre: preDepth > 0, into: &out.builder)
        }

        while i < n {
            let c = s[i]
            if c == UInt8(ascii: "&") {
                flush(i, &out)
                if let (scalar, next) = HTMLEntities.decode(s, at: i, end: n) {
                    if dropping == 0, let scalar { emitScalar(scalar, pre: preDepth > 0, into: &out.builder) }
                    i = next
                } else {
                    if dropping == 0 { out.builder.copy(byte: c, from: i) }
                    i += 1
                }
                runStart = i
                continue
            }
            guard c == UInt8(ascii: "<"), i + 1 < n else { i += 1; continue }
            let next = s[i + 1]
            if next == UInt8(ascii: "!") || next == UInt8(ascii: "?") {
                flush(i, &out)
                if i + 3 < n, s[i + 2] == UInt8(ascii: "-"), s[i + 3] == UInt8(ascii: "-") {
                    i = find(s, "-->", from: i + 4).map { $0 + 3 } ?? n
                } else if let cdata = match(s, i, "<![CDATA[") {
                    let end = find(s, "]]>", from: cdata) ?? n
                    if dropping == 0 { emitText(s, cdata..<end, pre: preDepth > 0, into: &out.builder) }
                    i = min(n, end + 3)
                } else {
                    i = (find(s, ">", from: i + 2) ?? n - 1) + 1
                }
                runStart = i
                continue
            }
            let isEnd = next == UInt8(ascii: "/")
            let nameStart = isEnd ? i + 2 : i + 1
            guard nameStart < n, MarkdownReader.isLetter(s[nameStart]) else { i += 1; continue }
            flush(i, &out, beforeTag: true)
            var j = nameStart
            while j < n, HTMLEntities.isAlnum(s[j]) || s[j] == UInt8(ascii: "-") || s[j] == UInt8(ascii: ":") || s[j] == UInt8(ascii: "_") { j += 1 }
            let name = String(decoding: s[nameStart..<j], as: UTF8.self).lowercased()
            let tagEnd = tagClose(s, from: j)
            let selfClosing = tagEnd > 1 && s[tagEnd - 1] == UInt8(ascii: "/")
            i = min(n, tagEnd + 1)
            runStart = i

            if !isEnd {
                // Metadata carried by attributes.
                if name == "meta" || name == "html" || name == "link" {
                    let attrs = attributes(s, j..<tagEnd)
                    if name == "html", let lang = attrs["lang"] ?? attrs["xml:lang"] { MetadataFields.assign(canonical: "language", value: lang, to: &out.metadata) }
                    if name == "meta", let content = attrs["content"] {
                        let key = attrs["name"] ?? attrs["property"] ?? attrs["itemprop"] ?? attrs["http-equiv"] ?? ""
                        MetadataFields.assign(key: key, value: content, to: &out)
                    }
                    if name == "link", attrs["rel"]?.lowercased() == "canonical", let href = attrs["href"] {
                        MetadataFields.assign(canonical: "url", value: href, to: &out.metadata)
                    }
                }
                if policy.rawText.contains(name), !selfClosing {
                    let close = findClose(s, name, from: i) ?? n
                    if name == "title", titleTag == nil {
                        titleTag = decodeText(s, i..<close)
                    } else if name == "textarea" || name == "xmp", dropping == 0 {
                        emitText(s, i..<close, pre: false, into: &out.builder)
                    }
                    i = min(n, (find(s, ">", from: close) ?? n - 1) + 1)
                    runStart = i
                    continue
                }
                if policy.dropped.contains(name), !selfClosing, !policy.void.contains(name) {
                    dropDepth[name, default: 0] += 1
                    dropping += 1
                    continue
                }
                guard dropping == 0 else { continue }
                if let key = policy.metadataElements[name], !selfClosing {
                    let close = findClose(s, name, from: i) ?? n
                    MetadataFields.assign(canonical: key, value: decodeText(s, i..<close), to: &out.metadata)
                    i = min(n, (find(s, ">", from: close) ?? n - 1) + 1)
                    runStart = i
                    continue
                }
                if policy.headings.contains(name) {
                    out.builder.paragraphBreak()
                    headingStart = out.builder.count
                } else if policy.blocks.contains(name) {
                    out.builder.paragraphBreak()
                } else if policy.lineBreaks.contains(name) {
                    out.builder.lineBreak()
                } else if policy.cells.contains(name) {
                    if out.builder.count > 0, out.builder.last != 0x0A, out.builder.last != 0x20 { out.builder.insert(byte: 0x20) }
                }
                if name == "pre" { preDepth += 1 }
                if let key = policy.metadataAndText[name] { capture = (key, out.builder.count, true) }
            } else {
                if let d = dropDepth[name], d > 0 {
                    dropDepth[name] = d - 1
                    dropping -= 1
                    continue
                }
                guard dropping == 0 else { continue }
                if name == "pre" { preDepth = max(0, preDepth - 1) }
                if let cap = capture, policy.metadataAndText[name] == cap.key {
                    let text = String(decoding: out.builder.bytes[min(cap.start, out.builder.count)...], as: UTF8.self)
                    MetadataFields.assign(canonical: cap.key, value: text, to: &out.metadata)
                    capture = nil
                }
                if policy.headings.contains(name) {
                    if let start = headingStart {
                        if name == "h1", firstH1 == nil {
                            firstH1 = String(decoding: out.builder.bytes[min(start, out.builder.count)...], as: UTF8.self)
                        }
                        out.markHeading(from: start)
                    }
                    headingStart = nil
                    out.builder.paragraphBreak()
                } else if policy.blocks.contains(name) {
                    out.builder.paragraphBreak()
                }
            }
        }
        flush(n, &out)
        out.builder.trimTrailingWhitespace()
        if let t = titleTag { out.setIfAbsent("title", t) }
        if let h = firstH1 { out.setIfAbsent("title", h) }
        return out
    }

    /// Copies text, collapsing whitespace (HTML) or keeping line breaks (pre, SGML).
    private func emitText(_ s: [UInt8], _ r: Range<Int>, pre: Bool, into b: inout MappedTextBuilder) {
        let keepLines = pre || !policy.collapseWhitespace
        var i = r.lowerBound
        var runStart = i
        while i < r.upperBound {
            let c = s[i]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D || c == 0x0C {
                if i > runStart { b.copy(s, runStart..<i) }
                if keepLines && !pre {
                    // SGML: keep line breaks (not at a paragraph start) and indentation inside paragraphs.
                    let atParagraphStart = b.count == 0 || (b.count >= 2 && b.bytes[b.count - 1] == 0x0A && b.bytes[b.count - 2] == 0x0A)
                    if c == 0x0A {
                        b.trimTrailingSpaces()
                        if !atParagraphStart { b.copy(byte: 0x0A, from: i) }
                    } else if c != 0x0D, !atParagraphStart {
                        b.copy(byte: c, from: i)
                    }
                } else if pre {
                    if c != 0x0D { b.copy(byte: c, from: i) }
                } else if let last = b.last, last != 0x20, last != 0x0A {
                    if c == 0x20 { b.copy(byte: 0x20, from: i) } else { b.insert(byte: 0x20) }
                }
                i += 1
                runStart = i
                continue
            }
            i += 1
        }
        if i > runStart { b.copy(s, runStart..<i) }
    }

    private func emitScalar(_ u: Unicode.Scalar, pre: Bool, into b: inout MappedTextBuilder) {
        if u == "\n" || u == "\t" || u == " " {
            if policy.collapseWhitespace && !pre {
                if let last = b.last, last != 0x20, last != 0x0A { b.insert(byte: 0x20) }
            } else {
                b.insert(byte: UInt8(u.value))
            }
            return
        }
        b.insert(String(Character(u)))
    }

    /// Text of a range with references decoded and whitespace collapsed (for metadata).
    private func decodeText(_ s: [UInt8], _ r: Range<Int>) -> String {
        var tmp = MappedTextBuilder()
        var i = r.lowerBound
        var runStart = i
        while i < r.upperBound {
            if s[i] == UInt8(ascii: "&"), let (scalar, next) = HTMLEntities.decode(s, at: i, end: r.upperBound) {
                tmp.copy(s, runStart..<i)
                if let scalar { tmp.insert(String(Character(scalar))) }
                i = next
                runStart = i
            } else if s[i] == UInt8(ascii: "<") {
                tmp.copy(s, runStart..<i)
                tmp.insert(byte: 0x20)
                i = (find(s, ">", from: i) ?? r.upperBound - 1) + 1
                runStart = i
            } else {
                i += 1
            }
        }
        if runStart < r.upperBound { tmp.copy(s, runStart..<r.upperBound) }
        return Whitespace.collapse(tmp.string)
    }

    /// The index of the `>` closing a tag whose name ended at `from` (quotes respected).
    private func tagClose(_ s: [UInt8], from: Int) -> Int {
        var i = from
        var quote: UInt8 = 0
        while i < s.count {
            let c = s[i]
            if quote != 0 { if c == quote { quote = 0 } }
            else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") { quote = c }
            else if c == UInt8(ascii: ">") { return i }
            i += 1
        }
        return s.count
    }

    /// Attributes of a tag, names lowercased, values with references decoded.
    private func attributes(_ s: [UInt8], _ r: Range<Int>) -> [String: String] {
        var out: [String: String] = [:]
        var i = r.lowerBound
        while i < r.upperBound {
            while i < r.upperBound, !HTMLEntities.isAlnum(s[i]) { i += 1 }
            let ns = i
            while i < r.upperBound, HTMLEntities.isAlnum(s[i]) || s[i] == UInt8(ascii: "-") || s[i] == UInt8(ascii: ":") || s[i] == UInt8(ascii: "_") || s[i] == UInt8(ascii: ".") { i += 1 }
            guard i > ns else { i += 1; continue }
            let name = String(decoding: s[ns..<i], as: UTF8.self).lowercased()
            while i < r.upperBound, s[i] == 0x20 { i += 1 }
            guard i < r.upperBound, s[i] == UInt8(ascii: "=") else { out[name] = out[name] ?? ""; continue }
            i += 1
            while i < r.upperBound, s[i] == 0x20 { i += 1 }
            guard i < r.upperBound else { break }
            var vs = i, ve: Int
            if s[i] == UInt8(ascii: "\"") || s[i] == UInt8(ascii: "'") {
                let q = s[i]
                vs = i + 1
                ve = vs
                while ve < r.upperBound, s[ve] != q { ve += 1 }
                i = ve + 1
            } else {
                ve = i
                while ve < r.upperBound, s[ve] != 0x20, s[ve] != UInt8(ascii: ">") { ve += 1 }
                i = ve
            }
            if out[name] == nil { out[name] = decodeText(s, vs..<min(ve, r.upperBound)) }
        }
        return out
    }

    private func match(_ s: [UInt8], _ i: Int, _ text: String) -> Int? {
        let t = Array(text.utf8)
        guard i + t.count <= s.count else { return nil }
        for k in 0..<t.count where s[i + k] | (MarkdownReader.isLetter(t[k]) ? 0x20 : 0) != t[k] | (MarkdownReader.isLetter(t[k]) ? 0x20 : 0) { return nil }
        return i + t.count
    }

    /// The next occurrence of `text` (case-insensitive for letters) at or after `from`.
    private func find(_ s: [UInt8], _ text: String, from: Int) -> Int? {
        let t = Array(text.utf8)
        guard let first = t.first else { return nil }
        var i = from
        while i + t.count <= s.count {
            if s[i] | 0x20 == first | 0x20, match(s, i, text) != nil { return i }
            i += 1
        }
        return nil
    }

    /// The start of the end tag `</name` at or after `from`.
    private func findClose(_ s: [UInt8], _ name: String, from: Int) -> Int? {
        var i = from
        while let k = find(s, "</" + name, from: i) {
            let after = k + 2 + name.utf8.count
            if after >= s.count || !HTMLEntities.isAlnum(s[after]) { return k }
            i = k + 1
        }
        return nil
    }
}
