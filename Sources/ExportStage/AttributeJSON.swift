import DocPipe

/// The attributes of every span of one layer rendered once as compact JSON (the bytes
/// `ValueWriter(pretty: false)` gives), shared by the per-document JSON (re-indented by
/// `CompactJSON.appendPretty`), the JSONL records and the CSV "attributes" cells.
struct AttributeJSON {
    /// All objects, one after the other.
    let bytes: [UInt8]
    /// Span `i`'s object in `bytes`.
    let ranges: [Range<Int>]
    /// With `canonical` given: whether span `i`'s only attribute is its `canonical` string (so
    /// readers that look for other attributes need not walk its dictionary).
    let onlyCanonical: [Bool]

    /// Renders the attributes of `spans`; `canonical` (entities: each one's `canonical` string
    /// attribute, or nil) lets the usual entity, whose only attribute that is, skip the dictionary.
    init(_ spans: [Span], canonical: [String?]? = nil) {
        var ranges: [Range<Int>] = [], onlyCanonical: [Bool] = []
        ranges.reserveCapacity(spans.count)
        if canonical != nil { onlyCanonical.reserveCapacity(spans.count) }
        bytes = ByteBuffer.collect(estimate: spans.count * 64 + 64) { out in
            let w = ValueWriter(pretty: false)
            for i in spans.indices {
                let start = out.count
                if let canonical, let name = canonical[i], spans[i].attributes.count == 1 {
                    Bytes.raw(#"{"canonical":"#, &out)
                    Bytes.jsonString(name, &out)
                    out.append(UInt8(ascii: "}"))
                    onlyCanonical.append(true)
                } else if let canonical, let name = canonical[i], let other = AttributeJSON.memberAfterCanonical(spans[i].attributes) {
                    // The next most usual entity: its canonical name and one of iso3, value or confidence.
                    Bytes.raw(#"{"canonical":"#, &out)
                    Bytes.jsonString(name, &out)
                    out.append(UInt8(ascii: ","))
                    Bytes.jsonString(other.key, &out)
                    out.append(UInt8(ascii: ":"))
                    w.write(other.value, into: &out)
                    out.append(UInt8(ascii: "}"))
                    onlyCanonical.append(false)
                } else {
                    w.write(object: spans[i].attributes, into: &out)
                    if canonical != nil { onlyCanonical.append(false) }
                }
                ranges.append(start..<out.count)
            }
        }
        self.ranges = ranges
        self.onlyCanonical = onlyCanonical
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
