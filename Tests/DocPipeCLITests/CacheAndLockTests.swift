import DocPipe
import DocPipeCLI
import Foundation
import Testing

/// The cache, the lock file, --check and status, through the CLI.
@Suite struct CacheAndLockTests {
    let seeds = ["pacific-forum-nk-human-rights.txt", "ungdc_KOR_67_2012.txt"]

    @Test func checkPassesThenNamesTheEditedDocument() async throws {
        let f = try CLIFixture(seeds: seeds)
        #expect(await f.run(["run"]).code == 0)
        let ok = await f.run(["run", "--check"])
        #expect(ok.code == 0, "\(ok.stderr)")
        try f.write("seeds/ungdc_KOR_67_2012.txt", "A different speech of 2012.")
        let bad = await f.run(["run", "--check"])
        #expect(bad.code == 3)
        #expect(bad.stderr.contains("ungdc_KOR_67_2012.txt: input changed"))
        #expect(!bad.stderr.contains("pacific-forum"))
    }

    @Test func checkFailsWithoutALock() async throws {
        let f = try CLIFixture(seeds: [seeds[0]])
        let r = await f.run(["run", "--check"])
        #expect(r.code == 3)
        #expect(r.stderr.contains("no docpipe.lock"))
    }

    @Test func gcBoundsTheCacheAndVerifyFindsCorruption() async throws {
        let f = try CLIFixture(seeds: seeds)
        #expect(await f.run(["run"]).code == 0)
        let cache = CacheMaintenance(cache: ArtifactCache(directory: f.root.appendingPathComponent(".docpipe/cache")))
        let before = cache.stats()
        #expect(before.objects > 0)
        let limit = before.bytes / 5
        #expect(await f.run(["cache", "gc", "--max-size", "\(limit)"]).code == 0)
        let after = cache.stats()
        #expect(after.bytes <= limit)
        let evicted = before.objects - after.objects
        #expect(evicted > 0)
        // The outputs are intact, so a following run needs nothing from the cache.
        #expect(await f.run(["run"]).code == 0)
        #expect(try f.misses().values.reduce(0, +) == 0)
        // Into a fresh output folder it recomputes what was evicted, not everything: the stages
        // before export at most once per evicted object, and export for every document (the
        // cache keeps only checksums of its files and parts; they live in the output folder).
        #expect(await f.run(["run", "--out", "fresh"]).code == 0)
        let stages = try JSONParser.parse(f.read("fresh/run.json")!)["stages"]?.arrayValue ?? []
        let misses = stages.filter { $0["name"] != "export" }.reduce(0) { $0 + ($1["misses"]?.intValue ?? 0) }
        #expect(stages.first { $0["name"] == "export" }?["misses"]?.intValue == seeds.count)
        #expect(misses > 0 && misses <= evicted, "\(misses) misses for \(evicted) evicted objects")
        #expect(f.snapshot("fresh") == f.snapshot("out"))

        // Corrupt one object by hand: verify finds and removes it.
        let victim = try #require(cache.objects().last)
        var bytes = try Data(contentsOf: victim.url)
        bytes[bytes.count - 2] ^= 0x01
        try bytes.write(to: victim.url)
        let v = await f.run(["cache", "verify"])
        #expect(v.code == 1)
        #expect(v.stdout.contains("1 corrupt"))
        #expect(await f.run(["cache", "clear"]).code == 0)
        #expect(cache.stats().objects == 0)
    }

    @Test func twoConcurrentRunsShareOneCache() async throws {
        let f = try CLIFixture(seeds: seeds + ["tapp_inaugurals-first2.jsonl"])
        async let a = f.run(["run", "--out", "outA", "--jobs", "2"])
        async let b = f.run(["run", "--out", "outB", "--jobs", "2"])
        let (ra, rb) = await (a, b)
        #expect(ra.code == 0 && rb.code == 0)
        #expect(f.snapshot("outA") == f.snapshot("outB"))
        #expect(await f.run(["cache", "verify"]).stdout.contains(": 0 corrupt"))
        #expect(await f.run(["run", "--no-cache", "--out", "clean"]).code == 0)
        #expect(f.snapshot("clean") == f.snapshot("outA"))
    }
}
