import DocPipe

/// The attributes of every span of one layer rendered once as compact JSON (the bytes
/// `ValueWriter(pretty: false)` gives), shared by the JSONL records and the CSV "attributes"
/// cells. Rendered on their own, or by the per-document JSON, which writes the pretty form in
/// the same walk (`render(_:_:_:into:)` into a `TwinJSON`).
struct AttributeJSON {
    /// The objects (with, when shared with another layer's, other bytes between them).
    let bytes: [UInt8]
    /// Span `i`'s object in `bytes`.
    let ranges: [Range<Int>]
    /// With `canonical` given: whether span `i`'s only attribute is its `canonical` string (so
    /// readers that look for other attributes need not walk its dictionary).
    let onlyCanonical: [Bool]

    /// The depth of a span's attributes in the per-document JSON.
    static let prettyIndent = 4

    /// Renders the attributes of `spans`; `canonical` (entities: each one's `canonical` string
    /// attribute, or nil) lets the usual entity, whose only attribute that is, skip the dictionary.
    init(_ spans: [Span], canonical: [String?]? = nil) {
        var ranges: [Range<Int>] = [], onlyCanonical: [Bool] = []
        ranges.reserveCapacity(spans.count)
        if canonical != nil { onlyCanonical.reserveCapacity(spans.count) }
        bytes = ByteBuffer.collect(estimate: spans.count * (canonical == nil ? 256 : 48) + 64) { out in
            for i in spans.indices {
                let start = out.count
                let only = AttributeJSON.render(spans, i, canonical, into: &out)
                if canonical != nil { onlyCanonical.append(only) }
                ranges.append(start..<out.count)
            }
        }
        (self.ranges, self.onlyCanonical) = (ranges, onlyCanonical)
    }

    /// Objects rendered elsewhere: `ranges` (and `onlyCanonical`, as `init` gives it) into `bytes`.
    init(bytes: [UInt8], ranges: [Range<Int>], onlyCanonical: [Bool]) {
        (self.bytes, self.ranges, self.onlyCanonical) = (bytes, ranges, onlyCanonical)
    }

    /// None rendered yet.
    static let unrendered = AttributeJSON(bytes: [], ranges: [], onlyCanonical: [])

    /// Writes span `i`'s attributes into `out` (compact, or as a `TwinJSON` both forms, the pretty
    /// one `prettyIndent` levels deep); true when its only attribute is its `canonical` string.
    @inline(__always) static func render<Sink: JSONSink & ~Copyable>(_ spans: [Span], _ i: Int, _ canonical: [String?]?,
                                                                    into out: inout Sink) -> Bool {
        let w = ValueWriter(pretty: false)
        if let canonical, let name = canonical[i], spans[i].attributes.count == 1 {
            w.write(canonical: name, then: nil, into: &out, indent: prettyIndent)
            return true
        } else if let canonical, let name = canonical[i], let other = AttributeJSON.memberAfterCanonical(spans[i].attributes) {
            // The next most usual entity: its canonical name and one of iso3, value or confidence.
            w.write(canonical: name, then: other, into: &out, indent: prettyIndent)
        } else {
            w.write(object: spans[i].attributes, into: &out, indent: prettyIndent)
        }
        return false
    }

    /// For attributes of two members, `canonical` and one whose key sorts after it (iso3, value or
    /// confidence), that other member; else nil.
    @inline(__always) static func memberAfterCanonical(_ attributes: [String: JSONValue]) -> (key: String, value: JSONValue)? {
        guard attributes.count == 2 else { return nil }
        var i = attributes.startIndex
        var other: Dictionary<String, JSONValue>.Index?
        var sawCanonical = false
        while i != attributes.endIndex {
            switch AttributeKey.of(attributes.keys[i]) {
            case .canonical?: sawCanonical = true
            case .iso3?, .value?, .confidence?: other = i
            default: return nil
            }
            attributes.formIndex(after: &i)
        }
        guard sawCanonical, let other else { return nil }
        return (attributes.keys[other], attributes.values[other])
    }

    /// Calls `body` with span `i`'s object.
    @inline(__always) func withObject<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[ranges[i]])) }
    }

    /// Appends span `i`'s object.
    @inline(__always) func append(_ i: Int, to out: inout ByteBuffer) {
        withObject(i) { out.append($0) }
    }
}
