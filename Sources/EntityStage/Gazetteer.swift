import DocPipe
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

    private(set) var phrases: [UInt64: Entry] = [:]
    /// Keys of the phrases from orgs.tsv.
    private(set) var organisationKeys: Set<UInt64> = []
    /// Longest phrase length (tokens) per first-token hash.
    private(set) var maxLength: [UInt64: Int] = [:]
    /// Head noun (last token, lowercase hash) → label.
    private(set) var heads: [UInt64: String] = [:]
    /// Person name parts (lowercase hash → 1 first name, 2 last name, 3 both); tagger features only.
    private(set) var personNames = HashTable([])
    /// `maxLength` as a fast table.
    private(set) var firstTokens = HashTable([])
    /// Number of phrases per file, for the model card.
    private(set) var counts: [String: Int] = [:]

    /// An empty gazetteer.
    init() {}

    /// Loads every list from a folder.
    init(folder: URL) throws {
        func rows(_ name: String) throws -> [[String]] {
            let bytes = try Gazetteer.contents(folder, name)
            var out: [[String]] = []
            Gazetteer.forEachRow(bytes) { line in
                out.append(line.split(separator: 0x09, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) })
            }
            return out
        }
        for r in try rows("countries.tsv") where r.count >= 3 { add(r[0], Entry(label: "GPE", canonical: r[2], iso3: r[1]), file: "countries.tsv") }
        for r in try rows("countries-extra.tsv") where r.count >= 3 { add(r[0], Entry(label: "GPE", canonical: r[2], iso3: r[1]), file: "countries-extra.tsv") }
        for r in try rows("subdivisions.tsv") where r.count >= 2 { add(r[0], Entry(label: "GPE", canonical: r[0], iso3: nil), file: "subdivisions.tsv") }
        for r in try rows("places.tsv") where r.count >= 2 { add(r[0], Entry(label: r[1], canonical: r[0], iso3: nil), file: "places.tsv") }
        for r in try rows("demonyms.tsv") where r.count >= 2 {
            add(r[0], Entry(label: "NORP", canonical: r[0], iso3: r[1] == "-" ? nil : r[1]), file: "demonyms.tsv")
        }
        for r in try rows("orgs.tsv") where r.count >= 1 {
            let acronym = r.count > 1 ? r[1] : ""
            add(r[0], Entry(label: "ORG", canonical: r[0], iso3: nil), file: "orgs.tsv")
            organisationKeys.insert(Gazetteer.key(r[0]))
            if !acronym.isEmpty, phrases[Gazetteer.key(acronym)] == nil {
                add(acronym, Entry(label: "ORG", canonical: r[0], iso3: nil), file: "orgs.tsv")
                organisationKeys.insert(Gazetteer.key(acronym))
            }
        }
        for r in try rows("heads.tsv") where r.count >= 2 { heads[WordHash.lower(r[0])] = r[1] }
        // 24,000 names: read on bytes (name, tab, kinds), no strings.
        var names: [(UInt64, UInt32)] = []
        let nameBytes = try Gazetteer.contents(folder, "person-names.tsv")
        names.reserveCapacity(nameBytes.count / 12)
        Gazetteer.forEachRow(nameBytes) { line in
            guard let tab = line.firstIndex(of: 0x09) else { return }
            let kinds = line[(tab + 1)...].prefix { $0 != 0x09 }
            let hash = line.withUnsafeBufferPointer { WordHash.lower($0, 0, tab - line.startIndex) }
            names.append((hash, (Gazetteer.contains(kinds, "first") ? 1 : 0) | (Gazetteer.contains(kinds, "last") ? 2 : 0)))
        }
        personNames = HashTable(names)
        counts["person-names.tsv"] = names.count
        firstTokens = HashTable(maxLength.keys.sorted().map { ($0, UInt32(maxLength[$0]!)) })
    }

    /// A list file's bytes.
    private static func contents(_ folder: URL, _ name: String) throws -> [UInt8] {
        let url = folder.appendingPathComponent(name)
        guard let bytes = AtomicFile.read(path: url.path) else { throw EntityResourceError("cannot read \(url.path)") }
        return bytes
    }

    /// Calls `body` with each non-empty line that is not a `#` comment (without its newline).
    private static func forEachRow(_ bytes: [UInt8], _ body: (ArraySlice<UInt8>) -> Void) {
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if end > start && bytes[start] != UInt8(ascii: "#") { body(bytes[start..<end]) }
            start = end + 1
        }
    }

    /// Whether `word` occurs in `field`.
    private static func contains(_ field: ArraySlice<UInt8>, _ word: StaticString) -> Bool {
        let w = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard field.count >= w.count else { return false }
        var i = field.startIndex
        while i + w.count <= field.endIndex {
            if field[i..<(i + w.count)].elementsEqual(w) { return true }
            i += 1
        }
        return false
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

    private mutating func add(_ phrase: String, _ entry: Entry, file: String) {
        let bytes = Array(phrase.utf8)
        var tokens: [Token] = []
        bytes.withUnsafeBufferPointer { buf in
            Tokenizer.tokenize(buf, 0..<bytes.count, into: &tokens)
            guard let first = tokens.first else { return }
            var k: UInt64 = 0
            for t in tokens { k = WordHash.mix(k, TokenHashes.lower(buf, t)) }
            if phrases[k] == nil { phrases[k] = entry; counts[file, default: 0] += 1 }
            let h = TokenHashes.lower(buf, first)
            maxLength[h] = max(maxLength[h] ?? 0, tokens.count)
        }
    }

    /// The longest phrase starting at token `i`: its end (exclusive) and entry.
    func longestMatch(at i: Int, _ hashes: [UInt64], limit: Int) -> (end: Int, entry: Entry)? {
        guard let m = firstTokens.get(hashes[i]) else { return nil }
        let maxLen = Int(m)
        var k: UInt64 = 0
        var best: (Int, Entry)?
        var j = i
        while j < min(limit, i + maxLen) {
            k = WordHash.mix(k, hashes[j])
            j += 1
            if let e = phrases[k] { best = (j, e) }
        }
        return best
    }

    /// The entry for exactly tokens i..<j.
    func entry(_ i: Int, _ j: Int, _ hashes: [UInt64]) -> Entry? {
        guard j - i <= Int(firstTokens.get(hashes[i]) ?? 0) else { return nil }
        var k: UInt64 = 0
        for t in i..<j { k = WordHash.mix(k, hashes[t]) }
        return phrases[k]
    }

    /// Whether tokens i..<j are a name or acronym from orgs.tsv.
    func isListedOrganisation(_ i: Int, _ j: Int, _ hashes: [UInt64]) -> Bool {
        var k: UInt64 = 0
        for t in i..<j { k = WordHash.mix(k, hashes[t]) }
        return organisationKeys.contains(k)
    }

    /// Label implied by a name's last word ("Accords" → LAW), if any.
    func headLabel(_ hash: UInt64) -> String? { heads[hash] }
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
