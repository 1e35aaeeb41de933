/// Deltas between two versions of a document: what a stage changed, so cached results do not
/// repeat the text and layers they share with their input.
extension Document {
    /// The members of `self` that differ from `base`, as canonical JSON bytes (sorted keys):
    /// any of `id`, `layers` (changed or added layers only), `metadata`, `removedLayers`,
    /// `source`, `sourceMap`, `text`, `warnings`.
    public func delta(from base: Document) -> [UInt8] {
        // A stage's layers or text are usually about the size of the text: grow once, not by doubling.
        var out = ByteSink(capacity: text.utf8.count * 2 + 1024)
        out.append(UInt8(ascii: "{"))
        var first = true
        func key(_ k: StaticString, _ out: inout ByteSink) {
            out.append(first ? "\"" : ",\"")
            first = false
            out.append(k)
            out.append("\":")
        }
        if id != base.id { key("id", &out); out.appendString(id) }
        let changed = layers.keys.filter { base.layers[$0] != layers[$0] }.sorted(by: JSONWriter.utf8Less)
        if !changed.isEmpty {
            key("layers", &out)
            writeLayers(changed, into: &out)
        }
        if metadata != base.metadata { key("metadata", &out); JSONWriter.writeCompact(metadata, into: &out) }
        let removed = base.layers.keys.filter { layers[$0] == nil }.sorted(by: JSONWriter.utf8Less)
        if !removed.isEmpty {
            key("removedLayers", &out)
            JSONWriter.writeCompact(.array(removed.map { .string($0) }), into: &out)
        }
        if source != base.source { key("source", &out); JSONWriter.writeCompact(source.json, into: &out) }
        if sourceMap != base.sourceMap { key("sourceMap", &out); sourceMap.writeCanonical(into: &out) }
        if text != base.text { key("text", &out); out.appendString(text) }
        if warnings != base.warnings { key("warnings", &out); JSONWriter.writeCompact(.array(warnings.map(\.json)), into: &out) }
        out.append(UInt8(ascii: "}"))
        return out.bytes()
    }

    /// `base` with a delta written by `delta(from:)` applied.
    public static func applying(_ delta: JSONValue, to base: Document) throws(DocumentFormatError) -> Document {
        guard case .object(let d) = delta else { throw DocumentFormatError("a document delta must be an object") }
        var doc = base
        if let id = d["id"]?.stringValue { doc.id = id }
        if let l = d["layers"] {
            guard case .object(let lo) = l else { throw DocumentFormatError("delta.layers must be an object") }
            for (name, value) in lo {
                guard let arr = value.arrayValue else { throw DocumentFormatError("layer '\(name)' must be an array of spans") }
                var spans: [Span] = []
                spans.reserveCapacity(arr.count)
                for s in arr { spans.append(try Span(json: s)) }
                doc.layers[name] = spans
            }
        }
        for name in d["removedLayers"]?.arrayValue ?? [] { if let n = name.stringValue { doc.layers[n] = nil } }
        if let m = d["metadata"]?.objectValue { doc.metadata = m }
        if let s = d["source"] { doc.source = try SourceInfo(json: s) }
        if let m = d["sourceMap"] { doc.sourceMap = try OffsetMap(json: m) }
        if let t = d["text"]?.stringValue { doc.text = t }
        if let w = d["warnings"]?.arrayValue { doc.warnings = w.map(Diagnostic.init(json:)) }
        return doc
    }
}
