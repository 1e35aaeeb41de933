/// A stand-off annotation: a range of the document text plus a type and attributes.
///
/// `start` and `end` are Unicode scalar offsets into `Document.text` (what Python, spaCy and
/// brat count), `end` exclusive.
public struct Span: Sendable, Equatable, Hashable {
    /// First scalar of the span.
    public var start: Int
    /// One past the last scalar.
    public var end: Int
    /// What the span is: an entity label ("PERSON"), "sentence", "paragraph", "claim"…
    public var type: String
    /// Anything else a stage records (canonical names, scores, kinds).
    public var attributes: [String: JSONValue]

    /// Creates a span.
    public init(start: Int, end: Int, type: String, attributes: [String: JSONValue] = [:]) {
        self.start = start
        self.end = end
        self.type = type
        self.attributes = attributes
    }

    /// Number of scalars covered.
    public var length: Int { end - start }

    /// Whether `other` lies entirely inside this span.
    public func contains(_ other: Span) -> Bool { other.start >= start && other.end <= end }

    /// Orders spans by start, then longer first, then type: the order every layer is stored in.
    public static func canonicalOrder(_ a: Span, _ b: Span) -> Bool {
        if a.start != b.start { return a.start < b.start }
        if a.end != b.end { return a.end > b.end }
        return a.type.utf8.lexicographicallyPrecedes(b.type.utf8)
    }
}

extension Span {
    /// The span as JSON: `{"start", "end", "type", "attributes"?}`.
    public var json: JSONValue {
        var o: [String: JSONValue] = ["start": .int(start), "end": .int(end), "type": .string(type)]
        if !attributes.isEmpty { o["attributes"] = .object(attributes) }
        return .object(o)
    }

    /// Appends the span's canonical JSON (the bytes `JSONWriter().bytes(json)` gives).
    public func writeCanonical(into out: inout [UInt8]) {
        var sink = ByteSink(capacity: 64)
        writeCanonical(into: &sink)
        sink.append(to: &out)
    }

    /// Appends the span's canonical JSON to a byte sink.
    func writeCanonical(into out: inout ByteSink) {
        if attributes.isEmpty {
            out.append(#"{"end":"#)
        } else {
            out.append(#"{"attributes":"#)
            JSONWriter.writeCompact(attributes, into: &out)
            out.append(#","end":"#)
        }
        out.appendInt(end)
        out.append(#","start":"#)
        out.appendInt(start)
        out.append(#","type":"#)
        out.appendString(type)
        out.append(UInt8(ascii: "}"))
    }

    /// Reads a span written by `json`.
    public init(json: JSONValue) throws(DocumentFormatError) {
        guard let start = json["start"]?.intValue, let end = json["end"]?.intValue, let type = json["type"]?.stringValue,
              start >= 0, end >= start
        else { throw DocumentFormatError("a span needs integer start <= end and a string type") }
        self.init(start: start, end: end, type: type, attributes: json["attributes"]?.objectValue ?? [:])
    }
}

/// A document (or span) in JSON that does not have the shape docpipe writes.
public struct DocumentFormatError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// Creates the error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
