/// Gives every mention of a document its canonical name:
/// - "Full Name (ACRONYM)" links both ways, and later uses of the acronym join the full name;
/// - a one-word PERSON mention joins an earlier (or later) full name that starts or ends with
///   it ("Moon" → "Moon Jae-in", "Trump" → "Donald Trump"), and an unlabeled word matching such a
///   name part becomes PERSON;
/// - gazetteer entries give their canonical form ("U.S." → "United States");
/// - otherwise the canonical name is the mention text with whitespace collapsed and a leading
///   "the" dropped.
struct Canonicalizer {
    /// One mention with its text, as the canonicalizer sees it.
    struct Item {
        var text: String
        var label: String
        var canonical: String?
        /// Whether the text between this mention and the next one is "(" with optional spaces,
        /// tabs and line breaks around it (to spot "Name (ACRONYM)").
        var openParenthesisAfter: Bool
    }

    /// Whether `bytes` is "(" with only spaces, tabs and line feeds around it: the same answer as
    /// `String(decoding: bytes, as: UTF8.self).trimmingSpaces == "("` (every ASCII byte but CR is
    /// its own Character, and "(" has no other canonical form).
    static func isOpenParenthesis(_ bytes: ArraySlice<UInt8>) -> Bool {
        var seen = false
        for b in bytes {
            if b == 0x28 {
                if seen { return false }
                seen = true
            } else if b != 0x20 && b != 0x0A && b != 0x09 {
                return false
            }
        }
        return seen
    }

    /// Assigns `canonical` (and may settle labels "?") for items in document order.
    static func resolve(_ items: inout [Item]) {
        // Surface forms.
        for k in items.indices { items[k].text = collapse(items[k].text) }
        // 1. Acronyms in parentheses.
        var alias: [String: String] = [:]
        for k in items.indices.dropLast() {
            let a = items[k], b = items[k + 1]
            guard a.openParenthesisAfter, isAcronym(b.text), a.text.split(separator: " ").count >= 2 else { continue }
            let full = a.canonical.map { preferDocumentForm($0, a.text) } ?? a.text
            alias[b.text] = full
            alias[a.text] = full
            items[k + 1].label = a.label == "?" ? "ORG" : a.label
            if items[k].label == "?" { items[k].label = "ORG" }
        }
        // 2. Person names and their parts.
        // The first full name (in document order) whose first or last word is a given word: one
        // dictionary lookup per item instead of a scan over all full names (quadratic on long documents).
        var fullNameOfPart: [String: String] = [:]
        for it in items where it.label == "PERSON" && hasSpace(it.text) {
            let parts = it.text.split(separator: " ")
            if let f = parts.first, fullNameOfPart[String(f)] == nil { fullNameOfPart[String(f)] = it.text }
            if let l = parts.last, fullNameOfPart[String(l)] == nil { fullNameOfPart[String(l)] = it.text }
        }
        for k in items.indices {
            let t = items[k].text
            if !alias.isEmpty, let full = alias[t] { items[k].canonical = full; continue }
            if items[k].label == "PERSON" || items[k].label == "?", !hasSpace(t) {
                if let full = fullNameOfPart[t] {
                    items[k].canonical = full
                    items[k].label = "PERSON"
                    continue
                }
            }
            if let c = items[k].canonical { items[k].canonical = preferDocumentForm(c, t); continue }
            items[k].canonical = stripThe(t)
        }
    }

    /// Gazetteer canonical names use ASCII apostrophes; keep the document's typographic form when
    /// it differs only by that.
    static func preferDocumentForm(_ canonical: String, _ text: String) -> String {
        text.replacingApostrophes == canonical ? text : canonical
    }

    static func isAcronym(_ s: String) -> Bool {
        let letters = s.unicodeScalars.filter { $0 != "." && $0 != "-" && $0 != "&" }
        return letters.count >= 2 && letters.count <= 10 && letters.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
            && letters.contains { ("A"..."Z").contains($0) }
    }

    static func collapse(_ s: String) -> String {
        // Nothing to collapse without tabs, line breaks, double spaces or spaces at either end.
        @inline(__always) func isPlain<S: Sequence<UInt8>>(_ bytes: S) -> Bool {
            var previous: UInt8 = 0x20
            for b in bytes {
                if b == 0x09 || b == 0x0A || b == 0x0D || (b == 0x20 && previous == 0x20) { return false }
                previous = b
            }
            return previous != 0x20
        }
        if s.utf8.withContiguousStorageIfAvailable({ isPlain($0) }) ?? isPlain(s.utf8) { return s }
        return s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
    }

    /// `s.contains(" ")`, on bytes when `s` is ASCII (the same answer without a Foundation search).
    @inline(__always) static func hasSpace(_ s: String) -> Bool {
        var ascii = true
        for b in s.utf8 {
            if b == 0x20 { return true }
            if b >= 0x80 { ascii = false }
        }
        return ascii ? false : s.contains(" ")
    }

    static func stripThe(_ s: String) -> String {
        // ASCII fast path: "the "/"The " then an ASCII byte (a Character of its own).
        let fast: String?? = s.utf8.withContiguousStorageIfAvailable { u in
            guard u.count > 4, u[0] | 0x20 == 0x74, u[1] == 0x68, u[2] == 0x65, u[3] == 0x20 else { return s }
            guard u[4] < 0x80 else { return nil }
            return u[4] &- 0x41 < 26 ? String(decoding: UnsafeBufferPointer(rebasing: u[4...]), as: UTF8.self) : s
        }
        if let f = fast, let result = f { return result }
        if s.hasPrefix("the ") || s.hasPrefix("The "), s.count > 4 {
            let rest = s.dropFirst(4)
            if let f = rest.unicodeScalars.first, ("A"..."Z").contains(f) { return String(rest) }
        }
        return s
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\n" || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\n" || l == "\t" { s = s.dropLast() }
        return String(s)
    }

    var replacingApostrophes: String {
        // No U+2019 (UTF-8 E2 80 99): nothing to replace. Searched on contiguous bytes when possible.
        let hasE2 = utf8.withContiguousStorageIfAvailable { $0.contains(0xE2) } ?? utf8.contains(0xE2)
        if !hasE2 { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{2019}" ? "'" : $0 }))
    }
}
