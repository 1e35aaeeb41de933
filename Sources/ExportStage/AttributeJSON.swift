import DocPipe

/// The attributes of every span of one layer rendered once as compact JSON (the bytes
/// `ValueWriter(pretty: false)` gives), shared by the JSONL records and the CSV "attributes"
/// cells, and, when asked, pretty as the per-document JSON has them (written in the same walk).
struct AttributeJSON {
    /// All objects, one after the other.
    let bytes: [UInt8]
    /// Span `i`'s object in `bytes`.
    let ranges: [Range<Int>]
    /// With `pretty`: all objects as `ValueWriter(pretty: true)` writes them `AttributeJSON.prettyIndent`
    /// levels deep, one after the other; else empty.
    let prettyBytes: [UInt8]
    /// Span `i`'s pretty object in `prettyBytes` (empty without `pretty`).
    let prettyRanges: [Range<Int>]
    /// With `canonical` given: whether span `i`'s only attribute is its `canonical` string (so
    /// readers that look for other attributes need not walk its dictionary).
    let onlyCanonical: [Bool]

    /// The depth of a span's attributes in the per-document JSON.
    static let prettyIndent = 4

    /// Renders the attributes of `spans`, pretty too when `pretty`; `canonical` (entities: each
    /// one's `canonical` string attribute, or nil) lets the usual entity, whose only attribute
    /// that is, skip the dictionary.
    init(_ spans: [Span], canonical: [String?]? = nil, pretty: Bool = false) {
        var ranges: [Range<Int>] = [], prettyRanges: [Range<Int>] = [], onlyCanonical: [Bool] = []
        ranges.reserveCapacity(spans.count)
        if canonical != nil { onlyCanonical.reserveCapacity(spans.count) }
        let estimate = spans.count * (canonical == nil ? 256 : 48) + 64
        if pretty {
            prettyRanges.reserveCapacity(spans.count)
            var out = TwinJSON(compact: estimate, pretty: estimate * 3)
            AttributeJSON.render(spans, canonical, into: &out, &onlyCanonical) { a, b in
                ranges.append(a.compact..<b.compact)
                prettyRanges.append(a.pretty..<b.pretty)
            }
            bytes = out.compact.array()
            prettyBytes = out.pretty.array()
        } else {
            bytes = ByteBuffer.collect(estimate: estimate) { out in
                AttributeJSON.render(spans, canonical, into: &out, &onlyCanonical) { a, b in ranges.append(a.compact..<b.compact) }
            }
            prettyBytes = []
        }
        self.ranges = ranges
        self.prettyRanges = prettyRanges
        self.onlyCanonical = onlyCanonical
    }

    /// Writes every span's object into `out`, calling `wrote` with where each starts and ends.
    private static func render<Sink: JSONSink & ~Copyable>(_ spans: [Span], _ canonical: [String?]?, into out: inout Sink,
                                                           _ onlyCanonical: inout [Bool],
                                                           wrote: (_ start: (compact: Int, pretty: Int), _ end: (compact: Int, pretty: Int)) -> Void) {
        let w = ValueWriter(pretty: false)
        for i in spans.indices {
            let start = out.written
            if let canonical, let name = canonical[i], spans[i].attributes.count == 1 {
                w.write(canonical: name, then: nil, into: &out, indent: prettyIndent)
                onlyCanonical.append(true)
            } else if let canonical, let name = canonical[i], let other = AttributeJSON.memberAfterCanonical(spans[i].attributes) {
                // The next most usual entity: its canonical name and one of iso3, value or confidence.
                w.write(canonical: name, then: other, into: &out, indent: prettyIndent)
                onlyCanonical.append(false)
            } else {
                w.write(object: spans[i].attributes, into: &out, indent: prettyIndent)
                if canonical != nil { onlyCanonical.append(false) }
            }
            wrote(start, out.written)
        }
    }

    /// Whether the pretty forms were rendered.
    var hasPretty: Bool { prettyRanges.count == ranges.count }

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

    /// Appends span `i`'s pretty object (`hasPretty`).
    @inline(__always) func appendPretty(_ i: Int, to out: inout ByteBuffer) {
        prettyBytes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[prettyRanges[i]])) }
    }
}
