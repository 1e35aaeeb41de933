import DocPipe

/// Span attributes as short readable text, for CSV cells, brat notes and the HTML report.
///
/// Strings show as they are; numbers as JSON writes them; arrays as their elements joined by
/// `separator`; objects by the first of their `canonical`, `entity`, `text` or `cue` members
/// (so a hedge `{"text": "approximately", …}` shows as "approximately" and an attribution with
/// an entity as the entity's canonical name), and as compact JSON otherwise.
enum AttributeText {
    static func display(_ value: JSONValue, separator: String = "; ") -> String {
        switch value {
        case .null: return ""
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .int, .double: return JSONWriter().string(value)
        case .array(let a): return a.map { display($0, separator: separator) }.filter { !$0.isEmpty }.joined(separator: separator)
        case .object(let o):
            if let c = o["canonical"]?.stringValue { return c }
            if let e = o["entity"] { return display(e, separator: separator) }
            if let t = o["text"]?.stringValue { return t }
            if let c = o["cue"] { return display(c, separator: separator) }
            return o.isEmpty ? "" : JSONWriter().string(value)
        }
    }
}
