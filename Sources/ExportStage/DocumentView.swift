import DocPipe

/// One document prepared for export: its layers looked up once, span text sliced as bytes
/// through a scalar-to-byte table, and, for every entity and claim, its source range,
/// sentence, page and (entities) canonical name computed once and shared by every format.
/// Every layer is optional (a pipeline of ingest + export has none).
struct DocumentView {
    let document: Document
    /// The text's UTF-8 bytes.
    let utf8: [UInt8]
    let scalars: ScalarBytes
    let sourceRange: SourceRange
    let paragraphs: [Span]
    let sentences: [Span]
    let entities: [Span]
    /// Claim spans, leaving out sentences the claims stage kept but marked `"isClaim": false`
    /// (its option to score every sentence); the per-document JSON still has them all.
    let claims: [Span]
    let pages: [Span]
    /// Where each entity mention lies, in `entities` order.
    let entityPlaces: [Place]
    /// Where each claim lies, in `claims` order.
    let claimPlaces: [Place]
    /// The attributes the report reads, per claim (empty unless asked for at init).
    let claimFields: [ClaimFields]
    /// Each entity's `canonical` attribute when it is a string, else nil (its text stands in).
    let canonicalAttributes: [String?]
    /// Every entity's attributes as compact JSON, in `entities` order (`attributesRendered`).
    var entityAttributes: AttributeJSON
    /// Every span of the claims layer (all of them, as the per-document JSON has) with its
    /// attributes as compact JSON, in layer order (`attributesRendered`).
    var claimLayerAttributes: AttributeJSON
    /// Whether `entityAttributes` and `claimLayerAttributes` are rendered: at init, or, when init
    /// leaves them, by `fullJSON`, which writes their pretty form in the same walk.
    var attributesRendered: Bool
    /// For each claim in `claims`, its position in the claims layer.
    let claimLayerIndex: [Int]
    /// The entity labels in order of first mention (grouped as `String` equality groups them).
    let labelNames: [String]
    /// Each entity's label, as an index into `labelNames`.
    let entityLabels: [Int]
    /// The entities' distinct labels (by bytes) and every entity's canonical name (`canonical(i)`)
    /// as UTF-8, one after the other, so writers slice bytes instead of reaching into strings.
    let entityBytes: [UInt8]
    /// Where each entity's label (its `type`) lies in `entityBytes`.
    let labelRanges: [Range<Int>]
    /// Where each entity's canonical name lies in `entityBytes`.
    let canonicalRanges: [Range<Int>]

    /// A span's derived positions.
    struct Place {
        /// Its text's bytes in `utf8`.
        var bytes: Range<Int>
        var sourceStart: Int
        var sourceEnd: Int
        /// 0-based index of the sentence holding its start, or nil.
        var sentence: Int?
        /// Page number holding its start, or nil.
        var page: Int?
    }

    /// Prepares `document`; `claimFields` says whether to read the claim fields the report uses,
    /// `renderAttributes` whether to render the entity and claim attributes now (else `fullJSON`
    /// does, and has to be called before anything that reads them).
    init(_ document: Document, claimFields wanted: Bool = true, renderAttributes: Bool = true) {
        self.document = document
        utf8 = Array(document.text.utf8)
        scalars = ScalarBytes(utf8)
        sourceRange = SourceRange(map: document.sourceMap)
        paragraphs = document.spans(LayerName.paragraphs)
        sentences = document.spans(LayerName.sentences)
        entities = document.spans(LayerName.entities)
        let claimLayer = document.spans(LayerName.claims)
        var claimLayerIndex: [Int] = []
        claimLayerIndex.reserveCapacity(claimLayer.count)
        for i in claimLayer.indices where DocumentView.isClaim(claimLayer[i].attributes) { claimLayerIndex.append(i) }
        // Usually every span is a claim: the layer itself, no span copied (retained).
        self.claims = claimLayerIndex.count == claimLayer.count ? claimLayer : claimLayerIndex.map { claimLayer[$0] }
        self.claimLayerIndex = claimLayerIndex
        pages = document.spans(LayerName.pages)
        // Spans read in place by index (no copy of each to retain and release).
        let (claims, entities) = (self.claims, self.entities)
        claimFields = wanted ? claims.indices.map { ClaimFields(claims[$0]) } : []
        canonicalAttributes = entities.indices.map { DocumentView.canonicalAttribute(entities[$0].attributes) }
        entityAttributes = renderAttributes ? AttributeJSON(entities, canonical: canonicalAttributes) : .unrendered
        claimLayerAttributes = renderAttributes ? AttributeJSON(claimLayer) : .unrendered
        attributesRendered = renderAttributes
        (labelNames, entityLabels) = DocumentView.labels(entities)
        let (sentences, pages, scalars, sourceRange) = (sentences, pages, scalars, self.sourceRange)
        func places(_ spans: [Span]) -> [Place] {
            var walker = SourceRange.Walker(sourceRange)
            // Walking needs the layers in order of start (as stages store them); else -2: search.
            func ordered(_ layer: [Span]) -> Bool { zip(layer, layer.dropFirst()).allSatisfy { $0.start <= $1.start } }
            var sentenceCursor = ordered(sentences) ? -1 : -2, pageCursor = ordered(pages) ? -1 : -2
            var out: [Place] = []
            out.reserveCapacity(spans.count)
            for k in spans.indices {  // offsets read in place: no span copied (retained and released)
                let (start, end) = (spans[k].start, spans[k].end)
                let r = walker.range(start, end)
                out.append(Place(bytes: scalars.range(start, end), sourceStart: r.start, sourceEnd: r.end,
                                 sentence: DocumentView.containing(start, in: sentences, cursor: &sentenceCursor),
                                 page: DocumentView.containing(start, in: pages, cursor: &pageCursor)
                                     .map { pages[$0].attributes["number"]?.intValue ?? $0 + 1 }))
            }
            return out
        }
        entityPlaces = places(entities)
        claimPlaces = places(claims)
        (entityBytes, labelRanges, canonicalRanges) = DocumentView.entityBytes(entities, canonicalAttributes, utf8, entityPlaces)
    }

    /// `entityBytes`, `labelRanges` and `canonicalRanges`.
    static func entityBytes(_ entities: [Span], _ canonical: [String?], _ utf8: [UInt8], _ places: [Place])
        -> (bytes: [UInt8], labels: [Range<Int>], names: [Range<Int>]) {
        var distinct: [Range<Int>] = []
        var labels: [Range<Int>] = [], names: [Range<Int>] = []
        labels.reserveCapacity(entities.count)
        names.reserveCapacity(entities.count)
        let arena = ByteBuffer.collect(estimate: entities.count * 24 + 64) { out in
            for i in entities.indices {
                entities[i].type.withUTF8Bytes { label in
                    // The few distinct labels, compared as bytes already written.
                    let found = out.withUnsafeBufferPointer { written in
                        distinct.first { r in r.count == label.count && UnsafeBufferPointer(rebasing: written[r]).elementsEqual(label) }
                    }
                    if let found { labels.append(found); return }
                    let start = out.count
                    out.append(label)
                    distinct.append(start..<out.count)
                    labels.append(start..<out.count)
                }
                let start = out.count
                if let c = canonical[i] { out.append(utf8: c) } else { utf8.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[places[i].bytes])) } }
                names.append(start..<out.count)
            }
        }
        return (arena, labels, names)
    }

    /// Calls `body` with `entityBytes`, from which `labelRanges` and `canonicalRanges` slice each
    /// entity's label and canonical name.
    @inline(__always) func withEntityBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try entityBytes.withUnsafeBufferPointer(body)
    }

    /// `attributes["isClaim"]?.boolValue != false`; a claim's few attributes are looked through
    /// (`AttributeKey`) rather than hashed.
    static func isClaim(_ attributes: [String: JSONValue]) -> Bool {
        guard attributes.count <= 16 else { return attributes["isClaim"]?.boolValue != false }
        var i = attributes.startIndex
        while i != attributes.endIndex {
            if AttributeKey.of(attributes.keys[i]) == .isClaim, case .bool(false) = attributes.values[i] { return false }
            attributes.formIndex(after: &i)
        }
        return true
    }

    /// `attributes["canonical"]?.stringValue`; the few attributes an entity has are looked
    /// through (`AttributeKey`) rather than hashed.
    static func canonicalAttribute(_ attributes: [String: JSONValue]) -> String? {
        guard attributes.count <= 4 else { return attributes["canonical"]?.stringValue }
        var i = attributes.startIndex
        while i != attributes.endIndex {
            if AttributeKey.of(attributes.keys[i]) == .canonical { return attributes.values[i].stringValue }
            attributes.formIndex(after: &i)
        }
        return nil
    }

    /// The distinct labels of `entities` and each one's index among them. A label is found by its
    /// first eight bytes and length (no hashing), confirmed by `==`; `==` alone decides when that finds none.
    static func labels(_ entities: [Span]) -> (names: [String], ids: [Int]) {
        var names: [String] = []
        var keys: [(prefix: UInt64, count: Int)] = []
        var ids: [Int] = []
        ids.reserveCapacity(entities.count)
        for i in entities.indices {
            let label = entities[i].type
            let key = (prefix: ValueWriter.prefix(label), count: label.utf8.count)
            var found = -1
            for (i, k) in keys.enumerated() where k.prefix == key.prefix && k.count == key.count && names[i] == label {
                found = i
                break
            }
            if found < 0, let i = names.firstIndex(of: label) { found = i }
            if found < 0 {
                names.append(label)
                keys.append(key)
                found = names.count - 1
            }
            ids.append(found)
        }
        return (names, ids)
    }

    /// The document id.
    var id: String { document.id }

    /// The id made safe as one file-name component (ids from the core already are; this makes
    /// sure no id can name a path outside the output folder).
    var fileStem: String { DocumentID.sanitize(document.id) }

    /// The text a span covers.
    func text(of span: Span) -> String { text(span.start, span.end) }

    /// The text between two scalar offsets (clamped; empty when the range is).
    func text(_ start: Int, _ end: Int) -> String { String(decoding: utf8[scalars.range(start, end)], as: UTF8.self) }

    /// The canonical name of entity `i`: its `canonical` attribute, else its text.
    func canonical(_ i: Int) -> String {
        canonicalAttributes[i] ?? String(decoding: utf8[entityPlaces[i].bytes], as: UTF8.self)
    }

    /// The title from metadata, or the id.
    var title: String {
        if let t = document.metadata["title"]?.stringValue, !t.isEmpty { return t }
        return document.id
    }

    /// Indices of the entity mentions lying inside `span`.
    func entityIndices(inside span: Span) -> Range<Int> {
        var lo = 0, hi = entities.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if entities[mid].start < span.start { lo = mid + 1 } else { hi = mid }
        }
        var i = lo
        while i < entities.count, entities[i].start < span.end { i += 1 }
        return lo..<i
    }

    /// The last span (in canonical order) starting at or before `offset` that contains it.
    static func containing(_ offset: Int, in spans: [Span]) -> Int? {
        var cursor = -1
        return containing(offset, in: spans, cursor: &cursor)
    }

    /// `containing(offset, in: spans)` for offsets visited in increasing order, with `cursor`
    /// carried from one call to the next: how many spans start at or before the previous offset,
    /// from where a few steps forward find the next place (else it is searched for). -1: nothing
    /// yet; -2: always search (spans not in order of start, where walking and searching could differ).
    static func containing(_ offset: Int, in spans: [Span], cursor: inout Int) -> Int? {
        var lo = -1
        if cursor >= 0, cursor <= spans.count, cursor == 0 || spans[cursor - 1].start <= offset {
            var k = cursor
            while k < spans.count, k - cursor < 16, spans[k].start <= offset { k += 1 }
            if k == spans.count || spans[k].start > offset { lo = k }
        }
        if lo < 0 {
            lo = 0
            var hi = spans.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if spans[mid].start <= offset { lo = mid + 1 } else { hi = mid }
            }
        }
        if cursor != -2 { cursor = lo }
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
}
