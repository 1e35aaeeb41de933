import DocPipe
import Foundation
import Testing
@testable import EntityStage

/// The batched tagger and the byte-grouped entity tables give exactly what the plain, one-by-one
/// forms give.
@Suite struct FastPathTests {
    /// Tags of a sentence scored token by token: every static and dynamic feature row summed for
    /// all nine tags, as the tagger was first written.
    static func referenceTags(_ tagger: Tagger, _ buf: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ hashes: [UInt64],
                              memory: DocumentMemory) -> [Int] {
        var sentence = FeatureExtractor.Sentence()
        tagger.features.prepare(buf, tokens, hashes, into: &sentence)
        let shift = UInt64(64 - tagger.bits)
        func add(_ h: UInt64, _ acc: inout SIMD8<Int32>, _ last: inout Int32) {
            let b = Int(truncatingIfNeeded: h &>> shift)
            acc &+= tagger.table.row(b)
            last &+= tagger.table.lastWeight(b)
        }
        var tags: [Int] = []
        var prev = 0, prev2 = 0
        var dynamic = [UInt64](repeating: 0, count: FeatureExtractor.dynamicCount)
        for i in tokens.indices {
            if prev == 0 && Tagger.cannotStartName(buf, tokens[i]) {
                prev2 = prev
                tags.append(0)
                continue
            }
            var acc = SIMD8<Int32>(repeating: 0), last: Int32 = 0
            for k in 0..<sentence.perToken { add(sentence.features[i * sentence.perToken + k], &acc, &last) }
            let m = tokens[i].kind == .capitalized ? memory.value(hashes[i]) : 7
            tagger.features.dynamicFeatures(hashes[i], sentence.shape(i), prev: prev, prev2: prev2, memory: m, into: &dynamic)
            for h in dynamic { add(h, &acc, &last) }
            var best = 0, bestScore = Int32.min
            for tag in 0..<8 where acc[tag] > bestScore && NERTags.allowed(prev: prev, tag) {
                best = tag
                bestScore = acc[tag]
            }
            if last > bestScore && NERTags.allowed(prev: prev, 8) { best = 8 }
            prev2 = prev
            prev = best
            tags.append(best)
        }
        return tags
    }

    @Test func batchedDecodingMatchesTokenByToken() throws {
        let tagger = try #require(try EntityResources.shared.get().tagger)
        var compared = 0, names = 0
        for name in ["pacific-forum-nk-human-rights.txt", "ungdc_KOR_67_2012.txt", "millercenter_1983-09-05-speech-soviet-attack-korean-airliner.txt"] {
            let text = try String(contentsOfFile: SentenceFixture.repoRoot() + "/seeds/\(name)", encoding: .utf8)
            let bytes = Array(text.utf8)
            var scratch = Tagger.Scratch()
            var reference = DocumentMemory()
            bytes.withUnsafeBufferPointer { buf in
                for span in EntityBenchmark.simpleSentences(text) {
                    let range = Self.byteRange(text, span)
                    var tokens: [Token] = []
                    Tokenizer.tokenize(buf, range, into: &tokens)
                    guard !tokens.isEmpty else { continue }
                    let hashes = tokens.map { TokenHashes.lower(buf, $0) }
                    let expected = Self.referenceTags(tagger, buf, tokens, hashes, memory: reference)
                    reference.record(expected, tokens, hashes)
                    tagger.decode(buf, tokens, hashes, scratch: &scratch)
                    #expect(scratch.tags == expected)
                    compared += tokens.count
                    names += expected.filter { $0 != 0 }.count
                }
            }
        }
        #expect(compared > 5000)
        #expect(names > 100)
    }

    @Test func tokenFlagsAndHashesMatchTheBytes() throws {
        var checked = 0
        for name in ["pacific-forum-nk-human-rights.txt", "ungdc_KOR_67_2012.txt", "crs_IF12106v21-iran-and-nuclear-weapons-production.md"] {
            let text = try String(contentsOfFile: SentenceFixture.repoRoot() + "/seeds/\(name)", encoding: .utf8)
                + " US$5 O’Neill’s 'S AB-c twenty-five À-propos déjà-vu “Quote” — … e.g. U.S. 8,000.50 l'été Mr. J. a&b/c HK$ it’s ’s ’"
            let bytes = Array(text.utf8)
            var tokens: [Token] = [], hashes: [UInt64] = []
            bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, 0..<bytes.count, into: &tokens, hashes: &hashes) }
            var plain: [Token] = []
            bytes.withUnsafeBufferPointer { Tokenizer.tokenize($0, 0..<bytes.count, into: &plain) }
            #expect(plain == tokens)
            #expect(hashes == bytes.withUnsafeBufferPointer { buf in tokens.map { TokenHashes.lower(buf, $0) } })
            for t in tokens {
                let b = bytes[t.start..<t.end]
                #expect(t.flags.contains(.scanned))
                #expect(t.flags.contains(.hyphen) == b.contains(0x2D), "\(String(decoding: b, as: UTF8.self))")
                #expect(t.flags.contains(.upperOrNonASCII) == b.contains { $0 &- 0x41 < 26 || $0 >= 0x80 }, "\(String(decoding: b, as: UTF8.self))")
                checked += 1
            }
        }
        #expect(checked > 5000)
    }

    /// UTF-8 byte range of a span given in scalar offsets.
    static func byteRange(_ text: String, _ span: Span) -> Range<Int> {
        let scalars = text.unicodeScalars
        let a = scalars.index(scalars.startIndex, offsetBy: span.start)
        let b = scalars.index(a, offsetBy: span.end - span.start)
        let start = text.utf8.distance(from: text.utf8.startIndex, to: a)
        return start..<(start + text.utf8.distance(from: a, to: b))
    }

    /// (canonical, label) pairs with repeats, tabs, non-ASCII names and canonically equivalent
    /// spellings ("é" precomposed and decomposed; the Kelvin sign and "K").
    static let pairs: [(canonical: String, label: String)] = [
        ("United Nations", "ORG"), ("Korea", "GPE"), ("United Nations", "ORG"), ("Tab\there", "PERSON"),
        ("Cafe\u{301}", "ORG"), ("Korea", "GPE"), ("Caf\u{E9}", "ORG"), ("\u{212A}elvin", "PERSON"), ("Kelvin", "PERSON"),
        ("Côte d’Ivoire", "GPE"), ("Korea", "NORP"), ("B", "ORG"), ("A", "ORG"), ("AB", "ORG"), ("A", "GPE"),
    ]

    /// The rows of pairs grouped one by one through a `Dictionary` keyed by the strings.
    static func referenceRows(_ pairs: [(canonical: String, label: String)]) -> [EntityTable.Row] {
        struct Key: Hashable { var canonical: String; var label: String }
        var counts: [Key: Int] = [:]
        for p in pairs { counts[Key(canonical: p.canonical, label: p.label), default: 0] += 1 }
        return counts.map { EntityTable.Row(canonical: $0.key.canonical, label: $0.key.label, mentions: $0.value, documents: 1) }
            .sorted { x, y in
                if x.mentions != y.mentions { return x.mentions > y.mentions }
                if x.label != y.label { return x.label.utf8.lexicographicallyPrecedes(y.label.utf8) }
                return x.canonical.utf8.lexicographicallyPrecedes(y.canonical.utf8)
            }
    }

    @Test func documentTablesMatchOneByOneGrouping() {
        let ascii = Self.pairs.filter { $0.canonical.utf8.allSatisfy { $0 < 0x80 } }
        let noKelvin = Self.pairs.filter { $0.canonical.unicodeScalars.first != "\u{212A}" }
        for sample in [Self.pairs, ascii, noKelvin, [], Array(Self.pairs.prefix(1))] {
            let rows = EntityTable.rows(sample)
            #expect(rows == Self.referenceRows(sample))
            let bytes = EntityTable.documentBytes(sample)
            #expect(bytes.table == Array(EntityTable.documentTSV(rows).utf8))
            #expect(bytes.part == Array(EntityTable.partLines(rows).utf8))
        }
    }

    /// The corpus merge as it was first written: line by line through a `Dictionary`.
    static func referenceMerge(_ fragments: [[UInt8]]) -> [EntityTable.Row] {
        struct Key: Hashable { var canonical: String; var label: String }
        var acc: [Key: (Int, Int)] = [:]
        for fragment in fragments {
            for line in String(decoding: fragment, as: UTF8.self).split(separator: "\n") {
                let c = line.split(separator: "\t", omittingEmptySubsequences: false)
                guard c.count == 3, let n = Int(c[2]) else { continue }
                let key = Key(canonical: String(c[0]), label: String(c[1]))
                let old = acc[key] ?? (0, 0)
                acc[key] = (old.0 + n, old.1 + 1)
            }
        }
        return acc.map { EntityTable.Row(canonical: $0.key.canonical, label: $0.key.label, mentions: $0.value.0, documents: $0.value.1) }
            .sorted { x, y in
                if x.mentions != y.mentions { return x.mentions > y.mentions }
                if x.label != y.label { return x.label.utf8.lexicographicallyPrecedes(y.label.utf8) }
                return x.canonical.utf8.lexicographicallyPrecedes(y.canonical.utf8)
            }
    }

    @Test func corpusMergeMatchesLineByLine() {
        let ascii = Self.pairs.filter { $0.canonical.utf8.allSatisfy { $0 < 0x80 } }
        let odd = Array("a\tORG\t+2\nb\tORG\t-1\nc\tORG\t\nd\tORG\nx\ty\tz\t1\n\n\ne\tGPE\t0012\nf\tGPE\t99999999999999999999\n".utf8)
        let samples: [[[UInt8]]] = [
            [EntityTable.documentBytes(Self.pairs).part, EntityTable.documentBytes(ascii).part, EntityTable.documentBytes(Array(Self.pairs.suffix(4))).part],
            [EntityTable.documentBytes(ascii).part, EntityTable.documentBytes(ascii).part],
            [EntityTable.documentBytes(Self.pairs.filter { $0.canonical.unicodeScalars.first != "\u{212A}" }).part, EntityTable.documentBytes(ascii).part],
            [odd, EntityTable.documentBytes(ascii).part],
            [],
        ]
        for fragments in samples {
            var merger = EntityTable.Merger()
            for f in fragments { merger.add(f) }
            let expected = Self.referenceMerge(fragments)
            #expect(merger.rows == expected)
            #expect(merger.corpusBytes() == Array(EntityTable.corpusTSV(expected).utf8))
        }
    }

    @Test func wordFactsAnswerAsTheTwoListTables() throws {
        // One WordFacts probe gives what probes of a lexicon table and a person-name table gave
        // (key 0 reads key 1, later equal keys win, missing words read 0).
        let resources = try EntityResources.shared.get()
        let tagger = try #require(resources.tagger)
        let lexicon = tagger.features.lexicon
        let infos = HashTable(Array(zip(lexicon.keys, lexicon.values)))
        let names = HashTable(resources.gazetteer.personNameEntries)
        #expect(!resources.gazetteer.personNameEntries.isEmpty && lexicon.count > 0)
        var keys = Array(lexicon.keys.prefix(3000)) + resources.gazetteer.personNameEntries.prefix(3000).map(\.0)
        keys += [0, 1, 2, 0x5EED, WordHash.lower("moon"), WordHash.lower("korea"), WordHash.lower("the")]
        for k in keys {
            let facts = tagger.features.words.get(k)
            #expect(facts.info == (infos.get(k) ?? 0))
            #expect(facts.person == (names.get(k) ?? 0))
            #expect(lexicon.info(k) == (infos.get(k) ?? 0))
        }
    }

    @Test func valueMemoGivesEntityValues() {
        var memo = EntityValue.Memo()
        let mentions = [("CARDINAL", "two"), ("DATE", "today"), ("DATE", "May 2019"), ("MONEY", "$8 million"), ("CARDINAL", "two"),
                        ("DATE", "2030"), ("PERCENT", "80%"), ("DATE", "today"), ("CARDINAL", "three-quarters"), ("ORG", "two")]
        for (label, text) in mentions + mentions {
            #expect(memo.value(label: label, text: text) == EntityValue.of(label: label, text: text), "\(label) \(text)")
        }
    }
}
