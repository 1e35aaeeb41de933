import DocPipe

/// `report/<id>.html`: one document with its metadata, a legend, the text with entities and
/// claims highlighted, and tables of its claims and entities.
struct DocumentPage {
    let view: DocumentView

    /// The whole page.
    func html() -> String {
        let scalars = Array(view.document.text.unicodeScalars)
        let labels = labelCounts()
        var out = ReportShell.head(title: view.title, language: view.document.metadata["language"]?.stringValue, extraStyle: labelStyle(labels.map(\.label)))
        out += "<nav><a href=\"index.html\">← Corpus report</a></nav>\n"
        out += "<h1>\(HTMLText.escape(view.title))</h1>\n"
        out += metadata()
        out += "<h2>Text</h2>\n<div class=\"legend\">"
        for (i, l) in labels.enumerated() {
            out += "<span class=\"chip l\(i)\">\(HTMLText.escape(l.label)) \(l.count)</span>"
        }
        if !view.claims.isEmpty { out += "<span class=\"chip claim\">claim \(view.claims.count)</span>" }
        if labels.isEmpty && view.claims.isEmpty { out += "<span class=\"empty\">No entities or claims in this document.</span>" }
        out += "</div>\n<div class=\"doc\">\n"
        let blocks = self.blocks(scalars.count, scalars)
        let marksByBlock = DocumentPage.assign(marks(labels: labels.map(\.label)), to: blocks.map { ($0.start, $0.end) })
        let milestonesByBlock = pageBreaks(in: blocks.map { ($0.start, $0.end) })
        for (n, (block, marks)) in zip(blocks, marksByBlock).enumerated() {
            let body = Highlighter.render(view.index, block.start, block.end, marks: marks, milestones: milestonesByBlock[n])
            switch block.kind {
            case .heading: out += "<h3>\(body)</h3>\n"
            case .paragraph: out += "<p>\(body)</p>\n"
            case .gap: out += "<div class=\"gap\">\(body)</div>\n"
            }
        }
        out += "</div>\n"
        out += claimTable()
        out += entityTable(labels: labels.map(\.label))
        return out + ReportShell.foot
    }

    /// Mentions per label on this page, most first; their position is the label's CSS class (`l0`, `l1`…).
    func labelCounts() -> [(label: String, count: Int)] {
        var counts: [String: Int] = [:]
        for e in view.entities { counts[e.type, default: 0] += 1 }
        return counts.map { (label: $0.key, count: $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.label.utf8.lexicographicallyPrecedes($1.label.utf8)
        }
    }

    private func labelStyle(_ labels: [String]) -> String {
        labels.enumerated().map { ".l\($0.offset){background:\(LabelColors.color(for: $0.element))}\n" }.joined()
    }

    private func metadata() -> String {
        var rows: [(String, String)] = []
        let m = view.document.metadata
        for key in JSONWriter.sortedKeys(m) where key != "title" {
            rows.append((key, DocumentPage.display(m[key]!)))
        }
        let s = view.document.source
        rows.append(("source", s.path + (s.record.map { " (\($0))" } ?? "")))
        rows.append(("media type", s.mediaType))
        rows.append(("size", "\(HTMLText.count(s.byteCount)) bytes, \(HTMLText.count(view.index.scalarCount)) characters of text"))
        rows.append(("sha256", s.sha256))
        rows.append(("document id", view.id))
        var out = "<h2>Metadata</h2>\n<dl class=\"meta\">"
        for (k, v) in rows { out += "<dt>\(HTMLText.escape(k))</dt><dd>\(HTMLText.escape(v))</dd>" }
        out += "</dl>\n"
        if !view.document.warnings.isEmpty {
            out += "<h2>Warnings</h2>\n<ul>"
            for w in view.document.warnings { out += "<li><code>\(HTMLText.escape(w.code))</code> \(HTMLText.escape(w.message))</li>" }
            out += "</ul>\n"
        }
        return out
    }

    /// A JSON value as readable text.
    static func display(_ v: JSONValue) -> String { AttributeText.display(v, separator: ", ") }

    private func marks(labels: [String]) -> [Highlighter.Mark] {
        var out: [Highlighter.Mark] = []
        let classOf = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($0.element, "l\($0.offset)") })
        for (n, c) in view.claims.enumerated() {
            let score = DocumentView.checkworthiness(c)
            let band = score.map { " " + CheckworthinessBand($0).rawValue.lowercased() } ?? ""
            var title = "claim \(n + 1)"
            let kinds = DocumentView.kinds(c)
            if !kinds.isEmpty { title += ": " + kinds.joined(separator: ", ") }
            if let score { title += "; check-worthiness \(HTMLText.score(score))" }
            let attrs = "class=\"claim\(band)\" title=\"\(HTMLText.escape(title))\""
            out.append(.init(start: c.start, end: c.end, layer: 0, open: "<mark id=\"c\(n + 1)\" data-n=\"\(n + 1)\" \(attrs)>",
                             reopen: "<mark \(attrs)>", close: "</mark>"))
        }
        for e in view.entities {
            let canonical = e.attributes["canonical"]?.stringValue ?? view.text(of: e)
            let open = "<span class=\"ent \(classOf[e.type] ?? "")\" data-label=\"\(HTMLText.escape(e.type))\" title=\"\(HTMLText.escape(e.type + ": " + canonical))\">"
            out.append(.init(start: e.start, end: e.end, layer: 1, open: open, reopen: open, close: "</span>"))
        }
        return out
    }

    /// Each block's marks: every mark goes to the blocks it overlaps (found by binary search),
    /// so rendering stays linear in the number of marks however many blocks there are.
    static func assign(_ marks: [Highlighter.Mark], to blocks: [(Int, Int)]) -> [[Highlighter.Mark]] {
        var out = [[Highlighter.Mark]](repeating: [], count: blocks.count)
        for m in marks where m.end > m.start {
            var lo = 0, hi = blocks.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if blocks[mid].1 <= m.start { lo = mid + 1 } else { hi = mid }
            }
            var b = lo
            while b < blocks.count, blocks[b].0 < m.end {
                out[b].append(m)
                b += 1
            }
        }
        return out
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
    func blocks(_ count: Int, _ scalars: [Unicode.Scalar]) -> [(start: Int, end: Int, kind: BlockKind)] {
        var out: [(Int, Int, BlockKind)] = []
        var pos = 0
        func gap(_ a: Int, _ b: Int) {
            if scalars[a..<b].contains(where: { !$0.properties.isWhitespace }) { out.append((a, b, .gap)) }
        }
        for p in view.paragraphs where p.start >= pos && p.end <= count && p.end > p.start {
            if p.start > pos { gap(pos, p.start) }
            out.append((p.start, p.end, p.type == "heading" ? .heading : .paragraph))
            pos = p.end
        }
        if count > pos { gap(pos, count) }
        return out
    }

    private func claimTable() -> String {
        guard !view.claims.isEmpty else { return "" }
        var out = "<h2>Claims</h2>\n<table><thead><tr><th class=\"num\">#</th><th class=\"num\">Check-worthiness</th>"
            + "<th>Kinds</th><th>Claim</th><th>Hedges</th><th>Attribution</th><th>Other</th></tr></thead><tbody>\n"
        for (n, c) in view.claims.enumerated() {
            let score = DocumentView.checkworthiness(c)
            var rest = c.attributes
            for k in ["checkworthiness", "kinds", "kind", "hedges", "attribution", "entities", "isClaim"] { rest[k] = nil }
            out += "<tr><td class=\"num\"><a href=\"#c\(n + 1)\">\(n + 1)</a></td>"
            out += "<td class=\"num\">" + (score.map { "<span class=\"score\">\(HTMLText.score($0))</span><span class=\"bar\" style=\"width:\(Int(max(0, min(1, $0)) * 60))px\"></span>" } ?? "") + "</td>"
            out += "<td>\(HTMLText.escape(DocumentView.kinds(c).joined(separator: ", ")))</td>"
            out += "<td>\(HTMLText.escape(HTMLText.truncated(view.text(of: c), 400)))</td>"
            out += "<td>\(HTMLText.escape(c.attributes["hedges"].map(DocumentPage.display) ?? ""))</td>"
            out += "<td>\(HTMLText.escape(c.attributes["attribution"].map(DocumentPage.display) ?? ""))</td>"
            out += "<td>\(HTMLText.escape(BratWriter.describe(rest)))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    private func entityTable(labels: [String]) -> String {
        guard !view.entities.isEmpty else { return "" }
        var counts: [EntityTable.Key: Int] = [:]
        for e in view.entities {
            counts[EntityTable.Key(label: e.type, canonical: e.attributes["canonical"]?.stringValue ?? view.text(of: e)), default: 0] += 1
        }
        let rows = counts.sorted { a, b in a.value != b.value ? a.value > b.value : a.key < b.key }
        let classOf = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($0.element, "l\($0.offset)") })
        var out = "<h2>Entities</h2>\n<table><thead><tr><th>Entity</th><th>Label</th><th class=\"num\">Mentions</th></tr></thead><tbody>\n"
        for (key, n) in rows {
            out += "<tr><td>\(HTMLText.escape(key.canonical))</td><td><span class=\"chip \(classOf[key.label] ?? "")\">\(HTMLText.escape(key.label))</span></td><td class=\"num\">\(n)</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }
}
