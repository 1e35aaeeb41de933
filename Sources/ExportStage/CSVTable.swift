import DocPipe

/// The corpus CSV files and their columns; `docs/outputs.md` describes every column. Rows say
/// what the JSONL records say: documents.csv is read from the document, entities.csv and
/// claims.csv are written straight from the spans and the positions `DocumentView` found.
struct CSVTable: Sendable {
    /// File name in the output folder.
    let file: String
    /// The column names, in order.
    let names: [String]

    /// The header record.
    func header(_ writer: CSVWriter) -> [UInt8] { writer.header(names) }

    /// The usual rendering of a JSON value in a cell: strings as they are, numbers as numbers,
    /// arrays of strings joined with "; ", anything else as compact JSON, null and absent empty.
    static func cell(_ value: JSONValue?) -> CSVWriter.Cell {
        switch value {
        case nil, .null?: return .empty
        case .string(let s)?: return .text(s)
        case .int(let i)?: return .int(i)
        case .double(let d)?: return .number(d)
        case .bool(let b)?: return .text(b ? "true" : "false")
        case .array(let a)? where a.allSatisfy({ $0.stringValue != nil }):
            return a.isEmpty ? .empty : .text(a.compactMap(\.stringValue).joined(separator: "; "))
        case .object(let o)? where o.isEmpty: return .empty
        case let v?: return .text(JSONWriter().string(v))
        }
    }

    /// Appends `cell(value)`; an array of strings is joined in `scratch` instead of a new string.
    static func appendCell(_ value: JSONValue?, _ writer: CSVWriter, _ scratch: inout ByteBuffer, _ out: inout ByteBuffer) {
        guard case .array(let a)? = value, !a.isEmpty, a.allSatisfy({ $0.stringValue != nil }) else {
            writer.append(cell(value), to: &out)
            return
        }
        scratch.removeAll()
        for (n, element) in a.enumerated() {
            if n > 0 { scratch.append("; ") }
            if case .string(let s) = element { scratch.append(utf8: s) }
        }
        scratch.withUnsafeBufferPointer { writer.append(text: $0, to: &out) }
    }

    /// A value shown as readable text (`AttributeText`), empty when absent.
    static func text(_ value: JSONValue?) -> CSVWriter.Cell {
        guard let value else { return .empty }
        let s = AttributeText.display(value)
        return s.isEmpty ? .empty : .text(s)
    }

    /// Appends the "attributes" cell: the attributes without a column of their own (`others`, in
    /// any order; sorted here), as compact JSON, or nothing when there are none.
    static func appendOtherAttributes(_ others: inout [(key: String, value: JSONValue)], _ writer: CSVWriter, _ scratch: inout ByteBuffer,
                                      _ out: inout ByteBuffer) {
        guard !others.isEmpty else { return }
        scratch.removeAll()
        ValueWriter(pretty: false).write(members: &others, into: &scratch)
        scratch.withUnsafeBufferPointer { writer.append(text: $0, to: &out) }
    }

    /// documents.csv: one row per document, with what its documents.jsonl record says.
    static let documents = CSVTable(file: "documents.csv", names: [
        "id", "title", "authors", "date", "publisher", "series", "language", "url", "sourcePath", "mediaType", "sourceBytes", "sha256",
        "characters", "paragraphs", "sentences", "entities", "claims", "pages", "warnings", "metadata",
    ])

    /// The documents.csv row of a document, its cells read from the document (no record built).
    static func documentRow(_ view: DocumentView, _ writer: CSVWriter) -> [UInt8] {
        let (m, source) = (view.document.metadata, view.document.source)
        let codes = view.document.warnings.map(\.code)
        let cells: [CSVWriter.Cell] = [
            .text(view.id), .text(view.title),
            cell(m["authors"]), cell(m["date"]), cell(m["publisher"]), cell(m["series"]), cell(m["language"]), cell(m["url"]),
            .text(source.path), .text(source.mediaType), .int(source.byteCount), .text(source.sha256),
            .int(view.scalars.scalarCount), .int(view.paragraphs.count), .int(view.sentences.count), .int(view.entities.count),
            .int(view.claims.count), .int(view.pages.count),
            codes.isEmpty ? .empty : .text(codes.joined(separator: "; ")),
            cell(.object(m)),
        ]
        var out = ByteBuffer(capacity: 512)
        writer.appendRow(cells, to: &out)
        return out.array()
    }

    /// entities.csv: one row per entity mention.
    static let entities = CSVTable(file: "entities.csv", names: [
        "document", "index", "label", "text", "canonical", "start", "end", "sourceStart", "sourceEnd", "sentence", "page",
        "iso3", "value", "confidence", "attributes",
    ])

    /// claims.csv: one row per claim.
    static let claims = CSVTable(file: "claims.csv", names: [
        "document", "index", "start", "end", "sourceStart", "sourceEnd", "sentence", "page",
        "checkworthiness", "kinds", "hedges", "attribution", "entities", "text", "attributes",
    ])

    /// entity-table.csv: one row per (label, canonical) entity over the corpus.
    static let entityTableHeader = ["label", "canonical", "mentions", "documents"]

    /// The document's entities.csv rows.
    static func entityRows(_ view: DocumentView, _ writer: CSVWriter) -> [UInt8] {
        ByteBuffer.collect(estimate: view.entities.count * 100 + 64) { out in
            let comma = UInt8(ascii: ",")
            var idField = ByteBuffer()
            writer.append(text: view.id, to: &idField)
            var scratch = ByteBuffer()
            var others: [(key: String, value: JSONValue)] = []
            view.utf8.withUnsafeBufferPointer { utf8 in view.withEntityBytes { names in
                for n in view.entities.indices {
                    let p = view.entityPlaces[n]
                    idField.withUnsafeBufferPointer { out.append($0) }
                    out.append(comma)
                    Bytes.int(n, &out)
                    out.append(comma)
                    writer.append(text: UnsafeBufferPointer(rebasing: names[view.labelRanges[n]]), to: &out)
                    out.append(comma)
                    writer.append(text: UnsafeBufferPointer(rebasing: utf8[p.bytes]), to: &out)
                    out.append(comma)
                    writer.append(text: UnsafeBufferPointer(rebasing: names[view.canonicalRanges[n]]), to: &out)
                    appendPlaceCells(view.entities[n], p, to: &out)
                    if view.entityAttributes.onlyCanonical[n] {  // no iso3, value, confidence or other attributes
                        Bytes.raw(",,,,", &out)
                        writer.endRow(&out)
                        continue
                    }
                    // One pass over the attributes: the three with columns, and the others.
                    var iso3: JSONValue?, value: JSONValue?, confidence: JSONValue?
                    others.removeAll(keepingCapacity: true)
                    view.entities[n].attributes.forEachMember { k, v in
                        switch AttributeKey.of(k) {
                        case .iso3?: iso3 = v
                        case .value?: value = v
                        case .confidence?: confidence = v
                        case .canonical?: break
                        default: others.append((k, v))
                        }
                    }
                    out.append(comma)
                    writer.append(cell(iso3), to: &out)
                    out.append(comma)
                    writer.append(cell(value), to: &out)
                    out.append(comma)
                    writer.append(cell(confidence), to: &out)
                    out.append(comma)
                    appendOtherAttributes(&others, writer, &scratch, &out)
                    writer.endRow(&out)
                }
            } }
        }
    }

    /// The cells every span row shares: `,start,end,sourceStart,sourceEnd,sentence,page`
    /// (sentence and page empty when unknown).
    static func appendPlaceCells(_ span: Span, _ p: DocumentView.Place, to out: inout ByteBuffer) {
        let comma = UInt8(ascii: ",")
        out.append(comma)
        Bytes.int(span.start, &out)
        out.append(comma)
        Bytes.int(span.end, &out)
        out.append(comma)
        Bytes.int(p.sourceStart, &out)
        out.append(comma)
        Bytes.int(p.sourceEnd, &out)
        out.append(comma)
        if let s = p.sentence { Bytes.int(s, &out) }
        out.append(comma)
        if let s = p.page { Bytes.int(s, &out) }
    }

    /// The claim attributes claims.csv shows in columns of their own (or, `entities`, from the
    /// entities layer), as `KnownKey` rank bits.
    static let claimColumnKeys = KnownKey.bits(["checkworthiness", "kinds", "hedges", "attribution", "entities"])

    /// Whether claims.csv shows claim attribute `key` in a column of its own.
    static func shownInColumn(_ key: String) -> Bool {
        switch AttributeKey.of(key) {
        case .checkworthiness?, .kinds?, .hedges?, .attribution?, .entities?: return true
        default: return false
        }
    }

    /// The document's claims.csv rows.
    static func claimRows(_ view: DocumentView, _ writer: CSVWriter) -> [UInt8] {
        // The claims' text, and a few hundred bytes each for the other cells.
        ByteBuffer.collect(estimate: view.claimPlaces.reduce(64) { $0 + $1.bytes.count + 300 }) { out in
            let comma = UInt8(ascii: ",")
            var idField = ByteBuffer()
            writer.append(text: view.id, to: &idField)
            var scratch = ByteBuffer()
            var others: [(key: String, value: JSONValue)] = []
            view.utf8.withUnsafeBufferPointer { utf8 in view.withEntityBytes { names in
                for n in view.claims.indices {
                    let p = view.claimPlaces[n]
                    idField.withUnsafeBufferPointer { out.append($0) }
                    out.append(comma)
                    Bytes.int(n, &out)
                    appendPlaceCells(view.claims[n], p, to: &out)
                    // One pass over the attributes: the four with columns, and whether there are others.
                    var score: JSONValue?, kinds: JSONValue?, hedges: JSONValue?, attribution: JSONValue?
                    var hasOthers = false
                    // Values are read only for the keys used (the entities array is not copied).
                    let a = view.claims[n].attributes
                    var i = a.startIndex
                    while i != a.endIndex {
                        switch AttributeKey.of(a.keys[i]) {
                        case .checkworthiness?: score = a.values[i]
                        case .kinds?: kinds = a.values[i]
                        case .hedges?: hedges = a.values[i]
                        case .attribution?: attribution = a.values[i]
                        case .entities?: break
                        default: hasOthers = true
                        }
                        a.formIndex(after: &i)
                    }
                    out.append(comma)
                    writer.append(cell(score), to: &out)
                    out.append(comma)
                    appendCell(kinds, writer, &scratch, &out)
                    out.append(comma)
                    writer.append(CSVTable.text(hedges), to: &out)
                    out.append(comma)
                    writer.append(CSVTable.text(attribution), to: &out)
                    out.append(comma)
                    scratch.removeAll()
                    for i in view.entityIndices(inside: view.claims[n]) where view.entities[i].end <= view.claims[n].end {
                        if !scratch.isEmpty { scratch.append("; ") }
                        scratch.append(UnsafeBufferPointer(rebasing: names[view.labelRanges[i]]))
                        scratch.append(UInt8(ascii: ":"))
                        scratch.append(UnsafeBufferPointer(rebasing: names[view.canonicalRanges[i]]))
                    }
                    scratch.withUnsafeBufferPointer { if !$0.isEmpty { writer.append(text: $0, to: &out) } }
                    out.append(comma)
                    writer.append(text: UnsafeBufferPointer(rebasing: utf8[p.bytes]), to: &out)
                    out.append(comma)
                    if hasOthers {
                        // Usually every key is a known one: the others written straight from the dictionary.
                        scratch.removeAll()
                        if ValueWriter(pretty: false).write(object: a, omitting: claimColumnKeys, into: &scratch) {
                            scratch.withUnsafeBufferPointer { writer.append(text: $0, to: &out) }
                        } else {
                            others.removeAll(keepingCapacity: true)
                            a.forEachMember { k, v in if !shownInColumn(k) { others.append((k, v)) } }
                            appendOtherAttributes(&others, writer, &scratch, &out)
                        }
                    }
                    writer.endRow(&out)
                }
            } }
        }
    }
}
