import DocPipe
import DocPipeCLI
import Foundation
import Testing

@Suite struct ShardTests {
    @Test func shardsMergeToExactlyAnUnshardedRun() async throws {
        let f = try CLIFixture(seeds: ["pacific-forum-nk-human-rights.txt", "ungdc_KOR_67_2012.txt", "tapp_inaugurals-first2.jsonl",
                                       "millercenter_1983-09-05-speech-soviet-attack-korean-airliner.txt"])
        try f.write("seeds/broken.jsonl", #"{"text": "fine record of 2019."}"# + "\nnot json\n")
        #expect(await f.run(["run", "--no-cache", "--out", "whole"]).code == 1)
        for i in 0..<3 { _ = await f.run(["run", "--shard", "\(i)/3"]) }
        // Rerunning one shard replaces its part atomically.
        _ = await f.run(["run", "--shard", "1/3"])
        let merged = await f.run(["merge"])
        #expect(merged.code == 1)   // the malformed line is reported, not lost
        #expect(f.snapshot("out") == f.snapshot("whole"))
        // The output manifests list the same files (a run lists documents' files in input order).
        let manifest = { (folder: String) in Set((f.read("\(folder)/\(OutputFolder.manifestName)") ?? "").split(separator: "\n")) }
        #expect(manifest("out") == manifest("whole") && !manifest("out").isEmpty)
        #expect(f.read("out/errors.jsonl")?.contains("broken.jsonl") == true)
    }

    @Test func mergeRefusesAnIncompleteSet() async throws {
        let f = try CLIFixture(seeds: ["pacific-forum-nk-human-rights.txt"])
        _ = await f.run(["run", "--shard", "0/2"])
        let r = await f.run(["merge"])
        #expect(r.code == 65)
        #expect(r.stderr.contains("1/2 missing"))
        #expect(await f.run(["run", "--shard", "2/2"]).code == 64)
    }
}
