import DocPipe

/// `report/<id>.html`: one document with its metadata, a legend, the text with entities and
/// claims highlighted, and tables of its claims and entities.
struct DocumentPage {
    let view: DocumentView
    /// Mentions per distinct entity of the document in key order (`EntityTable.counts`), shared with the CSV part.
    let entityCounts: [(key: EntityTable.Key, mentions: Int)]

    /// The whole page.
    func html() -> [UInt8] {
        let labels = labelCounts()
        return ByteBuffer.collect(estimate: view.utf8.count * 3 + view.entities.count * 160 + view.claims.count * 400 + 8192) { out in
            let title = view.title
            ReportShell.appendHead(title: title, language: view.document.metadata["language"]?.stringValue, to: &out) { out in
                for (i, l) in labels.enumerated() {  // .lN{background:COLOR}
                    Bytes.raw(".l", &out)
                    Bytes.int(i, &out)
                    Bytes.raw("{background:", &out)
                    out.append(utf8: LabelColors.color(for: l.label))
                    Bytes.raw("}\n", &out)
                }
            }
            Bytes.raw("<nav><a href=\"index.html\">← Corpus report</a></nav>\n<h1>", &out)
            HTMLText.append(escaping: title, to: &out)
            Bytes.raw("</h1>\n", &out)
            appendMetadata(&out)
            Bytes.raw("<h2>Text</h2>\n<div class=\"legend\">", &out)
            for (i, l) in labels.enumerated() {
                Bytes.raw("<span class=\"chip l", &out)
                Bytes.int(i, &out)
                Bytes.raw("\">", &out)
                HTMLText.append(escaping: l.label, to: &out)
                out.append(UInt8(ascii: " "))
                Bytes.int(l.count, &out)
                Bytes.raw("</span>", &out)
            }
            if !view.claims.isEmpty {
                Bytes.raw("<span class=\"chip claim\">claim ", &out)
                Bytes.int(view.claims.count, &out)
                Bytes.raw("</span>", &out)
            }
            if labels.isEmpty && view.claims.isEmpty { Bytes.raw("<span class=\"empty\">No entities or claims in this document.</span>", &out) }
            Bytes.raw("</div>\n<div class=\"doc\">\n", &out)
            let blocks = self.blocks()
            let (marks, tags) = self.marks(labels: labels.map { ($0.label, $0.id) })
            let byBlock = DocumentPage.assign(marks, to: blocks.map { ($0.start, $0.end) })
            let milestonesByBlock = pageBreaks(in: blocks.map { ($0.start, $0.end) })
            var scratch = Highlighter.Scratch()
            view.utf8.withUnsafeBufferPointer { text in
                for (n, block) in blocks.enumerated() {
                    let marks = byBlock.marks[byBlock.starts[n]..<byBlock.starts[n + 1]]
                    switch block.kind {
                    case .heading: Bytes.raw("<h3>", &out)
                    case .paragraph: Bytes.raw("<p>", &out)
                    case .gap: Bytes.raw("<div class=\"gap\">", &out)
                    }
                    if marks.isEmpty && milestonesByBlock[n].isEmpty {  // plain text: what `render` writes for it
                        HTMLText.append(escaping: text, view.scalars.range(block.start, block.end), to: &out)
                    } else {
                        Highlighter.render(text, view.scalars, block.start, block.end, marks: marks, tags: tags, milestones: milestonesByBlock[n],
                                           scratch: &scratch, into: &out)
                    }
                    switch block.kind {
                    case .heading: Bytes.raw("</h3>\n", &out)
                    case .paragraph: Bytes.raw("</p>\n", &out)
                    case .gap: Bytes.raw("</div>\n", &out)
                    }
                }
            }
            Bytes.raw("</div>\n", &out)
            claimTable(&out)
            entityTable(labels: labels.map(\.label), &out)
            out.append(utf8: ReportShell.foot)
        }
    }

    /// Mentions per label on this page, most first; their position is the label's CSS class (`l0`, `l1`…).
    /// `id` is the label's index in `view.labelNames`.
    func labelCounts() -> [(label: String, count: Int, id: Int)] {
        var counts = [Int](repeating: 0, count: view.labelNames.count)
        for id in view.entityLabels { counts[id] += 1 }
        return view.labelNames.enumerated().map { (label: $0.element, count: counts[$0.offset], id: $0.offset) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : JSONWriter.utf8Less($0.label, $1.label)
        }
    }

    /// The metadata list (and any warnings), escaped.
    private func appendMetadata(_ out: inout ByteBuffer) {
        func row(_ key: String, _ value: String) {
            Bytes.raw("<dt>", &out)
            HTMLText.append(escaping: key, to: &out)
            Bytes.raw("</dt><dd>", &out)
            HTMLText.append(escaping: value, to: &out)
            Bytes.raw("</dd>", &out)
        }
        Bytes.raw("<h2>Metadata</h2>\n<dl class=\"meta\">", &out)
        let m = view.document.metadata
        for key in JSONWriter.sortedKeys(m) where key != "title" { row(key, DocumentPage.display(m[key]!)) }
        let s = view.document.source
        row("source", s.path + (s.record.map { " (\($0))" } ?? ""))
        row("media type", s.mediaType)
        row("size", "\(HTMLText.count(s.byteCount)) bytes, \(HTMLText.count(view.scalars.scalarCount)) characters of text")
        row("sha256", s.sha256)
        row("document id", view.id)
        Bytes.raw("</dl>\n", &out)
        if !view.document.warnings.isEmpty {
            Bytes.raw("<h2>Warnings</h2>\n<ul>", &out)
            for w in view.document.warnings {
                Bytes.raw("<li><code>", &out)
                HTMLText.append(escaping: w.code, to: &out)
                Bytes.raw("</code> ", &out)
                HTMLText.append(escaping: w.message, to: &out)
                Bytes.raw("</li>", &out)
            }
            Bytes.raw("</ul>\n", &out)
        }
    }

    /// A JSON value as readable text.
    static func display(_ v: JSONValue) -> String { AttributeText.display(v, separator: ", ") }

    private func marks(labels: [(label: String, id: Int)]) -> (marks: [Highlighter.Mark], tags: Highlighter.Tags) {
        var out: [Highlighter.Mark] = []
        out.reserveCapacity(view.claims.count + view.entities.count)
        var tags = Highlighter.Tags()
        var attrs = ByteBuffer(capacity: view.claims.count * 96)
        tags.claimAttributes.reserveCapacity(view.claims.count)
        for n in view.claims.indices {
            // class="claim BAND" title="claim N: kind, kind; check-worthiness 0.81"
            let start = attrs.count
            Bytes.raw("class=\"claim", &attrs)
            let score = view.claimFields[n].score  // fields read in place: no copy to retain and release
            if let score {
                switch CheckworthinessBand(score) {
                case .high: Bytes.raw(" high", &attrs)
                case .medium: Bytes.raw(" medium", &attrs)
                case .low: Bytes.raw(" low", &attrs)
                }
            }
            Bytes.raw("\" title=\"claim ", &attrs)
            Bytes.int(n + 1, &attrs)
            for k in view.claimFields[n].kinds.indices {
                Bytes.raw(k == 0 ? ": " : ", ", &attrs)
                HTMLText.append(escaping: view.claimFields[n].kinds[k], to: &attrs)
            }
            if let score {
                Bytes.raw("; check-worthiness ", &attrs)
                HTMLText.appendScore(score, to: &attrs)
            }
            Bytes.raw("\">", &attrs)
            tags.claimAttributes.append(start..<attrs.count)
            out.append(.init(start: view.claims[n].start, end: view.claims[n].end, layer: 0, tag: n))
        }
        tags.claimAttributeBytes = attrs.array()
        var position = [Int](repeating: 0, count: view.labelNames.count)  // by label id
        for (i, l) in labels.enumerated() {
            position[l.id] = i
            tags.labelPrefix.append(Array("<span class=\"ent l\(i)\" data-label=\"\(HTMLText.escape(l.label))\" title=\"\(HTMLText.escape(l.label + ": "))".utf8))
        }
        tags.entityLabel = view.entityLabels.map { position[$0] }
        for i in view.entities.indices {
            out.append(.init(start: view.entities[i].start, end: view.entities[i].end, layer: 1, tag: view.claims.count + i))
        }
        tags.names = view.entityBytes
        tags.nameRanges = view.canonicalRanges
        return (out, tags)
    }

    /// Each block's marks: every mark goes to the blocks it overlaps (found by binary search),
    /// so rendering stays linear in the number of marks however many blocks there are. Block
    /// `b`'s marks, in `marks` order, are `marks[starts[b]..<starts[b + 1]]` of the result.
    static func assign(_ marks: [Highlighter.Mark], to blocks: [(Int, Int)]) -> (marks: [Highlighter.Mark], starts: [Int]) {
        // The first block ending after a mark's start: marks come mostly in order of start (each
        // layer is), so a cursor walks forward, and a binary search serves a mark that starts earlier.
        var cursor = 0, lastStart = Int.min
        func firstBlock(_ m: Highlighter.Mark) -> Int {
            if m.start >= lastStart {
                while cursor < blocks.count, blocks[cursor].1 <= m.start { cursor += 1 }
            } else {
                var lo = 0, hi = blocks.count
                while lo < hi {
                    let mid = (lo + hi) / 2
                    if blocks[mid].1 <= m.start { lo = mid + 1 } else { hi = mid }
                }
                cursor = lo
            }
            lastStart = m.start
            return cursor
        }
        // Count per block, then place: two passes over the marks, one array for all blocks.
        var starts = [Int](repeating: 0, count: blocks.count + 1)
        for m in marks where m.end > m.start {
            var b = firstBlock(m)
            while b < blocks.count, blocks[b].0 < m.end { starts[b + 1] += 1; b += 1 }
        }
        for b in 0..<blocks.count { starts[b + 1] += starts[b] }
        var next = starts
        let filler = Highlighter.Mark(start: 0, end: 0, layer: 0, tag: 0)
        var out = [Highlighter.Mark](repeating: filler, count: starts[blocks.count])
        (cursor, lastStart) = (0, Int.min)
        for m in marks where m.end > m.start {
            var b = firstBlock(m)
            while b < blocks.count, blocks[b].0 < m.end {
                out[next[b]] = m
                next[b] += 1
                b += 1
            }
        }
        return (out, starts)
    }

    /// A marker at the start of every page after the first (from the "pages" layer), placed in
    /// the block holding that offset, or at the start of the next block when it falls between.
    func pageBreaks(in blocks: [(Int, Int)]) -> [[(offset: Int, html: String)]] {
        var out = [[(offset: Int, html: String)]](repeating: [], count: blocks.count)
        var b = 0
        for (i, page) in view.pages.enumerated() where page.start > 0 {
            while b < blocks.count, blocks[b].1 <= page.start { b += 1 }
            guard b < blocks.count else { break }
            let number = page.attributes["number"]?.intValue ?? i + 1
            out[b].append((max(page.start, blocks[b].0), "<span class=\"page\" id=\"p\(number)\" data-page=\"\(number)\"></span>"))
        }
        return out
    }

    enum BlockKind { case heading, paragraph, gap }

    /// Paragraphs (headings as such), plus any non-blank text between them; the whole text as
    /// one block when there is no paragraph layer.
    func blocks() -> [(start: Int, end: Int, kind: BlockKind)] {
        let count = view.scalars.scalarCount
        var out: [(Int, Int, BlockKind)] = []
        var pos = 0
        func gap(_ a: Int, _ b: Int) {
            let bytes = view.utf8[view.scalars.range(a, b)]
            let visible: Bool
            if bytes.allSatisfy({ $0 < 0x80 }) {
                visible = bytes.contains { !($0 == 0x20 || (0x09...0x0D).contains($0)) }  // ASCII White_Space
            } else {
                visible = String(decoding: bytes, as: UTF8.self).unicodeScalars.contains(where: { !$0.properties.isWhitespace })
            }
            if visible { out.append((a, b, .gap)) }
        }
        for p in view.paragraphs where p.start >= pos && p.end <= count && p.end > p.start {
            if p.start > pos { gap(pos, p.start) }
            out.append((p.start, p.end, p.type == "heading" ? .heading : .paragraph))
            pos = p.end
        }
        if count > pos { gap(pos, count) }
        return out
    }

    private static let claimHead = Array(("<h2>Claims</h2>\n<table><thead><tr><th class=\"num\">#</th><th class=\"num\">Check-worthiness</th>"
        + "<th>Kinds</th><th>Claim</th><th>Hedges</th><th>Attribution</th><th>Other</th></tr></thead><tbody>\n").utf8)

    private func claimTable(_ out: inout ByteBuffer) {
        guard !view.claims.isEmpty else { return }
        out.append(DocumentPage.claimHead)
        view.utf8.withUnsafeBufferPointer { text in
            for n in view.claims.indices {
                Bytes.raw("<tr><td class=\"num\"><a href=\"#c", &out)
                Bytes.int(n + 1, &out)
                Bytes.raw("\">", &out)
                Bytes.int(n + 1, &out)
                Bytes.raw("</a></td><td class=\"num\">", &out)
                if let score = view.claimFields[n].score {
                    Bytes.raw("<span class=\"score\">", &out)
                    HTMLText.appendScore(score, to: &out)
                    Bytes.raw("</span><span class=\"bar\" style=\"width:", &out)
                    Bytes.int(Int(max(0, min(1, score)) * 60), &out)
                    Bytes.raw("px\"></span>", &out)
                }
                Bytes.raw("</td><td>", &out)
                for k in view.claimFields[n].kinds.indices {
                    if k > 0 { Bytes.raw(", ", &out) }
                    HTMLText.append(escaping: view.claimFields[n].kinds[k], to: &out)
                }
                Bytes.raw("</td><td>", &out)
                // The claim's text, cut at 400 scalars with an ellipsis.
                let bytes = view.claimPlaces[n].bytes
                let first = max(view.claims[n].start, 0)
                if min(view.claims[n].end, view.scalars.scalarCount) - first > 400 {
                    HTMLText.append(escaping: text, bytes.lowerBound..<view.scalars.byte(first + 400), to: &out)
                    out.append("…")
                } else {
                    HTMLText.append(escaping: text, bytes, to: &out)
                }
                Bytes.raw("</td><td>", &out)
                if let h = view.claimFields[n].hedges { HTMLText.append(escaping: DocumentPage.display(h), to: &out) }
                Bytes.raw("</td><td>", &out)
                if let at = view.claimFields[n].attribution { HTMLText.append(escaping: DocumentPage.display(at), to: &out) }
                Bytes.raw("</td><td>", &out)
                if view.claimFields[n].hasOthers { DocumentPage.appendOthers(view.claims[n].attributes, to: &out) }
                Bytes.raw("</td></tr>\n", &out)
            }
        }
        Bytes.raw("</tbody></table>\n", &out)
    }

    /// The claim's attributes without a column of their own, as `BratWriter.describe` shows
    /// them (`key: value; …` in key order, absent and false values left out), escaped.
    static func appendOthers(_ attributes: [String: JSONValue], to out: inout ByteBuffer) {
        // The members' positions, insertion-sorted by key on the stack; values are read in place.
        withUnsafeTemporaryAllocation(of: Dictionary<String, JSONValue>.Index.self, capacity: attributes.count) { buffer in
            let m = buffer.baseAddress!
            var n = 0
            var i = attributes.startIndex
            while i != attributes.endIndex {
                let k = attributes.keys[i]
                if !ClaimFields.shownInReport(k) && BratWriter.isPresent(attributes.values[i]) {
                    var j = n
                    while j > 0, JSONWriter.utf8Less(k, attributes.keys[m[j - 1]]) {
                        (m + j).moveInitialize(from: m + j - 1, count: 1)
                        j -= 1
                    }
                    (m + j).initialize(to: i)
                    n += 1
                }
                attributes.formIndex(after: &i)
            }
            for j in 0..<n {
                if j > 0 { Bytes.raw("; ", &out) }
                HTMLText.append(escaping: attributes.keys[m[j]], to: &out)
                Bytes.raw(": ", &out)
                switch attributes.values[m[j]] {
                case .bool(true): Bytes.raw("true", &out)
                case .string(let s): HTMLText.append(escaping: s, to: &out)
                case let v: HTMLText.append(escaping: AttributeText.display(v, separator: ", "), to: &out)
                }
            }
            m.deinitialize(count: n)
        }
    }

    private func entityTable(labels: [String], _ out: inout ByteBuffer) {
        guard !view.entities.isEmpty else { return }
        // Most mentions first, then key order (the order `entityCounts` is in); counts read once
        // (no key copied, retained and released per comparison).
        let mentions = entityCounts.map(\.mentions)
        let rows = mentions.indices.sorted { a, b in mentions[a] != mentions[b] ? mentions[a] > mentions[b] : a < b }
        // Each entry's position in `labels`, looked up once per run of equal labels (entries are in key order).
        var labelIndex = [Int?](repeating: nil, count: entityCounts.count)
        for k in entityCounts.indices {
            labelIndex[k] = k > 0 && entityCounts[k].key.label == entityCounts[k - 1].key.label
                ? labelIndex[k - 1] : labels.firstIndex(of: entityCounts[k].key.label)
        }
        Bytes.raw("<h2>Entities</h2>\n<table><thead><tr><th>Entity</th><th>Label</th><th class=\"num\">Mentions</th></tr></thead><tbody>\n", &out)
        for row in rows {
            let (key, n) = entityCounts[row]
            Bytes.raw("<tr><td>", &out)
            HTMLText.append(escaping: key.canonical, to: &out)
            Bytes.raw("</td><td><span class=\"chip ", &out)
            if let i = labelIndex[row] {
                out.append(UInt8(ascii: "l"))
                Bytes.int(i, &out)
            }
            Bytes.raw("\">", &out)
            HTMLText.append(escaping: key.label, to: &out)
            Bytes.raw("</span></td><td class=\"num\">", &out)
            Bytes.int(n, &out)
            Bytes.raw("</td></tr>\n", &out)
        }
        Bytes.raw("</tbody></table>\n", &out)
    }
}
