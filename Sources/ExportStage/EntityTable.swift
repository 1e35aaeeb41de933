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

    /// Each distinct entity's position in `keys` and `totals`.
    private var index = EntityKeyIndex()
    /// The distinct entities in first-seen order, and their counts.
    private(set) var keys: [Key] = []
    private(set) var totals: [Counts] = []
    /// Positions in `keys` by rank (`ranked`), computed once when the table is complete.
    private var rankOrder: [Int] = []

    /// Number of distinct entities.
    var count: Int { keys.count }

    /// Mentions per distinct entity of one document, in key order.
    /// Keys are grouped as `[Key: Int]` would group them (`String ==`), through an `EntityKeyIndex`:
    /// ASCII keys by their bytes, with no string built or hashed.
    static func counts(_ view: DocumentView) -> [(key: Key, mentions: Int)] {
        var counter = Counter(capacity: view.entities.count)
        view.withEntityBytes { names in
            for i in view.entities.indices {
                let l = UnsafeBufferPointer(rebasing: names[view.labelRanges[i]])
                let c = UnsafeBufferPointer(rebasing: names[view.canonicalRanges[i]])
                let found = isASCII(l) ? counter.asciiEntry(view, i, l, c) : nil
                counter.count(found ?? counter.entry(Key(label: view.entities[i].type, canonical: view.canonical(i))))
            }
        }
        return sortedByKey(counter.entries)
    }

    /// Mentions per distinct key of one document, keys in first-seen order.
    private struct Counter {
        var index: EntityKeyIndex
        var entries: [(key: Key, mentions: Int)] = []

        init(capacity: Int) { index = EntityKeyIndex(capacity: capacity) }

        /// The entry of entity `i` of `view`, whose label `l` is ASCII, by its canonical name `c`,
        /// made when new; nil when the name is not ASCII.
        mutating func asciiEntry(_ view: DocumentView, _ i: Int, _ l: UnsafeBufferPointer<UInt8>, _ c: UnsafeBufferPointer<UInt8>) -> Int? {
            guard isASCII(c) else { return nil }
            let r = index.find(label: l, canonical: c)
            if let e = r.found { return e }
            index.insert(label: l, canonical: c, at: r.slot, hash: r.hash, entry: entries.count)
            entries.append((Key(label: view.entities[i].type, canonical: String(decoding: c, as: UTF8.self)), 0))
            return entries.count - 1
        }

        /// The entry of any key, made when new.
        mutating func entry(_ key: Key) -> Int {
            if let e = index.findOrInsert(key, entry: entries.count) { return e }
            entries.append((key, 0))
            return entries.count - 1
        }

        mutating func count(_ entry: Int) { entries[entry].mentions += 1 }
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
        let label = UnsafeBufferPointer(rebasing: line[l.range]), canonical = UnsafeBufferPointer(rebasing: line[c.range])
        if !l.escaped && !c.escaped && Self.isASCII(label) && Self.isASCII(canonical) {
            // The usual case: bytes are the text; no strings unless the entity is new.
            let r = index.find(label: label, canonical: canonical)
            if let i = r.found {
                totals[i].mentions += n
                totals[i].documents += 1
            } else {
                index.insert(label: label, canonical: canonical, at: r.slot, hash: r.hash, entry: keys.count)
                keys.append(Key(label: String(decoding: label, as: UTF8.self), canonical: String(decoding: canonical, as: UTF8.self)))
                totals.append(Counts(mentions: n, documents: 1))
            }
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

    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var high: UInt64 = 0
        var i = 0
        while i + 8 <= bytes.count { high |= ByteWords.load(base + i); i += 8 }
        while i < bytes.count { high |= UInt64(base[i]); i += 1 }
        return high & 0x8080_8080_8080_8080 == 0
    }

    /// Adds one document's mentions of an entity.
    private mutating func count(_ key: Key, mentions n: Int) {
        if let i = index.findOrInsert(key, entry: keys.count) {
            totals[i].mentions += n
            totals[i].documents += 1
        } else {
            keys.append(key)
            totals.append(Counts(mentions: n, documents: 1))
        }
    }

    /// Whether `a` ranks before `b`: mentions (most first), then documents, label and name.
    private func ranksBefore(_ a: Int, _ b: Int) -> Bool {
        if totals[a].mentions != totals[b].mentions { return totals[a].mentions > totals[b].mentions }
        if totals[a].documents != totals[b].documents { return totals[a].documents > totals[b].documents }
        return keys[a] < keys[b]
    }

    /// Computes `rankOrder`. Positions are sorted by (mentions, documents, label rank, the name's
    /// first eight bytes) and whole names are compared only on ties, so no strings move; labels
    /// that are not all ASCII (where `!=` and byte order could disagree) take the plain comparison.
    private mutating func rank() {
        var labels: [String] = []
        var labelOf = [Int](repeating: 0, count: keys.count)
        for (n, k) in keys.enumerated() {
            if let i = labels.firstIndex(of: k.label) { labelOf[n] = i } else { labels.append(k.label); labelOf[n] = labels.count - 1 }
        }
        guard labels.allSatisfy({ $0.utf8.allSatisfy { $0 < 0x80 } }) else {
            rankOrder = keys.indices.sorted(by: ranksBefore)
            return
        }
        var labelRank = [Int](repeating: 0, count: labels.count)
        for (r, i) in labels.indices.sorted(by: { JSONWriter.utf8Less(labels[$0], labels[$1]) }).enumerated() { labelRank[i] = r }
        var order: [(mentions: Int, documents: Int, label: Int, prefix: UInt64, entry: Int)] = []
        order.reserveCapacity(keys.count)
        for n in keys.indices {
            order.append((totals[n].mentions, totals[n].documents, labelRank[labelOf[n]], ValueWriter.prefix(keys[n].canonical), n))
        }
        order.sort { a, b in
            if a.mentions != b.mentions { return a.mentions > b.mentions }
            if a.documents != b.documents { return a.documents > b.documents }
            if a.label != b.label { return a.label < b.label }
            if a.prefix != b.prefix { return a.prefix < b.prefix }
            return JSONWriter.utf8Less(keys[a.entry].canonical, keys[b.entry].canonical)
        }
        rankOrder = order.map(\.entry)
    }

    /// Entities by mentions (most first), then documents, label and name.
    func ranked(limit: Int? = nil) -> [(key: Key, counts: Counts)] {
        rankOrder.prefix(limit ?? rankOrder.count).map { (key: keys[$0], counts: totals[$0]) }
    }

    /// Mentions per label, labels sorted by mentions (most first), then name.
    func mentionsByLabel() -> [(label: String, count: Int)] {
        var byLabel: [(label: String, count: Int)] = []
        for (k, c) in zip(keys, totals) {
            if let i = byLabel.firstIndex(where: { $0.label == k.label }) { byLabel[i].count += c.mentions } else { byLabel.append((k.label, c.mentions)) }
        }
        return byLabel.sorted {
            $0.count != $1.count ? $0.count > $1.count : JSONWriter.utf8Less($0.label, $1.label)
        }
    }

    /// entity-table.csv.
    func csv(_ writer: CSVWriter) -> [UInt8] {
        var out = ByteBuffer(capacity: keys.count * 32 + 64)
        writer.appendHeader(CSVTable.entityTableHeader, to: &out)
        for n in rankOrder {
            writer.append(text: keys[n].label, to: &out)
            out.append(UInt8(ascii: ","))
            writer.append(text: keys[n].canonical, to: &out)
            out.append(UInt8(ascii: ","))
            Bytes.int(totals[n].mentions, &out)
            out.append(UInt8(ascii: ","))
            Bytes.int(totals[n].documents, &out)
            writer.endRow(&out)
        }
        return out.array()
    }
}
