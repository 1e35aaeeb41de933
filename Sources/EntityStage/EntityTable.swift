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
    /// Mentions are grouped on bytes first (an FNV-keyed table); the groups, in order of first
    /// mention, then go through a `Dictionary` keyed by the strings, which also merges canonically
    /// equivalent spellings exactly as grouping the mentions one by one would.
    public static func rows(of document: Document) -> [Row] {
        var groups = ByteGroups()
        for s in document.spans(LayerName.entities) {
            let canonical = s.attributes["canonical"]?.stringValue ?? document.text(of: s)
            groups.add(canonical: canonical, label: s.type)
        }
        return groups.rows
    }

    /// The rows of a document's mentions given as (canonical, label) pairs in the order of the
    /// entities layer: the same rows as `rows(of:)`, without reading the layer back.
    static func rows(_ entities: [(canonical: String, label: String)]) -> [Row] {
        var groups = ByteGroups()
        for e in entities { groups.add(canonical: e.canonical, label: e.label) }
        return groups.rows
    }

    /// (canonical, label) pairs grouped by their bytes, in order of first occurrence.
    private struct ByteGroups {
        var keys: [Key] = []
        var counts: [Int] = []
        var allASCII = true
        private var hashes: [UInt64] = []
        private var slots = [Int32](repeating: -1, count: 64)

        mutating func add(canonical: String, label: String) {
            var h = WordHash.offset
            var ascii = true
            for b in label.utf8 {
                h = (h ^ UInt64(b)) &* WordHash.prime
                if b >= 0x80 { ascii = false }
            }
            h = (h ^ 0x09) &* WordHash.prime
            for b in canonical.utf8 {
                h = (h ^ UInt64(b)) &* WordHash.prime
                if b >= 0x80 { ascii = false }
            }
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while slots[i] >= 0 {
                let g = Int(slots[i])
                if hashes[g] == h, keys[g].label.utf8.elementsEqual(label.utf8), keys[g].canonical.utf8.elementsEqual(canonical.utf8) {
                    counts[g] += 1
                    return
                }
                i = (i + 1) & mask
            }
            slots[i] = Int32(keys.count)
            keys.append(Key(canonical: canonical, label: label))
            counts.append(1)
            hashes.append(h)
            if !ascii { allASCII = false }
            if keys.count * 2 > slots.count { grow() }
        }

        /// The rows, sorted: groups merged as a `Dictionary` keyed by the strings would merge them.
        var rows: [Row] {
            if allASCII {
                // ASCII strings are equal exactly when their bytes are.
                return EntityTable.sorted(keys.indices.map { Row(canonical: keys[$0].canonical, label: keys[$0].label,
                                                                 mentions: counts[$0], documents: 1) })
            }
            var merged: [Key: Int] = [:]
            for (k, n) in zip(keys, counts) { merged[k, default: 0] += n }
            return EntityTable.sorted(merged.map { Row(canonical: $0.key.canonical, label: $0.key.label, mentions: $0.value, documents: 1) })
        }

        private mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            let mask = slots.count - 1
            for g in hashes.indices {
                var i = Int(truncatingIfNeeded: (hashes[g] &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
                while slots[i] >= 0 { i = (i + 1) & mask }
                slots[i] = Int32(g)
            }
        }
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
    /// Lines are grouped on their bytes ("canonical TAB label", an FNV-keyed table over one byte
    /// arena), in order of first occurrence. When every key is ASCII the groups are the rows;
    /// otherwise the groups go through a `Dictionary` keyed by the strings, which merges canonically
    /// equivalent spellings (keeping the first) exactly as merging the lines one by one would.
    public struct Merger {
        /// Keys ("canonical TAB label") of all groups, one after another.
        private var arena: [UInt8] = []
        /// Per group: where its key starts in `arena`, its length, and where its label starts.
        private var keyStart: [Int] = []
        private var keyLength: [Int] = []
        private var labelStart: [Int] = []
        private var mentions: [Int] = []
        private var documents: [Int] = []
        private var hashes: [UInt64] = []
        private var slots = [Int32](repeating: -1, count: 1024)
        private var allASCII = true

        /// An empty merger.
        public init() {}

        /// Adds one document's fragment ("canonical TAB label TAB mentions" lines).
        public mutating func add(_ fragment: [UInt8]) {
            fragment.withUnsafeBufferPointer { f in
                var start = 0
                while start < f.count {
                    var end = start
                    while end < f.count && f[end] != 0x0A { end += 1 }
                    if end > start { addLine(f, start, end) }
                    start = end + 1
                }
            }
        }

        private mutating func addLine(_ f: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
            var tabs = 0, firstTab = 0, secondTab = 0
            var ascii = true
            var h = WordHash.offset
            for k in start..<end {
                let b = f[k]
                if b == 0x09 {
                    tabs += 1
                    if tabs == 1 { firstTab = k } else if tabs == 2 { secondTab = k }
                }
                if tabs < 2 {
                    h = (h ^ UInt64(b)) &* WordHash.prime
                    if b >= 0x80 { ascii = false }
                }
            }
            guard tabs == 2, let n = Self.count(f, secondTab + 1, end) else { return }
            let length = secondTab - start
            let mask = slots.count - 1
            var i = Int(truncatingIfNeeded: (h &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
            while slots[i] >= 0 {
                let g = Int(slots[i])
                if hashes[g] == h && keyLength[g] == length && arena.withUnsafeBufferPointer({ a in
                    memcmp(a.baseAddress! + keyStart[g], f.baseAddress! + start, length) == 0
                }) {
                    mentions[g] += n
                    documents[g] += 1
                    return
                }
                i = (i + 1) & mask
            }
            slots[i] = Int32(keyStart.count)
            keyStart.append(arena.count)
            keyLength.append(length)
            labelStart.append(arena.count + firstTab + 1 - start)
            arena.append(contentsOf: UnsafeBufferPointer(rebasing: f[start..<secondTab]))
            mentions.append(n)
            documents.append(1)
            hashes.append(h)
            if !ascii { allASCII = false }
            if keyStart.count * 2 > slots.count { grow() }
        }

        /// The count at the end of a line, as `Int(String)` reads it.
        private static func count(_ f: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
            guard start < end, end - start <= 18 else { return Int(String(decoding: UnsafeBufferPointer(rebasing: f[start..<end]), as: UTF8.self)) }
            var n = 0
            for k in start..<end {
                let d = f[k] &- 0x30
                guard d < 10 else { return Int(String(decoding: UnsafeBufferPointer(rebasing: f[start..<end]), as: UTF8.self)) }
                n = n * 10 + Int(d)
            }
            return n
        }

        private mutating func grow() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            let mask = slots.count - 1
            for g in hashes.indices {
                var i = Int(truncatingIfNeeded: (hashes[g] &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
                while slots[i] >= 0 { i = (i + 1) & mask }
                slots[i] = Int32(g)
            }
        }

        private func canonical(_ g: Int) -> String {
            arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[keyStart[g]..<(labelStart[g] - 1)]), as: UTF8.self) }
        }

        private func label(_ g: Int) -> String {
            arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[labelStart[g]..<(keyStart[g] + keyLength[g])]), as: UTF8.self) }
        }

        /// The corpus rows so far, sorted.
        public var rows: [Row] {
            guard allASCII else {
                var acc: [Key: (Int, Int)] = [:]
                for g in keyStart.indices {
                    let key = Key(canonical: canonical(g), label: label(g))
                    let old = acc[key] ?? (0, 0)
                    acc[key] = (old.0 + mentions[g], old.1 + documents[g])
                }
                return EntityTable.sorted(acc.map { Row(canonical: $0.key.canonical, label: $0.key.label, mentions: $0.value.0, documents: $0.value.1) })
            }
            // ASCII strings are equal exactly when their bytes are: sort the groups on their bytes.
            let order = arena.withUnsafeBufferPointer { a in
                keyStart.indices.sorted { x, y in
                    if mentions[x] != mentions[y] { return mentions[x] > mentions[y] }
                    let lx = keyStart[x] + keyLength[x] - labelStart[x], ly = keyStart[y] + keyLength[y] - labelStart[y]
                    let c = memcmp(a.baseAddress! + labelStart[x], a.baseAddress! + labelStart[y], min(lx, ly))
                    if c != 0 || lx != ly { return c != 0 ? c < 0 : lx < ly }
                    let cx = labelStart[x] - 1 - keyStart[x], cy = labelStart[y] - 1 - keyStart[y]
                    let d = memcmp(a.baseAddress! + keyStart[x], a.baseAddress! + keyStart[y], min(cx, cy))
                    return d != 0 ? d < 0 : cx < cy
                }
            }
            return order.map { Row(canonical: canonical($0), label: label($0), mentions: mentions[$0], documents: documents[$0]) }
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
