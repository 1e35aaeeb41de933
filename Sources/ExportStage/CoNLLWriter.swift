import DocPipe

/// Writes entity mentions as CoNLL BIO: one `token TAG` line per token (`B-LABEL`, `I-LABEL`
/// or `O`), a blank line after each sentence, and `-DOCSTART- O` before each document, the
/// layout conlleval, seqeval and spaCy's converters read.
///
/// Sentences come from the "sentences" layer; text outside every sentence (headings, or all
/// of it when there is no sentence layer) is cut at line breaks into extra units, so no entity
/// is lost. Tokens are runs of letters and digits (joined by `.`, `,`, `'`, `’` or `-` between
/// two such characters) or single other characters, and are always cut at entity boundaries.
/// Entities that overlap an earlier, longer one are left out (BIO cannot nest).
struct CoNLLWriter {
    /// The lines of one document, starting with `-DOCSTART- O` and a blank line.
    static func document(_ view: DocumentView) -> String {
        let scalars = Array(view.document.text.unicodeScalars)
        let entities = flatEntities(view.entities)
        var boundaries = Set<Int>()
        for e in entities { boundaries.insert(e.start); boundaries.insert(e.end) }
        var out = "-DOCSTART- O\n\n"
        var e = 0
        for unit in units(view, count: scalars.count, scalars: scalars) {
            let tokens = tokenize(scalars, unit.0, unit.1, boundaries: boundaries)
            guard !tokens.isEmpty else { continue }
            var previous = -1  // the entity the previous token was tagged with
            for (s, t) in tokens {
                while e < entities.count, entities[e].end <= s { e += 1 }
                var tag = "O"
                if e < entities.count, entities[e].start <= s, s < entities[e].end {
                    tag = (previous == e ? "I-" : "B-") + BratWriter.typeName(entities[e].type)
                    previous = e
                } else {
                    previous = -1
                }
                out += view.text(s, t) + " " + tag + "\n"
            }
            out += "\n"
        }
        return out
    }

    /// Non-overlapping entities: in canonical order (start, longer first), skipping any that
    /// start inside one already kept.
    static func flatEntities(_ spans: [Span]) -> [Span] {
        var out: [Span] = []
        for s in spans where s.end > s.start {
            if let last = out.last, s.start < last.end { continue }
            out.append(s)
        }
        return out
    }

    /// Sentences plus the line-cut text between them, in text order.
    static func units(_ view: DocumentView, count: Int, scalars: [Unicode.Scalar]) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var pos = 0
        func gap(_ a: Int, _ b: Int) {
            var s = a
            for i in a..<b where BratWriter.isLineBreak(scalars[i]) {
                if i > s { out.append((s, i)) }
                s = i + 1
            }
            if b > s { out.append((s, b)) }
        }
        for sentence in view.sentences where sentence.start >= pos && sentence.end <= count {
            if sentence.start > pos { gap(pos, sentence.start) }
            out.append((sentence.start, sentence.end))
            pos = sentence.end
        }
        if count > pos { gap(pos, count) }
        return out
    }

    /// Token ranges in `start..<end`.
    static func tokenize(_ s: [Unicode.Scalar], _ start: Int, _ end: Int, boundaries: Set<Int>) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var i = start
        while i < end {
            let c = s[i]
            if c.properties.isWhitespace || c.value < 0x20 { i += 1; continue }
            // A clitic cut off at an entity's end ("Seoul|'s") stays one token: "'s".
            let clitic = (c == "'" || c == "\u{2019}") && i > start && isWordScalar(s[i - 1]) && i + 1 < end && isWordScalar(s[i + 1])
            guard isWordScalar(c) || clitic else { out.append((i, i + 1)); i += 1; continue }
            var j = i + 1
            while j < end, !boundaries.contains(j) {
                if isWordScalar(s[j]) { j += 1; continue }
                if isJoiner(s[j]), j + 1 < end, isWordScalar(s[j + 1]), !boundaries.contains(j + 1) { j += 2; continue }
                break
            }
            out.append((i, j))
            i = j
        }
        return out
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII {
            return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || (c >= "0" && c <= "9")
        }
        let p = c.properties
        return p.isAlphabetic || p.numericType != nil || p.generalCategory == .nonspacingMark
            || p.generalCategory == .spacingMark
    }

    static func isJoiner(_ c: Unicode.Scalar) -> Bool {
        c == "." || c == "," || c == "'" || c == "\u{2019}" || c == "-" || c == "\u{2010}" || c == "\u{2011}"
    }
}
