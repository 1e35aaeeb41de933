import DocPipe

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

    private(set) var counts: [Key: Counts] = [:]

    /// Mentions per distinct entity of one document, in key order.
    static func counts(_ view: DocumentView) -> [(key: Key, mentions: Int)] {
        var local: [Key: Int] = [:]
        local.reserveCapacity(min(view.entities.count, 512))
        for i in view.entities.indices { local[Key(label: view.entities[i].type, canonical: view.canonical(i)), default: 0] += 1 }
        return sortedByKey(local.map { (key: $0.key, mentions: $0.value) })
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

    /// Reads every document's part.
    init(_ corpus: CorpusContext) throws {
        try corpus.forEachPart(named: ExportPaths.entityCountsPart) { bytes in
            var start = 0
            for (i, b) in bytes.enumerated() where b == 0x0A {
                add(line: Array(bytes[start..<i]))
                start = i + 1
            }
        }
    }

    mutating func add(line: [UInt8]) {
        guard let row = try? JSONParser.parse(line), let a = row.arrayValue, a.count == 3,
              let label = a[0].stringValue, let canonical = a[1].stringValue, let n = a[2].intValue else { return }
        var c = counts[Key(label: label, canonical: canonical), default: Counts()]
        c.mentions += n
        c.documents += 1
        counts[Key(label: label, canonical: canonical)] = c
    }

    /// Entities by mentions (most first), then documents, label and name.
    func ranked(limit: Int? = nil) -> [(key: Key, counts: Counts)] {
        let all = counts.map { (key: $0.key, counts: $0.value) }.sorted { a, b in
            if a.counts.mentions != b.counts.mentions { return a.counts.mentions > b.counts.mentions }
            if a.counts.documents != b.counts.documents { return a.counts.documents > b.counts.documents }
            return a.key < b.key
        }
        guard let limit else { return all }
        return Array(all.prefix(limit))
    }

    /// Mentions per label, labels sorted by mentions (most first), then name.
    func mentionsByLabel() -> [(label: String, count: Int)] {
        var byLabel: [String: Int] = [:]
        for (k, c) in counts { byLabel[k.label, default: 0] += c.mentions }
        return byLabel.map { (label: $0.key, count: $0.value) }.sorted {
            $0.count != $1.count ? $0.count > $1.count : JSONWriter.utf8Less($0.label, $1.label)
        }
    }

    /// entity-table.csv.
    func csv(_ writer: CSVWriter) -> [UInt8] {
        var out = ByteBuffer(capacity: counts.count * 32 + 64)
        writer.appendHeader(CSVTable.entityTableHeader, to: &out)
        for (key, c) in ranked() {
            writer.appendRow([.text(key.label), .text(key.canonical), .int(c.mentions), .int(c.documents)], to: &out)
        }
        return out.array()
    }
}
