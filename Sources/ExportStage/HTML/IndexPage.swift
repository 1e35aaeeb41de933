import DocPipe

/// `report/index.html`: the corpus at a glance (figures, charts of entity labels, claim kinds
/// and check-worthiness, top entities, most check-worthy claims) and a table of documents.
///
/// The documents table is streamed: `header` ends inside its `<tbody>`, each document's row is
/// its part, and `footer` closes the page.
struct IndexPage {
    let summary: ReportSummary
    let entities: EntityTable
    let topEntities: Int

    /// Everything before the document rows.
    func header() -> String {
        var out = ReportShell.head(title: "Corpus report")
        out += "<h1>Corpus report</h1>\n<div class=\"cards\">"
        let cards: [(Int, String)] = [
            (summary.documents, "documents"), (summary.characters, "characters"), (summary.entities, "entity mentions"),
            (entities.count, "distinct entities"), (summary.claims, "claims"),
        ]
        for (n, what) in cards { out += "<div class=\"card\"><b>\(HTMLText.count(n))</b><span>\(what)</span></div>" }
        out += "</div>\n<h2>At a glance</h2>\n<div class=\"charts\">\n"
        let labels = entities.mentionsByLabel()
        out += figure("Entity mentions by type", BarChart(title: "Entity mentions by type", bars: labels.map {
            .init(label: $0.label, value: $0.count, color: LabelColors.color(for: $0.label))
        }))
        out += figure("Claims by kind", BarChart(title: "Claims by kind", bars: summary.rankedKinds.enumerated().map {
            .init(label: $0.element.kind, value: $0.element.count, color: LabelColors.series($0.offset))
        }))
        if summary.histogram.contains(where: { $0 > 0 }) {
            out += figure("Claims by check-worthiness", BarChart(title: "Claims by check-worthiness", bars: (0..<10).reversed().map { i in
                .init(label: "\(HTMLText.score(Double(i) / 10))–\(HTMLText.score(Double(i + 1) / 10))", value: summary.histogram[i], color: "#e16f24")
            }))
        }
        out += "</div>\n"
        out += topEntityTable()
        out += topClaimTable()
        out += "<h2>Documents</h2>\n<table><thead><tr><th>Document</th><th>Date</th><th class=\"num\">Characters</th>"
            + "<th class=\"num\">Entities</th><th class=\"num\">Claims</th></tr></thead><tbody>\n"
        return out
    }

    /// Everything after the document rows.
    static let footer = "</tbody></table>\n" + ReportShell.foot

    /// A document's row of the documents table (its part).
    static func row(_ view: DocumentView) -> String {
        let date = view.document.metadata["date"].map(DocumentPage.display) ?? ""
        return "<tr><td><a href=\"\(HTMLText.escape(ExportPaths.reportLink(view.fileStem)))\">\(HTMLText.escape(view.title))</a></td>"
            + "<td>\(HTMLText.escape(date))</td><td class=\"num\">\(HTMLText.count(view.scalars.scalarCount))</td>"
            + "<td class=\"num\">\(view.entities.count)</td><td class=\"num\">\(view.claims.count)</td></tr>\n"
    }

    private func figure(_ caption: String, _ chart: BarChart) -> String {
        "<figure><figcaption>\(HTMLText.escape(caption))</figcaption>\(chart.svg())</figure>\n"
    }

    private func topEntityTable() -> String {
        let top = entities.ranked(limit: topEntities)
        guard !top.isEmpty else { return "<h2>Top entities</h2>\n<p class=\"empty\">No entities.</p>\n" }
        var out = "<h2>Top entities</h2>\n<table><thead><tr><th class=\"num\">#</th><th>Entity</th><th>Label</th>"
            + "<th class=\"num\">Mentions</th><th class=\"num\">Documents</th></tr></thead><tbody>\n"
        for (i, e) in top.enumerated() {
            out += "<tr><td class=\"num\">\(i + 1)</td><td>\(HTMLText.escape(e.key.canonical))</td>"
                + "<td><span class=\"chip\" style=\"background:\(LabelColors.color(for: e.key.label))\">\(HTMLText.escape(e.key.label))</span></td>"
                + "<td class=\"num\">\(HTMLText.count(e.counts.mentions))</td><td class=\"num\">\(HTMLText.count(e.counts.documents))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }

    private func topClaimTable() -> String {
        guard !summary.topClaims.isEmpty else { return "<h2>Most check-worthy claims</h2>\n<p class=\"empty\">No scored claims.</p>\n" }
        var out = "<h2>Most check-worthy claims</h2>\n<table><thead><tr><th class=\"num\">Score</th><th>Claim</th><th>Kinds</th>"
            + "<th>Document</th></tr></thead><tbody>\n"
        for c in summary.topClaims {
            let link = HTMLText.escape(ExportPaths.reportLink(c.stem)) + "#c\(c.index + 1)"
            out += "<tr><td class=\"num\">\(HTMLText.score(c.score))</td><td><a href=\"\(link)\">\(HTMLText.escape(c.text))</a></td>"
                + "<td>\(HTMLText.escape(c.kinds.joined(separator: ", ")))</td>"
                + "<td><a href=\"\(HTMLText.escape(ExportPaths.reportLink(c.stem)))\">\(HTMLText.escape(c.title))</a></td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }
}
