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
}
