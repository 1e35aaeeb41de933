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

    /// Calls `body` with span `i`'s object.
    @inline(__always) func withObject<R>(_ i: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try bytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[ranges[i]])) }
    }

    /// Appends span `i`'s object.
    @inline(__always) func append(_ i: Int, to out: inout ByteBuffer) {
        withObject(i) { out.append($0) }
    }
}
