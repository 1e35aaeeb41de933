import DocPipe
import Foundation

/// Entity tables: per document (canonical name, label, mentions) and for the corpus (canonical
/// name, label, mentions, documents). TSV with a header; rows sorted by mentions (descending),
/// then label and canonical name, so the bytes are the same on every run.
public enum EntityTable {
    /// Name of the corpus part the stage appends per document.
    public static let partName = "entity-table.tsv"
    /// Corpus table written by `Entities.finish`.
    public static let corpusFile = "entity-table.tsv"
    /// Folder of per-document tables (`entity-tables/<document id>.tsv`).
    public static let documentFolder = "entity-tables"

    /// One row.
    public struct Row: Sendable, Equatable {
        /// Canonical name.
        public var canonical: String
        /// Label.
        public var label: String
        /// Number of mentions.
        public var mentions: Int
        /// Number of documents (1 in a per-document table).
        public var documents: Int
    }

    /// Rows of one document's entities layer.
    ///
    /// Mentions are grouped on bytes first (`ByteKeyGroups`); the groups, in order of first
    /// mention, then go through a `Dictionary` keyed by the strings when a key is not ASCII, which
    /// also merges canonically equivalent spellings exactly as grouping the mentions one by one would.
    public static func rows(of document: Document) -> [Row] {
        var groups = ByteKeyGroups()
        var counts: [Int] = []
        for s in document.spans(LayerName.entities) {
            let canonical = s.attributes["canonical"]?.stringValue ?? document.text(of: s)
            count(groups.add(canonical: canonical, label: s.type), in: &counts)
        }
        return rows(groups, counts)
    }

    /// The rows of a document's mentions given as (canonical, label) pairs in the order of the
    /// entities layer: the same rows as `rows(of:)`, without reading the layer back.
    static func rows(_ entities: [(canonical: String, label: String)]) -> [Row] {
        let (groups, counts) = grouped(entities)
        return rows(groups, counts)
    }

    /// A document's table and part (as `documentBytes(rows(entities))`), written straight from
    /// the grouped bytes.
    static func documentBytes(_ entities: [(canonical: String, label: String)]) -> (table: [UInt8], part: [UInt8]) {
        var (groups, counts) = grouped(entities)
        // Keys equal as strings count as their first spelling (the key a `Dictionary` keeps).
        let first = groups.firstEqualKeys()
        var kept: [Int]? = nil
        if let first {
            for g in first.indices where first[g] != g {
                counts[first[g]] += counts[g]
                counts[g] = 0
            }
            kept = first.indices.filter { first[$0] == $0 }
        }
        var part: [UInt8] = []
        part.reserveCapacity(groups.arena.count + groups.count * 4)
        groups.arena.withUnsafeBufferPointer { a in
            for g in groups.ranked(by: counts, only: kept) {
                appendRow(canonical: a[groups.canonicalRange(g)], label: a[groups.labelRange(g)], mentions: counts[g], to: &part)
            }
        }
        return (documentHeader + part, part)
    }

    private static let documentHeader = Array("canonical\tlabel\tmentions\n".utf8)

    private static func grouped(_ entities: [(canonical: String, label: String)]) -> (ByteKeyGroups, [Int]) {
        var groups = ByteKeyGroups(expected: entities.count)
        var counts: [Int] = []
        counts.reserveCapacity(entities.count)
        for e in entities { count(groups.add(canonical: e.canonical, label: e.label), in: &counts) }
        return (groups, counts)
    }

    @inline(__always) private static func count(_ g: Int, in counts: inout [Int]) {
        if g == counts.count { counts.append(1) } else { counts[g] += 1 }
    }

    /// Rows of grouped keys: ranked on their bytes when all are ASCII (equal exactly when their
    /// bytes are), else the groups that may equal others merged as a `Dictionary` keyed by the
    /// strings would merge them.
    private static func rows(_ groups: ByteKeyGroups, _ counts: [Int]) -> [Row] {
        if groups.allASCII {
            return groups.ranked(by: counts).map { Row(canonical: groups.canonical($0), label: groups.label($0), mentions: counts[$0], documents: 1) }
        }
        var rows: [Row] = []
        var merged: [Key: Int] = [:]
        for g in 0..<groups.count {
            if groups.mayEqualOtherKeys(g) {
                merged[Key(canonical: groups.canonical(g), label: groups.label(g)), default: 0] += counts[g]
            } else {
                rows.append(Row(canonical: groups.canonical(g), label: groups.label(g), mentions: counts[g], documents: 1))
            }
        }
        return sorted(rows + merged.map { Row(canonical: $0.key.canonical, label: $0.key.label, mentions: $0.value, documents: 1) })
    }

    /// A document's table and its corpus-part fragment as bytes: the same bytes as
    /// `documentTSV(rows)` and `partLines(rows)`.
    static func documentBytes(_ rows: [Row]) -> (table: [UInt8], part: [UInt8]) {
        let header = "canonical\tlabel\tmentions\n".utf8
        var part: [UInt8] = []
        part.reserveCapacity(rows.count * 32)
        for r in rows { appendRow(canonical: r.canonical.utf8, label: r.label.utf8, mentions: r.mentions, to: &part) }
        var table: [UInt8] = []
        table.reserveCapacity(header.count + part.count)
        table.append(contentsOf: header)
        table.append(contentsOf: part)
        return (table, part)
    }

    /// A document's table as TSV (header "canonical label mentions").
    public static func documentTSV(_ rows: [Row]) -> String {
        "canonical\tlabel\tmentions\n" + rows.map { "\(clean($0.canonical))\t\($0.label)\t\($0.mentions)\n" }.joined()
    }

    /// A document's fragment of the corpus part: "canonical label mentions" lines, no header.
    static func partLines(_ rows: [Row]) -> String {
        rows.map { "\(clean($0.canonical))\t\($0.label)\t\($0.mentions)\n" }.joined()
    }

    /// Merges fragments one at a time: memory grows with the distinct entities, not the documents,
    /// and each distinct entity costs a few bytes beside its spelling (a `TextPairTable`), so the
    /// corpus step of a large corpus stays small. Keys merge as `String ==` would merge them.
    public struct Merger {
        /// (label, canonical) pairs.
        private var table = TextPairTable()
        private var mentions: [Int] = []
        private var documents: [Int] = []

        /// An empty merger.
        public init() {}

        /// Adds one document's fragment ("canonical TAB label TAB mentions" lines; others are skipped).
        public mutating func add(_ fragment: [UInt8]) {
            fragment.withUnsafeBufferPointer { buffer in
                var start = 0
                while start < buffer.count {
                    var end = start
                    while end < buffer.count && buffer[end] != 0x0A { end += 1 }
                    if end > start { addLine(UnsafeBufferPointer(rebasing: buffer[start..<end])) }
                    start = end + 1
                }
            }
        }

        private mutating func addLine(_ line: UnsafeBufferPointer<UInt8>) {
            guard let tab1 = line.firstIndex(of: 0x09), let tab2 = line[(tab1 + 1)...].firstIndex(of: 0x09),
                  !line[(tab2 + 1)...].contains(0x09), let n = Self.integer(line[(tab2 + 1)...]) else { return }
            let (entry, isNew) = table.intern(UnsafeBufferPointer(rebasing: line[(tab1 + 1)..<tab2]), UnsafeBufferPointer(rebasing: line[..<tab1]))
            if isNew {
                mentions.append(n)
                documents.append(1)
            } else {
                mentions[entry] += n
                documents[entry] += 1
            }
        }

        /// A decimal integer as `Int(_:)` reads it (optional sign, digits, no overflow).
        private static func integer(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
            var i = bytes.startIndex
            var negative = false
            if i < bytes.endIndex && (bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-")) {
                negative = bytes[i] == UInt8(ascii: "-")
                i += 1
            }
            guard i < bytes.endIndex else { return nil }
            var v = 0
            while i < bytes.endIndex {
                let d = bytes[i] &- 0x30
                guard d < 10 else { return nil }
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (r, o2) = negative ? m.subtractingReportingOverflow(Int(d)) : m.addingReportingOverflow(Int(d))
                guard !o1 && !o2 else { return nil }
                v = r
                i += 1
            }
            return v
        }

        /// Entries by mentions (descending), then label (UTF-8 byte order; labels that are equal
        /// as strings tie) and canonical name (byte order).
        private func rankedEntries() -> [Int] {
            var labels: [String] = []
            var labelOf = [Int](repeating: 0, count: table.count)
            for n in 0..<table.count {
                let label = table.first(n)
                if let i = labels.firstIndex(of: label) { labelOf[n] = i } else { labels.append(label); labelOf[n] = labels.count - 1 }
            }
            var labelRank = [Int](repeating: 0, count: labels.count)
            for (r, i) in labels.indices.sorted(by: { labels[$0].utf8.lexicographicallyPrecedes(labels[$1].utf8) }).enumerated() { labelRank[i] = r }
            return (0..<table.count).sorted { a, b in
                if mentions[a] != mentions[b] { return mentions[a] > mentions[b] }
                if labelOf[a] != labelOf[b] { return labelRank[labelOf[a]] < labelRank[labelOf[b]] }
                return table.withSecond(a) { x in table.withSecond(b) { y in JSONWriter.utf8Less(x, y) } }
            }
        }

        /// The corpus rows so far, sorted.
        public var rows: [Row] {
            rankedEntries().map { Row(canonical: table.second($0), label: table.first($0), mentions: mentions[$0], documents: documents[$0]) }
        }

        /// The corpus table as TSV: the bytes of `corpusTSV(rows)`, written without building rows.
        public func corpusBytes() -> [UInt8] {
            var out = Array("canonical\tlabel\tmentions\tdocuments\n".utf8)
            for n in rankedEntries() {
                table.withSecond(n) { canonical in
                    table.withFirst(n) { label in
                        EntityTable.appendRow(canonical: canonical, label: label, mentions: mentions[n], documents: documents[n], to: &out)
                    }
                }
            }
            return out
        }
    }

    /// Appends one table row: the canonical name with tabs and line breaks as spaces (as `clean`
    /// does), the label, the mentions and, in the corpus table, the documents; tab-separated.
    static func appendRow(canonical: some Sequence<UInt8>, label: some Sequence<UInt8>, mentions: Int, documents: Int? = nil,
                          to out: inout [UInt8]) {
        for b in canonical { out.append(b == 0x09 || b == 0x0A || b == 0x0D ? 0x20 : b) }
        out.append(0x09)
        out.append(contentsOf: label)
        out.append(0x09)
        appendDecimal(mentions, to: &out)
        if let documents {
            out.append(0x09)
            appendDecimal(documents, to: &out)
        }
        out.append(0x0A)
    }

    /// Appends `n` in decimal, as `String(n)` writes it.
    static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        guard n >= 0 else { out.append(contentsOf: String(n).utf8); return }
        if n >= 10 { appendDecimal(n / 10, to: &out) }
        out.append(UInt8(0x30 + n % 10))
    }

    /// The corpus table as TSV (header "canonical label mentions documents").
    public static func corpusTSV(_ rows: [Row]) -> String {
        "canonical\tlabel\tmentions\tdocuments\n" + rows.map { "\(clean($0.canonical))\t\($0.label)\t\($0.mentions)\t\($0.documents)\n" }.joined()
    }

    private struct Key: Hashable { var canonical: String; var label: String }

    /// Rows by mentions (descending), then label and canonical name (UTF-8 byte order); the
    /// canonical names' bytes are copied out once instead of being walked on every comparison.
    fileprivate static func sorted(_ rows: [Row]) -> [Row] {
        let names = rows.map { Array($0.canonical.utf8) }
        let order = rows.indices.sorted { a, b in
            let x = rows[a], y = rows[b]
            if x.mentions != y.mentions { return x.mentions > y.mentions }
            if x.label != y.label { return x.label.utf8.lexicographicallyPrecedes(y.label.utf8) }
            return precedes(names[a], names[b])
        }
        return order.map { rows[$0] }
    }

    /// Byte-wise lexicographic order (a prefix comes first).
    private static func precedes(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in JSONWriter.utf8Less(x, y) } }
    }

    private static func clean(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return s }  // nothing to replace
        return String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }
}
