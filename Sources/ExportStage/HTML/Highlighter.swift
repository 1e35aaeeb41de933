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
        /// Which tag it writes (an index into `Tags`).
        var tag: Int
    }

    /// The tags of a page's marks, written as they are needed (no string per mark).
    struct Tags {
        /// Per claim: the attributes of its `<mark>` (class and title) in `claimAttributeBytes`;
        /// the first opening tag also has the claim's id and number.
        var claimAttributes: [Range<Int>] = []
        var claimAttributeBytes: [UInt8] = []
        /// Per entity label: the opening tag up to the canonical name.
        var labelPrefix: [[UInt8]] = []
        /// Per entity: its label's index in `labelPrefix`.
        var entityLabel: [Int] = []
        /// Per entity: its canonical name, `names[nameRanges[i]]` (`DocumentView.entityBytes`).
        var names: [UInt8] = []
        var nameRanges: [Range<Int>] = []

        /// Mark tags for claims are `0..<claims`, entity `i` is `claims + i`.
        var claims: Int { claimAttributes.count }

        @inline(__always) func open(_ m: Mark, first: Bool, _ text: UnsafeBufferPointer<UInt8>, _ out: inout ByteBuffer) {
            if m.tag < claims {
                if first {
                    Bytes.raw("<mark id=\"c", &out)
                    Bytes.int(m.tag + 1, &out)
                    Bytes.raw("\" data-n=\"", &out)
                    Bytes.int(m.tag + 1, &out)
                    Bytes.raw("\" ", &out)
                } else {
                    Bytes.raw("<mark ", &out)
                }
                claimAttributeBytes.withUnsafeBufferPointer { out.append(UnsafeBufferPointer(rebasing: $0[claimAttributes[m.tag]])) }
            } else {
                let i = m.tag - claims
                out.append(labelPrefix[entityLabel[i]])
                names.withUnsafeBufferPointer { HTMLText.append(escaping: $0, nameRanges[i], to: &out) }
                Bytes.raw("\">", &out)
            }
        }

        @inline(__always) func close(_ m: Mark, _ out: inout ByteBuffer) {
            if m.tag < claims { Bytes.raw("</mark>", &out) } else { Bytes.raw("</span>", &out) }
        }
    }

    /// Working arrays `render` reuses from one call to the next.
    struct Scratch {
        var marks: [Mark] = []
        var points: [Int] = []
        var stack: [Int] = []
    }

    /// Appends HTML for scalars `start..<end` of `text` (its UTF-8 bytes, sliced through
    /// `scalars`) with `marks` (clipped to the range) and `milestones` (markup inserted at an
    /// offset, such as a page break), sorted by offset; `scratch` keeps working arrays between calls.
    static func render(_ text: UnsafeBufferPointer<UInt8>, _ scalars: ScalarBytes, _ start: Int, _ end: Int, marks input: ArraySlice<Mark>,
                       tags: Tags, milestones: [(offset: Int, html: String)], scratch: inout Scratch, into out: inout ByteBuffer) {
        var marks = scratch.marks
        var points = scratch.points
        var stack = scratch.stack
        scratch = Scratch()  // the arrays are uniquely ours while we work
        marks.removeAll(keepingCapacity: true)
        points.removeAll(keepingCapacity: true)
        stack.removeAll(keepingCapacity: true)
        defer { scratch = Scratch(marks: marks, points: points, stack: stack) }
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
        points.append(start)
        points.append(end)
        for m in marks { points.append(m.start); points.append(m.end) }
        for m in milestones where m.offset >= start && m.offset < end { points.append(m.offset) }
        points.sort()
        var milestone = milestones.firstIndex { $0.offset >= start } ?? milestones.count
        // `stack`: indices into marks of the open ones
        var next = 0
        var k = 0
        while k < points.count {
            let p = points[k]
            k += 1
            if k < points.count, points[k] == p { continue }  // the last copy of a repeated point does the work
            // Close marks ending here, innermost first; reopen any crossing ones above them.
            while let target = stack.lastIndex(where: { marks[$0].end == p }) {
                if target == stack.count - 1 {  // the innermost: nothing crosses it
                    tags.close(marks[stack[target]], &out)
                    stack.removeLast()
                    continue
                }
                let above = Array(stack[(target + 1)...])
                for i in above.reversed() { tags.close(marks[i], &out) }
                tags.close(marks[stack[target]], &out)
                stack.removeSubrange(target...)
                for i in above where marks[i].end > p {
                    tags.open(marks[i], first: false, text, &out)
                    stack.append(i)
                }
            }
            while milestone < milestones.count, milestones[milestone].offset == p {
                out.append(utf8: milestones[milestone].html)
                milestone += 1
            }
            while next < marks.count, marks[next].start == p {
                tags.open(marks[next], first: true, text, &out)
                stack.append(next)
                next += 1
            }
            if k < points.count {
                HTMLText.append(escaping: text, scalars.byte(p)..<scalars.byte(points[k]), to: &out)
            }
        }
        for i in stack.reversed() { tags.close(marks[i], &out) }
    }
}
