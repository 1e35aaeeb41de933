import DocPipe

/// Renders a stretch of text with highlight elements around spans, keeping the markup nested.
///
/// Spans open outer-first (lower `layer` first, then longer first). When a span ends while
/// spans opened after it are still open (they cross), those are closed and reopened after it,
/// so the HTML stays well-formed whatever the spans do.
struct Highlighter {
    /// One highlighted span.
    struct Mark {
        var start: Int
        var end: Int
        /// 0 for outer marks (claims), 1 for inner ones (entities).
        var layer: Int
        /// The opening tag the first time; `reopen` when it continues after a crossing span.
        var open: String
        var reopen: String
        var close: String
    }

    /// HTML for scalars `start..<end` of the indexed text with `marks` (clipped to the range)
    /// and `milestones` (markup inserted at an offset, such as a page break), sorted by offset.
    static func render(_ index: TextIndex, _ start: Int, _ end: Int, marks input: [Mark],
                       milestones: [(offset: Int, html: String)] = []) -> String {
        var marks: [Mark] = []
        for var m in input where m.end > start && m.start < end && m.end > m.start {
            m.start = max(m.start, start)
            m.end = min(m.end, end)
            marks.append(m)
        }
        marks.sort { a, b in
            if a.start != b.start { return a.start < b.start }
            if a.layer != b.layer { return a.layer < b.layer }
            return a.end > b.end
        }
        var points = Set<Int>([start, end])
        for m in marks { points.insert(m.start); points.insert(m.end) }
        for m in milestones where m.offset >= start && m.offset < end { points.insert(m.offset) }
        var milestone = milestones.firstIndex { $0.offset >= start } ?? milestones.count
        let sorted = points.sorted()
        var out: [UInt8] = []
        out.reserveCapacity((index.byteOffset(ofScalar: end) - index.byteOffset(ofScalar: start)) * 2)
        var stack: [Int] = []  // indices into marks
        var next = 0
        for (k, p) in sorted.enumerated() {
            // Close marks ending here, innermost first; reopen any crossing ones above them.
            while let target = stack.lastIndex(where: { marks[$0].end == p }) {
                let above = Array(stack[(target + 1)...])
                for i in above.reversed() { out.append(contentsOf: marks[i].close.utf8) }
                out.append(contentsOf: marks[stack[target]].close.utf8)
                stack.removeSubrange(target...)
                for i in above where marks[i].end > p {
                    out.append(contentsOf: marks[i].reopen.utf8)
                    stack.append(i)
                }
            }
            while milestone < milestones.count, milestones[milestone].offset == p {
                out.append(contentsOf: milestones[milestone].html.utf8)
                milestone += 1
            }
            while next < marks.count, marks[next].start == p {
                out.append(contentsOf: marks[next].open.utf8)
                stack.append(next)
                next += 1
            }
            if k + 1 < sorted.count {
                HTMLText.append(escaping: index.utf8[index.byteOffset(ofScalar: p)..<index.byteOffset(ofScalar: sorted[k + 1])], to: &out)
            }
        }
        for i in stack.reversed() { out.append(contentsOf: marks[i].close.utf8) }
        return String(decoding: out, as: UTF8.self)
    }
}
