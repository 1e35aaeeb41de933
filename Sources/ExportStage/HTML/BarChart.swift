/// A horizontal bar chart as inline SVG: one labelled bar per item, scaled to the largest.
struct BarChart {
    /// One bar.
    struct Bar {
        var label: String
        var value: Int
        var color: String
    }

    var title: String
    var bars: [Bar]
    var width = 520
    var rowHeight = 24
    var labelWidth = 150

    /// The `<svg>` element (or a short note when there is nothing to show).
    func svg() -> String {
        guard !bars.isEmpty else { return "<p class=\"empty\">No data.</p>" }
        let height = bars.count * rowHeight + 8
        let maxValue = max(1, bars.map(\.value).max() ?? 1)
        let valueWidth = 70
        let barSpace = width - labelWidth - valueWidth
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"\(width)\" height=\"\(height)\""
            + " viewBox=\"0 0 \(width) \(height)\" aria-label=\"\(HTMLText.escape(title))\">"
        out += "<title>\(HTMLText.escape(title))</title>"
        for (i, bar) in bars.enumerated() {
            let y = 4 + i * rowHeight
            let w = max(bar.value > 0 ? 2 : 0, bar.value * barSpace / maxValue)
            out += "<g><title>\(HTMLText.escape(bar.label)): \(bar.value)</title>"
            out += "<text x=\"\(labelWidth - 8)\" y=\"\(y + rowHeight / 2 + 4)\" text-anchor=\"end\">\(HTMLText.escape(HTMLText.truncated(bar.label, 24)))</text>"
            out += "<rect x=\"\(labelWidth)\" y=\"\(y + 3)\" width=\"\(w)\" height=\"\(rowHeight - 6)\" rx=\"3\" fill=\"\(bar.color)\"/>"
            out += "<text x=\"\(labelWidth + w + 6)\" y=\"\(y + rowHeight / 2 + 4)\">\(HTMLText.count(bar.value))</text></g>"
        }
        return out + "</svg>"
    }
}
