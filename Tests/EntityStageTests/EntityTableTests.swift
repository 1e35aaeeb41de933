import DocPipe
import DocPipeTestSupport
import Foundation
import Synchronization
import Testing
@testable import EntityStage

/// Per-document and corpus entity tables.
@Suite struct EntityTableTests {
    /// A corpus context in memory.
    final class MemoryCorpus: CorpusContext {
        let instanceName = "entities"
        let documentIDs: [String]
        let parts: [String: [[UInt8]]]
        let written = Mutex<[String: [UInt8]]>([:])
        init(ids: [String], parts: [String: [[UInt8]]]) { documentIDs = ids; self.parts = parts }
        func forEachPart(named name: String, _ body: ([UInt8]) throws -> Void) throws { for p in parts[name] ?? [] { try body(p) } }
        func write(file path: String, bytes: [UInt8]) throws { written.withLock { $0[path] = bytes } }
        func write(file path: String, header: [UInt8], part: String, footer: [UInt8]) throws {}
    }

    @Test func documentAndCorpusTables() async throws {
        let stage = try Entities(options: Entities.Options())
        let a = try await StageHarness.run(stage, SentenceFixture.document(
            "Donald Trump met Moon Jae-in. Later Moon spoke in Seoul.", id: "a"))
        let b = try await StageHarness.run(stage, SentenceFixture.document("Moon Jae-in visited Washington.", id: "b"))
        let docTable = String(decoding: a.files.first { $0.path == "entity-tables/a.tsv" }?.bytes ?? [], as: UTF8.self)
        #expect(docTable.hasPrefix("canonical\tlabel\tmentions\nMoon Jae-in\tPERSON\t2\n"))
        let corpus = MemoryCorpus(ids: ["a", "b"], parts: [EntityTable.partName: (a.parts + b.parts).map(\.bytes)])
        try await stage.finish(corpus)
        let table = String(decoding: corpus.written.withLock { $0[EntityTable.corpusFile] } ?? [], as: UTF8.self)
        #expect(table.hasPrefix("canonical\tlabel\tmentions\tdocuments\nMoon Jae-in\tPERSON\t3\t2\n"))
        #expect(table.contains("Donald Trump\tPERSON\t1\t1\n"))
    }

    /// The corpus merger gives what merging the fragments' lines in a `Dictionary` keyed by the
    /// strings gives (canonically equivalent spellings are one entity; the first spelling is kept).
    @Test func mergerMergesAsStringEqualityDoes() {
        let names = ["UN", "Kelvin", "\u{212A}elvin", "e\u{301}", "\u{E9}", "日本語", "", "a;b", "a\u{37E}b",
                     String(repeating: "x", count: 40)]
        struct Key: Hashable { var canonical: String; var label: String }
        var reference: [Key: (mentions: Int, documents: Int)] = [:]
        var first: [Key: Key] = [:]
        var merger = EntityTable.Merger()
        var seed: UInt64 = 3
        func next(_ n: Int) -> Int { seed = seed &* 6364136223846793005 &+ 1442695040888963407; return Int(seed >> 33) % n }
        for _ in 0..<300 {
            var fragment = ""
            var seen: Set<Key> = []
            for _ in 0..<(1 + next(3)) {
                let key = Key(canonical: names[next(names.count)], label: ["GPE", "ORG", "PERSON"][next(3)])
                guard seen.insert(key).inserted else { continue }
                let n = 1 + next(5)
                fragment += "\(key.canonical)\t\(key.label)\t\(n)\n"
                if first[key] == nil { first[key] = key }
                let old = reference[key] ?? (0, 0)
                reference[key] = (old.mentions + n, old.documents + 1)
            }
            merger.add(Array((fragment + "bad line\n").utf8))
        }
        let rows = merger.rows
        #expect(rows.count == reference.count)
        for r in rows {
            let k = Key(canonical: r.canonical, label: r.label)
            #expect(reference[k]?.mentions == r.mentions && reference[k]?.documents == r.documents)
            #expect(Array(first[k]!.canonical.utf8) == Array(r.canonical.utf8), "the first spelling is kept")
        }
        #expect(merger.corpusBytes() == Array(EntityTable.corpusTSV(rows).utf8))
        #expect(rows.map(\.mentions) == rows.map(\.mentions).sorted(by: >))
    }
}
