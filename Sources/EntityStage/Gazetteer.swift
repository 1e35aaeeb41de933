import Foundation

/// Name lists loaded from the TSV files in Resources/gazetteers (sources in Resources/README.md):
/// countries (ISO 3166-1), subdivisions (ISO 3166-2), places, organisations with acronyms,
/// demonyms and group names, and head nouns that decide a multi-word name's label.
///
/// Phrases are matched on token hashes, case-insensitively, with the same tokenizer the stage uses.
struct Gazetteer: Sendable {
    /// What a phrase is.
    struct Entry: Sendable, Equatable {
        /// Label (GPE, LOC, FAC, ORG, NORP, …).
        var label: String
        /// Canonical name ("United States" for "U.S.").
        var canonical: String
        /// ISO 3166-1 alpha-3 code for countries (and demonyms of one country).
        var iso3: String?
    }

    /// Entries in the order they were added.
    private(set) var entries: [Entry] = []
    /// `WordHash.lower(label)` of each entry (the tagger's gazetteer feature value).
    private(set) var labelCodes: [UInt64] = []
    /// Phrase key (`key`) → index into `entries`.
    private var phraseIndex = HashTable([])
    /// Keys of the phrases from orgs.tsv.
    private var organisationKeys = HashTable([])
    /// Head noun (last token, lowercase hash) → index into `headLabels`.
    private var heads = HashTable([])
    private var headLabels: [String] = []
    /// Person name parts (lowercase hash → 1 first name, 2 last name, 3 both), in file order;
    /// tagger features only (looked up through `WordFacts`).
    private(set) var personNameEntries: [(UInt64, UInt32)] = []
    /// Longest phrase length (tokens) per first-token hash.
    private(set) var firstTokens = HashTable([])
    /// Number of phrases per file, for the model card.
    private(set) var counts: [String: Int] = [:]

    /// An empty gazetteer.
    init() {}

    /// Loads every list from a folder.
    init(folder: URL) throws {
        var builder = Builder()
        func rows(_ name: String) throws -> [[String]] {
            let bytes = try ResourceFile.bytes(folder.appendingPathComponent(name))
            return TSV.rows(bytes).map { $0.map { String(decoding: $0, as: UTF8.self) } }
        }
        for r in try rows("countries.tsv") where r.count >= 3 { builder.add(r[0], Entry(label: "GPE", canonical: r[2], iso3: r[1]), file: "countries.tsv") }
        for r in try rows("countries-extra.tsv") where r.count >= 3 { builder.add(r[0], Entry(label: "GPE", canonical: r[2], iso3: r[1]), file: "countries-extra.tsv") }
        for r in try rows("subdivisions.tsv") where r.count >= 2 { builder.add(r[0], Entry(label: "GPE", canonical: r[0], iso3: nil), file: "subdivisions.tsv") }
        for r in try rows("places.tsv") where r.count >= 2 { builder.add(r[0], Entry(label: r[1], canonical: r[0], iso3: nil), file: "places.tsv") }
        for r in try rows("demonyms.tsv") where r.count >= 2 {
            builder.add(r[0], Entry(label: "NORP", canonical: r[0], iso3: r[1] == "-" ? nil : r[1]), file: "demonyms.tsv")
        }
        var organisations: [(UInt64, UInt32)] = []
        for r in try rows("orgs.tsv") where r.count >= 1 {
            let acronym = r.count > 1 ? r[1] : ""
            builder.add(r[0], Entry(label: "ORG", canonical: r[0], iso3: nil), file: "orgs.tsv")
            organisations.append((Gazetteer.key(r[0]), 1))
            if !acronym.isEmpty, builder.phrases[Gazetteer.key(acronym)] == nil {
                builder.add(acronym, Entry(label: "ORG", canonical: r[0], iso3: nil), file: "orgs.tsv")
                organisations.append((Gazetteer.key(acronym), 1))
            }
        }
        var heads: [(UInt64, UInt32)] = []
        var headIndex: [String: UInt32] = [:]
        for r in try rows("heads.tsv") where r.count >= 2 {
            let k = headIndex[r[1]] ?? UInt32(headLabels.count)
            if k == headLabels.count { headLabels.append(r[1]); headIndex[r[1]] = k }
            heads.append((WordHash.lower(r[0]), k))
        }
        var names: [(UInt64, UInt32)] = []
        let nameBytes = try ResourceFile.bytes(folder.appendingPathComponent("person-names.tsv"))
        names.reserveCapacity(nameBytes.count / 12)
        TSV.forEachPair(nameBytes) { name, kinds in
            names.append((Self.hash(name), (TSV.contains(kinds, "first") ? 1 : 0) | (TSV.contains(kinds, "last") ? 2 : 0)))
        }
        entries = builder.entries
        labelCodes = entries.map { WordHash.lower($0.label) }
        phraseIndex = HashTable(builder.order.map { ($0, builder.phrases[$0]!) })
        organisationKeys = HashTable(organisations)
        self.heads = HashTable(heads)
        personNameEntries = names
        counts = builder.counts
        counts["person-names.tsv"] = names.count
        firstTokens = HashTable(builder.maxLength.keys.sorted().map { ($0, UInt32(builder.maxLength[$0]!)) })
    }

    /// Lowercase hash of a field.
    private static func hash(_ field: ArraySlice<UInt8>) -> UInt64 {
        field.withUnsafeBufferPointer { WordHash.lower($0, 0, $0.count) }
    }

    /// Phrases while loading.
    private struct Builder {
        var entries: [Entry] = []
        var phrases: [UInt64: UInt32] = [:]
        var order: [UInt64] = []
        var maxLength: [UInt64: Int] = [:]
        var counts: [String: Int] = [:]

        mutating func add(_ phrase: String, _ entry: Entry, file: String) {
            let bytes = Array(phrase.utf8)
            var tokens: [Token] = []
            bytes.withUnsafeBufferPointer { buf in
                Tokenizer.tokenize(buf, 0..<bytes.count, into: &tokens)
                guard let first = tokens.first else { return }
                var k: UInt64 = 0
                for t in tokens { k = WordHash.mix(k, TokenHashes.lower(buf, t)) }
                if phrases[k] == nil {
                    phrases[k] = UInt32(entries.count)
                    order.append(k)
                    entries.append(entry)
                    counts[file, default: 0] += 1
                }
                let h = TokenHashes.lower(buf, first)
                maxLength[h] = max(maxLength[h] ?? 0, tokens.count)
            }
        }
    }

    /// The hash sequence key of a phrase.
    static func key(_ phrase: String) -> UInt64 {
        let bytes = Array(phrase.utf8)
        var tokens: [Token] = []
        return bytes.withUnsafeBufferPointer { buf in
            Tokenizer.tokenize(buf, 0..<bytes.count, into: &tokens)
            var k: UInt64 = 0
            for t in tokens { k = WordHash.mix(k, TokenHashes.lower(buf, t)) }
            return k
        }
    }

    /// The longest phrase starting at token `i`: its end (exclusive) and entry index.
    @inline(__always)
    func longestMatchIndex(at i: Int, _ hashes: [UInt64], limit: Int) -> (end: Int, index: Int)? {
        guard let m = firstTokens.get(hashes[i]) else { return nil }
        let maxLen = Int(m)
        var k: UInt64 = 0
        var best: (Int, Int)?
        var j = i
        while j < min(limit, i + maxLen) {
            k = WordHash.mix(k, hashes[j])
            j += 1
            if let e = phraseIndex.get(k) { best = (j, Int(e)) }
        }
        return best
    }

    /// The longest phrase starting at token `i`: its end (exclusive) and entry.
    func longestMatch(at i: Int, _ hashes: [UInt64], limit: Int) -> (end: Int, entry: Entry)? {
        guard let (end, index) = longestMatchIndex(at: i, hashes, limit: limit) else { return nil }
        return (end, entries[index])
    }

    /// Whether some phrase starts at token `i` (and ends by `limit`).
    func hasMatch(at i: Int, _ hashes: [UInt64], limit: Int) -> Bool {
        longestMatchIndex(at: i, hashes, limit: limit) != nil
    }

    /// The entry for exactly tokens i..<j.
    func entry(_ i: Int, _ j: Int, _ hashes: [UInt64]) -> Entry? {
        guard j - i <= Int(firstTokens.get(hashes[i]) ?? 0) else { return nil }
        var k: UInt64 = 0
        for t in i..<j { k = WordHash.mix(k, hashes[t]) }
        return phraseIndex.get(k).map { entries[Int($0)] }
    }

    /// Whether tokens i..<j are a name or acronym from orgs.tsv.
    func isListedOrganisation(_ i: Int, _ j: Int, _ hashes: [UInt64]) -> Bool {
        var k: UInt64 = 0
        for t in i..<j { k = WordHash.mix(k, hashes[t]) }
        return organisationKeys.get(k) != nil
    }

    /// Label implied by a name's last word ("Accords" → LAW), if any.
    func headLabel(_ hash: UInt64) -> String? { heads.get(hash).map { headLabels[Int($0)] } }
}

/// Tab-separated rows of a UTF-8 file on bytes: lines split at "\n", empty lines and lines
/// starting with "#" skipped, fields split at every tab.
enum TSV {
    static func rows(_ bytes: [UInt8]) -> [[ArraySlice<UInt8>]] {
        var out: [[ArraySlice<UInt8>]] = []
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: true) where line.first != 0x23 {
            out.append(line.split(separator: 0x09, omittingEmptySubsequences: false))
        }
        return out
    }

    /// The first two fields of every row that has at least two (as `rows` finds them), without
    /// building the rows.
    static func forEachPair(_ bytes: [UInt8], _ body: (ArraySlice<UInt8>, ArraySlice<UInt8>) -> Void) {
        var lineStart = 0
        let n = bytes.count
        while lineStart < n {
            var lineEnd = lineStart
            var tab1 = -1, tab2 = -1
            while lineEnd < n && bytes[lineEnd] != 0x0A {
                if bytes[lineEnd] == 0x09 {
                    if tab1 < 0 { tab1 = lineEnd } else if tab2 < 0 { tab2 = lineEnd }
                }
                lineEnd += 1
            }
            if lineEnd > lineStart && bytes[lineStart] != 0x23 && tab1 >= 0 {
                body(bytes[lineStart..<tab1], bytes[(tab1 + 1)..<(tab2 >= 0 ? tab2 : lineEnd)])
            }
            lineStart = lineEnd + 1
        }
    }

    /// Whether a field contains an ASCII word.
    static func contains(_ field: ArraySlice<UInt8>, _ word: StaticString) -> Bool {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard field.count >= w.count else { return false }
        var i = field.startIndex
        while i + w.count <= field.endIndex {
            if field[i..<(i + w.count)].elementsEqual(w) { return true }
            i += 1
        }
        return false
    }
}

/// Per-token hashes used everywhere: lowercase, with typographic apostrophes folded to ASCII.
enum TokenHashes {
    static let apostropheS = WordHash.lower("'s")
    static let apostrophe = WordHash.lower("'")

    /// The lowercase hash of a token, "’s" and "'s" alike.
    @inline(__always)
    static func lower(_ bytes: UnsafeBufferPointer<UInt8>, _ t: Token) -> UInt64 {
        if t.length == 4, bytes[t.start] == 0xE2, bytes[t.start + 1] == 0x80, bytes[t.start + 2] == 0x99 { return apostropheS }
        if t.length == 3, bytes[t.start] == 0xE2, bytes[t.start + 1] == 0x80, bytes[t.start + 2] == 0x99 { return apostrophe }
        if t.length >= 4, t.kind != .punct {
            // Fold ’ inside words ("Children’s" never reaches here: possessives split off).
            var h = WordHash.offset
            var i = t.start
            while i < t.end {
                if bytes[i] == 0xE2, i + 2 < t.end, bytes[i + 1] == 0x80, bytes[i + 2] == 0x99 {
                    h = (h ^ 0x27) &* WordHash.prime
                    i += 3
                    continue
                }
                var b = bytes[i]
                if b &- 0x41 < 26 { b |= 0x20 }
                h = (h ^ UInt64(b)) &* WordHash.prime
                i += 1
            }
            return h
        }
        return WordHash.lower(bytes, t.start, t.end)
    }
}
