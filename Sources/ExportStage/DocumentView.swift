import DocPipe

/// One document prepared for export: its layers looked up once, span text sliced through a
/// `TextIndex`, offsets mapped back to the source, and sentence and page numbers found by
/// binary search. Every layer is optional (a pipeline of ingest + export has none).
struct DocumentView {
    let document: Document
    let index: TextIndex
    let sourceRange: SourceRange
    let paragraphs: [Span]
    let sentences: [Span]
    let entities: [Span]
    /// Claim spans, leaving out sentences the claims stage kept but marked `"isClaim": false`
    /// (its option to score every sentence); the per-document JSON still has them all.
    let claims: [Span]
    let pages: [Span]

    init(_ document: Document) {
        self.document = document
        index = TextIndex(document.text)
        sourceRange = SourceRange(map: document.sourceMap)
        paragraphs = document.spans(LayerName.paragraphs)
        sentences = document.spans(LayerName.sentences)
        entities = document.spans(LayerName.entities)
        claims = document.spans(LayerName.claims).filter { $0.attributes["isClaim"]?.boolValue != false }
        pages = document.spans(LayerName.pages)
    }

    /// The document id.
    var id: String { document.id }

    /// The id made safe as one file-name component (ids from the core already are; this makes
    /// sure no id can name a path outside the output folder).
    var fileStem: String { DocumentID.sanitize(document.id) }

    /// The text a span covers.
    func text(of span: Span) -> String { index.substring(span.start, span.end) }

    /// The title from metadata, or the id.
    var title: String {
        if let t = document.metadata["title"]?.stringValue, !t.isEmpty { return t }
        return document.id
    }

    /// The 0-based index of the sentence containing offset `start`, or nil.
    func sentenceIndex(at start: Int) -> Int? { DocumentView.containing(start, in: sentences) }

    /// The page number (attribute "number", else 1-based position) containing offset `start`, or nil.
    func pageNumber(at start: Int) -> Int? {
        guard let i = DocumentView.containing(start, in: pages) else { return nil }
        return pages[i].attributes["number"]?.intValue ?? i + 1
    }

    /// Entity mentions lying inside `span`.
    func entities(inside span: Span) -> [Span] {
        var lo = 0, hi = entities.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entities[mid].start < span.start { lo = mid + 1 } else { hi = mid }
        }
        var out: [Span] = []
        var i = lo
        while i < entities.count, entities[i].start < span.end {
            if entities[i].end <= span.end { out.append(entities[i]) }
            i += 1
        }
        return out
    }

    /// The last span (in canonical order) starting at or before `offset` that contains it.
    static func containing(_ offset: Int, in spans: [Span]) -> Int? {
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].start <= offset { lo = mid + 1 } else { hi = mid }
        }
        var i = lo - 1
        // Nested or overlapping spans: look back a little for one that still covers the offset.
        var tries = 0
        while i >= 0, tries < 8 {
            if spans[i].start <= offset, offset < max(spans[i].end, spans[i].start + 1) { return i }
            i -= 1
            tries += 1
        }
        return nil
    }

    /// A span's offsets as JSON members: start, end, sourceStart, sourceEnd.
    func offsets(_ span: Span) -> [String: JSONValue] {
        let r = sourceRange.range(span.start, span.end)
        return ["start": .int(span.start), "end": .int(span.end), "sourceStart": .int(r.start), "sourceEnd": .int(r.end)]
    }

    /// A nullable integer.
    static func nullable(_ v: Int?) -> JSONValue { v.map(JSONValue.int) ?? .null }
}
