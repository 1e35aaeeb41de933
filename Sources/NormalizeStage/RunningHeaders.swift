/// Finds running headers and footers in paginated text: lines near the top or bottom of pages
/// that repeat (digits ignored) on at least two pages and a third of them, and bare page numbers.
enum RunningHeaders {
    /// Lines looked at, from each end of a page.
    static let edge = 6

    /// Marks such lines dropped. `pages` are byte ranges of the pages in the text.
    static func mark(_ s: [UInt8], _ lines: inout [TextLine], pages: [Range<Int>]) {
        guard pages.count >= 2 else { return }
        // Lines of each page (non-blank), by index.
        var pageLines: [[Int]] = Array(repeating: [], count: pages.count)
        var p = 0
        for (k, l) in lines.enumerated() where !l.blank {
            while p < pages.count, l.range.lowerBound >= pages[p].upperBound { p += 1 }
            guard p < pages.count else { break }
            if l.range.lowerBound >= pages[p].lowerBound { pageLines[p].append(k) }
        }
        var counts: [[UInt8]: Int] = [:]
        var edges: [[(Int, [UInt8])]] = []
        for list in pageLines {
            var seen: Set<[UInt8]> = []
            var e: [(Int, [UInt8])] = []
            let picked = list.count <= 2 * edge ? list : Array(list.prefix(edge) + list.suffix(edge))
            for k in picked {
                let key = digitless(s, lines[k].range)
                e.append((k, key))
                if !key.isEmpty, seen.insert(key).inserted { counts[key, default: 0] += 1 }
            }
            edges.append(e)
        }
        let needed = max(2, (pages.count + 2) / 3)
        for (pageIndex, e) in edges.enumerated() {
            for (pos, (k, key)) in e.enumerated() {
                let r = lines[k].range
                if isPageNumber(s, r) || isEdgeLabel(s, r) { lines[k].dropped = true; continue }
                guard let c = counts[key], c >= needed else { continue }
                // Keep a title at the top of the first page.
                if pageIndex == 0, pos < 2, words(s, r) >= 3 { continue }
                lines[k].dropped = true
            }
        }
    }

    /// The line lowercased with digits removed, for matching "Page 3" with "Page 4".
    static func digitless(_ s: [UInt8], _ r: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        for i in r {
            var c = s[i]
            if c >= 0x30 && c <= 0x39 { continue }
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            if c == 0x20, out.last == 0x20 { continue }
            out.append(c)
        }
        return out
    }

    /// "7", "- 7 -", "Page 7", "Page 7 of 9", "7 of 9".
    static func isPageNumber(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        guard r.count > 0, r.count <= 16 else { return false }
        let key = LineClassifier.key(s, r)
        var t = key
        if t.starts(with: Array("page ".utf8)) { t.removeFirst(5) }
        var digits = 0
        for c in t {
            if c >= 0x30 && c <= 0x39 { digits += 1; continue }
            if c == 0x20 || c == 0x2D || c == 0x6F || c == 0x66 { continue }  // spaces, dashes, "of"
            return false
        }
        return digits > 0 && digits <= 6
    }

    /// A line at a page edge that is a URL ("https://crsreports.congress.gov | IF11175 …") or a
    /// lone report number ("IN12678"): footer material.
    static func isEdgeLabel(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        let text = s[r]
        if text.starts(with: Array("http://".utf8)) || text.starts(with: Array("https://".utf8)) || text.starts(with: Array("www.".utf8)) {
            return true
        }
        guard r.count >= 4, r.count <= 14 else { return false }
        var letters = 0, digits = 0
        for c in text {
            if c >= 0x41 && c <= 0x5A { letters += 1 } else if c >= 0x30 && c <= 0x39 { digits += 1 } else if c != 0x2D && c != 0x2E { return false }
        }
        return letters >= 1 && digits >= 3
    }

    static func words(_ s: [UInt8], _ r: Range<Int>) -> Int {
        var n = 1
        for i in r where s[i] == 0x20 { n += 1 }
        return n
    }
}
