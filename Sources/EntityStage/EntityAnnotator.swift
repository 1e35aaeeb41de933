import DocPipe

/// Runs an extractor over a document's sentences and turns mentions into spans with canonical names.
struct EntityAnnotator {
    /// The per-sentence extractor.
    let extractor: EntityExtractor
    /// Labels to keep (empty: all).
    let keep: Set<String>

    /// The entity spans of a document, in canonical order.
    func annotate(_ document: Document) -> [Span] {
        let index = TextIndex(document.text)
        var sentences = document.spans(LayerName.sentences).filter { $0.type == "sentence" }
        if sentences.isEmpty && !document.text.isEmpty {
            sentences = [Span(start: 0, end: index.scalarCount, type: "sentence")]
        }
        var mentions: [Mention] = []
        var scratch = EntityExtractor.Scratch()
        index.utf8.withUnsafeBufferPointer { bytes in
            for s in sentences {
                let a = index.byteOffset(ofScalar: s.start), b = index.byteOffset(ofScalar: min(s.end, index.scalarCount))
                guard a < b else { continue }
                extractor.extract(bytes, a..<b, scratch: &scratch, into: &mentions)
            }
        }
        mentions.sort { $0.startByte < $1.startByte }
        // Canonical names over the whole document.
        var items: [Canonicalizer.Item] = []
        items.reserveCapacity(mentions.count)
        for (k, m) in mentions.enumerated() {
            let gapEnd = k + 1 < mentions.count ? max(m.endByte, mentions[k + 1].startByte) : m.endByte
            let paren = gapEnd - m.endByte <= 8 && Canonicalizer.isOpenParenthesis(index.utf8[m.endByte..<gapEnd])
            items.append(Canonicalizer.Item(text: index.substring(bytes: m.startByte..<m.endByte), label: m.label,
                                            canonical: m.canonical, openParenthesisAfter: paren))
        }
        Canonicalizer.resolve(&items)
        var spans: [Span] = []
        spans.reserveCapacity(mentions.count)
        for (m, it) in zip(mentions, items) where it.label != "?" {
            if !keep.isEmpty && !keep.contains(it.label) { continue }
            var attributes: [String: JSONValue] = ["canonical": .string(it.canonical ?? it.text)]
            if let iso3 = m.iso3, it.label == "GPE" || it.label == "NORP" { attributes["iso3"] = .string(iso3) }
            if m.origin == .rule, let value = EntityValue.of(label: it.label, text: it.text) { attributes["value"] = value }
            spans.append(Span(start: index.scalarOffset(ofByte: m.startByte), end: index.scalarOffset(ofByte: m.endByte),
                              type: it.label, attributes: attributes))
        }
        return spans
    }
}
