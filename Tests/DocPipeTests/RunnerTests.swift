import DocPipe
import Foundation
import Testing

@Suite struct RunnerTests {
    func tree() throws -> TempTree {
        try TempTree(["in/a.txt": "alpha beta", "in/b.txt": "gamma delta epsilon", "in/sub/c.txt": "zeta", "in/.hidden": "no"])
    }

    @Test func runsEveryDocumentAndWritesOutputs() async throws {
        let t = try tree()
        let report = try await run(try testConfig(standardPipeline, in: t), t)
        #expect(report.documentsOK == 3)
        #expect(report.failures.isEmpty)
        #expect(t.read("out/counts.csv") == "id,words\na.txt,2\nb.txt,3\nsub__c.txt,1\n")
        #expect(t.read("out/docs/sub__c.txt.json")?.contains("\"suffix\": \"s\"") == true)
        #expect(report.misses == 9)
        #expect(t.read("out/errors.jsonl") == "")
    }

    @Test func secondRunIsAllCachedAndIdentical() async throws {
        let t = try tree()
        let config = try testConfig(standardPipeline, in: t)
        _ = try await run(config, t)
        let first = t.snapshot("out")
        let second = try await run(config, t)
        #expect(second.misses == 0)
        #expect(second.hits == 9)
        #expect(t.snapshot("out") == first)
        let runJSON = try JSONParser.parse(Array(t.read("out/run.json")!.utf8))
        #expect(runJSON["cache"]?["misses"] == .int(0))
    }

    @Test func anUnchangedRunLeavesTheStateAndManifestInPlace() async throws {
        let t = try tree()
        let config = try testConfig(standardPipeline, in: t)
        _ = try await run(config, t)
        let first = t.snapshot("out")
        func inode(_ name: String) throws -> Int {
            (try FileManager.default.attributesOfItem(atPath: t.url.appendingPathComponent("out/\(name)").path)[.systemFileNumber] as? Int) ?? -1
        }
        let state = try inode(".docpipe-state"), manifest = try inode(".docpipe-outputs")
        let second = try await run(config, t)
        #expect(second.documentsOK == 3 && second.misses == 0)
        #expect(try inode(".docpipe-state") == state, "nothing changed: the state on disk is what this run would write")
        #expect(try inode(".docpipe-outputs") == manifest)
        #expect(t.snapshot("out") == first)
        // A change is journaled with the skipped documents' previous lines: the state is rewritten
        // and matches a fresh run's.
        try t.write("in/b.txt", "gamma changed")
        _ = try await run(config, t)
        #expect(try inode(".docpipe-state") != state)
        _ = try await run(config, t, out: "fresh")
        #expect(t.snapshot("out") == t.snapshot("fresh"))
        #expect(t.read("out/.docpipe-state")?.contains("b.txt") == true)
    }

    @Test func aCachedRunWritesTheSameLockAsAFreshOne() async throws {
        let t = try tree()
        let config = try testConfig(standardPipeline, in: t)
        func runWithLock(_ name: String) async throws {
            var options = RunOptions(inputs: [t.url.appendingPathComponent("in")], outputDirectory: t.url.appendingPathComponent("out"),
                                     cacheDirectory: t.url.appendingPathComponent("cache"), jobs: 2)
            options.lockOutput = t.url.appendingPathComponent(name)
            _ = try await PipelineRunner(config: config, options: options).run()
        }
        try await runWithLock("cold.lock")
        try await runWithLock("warm.lock")
        #expect(t.read("warm.lock") != nil)
        #expect(t.read("warm.lock") == t.read("cold.lock"))
        #expect(t.read("warm.lock")?.contains("sub__c.txt") == true)
    }

    @Test func jobsDoNotChangeOutputs() async throws {
        let t = try TempTree(Dictionary(uniqueKeysWithValues: (0..<30).map { ("in/d\($0).txt", String(repeating: "w\($0) ", count: $0 + 1)) }))
        let config = try testConfig(standardPipeline, in: t)
        _ = try await run(config, t, jobs: 1, out: "out1", cache: false)
        _ = try await run(config, t, jobs: 4, out: "out4", cache: false)
        #expect(t.snapshot("out1") == t.snapshot("out4"))
        #expect(t.snapshot("out1").count == 34)   // 30 docs + counts.csv + errors.jsonl + manifest + state
    }

    @Test func editingOneInputRerunsOnlyThatDocument() async throws {
        let t = try tree()
        let config = try testConfig(standardPipeline, in: t)
        _ = try await run(config, t)
        try t.write("in/b.txt", "gamma changed")
        let r = try await run(config, t)
        #expect(r.misses == 3)
        #expect(r.stages.map(\.misses) == [1, 1, 1])
        #expect(t.read("out/counts.csv") == "id,words\na.txt,2\nb.txt,2\nsub__c.txt,1\n")
    }

    @Test func changingOptionsRerunsThatStageAndLaterOnly() async throws {
        let t = try tree()
        _ = try await run(try testConfig(standardPipeline, in: t), t)
        let changed = standardPipeline.replacingOccurrences(of: #""suffix": "s""#, with: #""suffix": "t""#)
        let r = try await run(try testConfig(changed, in: t), t)
        #expect(r.stages.map(\.misses) == [0, 3, 3])
        #expect(r.stages.map(\.hits) == [3, 0, 0])
    }

    @Test func truncatedCacheObjectIsRecomputedWithAWarning() async throws {
        let t = try tree()
        let config = try testConfig(standardPipeline, in: t)
        _ = try await run(config, t)
        let before = t.snapshot("out")
        // Truncate every object of the export stage.
        let objects = t.url.appendingPathComponent("cache/objects")
        var truncated = 0
        for case let path as String in FileManager.default.enumerator(atPath: objects.path)! {
            let u = objects.appendingPathComponent(path)
            if ArtifactCache.stageID(ofObjectAt: u) == "test-export", let d = FileManager.default.contents(atPath: u.path) {
                try d.prefix(d.count - 3).write(to: u)
                truncated += 1
            }
        }
        #expect(truncated == 3)
        // Intact outputs need nothing from the cache; a fresh output folder reads every export result.
        _ = try await run(config, t)
        #expect(t.snapshot("out") == before)
        let r = try await run(config, t, out: "out2")
        #expect(r.warnings.count == 3)
        #expect(r.warnings.allSatisfy { $0.contains("truncated") })
        #expect(r.stages.map(\.misses) == [0, 0, 3])
        #expect(t.snapshot("out2") == before)
    }

    @Test func failuresAreIsolatedPerDocument() async throws {
        let t = try TempTree(["in/a.txt": "fine", "in/b.txt": "FAIL here", "in/c.multi": "one\nBAD\nthree"])
        let r = try await run(try testConfig(standardPipeline, in: t), t)
        #expect(r.documentsOK == 3)   // a, c-L1, c-L3
        #expect(r.failures.map(\.document) == ["b.txt", "c.multi-L2"])
        #expect(r.failures.first?.message == "refused b.txt")
        let errors = t.read("out/errors.jsonl")!.split(separator: "\n")
        #expect(errors.count == 2)
        #expect(errors[0].contains(#""document":"b.txt""#) && errors[0].contains(#""stage":"test-ingest""#))
        #expect(t.read("out/counts.csv") == "id,words\na.txt,1\nc.multi-L1,1\nc.multi-L3,1\n")
    }

    @Test func cachedRunSkipsUnchangedDocumentsButRestoresMissingOutputs() async throws {
        let t = try tree()
        let config = try testConfig(standardPipeline, in: t)
        _ = try await run(config, t)
        let first = t.snapshot("out")
        try FileManager.default.removeItem(at: t.url.appendingPathComponent("out/docs/a.txt.json"))
        try FileManager.default.removeItem(at: t.url.appendingPathComponent("out/counts.csv"))
        let r = try await run(config, t)
        // The cache keeps only checksums of output files, so a.txt's export runs again.
        #expect(r.stages.map(\.misses) == [0, 0, 1])
        #expect(t.snapshot("out") == first)
    }

    @Test func staleOutputsAreRemoved() async throws {
        let t = try tree()
        let config = try testConfig(standardPipeline, in: t)
        _ = try await run(config, t)
        try FileManager.default.removeItem(at: t.url.appendingPathComponent("in/b.txt"))
        _ = try await run(config, t)
        #expect(t.read("out/docs/b.txt.json") == nil)
        #expect(t.read("out/docs/a.txt.json") != nil)
    }

    @Test func outputFolderInsideInputIsNotReingested() async throws {
        let t = try tree()
        let config = try testConfig(#"{"inputs": ["in"], "output": "in/out", "cache": "cache", "stages": [{"stage": "test-ingest"}, {"stage": "test-export"}]}"#, in: t)
        _ = try await PipelineRunner(config: config, options: RunOptions(inputs: [t.url.appendingPathComponent("in")],
            outputDirectory: t.url.appendingPathComponent("in/out"), cacheDirectory: nil, jobs: 1)).run()
        let r = try await PipelineRunner(config: config, options: RunOptions(inputs: [t.url.appendingPathComponent("in")],
            outputDirectory: t.url.appendingPathComponent("in/out"), cacheDirectory: nil, jobs: 1)).run()
        #expect(r.documentsOK == 3)
    }
}
