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

extension SourceRange {
    /// `range` for spans visited in order of start (a layer's order): the segments are walked
    /// forward instead of searched for every span, giving the same results. Maps whose segments
    /// are not ordered and non-overlapping (as `OffsetMap` says they are) are searched as before.
    struct Walker {
        private let range: SourceRange
        private let segments: [OffsetMap.Segment]
        private let ordered: Bool
        /// The segment the last start was found in.
        private var at = 0

        init(_ range: SourceRange) {
            self.range = range
            segments = range.map.segments
            var ordered = segments.allSatisfy { $0.length > 0 }
            for k in segments.indices.dropFirst() where segments[k - 1].text + segments[k - 1].length > segments[k].text {
                ordered = false
                break
            }
            self.ordered = ordered
        }

        /// The source range of text range `start..<end` (as `SourceRange.range`).
        mutating func range(_ start: Int, _ end: Int) -> (start: Int, end: Int) {
            guard ordered else { return range.range(start, end) }
            let i = lastSegment(atOrBefore: start, from: at)
            if i >= 0 { at = i }
            let s = sourceOffset(start, i)
            guard end > start else { return (s, s) }
            let last = end - 1
            let j = lastSegment(atOrBefore: last, from: max(i, 0))
            let e: Int
            if j >= 0, last < segments[j].text + segments[j].length {
                e = segments[j].source + (last - segments[j].text) + 1
            } else {
                e = sourceOffset(last, j)  // inserted text: the end of the previous copied run
            }
            return (s, max(s, e))
        }

        /// The last segment starting at or before `t`, walking forward from `from` (from the
        /// first when `from` is already past `t`); -1 when `t` is before every segment.
        private func lastSegment(atOrBefore t: Int, from: Int) -> Int {
            guard let first = segments.first, t >= first.text else { return -1 }
            var k = segments[from].text > t ? 0 : from
            while k + 1 < segments.count, segments[k + 1].text <= t { k += 1 }
            return k
        }

        /// `OffsetMap.sourceOffset(t)`, given `k = lastSegment(atOrBefore: t)`.
        private func sourceOffset(_ t: Int, _ k: Int) -> Int {
            guard let first = segments.first else { return 0 }
            guard k >= 0 else { return first.source }
            let seg = segments[k]
            return t < seg.text + seg.length ? seg.source + (t - seg.text) : seg.source + seg.length
        }
    }
}
