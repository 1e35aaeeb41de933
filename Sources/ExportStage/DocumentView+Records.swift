import DocPipe

/// The JSON the export writes for one document, written straight to bytes from the spans: the
/// full per-document file and the records of documents.jsonl, entities.jsonl and claims.jsonl.
/// Keys come in sorted order (the bytes `JSONWriter` would give for the same JSON values);
/// only attribute values, metadata and source go through the generic writer. Described in
/// docs/outputs.md and docs/schema/.
extension DocumentView {
    /// The document text as a JSON string literal, shared by the per-document file and the
    /// documents.jsonl record.
    func quotedText() -> [UInt8] {
        ByteBuffer.collect(estimate: utf8.count + utf8.count / 16 + 2) { out in
            utf8.withUnsafeBufferPointer { Bytes.jsonString($0, 0..<$0.count, &out) }
        }
    }

    /// The per-document file: the document model (`Document.json`: schemaVersion, id, source,
    /// metadata, text, layers, sourceMap, warnings) with `sourceStart`/`sourceEnd` on every
    /// span, pretty-printed, with a final newline. `quotedText` is `quotedText()`. Renders the
    /// entity and claim attributes (`attributesRendered`) when init left them: their compact
    /// form for the other files in the same walk as the pretty one written here.
    mutating func fullJSON(quotedText: [UInt8]) -> [UInt8] {
        let render = !attributesRendered
        let spanCount = document.layers.values.reduce(0) { $0 + $1.count }
        var entityRanges: [Range<Int>] = [], claimRanges: [Range<Int>] = [], onlyCanonical: [Bool] = []
        var compact: [UInt8] = []
        let json = ByteBuffer.collect(estimate: quotedText.count + 512 + spanCount * 200 + entities.count * 100 + claims.count * 1000) { out in
            let w = ValueWriter(pretty: true)
            Bytes.raw("{\n  \"id\": ", &out)
            Bytes.jsonString(document.id, &out)
            Bytes.raw(",\n  \"layers\": ", &out)
            if document.layers.isEmpty {
                Bytes.raw("{}", &out)
            } else {
                out.append(UInt8(ascii: "{"))
                // The layers go to `twin.pretty`; entity and claim attributes, when rendered here, to both forms.
                var twin = TwinJSON(compact: ByteBuffer(capacity: render ? entities.count * 48 + claimLayerIndex.count * 256 + 64 : 16), pretty: out)
                for (n, name) in document.layers.keys.sorted(by: JSONWriter.utf8Less).enumerated() {
                    Bytes.raw(n > 0 ? ",\n    " : "\n    ", &twin.pretty)
                    Bytes.jsonString(name, &twin.pretty)
                    let spans = document.layers[name]!
                    if spans.isEmpty { Bytes.raw(": []", &twin.pretty); continue }
                    // Entities and claims have their source ranges (claims kept as such) found already.
                    let isEntities = name == LayerName.entities, isClaims = name == LayerName.claims
                    let rendering = render && (isEntities || isClaims)
                    let canonical = isEntities ? canonicalAttributes : nil
                    var nextClaim = 0  // the next claim of `claims`, by position in the layer
                    var walker = SourceRange.Walker(sourceRange)
                    Bytes.raw(": [", &twin.pretty)
                    for k in spans.indices {
                        Bytes.raw(k > 0 ? ",\n      {" : "\n      {", &twin.pretty)
                        let empty = spans[k].attributes.isEmpty
                        let start = twin.compact.count
                        if !empty {
                            Bytes.raw("\n        \"attributes\": ", &twin.pretty)
                            if rendering {
                                let only = AttributeJSON.render(spans, k, canonical, into: &twin)
                                if isEntities { onlyCanonical.append(only) }
                            } else {
                                w.write(object: spans[k].attributes, into: &twin.pretty, indent: AttributeJSON.prettyIndent)
                            }
                            twin.pretty.append(UInt8(ascii: ","))
                        } else if rendering {
                            _ = AttributeJSON.render(spans, k, canonical, into: &twin.compact)  // {}
                            if isEntities { onlyCanonical.append(false) }
                        }
                        if rendering {
                            if isEntities { entityRanges.append(start..<twin.compact.count) } else { claimRanges.append(start..<twin.compact.count) }
                        }
                        let r: (start: Int, end: Int)
                        if isEntities {
                            r = (entityPlaces[k].sourceStart, entityPlaces[k].sourceEnd)
                        } else if isClaims, nextClaim < claimLayerIndex.count, claimLayerIndex[nextClaim] == k {
                            r = (claimPlaces[nextClaim].sourceStart, claimPlaces[nextClaim].sourceEnd)
                            nextClaim += 1
                        } else {
                            r = walker.range(spans[k].start, spans[k].end)
                        }
                        Bytes.raw("\n        \"end\": ", &twin.pretty)
                        Bytes.int(spans[k].end, &twin.pretty)
                        Bytes.raw(",\n        \"sourceEnd\": ", &twin.pretty)
                        Bytes.int(r.end, &twin.pretty)
                        Bytes.raw(",\n        \"sourceStart\": ", &twin.pretty)
                        Bytes.int(r.start, &twin.pretty)
                        Bytes.raw(",\n        \"start\": ", &twin.pretty)
                        Bytes.int(spans[k].start, &twin.pretty)
                        Bytes.raw(",\n        \"type\": ", &twin.pretty)
                        Bytes.jsonString(spans[k].type, &twin.pretty)
                        Bytes.raw("\n      }", &twin.pretty)
                    }
                    Bytes.raw("\n    ]", &twin.pretty)
                }
                out = twin.pretty
                compact = twin.compact.array()
                Bytes.raw("\n  }", &out)
            }
            Bytes.raw(",\n  \"metadata\": ", &out)
            w.write(object: document.metadata, into: &out, indent: 1)
            Bytes.raw(",\n  \"schemaVersion\": ", &out)
            Bytes.int(Document.schemaVersion, &out)
            Bytes.raw(",\n  \"source\": ", &out)
            w.write(document.source.json, into: &out, indent: 1)
            Bytes.raw(",\n  \"sourceMap\": ", &out)
            if document.sourceMap.segments.isEmpty {
                Bytes.raw("[]", &out)
            } else {
                out.append(UInt8(ascii: "["))
                for (n, seg) in document.sourceMap.segments.enumerated() {
                    Bytes.raw(n > 0 ? ",\n    [\n      " : "\n    [\n      ", &out)
                    Bytes.int(seg.text, &out)
                    Bytes.raw(",\n      ", &out)
                    Bytes.int(seg.source, &out)
                    Bytes.raw(",\n      ", &out)
                    Bytes.int(seg.length, &out)
                    Bytes.raw("\n    ]", &out)
                }
                Bytes.raw("\n  ]", &out)
            }
            Bytes.raw(",\n  \"text\": ", &out)
            out.append(quotedText)
            Bytes.raw(",\n  \"warnings\": ", &out)
            w.write(.array(document.warnings.map(\.json)), into: &out, indent: 1)
            Bytes.raw("\n}\n", &out)
        }
        if render {
            entityAttributes = AttributeJSON(bytes: compact, ranges: entityRanges, onlyCanonical: onlyCanonical)
            claimLayerAttributes = AttributeJSON(bytes: compact, ranges: claimRanges, onlyCanonical: [])
            attributesRendered = true
        }
        return json
    }

    /// The documents.jsonl line (documents.csv says the same but the text): counts, id, metadata,
    /// source, text (`quotedText()`), title and warnings, in key order, with a final newline.
    func documentLine(quotedText: [UInt8]) -> [UInt8] {
        ByteBuffer.collect(estimate: quotedText.count + 1024) { out in
            let w = ValueWriter(pretty: false)
            Bytes.raw(#"{"counts":{"characters":"#, &out)
            Bytes.int(scalars.scalarCount, &out)
            Bytes.raw(#","claims":"#, &out)
            Bytes.int(claims.count, &out)
            Bytes.raw(#","entities":"#, &out)
            Bytes.int(entities.count, &out)
            Bytes.raw(#","pages":"#, &out)
            Bytes.int(pages.count, &out)
            Bytes.raw(#","paragraphs":"#, &out)
            Bytes.int(paragraphs.count, &out)
            Bytes.raw(#","sentences":"#, &out)
            Bytes.int(sentences.count, &out)
            Bytes.raw(#"},"id":"#, &out)
            Bytes.jsonString(id, &out)
            Bytes.raw(#","metadata":"#, &out)
            w.write(object: document.metadata, into: &out)
            Bytes.raw(#","source":"#, &out)
            w.write(document.source.json, into: &out)
            Bytes.raw(#","text":"#, &out)
            out.append(quotedText)
            Bytes.raw(#","title":"#, &out)
            Bytes.jsonString(title, &out)
            Bytes.raw(#","warnings":"#, &out)
            w.write(.array(document.warnings.map(\.json)), into: &out)
            Bytes.raw("}\n", &out)
        }
    }

    /// entities.jsonl lines, one record per mention, in text order: attributes, canonical,
    /// document, end, index, label, page, sentence, sourceEnd, sourceStart, start, text.
    func entityLines() -> [UInt8] {
        ByteBuffer.collect(estimate: entities.count * 320) { out in
            let documentMember = Array(#","document":"#.utf8) + Array(JSONWriter.quoted(id).utf8)
            utf8.withUnsafeBufferPointer { text in withEntityBytes { names in
                for n in entities.indices {
                    let p = entityPlaces[n]
                    Bytes.raw(#"{"attributes":"#, &out)
                    entityAttributes.append(n, to: &out)
                    Bytes.raw(#","canonical":"#, &out)
                    Bytes.jsonString(names, canonicalRanges[n], &out)
                    out.append(documentMember)
                    Bytes.raw(#","end":"#, &out)
                    Bytes.int(entities[n].end, &out)
                    Bytes.raw(#","index":"#, &out)
                    Bytes.int(n, &out)
                    Bytes.raw(#","label":"#, &out)
                    Bytes.jsonString(names, labelRanges[n], &out)
                    DocumentView.appendPlaceMembers(entities[n], p, text, &out)
                    Bytes.raw("}\n", &out)
                }
            } }
        }
    }

    /// The members every span record shares, in key order:
    /// `,"page":…,"sentence":…,"sourceEnd":…,"sourceStart":…,"start":…,"text":…`.
    static func appendPlaceMembers(_ span: Span, _ p: Place, _ text: UnsafeBufferPointer<UInt8>, _ out: inout ByteBuffer) {
        Bytes.raw(#","page":"#, &out)
        Bytes.int(p.page, &out)
        Bytes.raw(#","sentence":"#, &out)
        Bytes.int(p.sentence, &out)
        Bytes.raw(#","sourceEnd":"#, &out)
        Bytes.int(p.sourceEnd, &out)
        Bytes.raw(#","sourceStart":"#, &out)
        Bytes.int(p.sourceStart, &out)
        Bytes.raw(#","start":"#, &out)
        Bytes.int(span.start, &out)
        Bytes.raw(#","text":"#, &out)
        Bytes.jsonString(text, p.bytes, &out)
    }

    /// claims.jsonl lines, one record per claim, in text order, with the entity mentions inside
    /// each: attributes, document, end, entities (canonical, end, label, start, text), index,
    /// page, sentence, sourceEnd, sourceStart, start, text, type.
    func claimLines() -> [UInt8] {
        ByteBuffer.collect(estimate: claims.count * 1200) { out in
            let documentMember = Array(#","document":"#.utf8) + Array(JSONWriter.quoted(id).utf8)
            utf8.withUnsafeBufferPointer { text in withEntityBytes { names in
                for n in claims.indices {
                    let p = claimPlaces[n]
                    Bytes.raw(#"{"attributes":"#, &out)
                    claimLayerAttributes.append(claimLayerIndex[n], to: &out)
                    out.append(documentMember)
                    Bytes.raw(#","end":"#, &out)
                    Bytes.int(claims[n].end, &out)
                    Bytes.raw(#","entities":["#, &out)
                    var first = true
                    for i in entityIndices(inside: claims[n]) where entities[i].end <= claims[n].end {
                        let eb = entityPlaces[i].bytes  // the entity's fields read in place: no span copied
                        Bytes.raw(first ? #"{"canonical":"# : #",{"canonical":"#, &out)
                        first = false
                        Bytes.jsonString(names, canonicalRanges[i], &out)
                        Bytes.raw(#","end":"#, &out)
                        Bytes.int(entities[i].end, &out)
                        Bytes.raw(#","label":"#, &out)
                        Bytes.jsonString(names, labelRanges[i], &out)
                        Bytes.raw(#","start":"#, &out)
                        Bytes.int(entities[i].start, &out)
                        Bytes.raw(#","text":"#, &out)
                        Bytes.jsonString(text, eb, &out)
                        out.append(UInt8(ascii: "}"))
                    }
                    Bytes.raw(#"],"index":"#, &out)
                    Bytes.int(n, &out)
                    DocumentView.appendPlaceMembers(claims[n], p, text, &out)
                    Bytes.raw(#","type":"#, &out)
                    Bytes.jsonString(claims[n].type, &out)
                    Bytes.raw("}\n", &out)
                }
            } }
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
