import DocPipe

/// Maps a span's text offsets back to offsets in the decoded source.
///
/// The start maps through `OffsetMap.sourceOffset`. The end (exclusive) is mapped from the span's
/// last scalar, so markup the source had right after the span (a closing tag) is not pulled in.
struct SourceRange {
    let map: OffsetMap

    /// The source range of text range `start..<end`.
    func range(_ start: Int, _ end: Int) -> (start: Int, end: Int) {
        let s = map.sourceOffset(start)
        guard end > start else { return (s, s) }
        let last = end - 1
        let e: Int
        if let seg = segment(covering: last) {
            e = seg.source + (last - seg.text) + 1
        } else {
            e = map.sourceOffset(last)  // inserted text: the end of the previous copied run
        }
        return (s, max(s, e))
    }

    private func segment(covering t: Int) -> OffsetMap.Segment? {
        let segs = map.segments
        var lo = 0, hi = segs.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            let s = segs[mid]
            if t < s.text { hi = mid - 1 } else if t >= s.text + s.length { lo = mid + 1 } else { return s }
        }
        return nil
    }
}
