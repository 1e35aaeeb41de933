import DocPipe

/// The attributes of every span of one layer rendered once as compact JSON (the bytes
/// `ValueWriter(pretty: false)` gives), shared by the per-document JSON (re-indented by
/// `CompactJSON.appendPretty`), the JSONL records and the CSV "attributes" cells.
struct AttributeJSON {
    /// All objects, one after the other.
    let bytes: [UInt8]
    /// Span `i`'s object in `bytes`.
    let ranges: [Range<Int>]

    /// Renders the attributes of `spans`.
    init(_ spans: [Span]) {
        var out = ByteBuffer(capacity: spans.count * 48)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(spans.count)
        let w = ValueWriter(pretty: false)
        for span in spans {
            let start = out.count
            w.write(object: span.attributes, into: &out)
            ranges.append(start..<out.count)
        }
        bytes = out.array()
        self.ranges = ranges
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
