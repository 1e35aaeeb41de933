import DocPipe
#if canImport(Glibc)
import Glibc
#endif

/// Mentions and documents per canonical entity (label, canonical name) over the corpus.
///
/// Each document contributes one line per distinct entity it mentions (its part); the table
/// keeps one counter per distinct entity, so memory grows with the vocabulary, not the corpus.
struct EntityTable {
    /// One canonical entity.
    struct Key: Hashable, Comparable {
        let label: String
        let canonical: String
        /// Label, then canonical name, in UTF-8 byte order.
        static func < (a: Key, b: Key) -> Bool {
            if a.label != b.label { return JSONWriter.utf8Less(a.label, b.label) }
            return JSONWriter.utf8Less(a.canonical, b.canonical)
        }
    }

    /// Its counts.
    struct Counts {
        var mentions = 0
        var documents = 0
    }

    /// The distinct entities (label, canonical name) in first-seen order, as `String ==` tells them
    /// apart; a few bytes each beside their spellings, so a large corpus's table stays small.
    private var table = TextPairTable()
    /// Each distinct entity's counts.
    private(set) var totals: [Counts] = []
    /// Entries by rank (`ranked`), computed once when the table is complete.
    private var rankOrder: [Int] = []

    /// Number of distinct entities.
    var count: Int { table.count }

    /// The key of entry `n`.
    func key(_ n: Int) -> Key { Key(label: table.first(n), canonical: table.second(n)) }

    /// Mentions per distinct entity of one document, in key order. Keys are grouped as
    /// `[Key: Int]` would group them (`String ==`), through a `TextPairTable` over the view's
    /// entity bytes: a key's strings are made only when it is first seen.
    static func counts(_ view: DocumentView) -> [(key: Key, mentions: Int)] {
        if let counts = byteCounts(view) { return counts }
        var table = TextPairTable()
        var entries: [(key: Key, mentions: Int)] = []
        view.withEntityBytes { names in
            for i in view.entities.indices {
                let (entry, isNew) = table.intern(UnsafeBufferPointer(rebasing: names[view.labelRanges[i]]),
                                                  UnsafeBufferPointer(rebasing: names[view.canonicalRanges[i]]))
                if isNew {
                    entries.append((Key(label: view.entities[i].type, canonical: view.canonical(i)), 1))
                } else {
                    entries[entry].mentions += 1
                }
            }
        }
        return sortedByKey(entries)
    }

    /// `counts` for a document whose labels and canonical names are all `equalAsBytes`, where
    /// `String ==` is byte equality and key order is byte order: the mentions are sorted by (label
    /// rank, the name's first eight bytes) with whole names compared only on ties, and each run of
    /// equal keys is one entry, its strings made once. Nil for any other document.
    static func byteCounts(_ view: DocumentView) -> [(key: Key, mentions: Int)]? {
        view.withEntityBytes { names -> [(key: Key, mentions: Int)]? in
            guard equalAsBytes(names) else { return nil }
            var rank = [Int](repeating: 0, count: view.labelNames.count)
            for (r, id) in view.labelNames.indices.sorted(by: { JSONWriter.utf8Less(view.labelNames[$0], view.labelNames[$1]) }).enumerated() {
                rank[id] = r
            }
            var order: [(label: Int, prefix: UInt64, entity: Int)] = []
            order.reserveCapacity(view.entities.count)
            for i in view.entities.indices {
                order.append((rank[view.entityLabels[i]], ValueWriter.prefix(UnsafeBufferPointer(rebasing: names[view.canonicalRanges[i]])), i))
            }
            func name(_ i: Int) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: names[view.canonicalRanges[i]]) }
            // Byte order of two names (`memcmp`, then length).
            func compare(_ a: Int, _ b: Int) -> Int {
                let x = name(a), y = name(b)
                let n = min(x.count, y.count)
                if n > 0, let p = x.baseAddress, let q = y.baseAddress {
                    let c = memcmp(p, q, n)
                    if c != 0 { return Int(c) }
                }
                return x.count - y.count
            }
            order.sort { a, b in
                if a.label != b.label { return a.label < b.label }
                if a.prefix != b.prefix { return a.prefix < b.prefix }
                return compare(a.entity, b.entity) < 0
            }
            var out: [(key: Key, mentions: Int)] = []
            var k = 0
            while k < order.count {
                var end = k + 1
                while end < order.count, order[end].label == order[k].label, order[end].prefix == order[k].prefix,
                      compare(order[end].entity, order[k].entity) == 0 { end += 1 }
                let i = order[k].entity
                out.append((Key(label: view.labelNames[view.entityLabels[i]], canonical: String(decoding: name(i), as: UTF8.self)), end - k))
                k = end
            }
            return out
        }
    }

    /// Whether `bytes` (valid UTF-8) holds only scalars for which canonical equivalence, what
    /// `String ==` tests, is byte equality between strings made of them: below U+0300 (ASCII and
    /// the precomposed Latin letters, whose decompositions differ and hold marks from U+0300 on),
    /// and punctuation and currency signs that neither decompose nor combine (U+2010–U+2064,
    /// U+2066–U+206F, U+20A0–U+20C0: dashes, quotation marks, the euro sign). ASCII is checked
    /// eight bytes at a time.
    static func equalAsBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i < n {
            if i + 8 <= n, ByteWords.load(base + i) & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            let b = base[i]
            if b < 0x80 { i += 1; continue }
            if b >= 0xC2 && b <= 0xCB { i += 2; continue }  // U+0080–U+02FF
            guard b == 0xE2, i + 2 < n else { return false }
            let (b1, b2) = (base[i + 1], base[i + 2])
            switch b1 {
            case 0x80 where b2 >= 0x90, 0x81 where b2 <= 0xAF && b2 != 0xA5, 0x82 where b2 >= 0xA0, 0x83 where b2 <= 0x80: i += 3
            default: return false
            }
        }
        return true
    }

    /// `entries` (distinct keys) in key order. Sorts positions by (label rank, the canonical name's
    /// first eight bytes) and compares whole names only on ties, so no strings move; labels that
    /// are not all ASCII (where `!=` and byte order could disagree) take the plain sort.
    static func sortedByKey(_ entries: [(key: Key, mentions: Int)]) -> [(key: Key, mentions: Int)] {
        var labels: [String] = []
        var order: [(label: Int, prefix: UInt64, entry: Int)] = []
        order.reserveCapacity(entries.count)
        for (n, e) in entries.enumerated() {
            let label: Int
            if let i = labels.firstIndex(of: e.key.label) { label = i } else { labels.append(e.key.label); label = labels.count - 1 }
            order.append((label, ValueWriter.prefix(e.key.canonical), n))
        }
        guard labels.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else { return entries.sorted { $0.key < $1.key } }
        var rank = [Int](repeating: 0, count: labels.count)
        for (r, i) in labels.indices.sorted(by: { JSONWriter.utf8Less(labels[$0], labels[$1]) }).enumerated() { rank[i] = r }
        for i in order.indices { order[i].label = rank[order[i].label] }
        order.sort { a, b in
            if a.label != b.label { return a.label < b.label }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            return JSONWriter.utf8Less(entries[a.entry].key.canonical, entries[b.entry].key.canonical)
        }
        return order.map { entries[$0.entry] }
    }

    /// This document's part: `["LABEL","canonical",mentions]` per distinct entity (`counts`, in key order).
    static func documentCounts(_ local: [(key: Key, mentions: Int)]) -> [UInt8] {
        var out = ByteBuffer(capacity: local.count * 32)
        for (key, n) in local {
            out.append(UInt8(ascii: "["))
            Bytes.jsonString(key.label, &out)
            out.append(UInt8(ascii: ","))
            Bytes.jsonString(key.canonical, &out)
            out.append(UInt8(ascii: ","))
            Bytes.int(n, &out)
            out.append("]\n")
        }
        return out.array()
    }

    /// An empty table.
    init() {}

    /// Reads every document's part: each line with a `PartReader` (a general JSON parse only for
    /// a line it does not recognise), then ranks the entities once.
    init(_ corpus: CorpusContext) throws {
        try corpus.forEachPart(named: ExportPaths.entityCountsPart) { bytes in
            bytes.withUnsafeBufferPointer { buffer in
                var start = 0
                while let newline = Self.nextNewline(buffer, from: start) {
                    let line = UnsafeBufferPointer(rebasing: buffer[start..<newline])
                    if !addFast(line) { add(line: Array(line)) }
                    start = newline + 1
                }
            }
        }
        rank()
    }

    private static func nextNewline(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < buffer.count, let base = buffer.baseAddress else { return nil }
        guard let hit = memchr(base + start, 0x0A, buffer.count - start) else { return nil }
        return UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - base
    }

    /// Reads `["LABEL","canonical",mentions]` as `documentCounts` writes it; false (nothing
    /// changed) for anything else.
    private mutating func addFast(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        var r = PartReader(line)
        guard r.skip(byte: UInt8(ascii: "[")), let l = r.string(), r.skip(byte: UInt8(ascii: ",")), let c = r.string(),
              r.skip(byte: UInt8(ascii: ",")), let n = r.int(), r.skip(byte: UInt8(ascii: "]")), r.atEnd else { return false }
        if !l.escaped && !c.escaped {
            // The usual case: the bytes are the text; no strings are made.
            count(UnsafeBufferPointer(rebasing: line[l.range]), UnsafeBufferPointer(rebasing: line[c.range]), mentions: n)
            return true
        }
        guard let label = r.text(l), let canonical = r.text(c) else { return false }
        count(Key(label: label, canonical: canonical), mentions: n)
        return true
    }

    mutating func add(line: [UInt8]) {
        guard let row = try? JSONParser.parse(line), let a = row.arrayValue, a.count == 3,
              let label = a[0].stringValue, let canonical = a[1].stringValue, let n = a[2].intValue else { return }
        count(Key(label: label, canonical: canonical), mentions: n)
    }

    /// Adds one document's mentions of an entity.
    private mutating func count(_ label: UnsafeBufferPointer<UInt8>, _ canonical: UnsafeBufferPointer<UInt8>, mentions n: Int) {
        let (entry, isNew) = table.intern(label, canonical)
        tally(entry, isNew: isNew, mentions: n)
    }

    private mutating func count(_ key: Key, mentions n: Int) {
        let (entry, isNew) = table.intern(key.label, key.canonical)
        tally(entry, isNew: isNew, mentions: n)
    }

    private mutating func tally(_ entry: Int, isNew: Bool, mentions n: Int) {
        if isNew {
            totals.append(Counts(mentions: n, documents: 1))
        } else {
            totals[entry].mentions += n
            totals[entry].documents += 1
        }
    }

    /// Whether `a` ranks before `b`: mentions (most first), then documents, label and name.
    private func ranksBefore(_ a: Int, _ b: Int) -> Bool {
        if totals[a].mentions != totals[b].mentions { return totals[a].mentions > totals[b].mentions }
        if totals[a].documents != totals[b].documents { return totals[a].documents > totals[b].documents }
        return key(a) < key(b)
    }

    /// Computes `rankOrder`. Positions are sorted by (mentions, documents, label rank, the name's
    /// first eight bytes) and whole names are compared only on ties, so no strings move; labels
    /// that are not all ASCII (where `!=` and byte order could disagree) take the plain comparison.
    private mutating func rank() {
        var labels: [String] = []
        var labelOf = [Int](repeating: 0, count: table.count)
        for n in 0..<table.count {
            let label = table.first(n)
            if let i = labels.firstIndex(of: label) { labelOf[n] = i } else { labels.append(label); labelOf[n] = labels.count - 1 }
        }
        guard labels.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else {
            rankOrder = (0..<table.count).sorted(by: ranksBefore)
            return
        }
        var labelRank = [Int](repeating: 0, count: labels.count)
        for (r, i) in labels.indices.sorted(by: { JSONWriter.utf8Less(labels[$0], labels[$1]) }).enumerated() { labelRank[i] = r }
        var order: [(mentions: Int, documents: Int, label: Int, prefix: UInt64, entry: Int)] = []
        order.reserveCapacity(table.count)
        for n in 0..<table.count {
            order.append((totals[n].mentions, totals[n].documents, labelRank[labelOf[n]], table.withSecond(n) { ValueWriter.prefix($0) }, n))
        }
        order.sort { a, b in
            if a.mentions != b.mentions { return a.mentions > b.mentions }
            if a.documents != b.documents { return a.documents > b.documents }
            if a.label != b.label { return a.label < b.label }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            return table.withSecond(a.entry) { x in table.withSecond(b.entry) { y in JSONWriter.utf8Less(x, y) } }
        }
        rankOrder = order.map(\.entry)
    }

    /// Entities by mentions (most first), then documents, label and name.
    func ranked(limit: Int? = nil) -> [(key: Key, counts: Counts)] {
        rankOrder.prefix(limit ?? rankOrder.count).map { (key: key($0), counts: totals[$0]) }
    }

    /// Mentions per label, labels sorted by mentions (most first), then name.
    func mentionsByLabel() -> [(label: String, count: Int)] {
        var byLabel: [(label: String, count: Int)] = []
        for (n, c) in totals.enumerated() {
            let label = table.first(n)
            if let i = byLabel.firstIndex(where: { $0.label == label }) { byLabel[i].count += c.mentions } else { byLabel.append((label, c.mentions)) }
        }
        return byLabel.sorted {
            $0.count != $1.count ? $0.count > $1.count : JSONWriter.utf8Less($0.label, $1.label)
        }
    }

    /// entity-table.csv.
    func csv(_ writer: CSVWriter) -> [UInt8] {
        var out = ByteBuffer(capacity: table.count * 32 + 64)
        writer.appendHeader(CSVTable.entityTableHeader, to: &out)
        for n in rankOrder {
            table.withFirst(n) { writer.append(text: $0, to: &out) }
            out.append(UInt8(ascii: ","))
            table.withSecond(n) { writer.append(text: $0, to: &out) }
            out.append(UInt8(ascii: ","))
            Bytes.int(totals[n].mentions, &out)
            out.append(UInt8(ascii: ","))
            Bytes.int(totals[n].documents, &out)
            writer.endRow(&out)
        }
        return out.array()
    }
}
