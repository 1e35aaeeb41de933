import DocPipe

/// The JSON shapes the export writes for one document: the full per-document file and the
/// records of documents.jsonl, entities.jsonl and claims.jsonl (CSV columns are read from the
/// same records, so every format says the same thing). Described in docs/outputs.md and
/// docs/schema/.
extension DocumentView {
    /// The per-document file: the document model (`Document.json`: schemaVersion, id, source,
    /// metadata, text, layers, sourceMap, warnings) with `sourceStart`/`sourceEnd` on every span.
    func fullJSON() -> JSONValue {
        guard case .object(var o) = document.json else { return document.json }
        var layers: [String: JSONValue] = [:]
        for (name, spans) in document.layers {
            layers[name] = .array(spans.map { span in
                guard case .object(var s) = span.json else { return span.json }
                for (k, v) in offsets(span) { s[k] = v }
                return .object(s)
            })
        }
        o["layers"] = .object(layers)
        return .object(o)
    }

    /// Layer sizes of the document.
    var counts: JSONValue {
        [
            "characters": .int(index.scalarCount), "paragraphs": .int(paragraphs.count), "sentences": .int(sentences.count),
            "entities": .int(entities.count), "claims": .int(claims.count), "pages": .int(pages.count),
        ]
    }

    /// A documents.jsonl record: id, source, metadata, text, counts and warnings (no layers).
    func documentRecord() -> JSONValue {
        [
            "id": .string(id), "title": .string(title), "source": document.source.json, "metadata": .object(document.metadata),
            "text": .string(document.text), "counts": counts, "warnings": .array(document.warnings.map(\.json)),
        ]
    }

    /// entities.jsonl records, one per mention, in text order.
    func entityRecords() -> [JSONValue] {
        entities.enumerated().map { n, span in
            var o = offsets(span)
            o["document"] = .string(id)
            o["index"] = .int(n)
            o["label"] = .string(span.type)
            o["text"] = .string(text(of: span))
            o["canonical"] = .string(span.attributes["canonical"]?.stringValue ?? text(of: span))
            o["sentence"] = DocumentView.nullable(sentenceIndex(at: span.start))
            o["page"] = DocumentView.nullable(pageNumber(at: span.start))
            o["attributes"] = .object(span.attributes)
            return .object(o)
        }
    }

    /// claims.jsonl records, one per claim, in text order, with the entity mentions inside each.
    func claimRecords() -> [JSONValue] {
        claims.enumerated().map { n, span in
            var o = offsets(span)
            o["document"] = .string(id)
            o["index"] = .int(n)
            o["type"] = .string(span.type)
            o["text"] = .string(text(of: span))
            o["sentence"] = DocumentView.nullable(sentenceIndex(at: span.start))
            o["page"] = DocumentView.nullable(pageNumber(at: span.start))
            o["attributes"] = .object(span.attributes)
            o["entities"] = .array(entities(inside: span).map { e in
                [
                    "label": .string(e.type), "canonical": .string(e.attributes["canonical"]?.stringValue ?? text(of: e)),
                    "text": .string(text(of: e)), "start": .int(e.start), "end": .int(e.end),
                ]
            })
            return .object(o)
        }
    }

    /// The claim's check-worthiness, when the claims stage gave one.
    static func checkworthiness(_ span: Span) -> Double? { span.attributes["checkworthiness"]?.doubleValue }

    /// The claim's kinds (attribute "kinds": an array of strings, or one string).
    static func kinds(_ span: Span) -> [String] {
        switch span.attributes["kinds"] ?? span.attributes["kind"] {
        case .string(let s)?: return [s]
        case .array(let a)?: return a.compactMap(\.stringValue)
        default: return []
        }
    }
}
