/// One paper moving through the pipeline: its text, metadata and named layers of stand-off spans.
///
/// A value type: a stage receives a document and returns the updated copy. Serialized with
/// sorted keys (`json`), so equal documents are equal bytes, which is what the cache and the
/// lock file rely on.
public struct Document: Sendable, Equatable {
    /// Stable id, safe as a file name (see `DocumentID`).
    public var id: String
    /// Where it came from.
    public var source: SourceInfo
    /// Title, authors, date, … (see docs/metadata.md); values are JSON.
    public var metadata: [String: JSONValue]
    /// The document text. Span offsets are Unicode scalar offsets into it.
    public var text: String
    /// Named layers of spans, each kept in `Span.canonicalOrder`.
    public var layers: [String: [Span]]
    /// Maps text offsets back to offsets in the decoded source.
    public var sourceMap: OffsetMap
    /// Problems noted on the way that did not stop processing.
    public var warnings: [Diagnostic]

    /// Creates a document whose source map is the identity over `text`.
    public init(id: String, source: SourceInfo, text: String, metadata: [String: JSONValue] = [:],
                layers: [String: [Span]] = [:], sourceMap: OffsetMap? = nil, warnings: [Diagnostic] = []) {
        self.id = id
        self.source = source
        self.metadata = metadata
        self.text = text
        self.layers = layers
        self.sourceMap = sourceMap ?? .identity(length: text.unicodeScalars.count)
        self.warnings = warnings
    }

    /// The spans of a layer (empty when absent).
    public func spans(_ layer: String) -> [Span] { layers[layer] ?? [] }

    /// Replaces a layer, storing its spans in canonical order. Spans already in that order (as
    /// stages mostly give them) are kept as they are, not copied: the sort is stable, so it would
    /// give the same order.
    public mutating func setLayer(_ layer: String, _ spans: [Span]) {
        let inOrder = spans.indices.dropFirst().allSatisfy { !Span.canonicalOrder(spans[$0], spans[$0 - 1]) }
        layers[layer] = inOrder ? spans : spans.sorted(by: Span.canonicalOrder)
    }

    /// Records a warning.
    public mutating func warn(code: String, _ message: String, stage: String) {
        warnings.append(Diagnostic(code: code, message: message, stage: stage))
    }

    /// The text a span covers.
    public func text(of span: Span) -> String { TextIndex(text).substring(span.start, span.end) }
}

extension Document {
    /// The version of the JSON shape below; bumped when it changes incompatibly.
    public static let schemaVersion = 1

    /// The document as JSON (the shape of per-document exports and cache objects).
    public var json: JSONValue {
        var layerObject: [String: JSONValue] = [:]
        for (name, spans) in layers { layerObject[name] = .array(spans.map(\.json)) }
        return [
            "schemaVersion": .int(Document.schemaVersion),
            "id": .string(id),
            "source": source.json,
            "metadata": .object(metadata),
            "text": .string(text),
            "layers": .object(layerObject),
            "sourceMap": sourceMap.json,
            "warnings": .array(warnings.map(\.json)),
        ]
    }

    /// Reads a document from its JSON form. Only `id` and `text` are required, so programs in
    /// other languages can send minimal documents.
    public init(json: JSONValue) throws(DocumentFormatError) {
        guard case .object(let o) = json else { throw DocumentFormatError("a document must be a JSON object") }
        guard let id = o["id"]?.stringValue else { throw DocumentFormatError("document.id must be a string") }
        guard let text = o["text"]?.stringValue else { throw DocumentFormatError("document.text must be a string") }
        let source = try o["source"].map { v throws(DocumentFormatError) in try SourceInfo(json: v) }
            ?? SourceInfo(path: id, mediaType: "text/plain", byteCount: text.utf8.count, sha256: SHA256.hex(of: text))
        var layers: [String: [Span]] = [:]
        if let l = o["layers"] {
            guard case .object(let lo) = l else { throw DocumentFormatError("document.layers must be an object") }
            for (name, value) in lo {
                guard let arr = value.arrayValue else { throw DocumentFormatError("layer '\(name)' must be an array of spans") }
                var spans: [Span] = []
                spans.reserveCapacity(arr.count)
                for s in arr { spans.append(try Span(json: s)) }
                layers[name] = spans
            }
        }
        let map = try o["sourceMap"].map { v throws(DocumentFormatError) in try OffsetMap(json: v) }
        self.init(id: id, source: source, text: text, metadata: o["metadata"]?.objectValue ?? [:], layers: layers,
                  sourceMap: map, warnings: (o["warnings"]?.arrayValue ?? []).map(Diagnostic.init(json:)))
    }

    /// Canonical bytes of the document (compact JSON, sorted keys): the same bytes as
    /// `JSONWriter().bytes(json)`, written directly, without building the JSON tree of every span.
    public var canonicalBytes: [UInt8] {
        var sink = ByteSink(capacity: text.utf8.count * 2 + 256)
        writeCanonical(into: &sink)
        return sink.bytes()
    }

    /// Appends `{"name": [spans…], …}` for the named layers (names already in code-point order).
    func writeLayers(_ names: [String], into out: inout ByteSink) {
        out.append(UInt8(ascii: "{"))
        for (n, name) in names.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            out.appendString(name)
            out.append(":[")
            let spans = layers[name]!
            for k in spans.indices {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                spans[k].writeCanonical(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Appends the canonical bytes of the document.
    public func writeCanonical(into out: inout [UInt8]) {
        var sink = ByteSink(capacity: text.utf8.count * 2 + 256)
        writeCanonical(into: &sink)
        sink.append(to: &out)
    }

    /// Appends the canonical bytes of the document to a byte sink.
    func writeCanonical(into out: inout ByteSink) {
        out.append(#"{"id":"#)
        out.appendString(id)
        out.append(#","layers":"#)
        writeLayers(layers.keys.sorted(by: JSONWriter.utf8Less), into: &out)
        out.append(#","metadata":"#)
        JSONWriter.writeCompact(metadata, into: &out)
        out.append(#","schemaVersion":"#)
        out.appendInt(Document.schemaVersion)
        out.append(#","source":"#)
        JSONWriter.writeCompact(source.json, into: &out)
        out.append(#","sourceMap":"#)
        sourceMap.writeCanonical(into: &out)
        out.append(#","text":"#)
        out.appendString(text)
        out.append(#","warnings":"#)
        JSONWriter.writeCompact(.array(warnings.map(\.json)), into: &out)
        out.append(UInt8(ascii: "}"))
    }
}
