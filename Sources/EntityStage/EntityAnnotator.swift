import DocPipe
import Foundation

/// Runs an extractor over a document's sentences and turns mentions into spans with canonical names.
struct EntityAnnotator {
    /// The per-sentence extractor.
    let extractor: EntityExtractor
    /// Labels to keep (empty: all).
    let keep: Set<String>

    /// The entity spans of a document, in canonical order.
    func annotate(_ document: Document) -> [Span] {
        var scratch = EntityExtractor.Scratch()
        return annotate(document, scratch: &scratch)
    }

    /// The entity spans of a document, with buffers kept from earlier documents.
    func annotate(_ document: Document, scratch: inout EntityExtractor.Scratch) -> [Span] {
        scratch.tagger.memory.reset()
        let index = TextIndex(document.text)
        var sentences = document.spans(LayerName.sentences).filter { $0.type == "sentence" }
        if sentences.isEmpty && !document.text.isEmpty {
            sentences = [Span(start: 0, end: index.scalarCount, type: "sentence")]
        }
        var mentions: [Mention] = []
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
        scratch.entities.removeAll(keepingCapacity: true)
        for (m, it) in zip(mentions, items) where it.label != "?" {
            if !keep.isEmpty && !keep.contains(it.label) { continue }
            // Room for canonical, iso3 and value from the start (no regrowing; JSON output sorts keys).
            var attributes = [String: JSONValue](minimumCapacity: 3)
            let canonical = it.canonical ?? it.text
            attributes["canonical"] = .string(canonical)
            scratch.entities.append((canonical, it.label))
            if let iso3 = m.iso3, it.label == "GPE" || it.label == "NORP" { attributes["iso3"] = .string(iso3) }
            if m.origin == .rule, let value = scratch.values.value(label: it.label, text: it.text) { attributes["value"] = value }
            spans.append(Span(start: index.scalarOffset(ofByte: m.startByte), end: index.scalarOffset(ofByte: m.endByte),
                              type: it.label, attributes: attributes))
        }
        return spans
    }
}

/// Extractor buffers kept between documents, one per document in flight, so the tagger's word
/// cache stays warm across a run.
final class ScratchPool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [EntityExtractor.Scratch] = []

    /// Runs `body` with a pooled (or new) scratch and returns the scratch to the pool.
    func with<R>(_ body: (inout EntityExtractor.Scratch) throws -> R) rethrows -> R {
        lock.lock()
        var scratch = free.popLast() ?? EntityExtractor.Scratch()
        lock.unlock()
        defer {
            lock.lock()
            free.append(scratch)
            lock.unlock()
        }
        return try body(&scratch)
    }
}
