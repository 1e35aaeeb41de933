import Foundation
import Testing
@testable import DocPipe

/// A pure exporter's corpus parts are cached as checksums only; the output folder's parts store
/// (`.docpipe-parts`) gives them back when the corpus files are rebuilt, and anything missing or
/// damaged there is recomputed.
@Suite struct PartStoreTests {
    func tree() throws -> TempTree {
        try TempTree(["in/a.txt": "alpha beta", "in/b.txt": "gamma delta epsilon", "in/sub/c.txt": "zeta"])
    }

    /// The export stage's misses in a run.
    func exportMisses(_ report: RunReport) -> Int { report.stages.last?.misses ?? -1 }

    @Test func theCacheKeepsChecksumsOfAnExportersPartsNotTheirBytes() throws {
        let artifact = StageArtifact(files: [OutputFile(path: "docs/a.json", bytes: Array("{}".utf8))],
                                     parts: [OutputPart(name: "counts.csv", bytes: Array("a.txt,2\n".utf8))])
        let stored = artifact.withoutContents()
        #expect(stored.parts.isEmpty && stored.files.isEmpty)
        #expect(stored.partChecksums.map(\.name) == ["counts.csv"])
        #expect(stored.partChecksums.first?.checksum == Checksum.hex(of: Array("a.txt,2\n".utf8)))
        #expect(stored.partsOmitted && stored.filesOmitted)
        let decoded = try StageArtifact(decoding: stored.encoded())
        #expect(decoded == stored)
        #expect(!String(decoding: stored.encoded(), as: UTF8.self).contains("a.txt,2"))
        // Two parts under one name cannot be told apart in the store: they stay in the cache.
        let twice = StageArtifact(parts: [OutputPart(name: "p", bytes: [1]), OutputPart(name: "p", bytes: [2])]).withoutContents()
        #expect(twice.parts.count == 2 && !twice.partsOmitted)
    }

    @Test func aChangedDocumentRebuildsTheCorpusFilesFromTheStoredParts() async throws {
        let t = try tree()
        let config = try testConfig(standardPipeline, in: t)
        _ = try await run(config, t)
        #expect(FileManager.default.fileExists(atPath: t.url.appendingPathComponent("out/\(PartStore.folderName)").path))
        try t.write("in/b.txt", "gamma changed")
        let r = try await run(config, t)
        #expect(exportMisses(r) == 1, "only b.txt is exported again; a.txt's and c.txt's parts come from the store")
        _ = try await run(config, t, out: "fresh")
        #expect(t.snapshot("out") == t.snapshot("fresh"))
        #expect(t.read("out/counts.csv") == "id,words\na.txt,2\nb.txt,2\nsub__c.txt,1\n")
    }

    @Test func aMissingOrDamagedStoreIsRecomputedNotTrusted() async throws {
        let t = try tree()
        let config = try testConfig(standardPipeline, in: t)
        _ = try await run(config, t)
        let store = t.url.appendingPathComponent("out/\(PartStore.folderName)")
        // Damage the stored parts in place: same length, other bytes (as an edit of a linked
        // corpus file would).
        for name in try FileManager.default.contentsOfDirectory(atPath: store.path) where !name.hasSuffix(".index") {
            let url = store.appendingPathComponent(name)
            let bytes = try Data(contentsOf: url)
            try Data(bytes.map { $0 == UInt8(ascii: ".") ? UInt8(ascii: ":") : $0 }).write(to: url)
        }
        try t.write("in/b.txt", "gamma changed")
        let damaged = try await run(config, t)
        #expect(exportMisses(damaged) == 3, "the damaged parts are not used: every document is exported again")
        _ = try await run(config, t, out: "fresh")
        #expect(t.snapshot("out") == t.snapshot("fresh"))
        // Without a store at all, the same.
        try FileManager.default.removeItem(at: store)
        try t.write("in/a.txt", "alpha changed too")
        let missing = try await run(config, t)
        #expect(exportMisses(missing) == 3)
        _ = try await run(config, t, out: "fresh")
        #expect(t.snapshot("out") == t.snapshot("fresh"))
    }

    @Test func anUnchangedRunKeepsTheStoreItFound() async throws {
        let t = try tree()
        let config = try testConfig(standardPipeline, in: t)
        _ = try await run(config, t)
        _ = try await run(config, t)
        try t.write("in/sub/c.txt", "zeta eta")
        let r = try await run(config, t)
        #expect(exportMisses(r) == 1)
        #expect(t.read("out/counts.csv") == "id,words\na.txt,2\nb.txt,3\nsub__c.txt,2\n")
    }
}
