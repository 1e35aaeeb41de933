/// Maps scalar offsets in a document's text back to scalar offsets in its decoded source.
///
/// Stored as segments where text and source advance together. Text a stage inserted (a paragraph
/// break for a `<p>`, say) lies between segments and maps to the source position where the
/// previous segment ended.
public struct OffsetMap: Sendable, Equatable {
    /// A run of `length` scalars copied from `source` to `text`.
    public struct Segment: Sendable, Equatable {
        /// Offset in the text.
        public var text: Int
        /// Offset in the source.
        public var source: Int
        /// Scalars in the run.
        public var length: Int
        /// Creates a segment.
        public init(text: Int, source: Int, length: Int) { self.text = text; self.source = source; self.length = length }
    }

    /// Segments, ordered and non-overlapping in text offsets.
    public private(set) var segments: [Segment]

    /// A map from segments (sorted by text offset).
    public init(segments: [Segment] = []) { self.segments = segments }

    /// The map of a text that is its source unchanged.
    public static func identity(length: Int) -> OffsetMap {
        OffsetMap(segments: length > 0 ? [Segment(text: 0, source: 0, length: length)] : [])
    }

    /// Appends a copied run, merging it with the previous one when contiguous.
    public mutating func append(text: Int, source: Int, length: Int) {
        guard length > 0 else { return }
        if var last = segments.last, last.text + last.length == text, last.source + last.length == source {
            last.length += length
            segments[segments.count - 1] = last
        } else {
            segments.append(Segment(text: text, source: source, length: length))
        }
    }

    /// The source offset for a text offset.
    public func sourceOffset(_ t: Int) -> Int {
        guard !segments.isEmpty else { return 0 }
        var lo = 0, hi = segments.count - 1
        if t < segments[0].text { return segments[0].source }
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if segments[mid].text <= t { lo = mid } else { hi = mid - 1 }
        }
        let s = segments[lo]
        return t < s.text + s.length ? s.source + (t - s.text) : s.source + s.length
    }

    /// The map of `self` (text → middle) followed by `inner` (middle → source): text → source.
    public func composed(with inner: OffsetMap) -> OffsetMap {
        var out = OffsetMap()
        for seg in segments {
            var t = seg.text, m = seg.source, left = seg.length
            while left > 0 {
                // Find the inner segment covering m.
                guard let idx = inner.segmentIndex(covering: m) else {
                    // m lies in inserted text of the middle: skip to the next inner segment start.
                    guard let next = inner.firstSegment(startingAfter: m) else { left = 0; break }
                    let skip = min(left, next - m)
                    t += skip; m += skip; left -= skip
                    continue
                }
                let s = inner.segments[idx]
                let run = min(left, s.text + s.length - m)
                out.append(text: t, source: s.source + (m - s.text), length: run)
                t += run; m += run; left -= run
            }
        }
        return out
    }

    private func segmentIndex(covering m: Int) -> Int? {
        var lo = 0, hi = segments.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let s = segments[mid]
            if m < s.text { hi = mid - 1 } else if m >= s.text + s.length { lo = mid + 1 } else { return mid }
        }
        return nil
    }

    private func firstSegment(startingAfter m: Int) -> Int? {
        segments.first(where: { $0.text > m })?.text
    }

    /// As JSON: `[[text, source, length], …]`.
    public var json: JSONValue { .array(segments.map { [.int($0.text), .int($0.source), .int($0.length)] }) }

    /// Appends the canonical JSON of `json` (`[[text,source,length],…]`) without building the tree.
    public func writeCanonical(into out: inout [UInt8]) {
        var sink = ByteSink(capacity: segments.count * 24 + 2)
        writeCanonical(into: &sink)
        sink.append(to: &out)
    }

    /// Appends the canonical JSON to a byte sink.
    func writeCanonical(into out: inout ByteSink) {
        out.append(UInt8(ascii: "["))
        for k in segments.indices {
            let seg = segments[k]
            out.append(k > 0 ? ",[" : "[")
            out.appendInt(seg.text)
            out.append(UInt8(ascii: ","))
            out.appendInt(seg.source)
            out.append(UInt8(ascii: ","))
            out.appendInt(seg.length)
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
    }

    /// Reads what `json` wrote.
    public init(json: JSONValue) throws(DocumentFormatError) {
        guard let rows = json.arrayValue else { throw DocumentFormatError("sourceMap must be an array") }
        var segs: [Segment] = []
        segs.reserveCapacity(rows.count)
        for row in rows {
            guard let r = row.arrayValue, r.count == 3, let t = r[0].intValue, let s = r[1].intValue, let l = r[2].intValue
            else { throw DocumentFormatError("sourceMap rows are [text, source, length]") }
            segs.append(Segment(text: t, source: s, length: l))
        }
        self.init(segments: segs)
    }
}
