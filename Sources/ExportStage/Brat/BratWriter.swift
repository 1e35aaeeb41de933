import DocPipe

/// Writes a document as brat standoff: `T` lines for entity mentions (type = label) and claims
/// (type `Claim`), `A` lines for claim attributes (Kind, Hedged, Checkworthiness) and
/// `AnnotatorNotes` with canonical names and exact claim values.
///
/// Offsets are Unicode scalar offsets into `<id>.txt` (which is the document text), as brat
/// counts them. A span crossing a line break becomes several fragments (`0 5;6 11`), since brat
/// annotations cannot contain newlines; the `T` line's text is the fragments joined by a space.
struct BratWriter {
    /// The brat type of claim spans.
    static let claimType = "Claim"

    /// The `.ann` file of a document.
    static func annotations(_ view: DocumentView) -> String {
        let scalars = Array(view.document.text.unicodeScalars)
        var lines: [String] = []
        var t = 0, a = 0, note = 0
        func textBound(_ type: String, _ span: Span) -> String? {
            let fragments = BratWriter.fragments(span.start, span.end, in: scalars)
            guard !fragments.isEmpty else { return nil }
            t += 1
            let offsets = fragments.map { "\($0.0) \($0.1)" }.joined(separator: ";")
            let text = fragments.map { view.text($0.0, $0.1) }.joined(separator: " ")
            lines.append("T\(t)\t\(type) \(offsets)\t\(text)")
            return "T\(t)"
        }
        func addNote(_ target: String, _ text: String) {
            guard !text.isEmpty else { return }
            note += 1
            lines.append("#\(note)\tAnnotatorNotes \(target)\t\(BratWriter.oneLine(text))")
        }
        for e in view.entities {
            guard let id = textBound(BratWriter.typeName(e.type), e) else { continue }
            if let canonical = e.attributes["canonical"]?.stringValue { addNote(id, "canonical: \(canonical)") }
        }
        for c in view.claims {
            guard let id = textBound(claimType, c) else { continue }
            let kinds = DocumentView.kinds(c)
            if let first = kinds.first {
                a += 1
                lines.append("A\(a)\tKind \(id) \(BratWriter.typeName(first))")
            }
            if let hedges = c.attributes["hedges"], BratWriter.isPresent(hedges) {
                a += 1
                lines.append("A\(a)\tHedged \(id)")
            }
            if let score = DocumentView.checkworthiness(c) {
                a += 1
                lines.append("A\(a)\tCheckworthiness \(id) \(CheckworthinessBand(score).rawValue)")
            }
            var noted = c.attributes
            noted["entities"] = nil  // they are their own annotations
            noted["isClaim"] = nil
            addNote(id, BratWriter.describe(noted))
        }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// `start..<end` cut at line breaks, without empty fragments.
    static func fragments(_ start: Int, _ end: Int, in scalars: [Unicode.Scalar]) -> [(Int, Int)] {
        var out: [(Int, Int)] = []
        var s = max(0, start)
        let e = min(end, scalars.count)
        var i = s
        while i < e {
            if BratWriter.isLineBreak(scalars[i]) {
                if i > s { out.append((s, i)) }
                s = i + 1
            }
            i += 1
        }
        if e > s { out.append((s, e)) }
        return out
    }

    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        s == "\n" || s == "\r" || s == "\u{0B}" || s == "\u{0C}" || s == "\u{85}" || s == "\u{2028}" || s == "\u{2029}"
    }

    /// A name brat accepts as a type or attribute value: letters, digits, `_` and `-`.
    static func typeName(_ raw: String) -> String {
        var out = ""
        for s in raw.unicodeScalars {
            switch s {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-": out.unicodeScalars.append(s)
            default: out.append("_")
            }
        }
        return out.isEmpty ? "_" : out
    }

    /// Text made safe for one field of a line (tabs and line breaks become spaces).
    static func oneLine(_ s: String) -> String {
        var out = ""
        for u in s.unicodeScalars { out.unicodeScalars.append(u == "\t" || isLineBreak(u) ? " " : u) }
        return out
    }

    /// A non-empty value (not null, false, "", [] or {}).
    static func isPresent(_ v: JSONValue) -> Bool {
        switch v {
        case .null, .bool(false): return false
        case .string(let s): return !s.isEmpty
        case .array(let a): return !a.isEmpty
        case .object(let o): return !o.isEmpty
        default: return true
        }
    }

    /// Attributes as `key: value; key: value` in key order (values as `AttributeText` shows
    /// them), leaving out empty values.
    static func describe(_ attributes: [String: JSONValue]) -> String {
        JSONWriter.sortedKeys(attributes).compactMap { key -> String? in
            let v = attributes[key]!
            guard isPresent(v) else { return nil }
            let text = AttributeText.display(v, separator: ", ")
            return "\(key): \(text)"
        }.joined(separator: "; ")
    }

    /// `annotation.conf` declaring every entity label and claim kind seen in the corpus.
    static func annotationConfig(labels: [String], kinds: [String]) -> String {
        var out = "# docpipe export: entity labels and claims as brat types\n[entities]\n"
        for l in labels { out += typeName(l) + "\n" }
        out += claimType + "\n\n[relations]\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n"
        let values = kinds.map(typeName)
        if !values.isEmpty { out += "Kind\tArg:\(claimType), Value:\(values.joined(separator: "|"))\n" }
        out += "Hedged\tArg:\(claimType)\n"
        out += "Checkworthiness\tArg:\(claimType), Value:\(CheckworthinessBand.allCases.map(\.rawValue).joined(separator: "|"))\n"
        return out
    }

    /// `visual.conf` with the report's colours.
    static func visualConfig(labels: [String]) -> String {
        var out = "[labels]\n\n[drawing]\n"
        for l in labels { out += "\(typeName(l))\tbgColor:\(LabelColors.color(for: l))\n" }
        out += "\(claimType)\tbgColor:#fff3b0\n"
        return out
    }
}
