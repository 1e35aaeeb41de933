import Foundation

/// Marks lines to drop (boilerplate, lone bullets, stage directions), list items, and strips
/// paragraph numbers, following the options.
struct LineClassifier {
    let options: NormalizeOptions
    /// Boilerplate lines, lowercased with spaces collapsed.
    let boilerplate: Set<[UInt8]>
    /// Boilerplate prefixes, lowercased.
    let prefixes: [[UInt8]]
    /// The longest boilerplate line (longer lines are not looked up).
    let longest: Int
    /// User patterns, anchored to whole lines.
    let patterns: [NSRegularExpression]

    init(options: NormalizeOptions) {
        self.options = options
        let lines = options.boilerplateLines.map { LineClassifier.key(Array($0.utf8), 0..<$0.utf8.count) }
        boilerplate = Set(lines)
        longest = lines.map(\.count).max() ?? 0
        prefixes = options.boilerplatePrefixes.map { LineClassifier.key(Array($0.utf8), 0..<$0.utf8.count) }
        patterns = options.boilerplatePatterns.compactMap { try? NSRegularExpression(pattern: "^(?:\($0))$", options: [.caseInsensitive]) }
    }

    /// A line's lookup key: ASCII lowercased, runs of spaces made one space.
    static func key(_ s: [UInt8], _ r: Range<Int>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        var space = false
        for i in r {
            var c = s[i]
            if c == 0x20 || c == 0x09 { space = !out.isEmpty; continue }
            if space { out.append(0x20); space = false }
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            out.append(c)
        }
        return out
    }

    func classify(_ s: [UInt8], _ lines: inout [TextLine]) {
        // UN-style paragraph numbering: many long lines starting "12. " or any line "12.\t".
        var numbered = 0
        if options.stripParagraphNumbers {
            for l in lines where !l.blank && l.length > 150 && numberPrefix(s, l.range, tabOnly: false) != nil { numbered += 1 }
        }
        for k in lines.indices where !lines[k].blank {
            let r = lines[k].range
            if r.count <= longest + 8, boilerplate.contains(LineClassifier.key(s, r)) { lines[k].dropped = true; continue }
            if prefixes.contains(where: { hasPrefix(s, r, $0) }) { lines[k].dropped = true; continue }
            if isLoneBullet(s, r) { lines[k].dropped = true; continue }
            if !patterns.isEmpty, r.count <= 300 {
                let line = String(decoding: s[r], as: UTF8.self)
                let whole = NSRange(line.startIndex..., in: line)
                if patterns.contains(where: { $0.firstMatch(in: line, range: whole) != nil }) { lines[k].dropped = true; continue }
            }
            if options.removeStageDirections, isStageDirection(s, r) { lines[k].dropped = true; continue }
            if options.stripParagraphNumbers, let after = numberPrefix(s, r, tabOnly: numbered < 3) {
                lines[k].range = after..<r.upperBound
            }
            lines[k].listItem = isListItem(s, lines[k].range)
        }
    }

    /// Whether the line starts with a lowercased prefix (ASCII case ignored).
    func hasPrefix(_ s: [UInt8], _ r: Range<Int>, _ prefix: [UInt8]) -> Bool {
        guard r.count >= prefix.count else { return false }
        var i = r.lowerBound
        for p in prefix {
            var c = s[i]
            if c >= 0x41 && c <= 0x5A { c |= 0x20 }
            if c != p { return false }
            i += 1
        }
        return true
    }

    /// Where the text after a paragraph number ("28.\t", or "34. " when `tabOnly` is false) starts.
    func numberPrefix(_ s: [UInt8], _ r: Range<Int>, tabOnly: Bool) -> Int? {
        var i = r.lowerBound
        while i < r.upperBound, i - r.lowerBound < 4, s[i] >= 0x30, s[i] <= 0x39 { i += 1 }
        guard i > r.lowerBound, i + 1 < r.upperBound, s[i] == 0x2E else { return nil }
        let sep = s[i + 1]
        guard sep == 0x09 || (!tabOnly && sep == 0x20) else { return nil }
        var j = i + 1
        while j < r.upperBound, s[j] == 0x20 || s[j] == 0x09 { j += 1 }
        return j < r.upperBound ? j : nil
    }

    /// A line that is only a bullet character (pdftotext puts bullets on lines of their own).
    func isLoneBullet(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        if r.count == 1 { return s[r.lowerBound] == 0x2A || s[r.lowerBound] == 0x2D }
        if r.count == 3 {
            let a = s[r.lowerBound], b = s[r.lowerBound + 1], c = s[r.lowerBound + 2]
            return (a == 0xE2 && b == 0x80 && c == 0xA2) || (a == 0xE2 && b == 0x97 && (c == 0xA6 || c == 0x8F)) || (a == 0xE2 && b == 0x96 && c == 0xAA)
        }
        return false
    }

    /// "•", "- ", "* ", "1. ", "(a) ", "a) " at the start of a line.
    func isListItem(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        guard r.count >= 3 else { return false }
        let a = s[r.lowerBound]
        if a == 0xE2, s[r.lowerBound + 1] == 0x80, s[r.lowerBound + 2] == 0xA2 { return true }
        if (a == 0x2D || a == 0x2A) && s[r.lowerBound + 1] == 0x20 { return true }
        var i = r.lowerBound
        if a == 0x28 { i += 1 }
        let start = i
        while i < r.upperBound, i - start < 3, (s[i] >= 0x30 && s[i] <= 0x39) { i += 1 }
        if i == start, i < r.upperBound, s[i] >= 0x61, s[i] <= 0x7A { i += 1 }
        guard i > start, i + 1 < r.upperBound else { return false }
        let close = s[i]
        return (close == 0x29 || (close == 0x2E && a != 0x28)) && s[i + 1] == 0x20
    }

    /// A whole line that is a stage direction: "[Laughter]", "(Applause.)".
    func isStageDirection(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        guard r.count >= 5, r.count <= 40 else { return false }
        let a = s[r.lowerBound], z = s[r.upperBound - 1]
        return ((a == 0x5B && z == 0x5D) || (a == 0x28 && z == 0x29))
            && StageDirections.isDirection(s, (r.lowerBound + 1)..<(r.upperBound - 1))
    }
}
