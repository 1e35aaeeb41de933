/// Groups lines into paragraphs: blank lines always separate them; inside a block of lines,
/// a break also comes before list items and headings, before an indented line, and after a
/// short line that ends a sentence (hard-wrapped text such as UN records). A block whose lines
/// are long is one paragraph per line (transcripts with one paragraph per line).
struct ParagraphPlanner {
    let reflow: Bool

    /// A planned paragraph: the indices of its lines and whether it is a heading.
    struct Plan {
        var lines: [Int]
        var heading: Bool
    }

    /// A one-line paragraph that reads like a heading: at most 10 words and 80 bytes, at most one
    /// of them with digits, starting with a capital or digit, no final punctuation. (The caller
    /// also wants a following paragraph at least twice as long and 40 bytes or more.)
    func looksLikeHeading(_ s: [UInt8], _ line: TextLine) -> Bool {
        let r = line.range
        guard r.count >= 3, r.count <= 80, !line.listItem, startsUppercase(s, r), !endsWithPunctuation(s, r) else { return false }
        let last = s[r.upperBound - 1]
        if last == 0x29 || last == 0x22 || last == 0x5D { return false }   // ")" "\"" "]"
        var words = 1, numericWords = 0, inNumber = false
        for i in r {
            if s[i] == 0x20 { words += 1; inNumber = false } else if s[i] >= 0x30, s[i] <= 0x39, !inNumber { numericWords += 1; inNumber = true }
        }
        if numericWords > 1 { return false }   // table rows: "Shr 33 cts vs 28 cts"
        // A date line ("April 16, 2026", "Updated April 16, 2026") is not a heading.
        if words <= 4, r.count >= 4, s[(r.upperBound - 4)..<r.upperBound].allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return false }
        return words <= 10
    }

    func plan(_ s: [UInt8], _ lines: [TextLine], joinAcrossBlankLines: Bool = false) -> [Plan] {
        var plans: [Plan] = []
        var block: [Int] = []
        func closeBlock() {
            guard !block.isEmpty else { return }
            split(s, lines, block, into: &plans)
            block.removeAll(keepingCapacity: true)
        }
        var k = 0
        while k < lines.count {
            let line = lines[k]
            if line.dropped { k += 1; continue }
            if line.blank {
                // Paginated text: a paragraph running on over a page or column break continues.
                if joinAcrossBlankLines, let last = block.last, !lines[last].heading, !endsSentence(s, lines[last].range) {
                    var next = k + 1
                    while next < lines.count, lines[next].blank || lines[next].dropped { next += 1 }
                    if next < lines.count, !lines[next].listItem, !lines[next].heading,
                       startsLowercase(s, lines[next].range)
                        || (block.count >= 2 && endsMidSentence(s, lines[last].range) && lines[next].length >= 40) {
                        k = next
                        continue
                    }
                }
                closeBlock()
                k += 1
                continue
            }
            block.append(k)
            k += 1
        }
        closeBlock()
        // One-line paragraphs that read like headings, followed by a longer paragraph.
        for p in plans.indices where !plans[p].heading && plans[p].lines.count == 1 && p + 1 < plans.count {
            let line = lines[plans[p].lines[0]]
            let next = plans[p + 1].lines.reduce(0) { $0 + lines[$1].length }
            if next >= 40, next >= 2 * line.length, looksLikeHeading(s, line) { plans[p].heading = true }
        }
        return plans
    }

    private func split(_ s: [UInt8], _ lines: [TextLine], _ block: [Int], into plans: inout [Plan]) {
        if block.count == 1 {
            plans.append(Plan(lines: block, heading: lines[block[0]].heading))
            return
        }
        // Width: the 90th percentile of line lengths (stray long lines do not count); long-line
        // blocks break at every line.
        var lengths: [Int] = []
        lengths.reserveCapacity(block.count)
        var longLines = 0
        for k in block {
            lengths.append(lines[k].length)
            if lines[k].length > 160 { longLines += 1 }
        }
        lengths.sort()
        let minIndent = block.map { lines[$0].indent }.min() ?? 0
        let width = block.count >= 5 ? lengths[(lengths.count - 1) * 9 / 10] : lengths[lengths.count - 1]
        let everyLine = reflow && longLines * 2 > block.count
        func short(_ l: TextLine) -> Bool { l.length * 5 < width * 3 }
        func titleLike(_ l: TextLine) -> Bool {
            short(l) && !endsWithPunctuation(s, l.range) && startsUppercase(s, l.range) && !l.listItem
        }
        var current: [Int] = []
        func close(heading: Bool = false) {
            if !current.isEmpty { plans.append(Plan(lines: current, heading: heading)) }
            current.removeAll()
        }
        for k in block {
            let line = lines[k]
            if line.heading {
                close()
                current = [k]
                close(heading: true)
                continue
            }
            if let prevK = current.last {
                let prev = lines[prevK]
                var brk = everyLine || line.listItem
                if !brk, line.indent >= minIndent + 2 { brk = true }   // indented against the block: a new paragraph
                if !brk, !startsLowercase(s, line.range) {
                    if endsSentence(s, prev.range),
                       short(prev) || prev.length * 4 < width * 3 || prev.length + 1 + firstWordLength(s, line.range) <= width * 9 / 10 {
                        brk = true
                    } else if titleLike(prev) {
                        brk = true   // a heading line ends here
                    } else if titleLike(line), endsSentence(s, prev.range) {
                        brk = true   // a heading line starts here
                    } else if current == [block[0]], plans.count <= 1, !endsWithPunctuation(s, prev.range), isTitleCase(s, prev.range) {
                        brk = true   // a title in title case at the top of the document
                    }
                }
                if brk { close() }
            }
            current.append(k)
        }
        close()
    }

    static let minorWords: Set<[UInt8]> = Set(["a", "an", "and", "as", "at", "by", "for", "in", "of", "on", "or", "the", "to",
                                               "with", "from", "vs", "via"].map { Array($0.utf8) })

    /// Every word capitalised ("China’s 15th Five-Year Plan: S&T and Economic Priorities"), minor words aside.
    func isTitleCase(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        var words = 0, capital = 0
        var i = r.lowerBound
        while i < r.upperBound {
            while i < r.upperBound, s[i] == 0x20 { i += 1 }
            let start = i
            while i < r.upperBound, s[i] != 0x20 { i += 1 }
            guard i > start else { continue }
            let word = s[start..<i]
            if ParagraphPlanner.minorWords.contains(Array(word)) { continue }
            words += 1
            let c = word.first!
            if (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c >= 0x80 { capital += 1 }
        }
        return words >= 2 && words <= 14 && capital == words
    }

    /// Ends with a lowercase letter or a comma: the sentence goes on.
    func endsMidSentence(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        guard !r.isEmpty else { return false }
        let c = s[r.upperBound - 1]
        return (c >= 0x61 && c <= 0x7A) || c == 0x2C
    }

    func startsLowercase(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        guard !r.isEmpty else { return false }
        let c = s[r.lowerBound]
        return c >= 0x61 && c <= 0x7A
    }

    func firstWordLength(_ s: [UInt8], _ r: Range<Int>) -> Int {
        var i = r.lowerBound
        while i < r.upperBound, s[i] != 0x20 { i += 1 }
        return i - r.lowerBound
    }

    func endsWithPunctuation(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        guard let c = r.isEmpty ? nil : s[r.upperBound - 1] else { return false }
        return c == 0x2E || c == 0x2C || c == 0x3B || c == 0x3A || c == 0x2D || c == 0x21 || c == 0x3F
    }

    func startsUppercase(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        guard !r.isEmpty else { return false }
        let c = s[r.lowerBound]
        return (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
    }

    /// Ends with . ! ? : or one of them followed by closing quotes/brackets.
    func endsSentence(_ s: [UInt8], _ r: Range<Int>) -> Bool {
        var i = r.upperBound - 1
        while i >= r.lowerBound {
            let c = s[i]
            if c == 0x22 || c == 0x27 || c == 0x29 || c == 0x5D { i -= 1; continue }
            // ” ’ (E2 80 9D / 99)
            if c == 0x9D || c == 0x99, i >= r.lowerBound + 2, s[i - 1] == 0x80, s[i - 2] == 0xE2 { i -= 3; continue }
            if c == 0xA6, i >= r.lowerBound + 2, s[i - 1] == 0x80, s[i - 2] == 0xE2 { return true }
            return c == 0x2E || c == 0x21 || c == 0x3F || c == 0x3A
        }
        return false
    }
}
