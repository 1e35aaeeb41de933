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
                for k in groups.canonicalRange(g) {
                    let b = a[k]
                    part.append(b == 0x09 || b == 0x0A || b == 0x0D ? 0x20 : b)
                }
                part.append(0x09)
                part.append(contentsOf: UnsafeBufferPointer(rebasing: a[groups.labelRange(g)]))
                part.append(0x09)
                appendDecimal(counts[g], to: &part)
                part.append(0x0A)
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
        for r in rows {
            for b in r.canonical.utf8 { part.append(b == 0x09 || b == 0x0A || b == 0x0D ? 0x20 : b) }
            part.append(0x09)
            part.append(contentsOf: r.label.utf8)
            part.append(0x09)
            appendDecimal(r.mentions, to: &part)
            part.append(0x0A)
        }
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

    /// Merges fragments one at a time: memory grows with the distinct entities, not the documents.
    ///
    /// Lines are grouped on their bytes ("canonical TAB label", `ByteKeyGroups`), in order of
    /// first occurrence. Groups that may equal others as strings (see `mayEqualOtherKeys`) then
    /// go through a `Dictionary` keyed by the strings, which merges canonically equivalent
    /// spellings (keeping the first) exactly as merging the lines one by one would.
    public struct Merger {
        private var groups = ByteKeyGroups(expected: 1024)
        private var mentions: [Int] = []
        private var documents: [Int] = []

        /// An empty merger.
        public init() {}

        /// Adds one document's fragment ("canonical TAB label TAB mentions" lines).
        public mutating func add(_ fragment: [UInt8]) {
            fragment.withUnsafeBufferPointer { f in
                var start = 0
                while start < f.count {
                    var end = start
                    while end < f.count && f[end] != 0x0A { end += 1 }
                    if end > start { addLine(UnsafeBufferPointer(rebasing: f[start..<end])) }
                    start = end + 1
                }
            }
        }

        /// A line as `String.split` would read it: exactly three TAB-separated fields, the last a count.
        private mutating func addLine(_ line: UnsafeBufferPointer<UInt8>) {
            var tabs = 0, firstTab = 0, secondTab = 0
            for k in line.indices where line[k] == 0x09 {
                tabs += 1
                if tabs == 1 { firstTab = k } else if tabs == 2 { secondTab = k }
            }
            guard tabs == 2, let n = Self.count(UnsafeBufferPointer(rebasing: line[(secondTab + 1)...])) else { return }
            let g = groups.add(UnsafeBufferPointer(rebasing: line[..<secondTab]), tab: firstTab)
            if g == mentions.count {
                mentions.append(n)
                documents.append(1)
            } else {
                mentions[g] += n
                documents[g] += 1
            }
        }

        /// A count as `Int(String)` reads it.
        private static func count(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
            var n = 0
            guard !field.isEmpty, field.count <= 18, field.allSatisfy({ $0 &- 0x30 < 10 }) else {
                return Int(String(decoding: field, as: UTF8.self))
            }
            for d in field { n = n * 10 + Int(d &- 0x30) }
            return n
        }

        /// The corpus rows so far, sorted.
        public var rows: [Row] {
            if groups.allASCII {
                return groups.ranked(by: mentions).map {
                    Row(canonical: groups.canonical($0), label: groups.label($0), mentions: mentions[$0], documents: documents[$0])
                }
            }
            var rows: [Row] = []
            var acc: [Key: (Int, Int)] = [:]
            for g in 0..<groups.count {
                guard groups.mayEqualOtherKeys(g) else {
                    rows.append(Row(canonical: groups.canonical(g), label: groups.label(g), mentions: mentions[g], documents: documents[g]))
                    continue
                }
                let key = Key(canonical: groups.canonical(g), label: groups.label(g))
                let old = acc[key] ?? (0, 0)
                acc[key] = (old.0 + mentions[g], old.1 + documents[g])
            }
            return EntityTable.sorted(rows + acc.map { Row(canonical: $0.key.canonical, label: $0.key.label, mentions: $0.value.0, documents: $0.value.1) })
        }
    }

    /// The corpus table as bytes: the same bytes as `corpusTSV(rows)`.
    static func corpusBytes(_ rows: [Row]) -> [UInt8] {
        var out = Array("canonical\tlabel\tmentions\tdocuments\n".utf8)
        out.reserveCapacity(out.count + rows.count * 40)
        for r in rows {
            for b in r.canonical.utf8 { out.append(b == 0x09 || b == 0x0A || b == 0x0D ? 0x20 : b) }
            out.append(0x09)
            out.append(contentsOf: r.label.utf8)
            out.append(0x09)
            appendDecimal(r.mentions, to: &out)
            out.append(0x09)
            appendDecimal(r.documents, to: &out)
            out.append(0x0A)
        }
        return out
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
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                let n = min(x.count, y.count)
                if n > 0 {
                    let c = memcmp(x.baseAddress!, y.baseAddress!, n)
                    if c != 0 { return c < 0 }
                }
                return x.count < y.count
            }
        }
    }

    private static func clean(_ s: String) -> String {
        if !s.utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return s }  // nothing to replace
        return String(String.UnicodeScalarView(s.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }
}
