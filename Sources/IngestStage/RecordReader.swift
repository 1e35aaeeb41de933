import DocPipe

/// Reads JSON (one object, or an array of objects) and JSON Lines (one object per line) into
/// documents, taking id, title, text, date, authors and URL from the configured fields.
struct RecordReader {
    let options: IngestOptions
    let input: SourceInput
    let mediaType: String
    /// The stage instance name, for warnings.
    let stage: String

    /// One document per JSONL line; a line that does not parse fails alone, naming its number.
    func readLines(_ s: [UInt8], warnings: [Diagnostic]) -> [IngestResult] {
        var results: [IngestResult] = []
        var line = 0
        for r in LineScanner.lines(s) {
            line += 1
            let t = LineScanner.trimmed(s, r)
            if t.isEmpty { continue }
            let fallback = "L\(line)"
            do {
                let value = try JSONParser.parse(Array(s[t]))
                results.append(record(value, fallbackID: fallback, label: "line \(line)", warnings: warnings))
            } catch {
                results.append(.failure(id: DocumentID.from(fileID: input.documentID, record: fallback),
                                        message: "line \(line): not valid JSON (column \(error.position.column): \(error.message))"))
            }
        }
        return results
    }

    /// One document for an object, one per element for an array.
    func readJSON(_ s: [UInt8], warnings: [Diagnostic]) throws -> [IngestResult] {
        let value: JSONValue
        do { value = try JSONParser.parse(s) } catch {
            throw StageError(code: "ingest.invalid-json", "not valid JSON at \(error.position): \(error.message)")
        }
        switch value {
        case .object:
            return [record(value, fallbackID: nil, label: nil, warnings: warnings)]
        case .array(let items):
            return items.enumerated().map { i, item in record(item, fallbackID: "r\(i + 1)", label: "record \(i + 1)", warnings: warnings) }
        default:
            throw StageError(code: "ingest.invalid-json", "a JSON input must be an object or an array of objects, found \(value.typeDescription)")
        }
    }

    /// A document from one record; `fallbackID` is nil for a file that is a single object.
    /// Fields of the wrong type are reported: a text field that is an object (or an array holding
    /// objects) fails the record; an id, title, date, author or URL that is not a string or a number
    /// is ignored with a warning naming the field; numbers and booleans are read as text.
    func record(_ value: JSONValue, fallbackID: String?, label: String?, warnings: [Diagnostic]) -> IngestResult {
        var recordWarnings = warnings
        let what = label ?? "the file"
        func wrongType(_ field: (path: String, value: JSONValue)?, expected: String) -> Bool {
            guard let field, !Self.isScalar(field.value) else { return false }
            recordWarnings.append(Diagnostic(code: "ingest.field-type", message:
                "\(what): field '\(field.path)' is \(field.value.typeDescription), expected \(expected); ignored", stage: stage))
            return true
        }
        var idField = fallbackID == nil ? nil : first(options.idFields, in: value)
        if wrongType(idField, expected: "a string or a number") { idField = nil }
        let recordID = fallbackID.map { fb in idField.map { scalarString($0.value) } ?? fb }
        let id = recordID.map { DocumentID.from(fileID: input.documentID, record: $0) } ?? input.documentID
        guard case .object = value else {
            return .failure(id: id, message: "\(what): expected a JSON object, found \(value.typeDescription)")
        }
        var metadata: [String: JSONValue] = [:]
        var titleField = first(options.titleFields, in: value)
        if wrongType(titleField, expected: "a string") { titleField = nil }
        var title = titleField.map { scalarString($0.value) }.map(Whitespace.collapse) ?? ""
        if options.decodeEntities, title.contains("&") { title = Whitespace.collapse(HTMLEntities.decodeAll(Array(title.utf8)).string) }
        if !title.isEmpty { metadata["title"] = .string(title) }
        if let d = first(options.dateFields, in: value), !wrongType(d, expected: "a string") {
            MetadataFields.assign(canonical: "date", value: scalarString(d.value), to: &metadata)
        }
        if let a = first(options.authorFields, in: value) {
            let names = a.value.arrayValue ?? [a.value]
            if let bad = names.first(where: { !Self.isScalar($0) }) {
                recordWarnings.append(Diagnostic(code: "ingest.field-type", message:
                    "\(what): field '\(a.path)' holds \(bad.typeDescription), expected a string or an array of strings; ignored", stage: stage))
            } else {
                for name in names { MetadataFields.assign(canonical: "authors", value: scalarString(name), to: &metadata) }
            }
        }
        if let u = first(options.urlFields, in: value), !wrongType(u, expected: "a string") {
            MetadataFields.assign(canonical: "url", value: scalarString(u.value), to: &metadata)
        }
        for key in ["language", "publisher", "series", "volume", "number", "subtitle"] {
            if let v = value[key], v.stringValue != nil || v.intValue != nil { metadata[key] = .string(scalarString(v)) }
        }
        var text = ""
        if let t = first(options.textFields, in: value) {
            let parts = t.value.arrayValue ?? [t.value]
            if let bad = parts.first(where: { !Self.isScalar($0) }) {
                return .failure(id: id, message: "\(what): field '\(t.path)' holds \(bad.typeDescription), expected a string or an array of strings")
            }
            text = parts.map(scalarString).joined(separator: "\n\n")
        }
        if text.allSatisfy(\.isWhitespace) {
            if title.isEmpty {
                // Kept as an empty document, so a corpus keeps one document per record.
                recordWarnings.append(Diagnostic(code: "ingest.empty-record", message: "\(what) has no text in any of the fields "
                    + (options.textFields + options.titleFields).joined(separator: ", "), stage: stage))
                text = ""
            } else {
                text = title
            }
        }
        let source = SourceInfo(path: input.relativePath, mediaType: mediaType, byteCount: input.bytes.count,
                                sha256: input.sha256, record: label)
        // The source a record's map points into is its text field's value.
        var map: OffsetMap?
        if options.decodeEntities, text.utf8.contains(UInt8(ascii: "&")) {
            let raw = Array(text.utf8)
            let decoded = HTMLEntities.decodeAll(raw)
            map = decoded.offsetMap(source: TextIndex(utf8: raw))
            text = decoded.string
        }
        return .document(Document(id: id, source: source, text: text, metadata: metadata, sourceMap: map, warnings: recordWarnings))
    }

    /// The first non-empty value among dotted field paths, with the path it was found under.
    private func first(_ paths: [String], in value: JSONValue) -> (path: String, value: JSONValue)? {
        for path in paths {
            var v: JSONValue? = value
            for part in path.split(separator: ".") { v = v?[String(part)] }
            guard let found = v else { continue }
            switch found {
            case .null: continue
            case .string(let s) where s.isEmpty: continue
            case .array(let a) where a.isEmpty: continue
            default: return (path, found)
            }
        }
        return nil
    }

    /// Whether a value reads as text (a string, number, boolean or null).
    private static func isScalar(_ v: JSONValue) -> Bool {
        switch v {
        case .array, .object: return false
        default: return true
        }
    }

    private func scalarString(_ v: JSONValue) -> String {
        switch v {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
        case .bool(let b): return b ? "true" : "false"
        case .null: return ""
        default: return JSONWriter().string(v)
        }
    }
}
