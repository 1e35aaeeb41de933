import DocPipe
import DocPipeCLI
import Foundation
import Testing

/// `docpipe run` over real seed papers, in a temporary copy of the project.
@Suite struct RunEndToEndTests {
    let seedPaper = "pacific-forum-nk-human-rights.txt"

    @Test func defaultPipelineOverAllSeeds() async throws {
        let f = try CLIFixture()
        let r = await f.run(["run"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stderr.contains("docpipe: 7 documents, 0 failed"))
        let seedFiles = try FileManager.default.contentsOfDirectory(atPath: f.root.appendingPathComponent("seeds").path)
        for name in seedFiles where name != "README.md" && !name.hasSuffix(".jsonl") {
            #expect(f.exists("out/documents/\(name).json"), "no JSON for \(name)")
        }
        #expect(f.exists("out/documents/tapp_inaugurals-first2.jsonl-L1.json"))
        #expect(f.exists("out/entities.csv") && f.exists("out/claims.csv"))
        #expect(f.exists("docpipe.lock"))

        // The seed paper's entities.
        let doc = try Document(json: try JSONParser.parse(f.read("out/documents/\(seedPaper).json")!))
        let mentions = Set(doc.spans(LayerName.entities).map { "\($0.type) \(doc.text(of: $0))" })
        for expected in ["MONEY $8 million", "PERCENT 80%", "DATE 1975", "DATE May 2019"] {
            #expect(mentions.contains(expected), "missing \(expected)")
        }

        // An unchanged second run computes nothing and writes the same bytes.
        let first = f.snapshot()
        let again = await f.run(["run"])
        #expect(again.code == 0)
        #expect(try f.runReport()["cache"]?["misses"] == .int(0))
        #expect(f.snapshot() == first)
    }

    @Test func jobsOneAndFourGiveIdenticalOutputs() async throws {
        let f = try CLIFixture(seeds: [seedPaper, "ungdc_KOR_67_2012.txt", "tapp_inaugurals-first2.jsonl", "crs_IF12106v21-iran-and-nuclear-weapons-production.md"])
        #expect(await f.run(["run", "--jobs", "1", "--no-cache", "--out", "out1"]).code == 0)
        #expect(await f.run(["run", "--jobs", "4", "--no-cache", "--out", "out4"]).code == 0)
        let a = f.snapshot("out1"), b = f.snapshot("out4")
        #expect(a.count > 10)
        #expect(a == b)
    }

    @Test func editsAndOptionChangesRerunOnlyWhatTheyAffect() async throws {
        let f = try CLIFixture(seeds: [seedPaper, "ungdc_KOR_67_2012.txt"])
        #expect(await f.run(["run"]).code == 0)

        // Editing one seed re-runs that document only.
        try f.write("seeds/\(seedPaper)", f.read("seeds/\(seedPaper)")! + "\nThe United States pledged $2 million in 2020.\n")
        #expect(await f.run(["run"]).code == 0)
        #expect(try f.misses() == ["ingest": 1, "normalize": 1, "entities": 1, "claims": 1, "export": 1])

        // Changing the entities stage's options re-runs entities and what follows, for every document.
        let config = f.read("pipeline.json")!.replacingOccurrences(of: #"{"stage": "entities"}"#,
                                                                     with: #"{"stage": "entities", "options": {"useModel": false}}"#)
        try f.write("pipeline.json", config)
        let status = await f.run(["status", "--why"])
        #expect(status.stdout.contains("× entities: options of 'entities' changed"))
        #expect(!status.stdout.contains("× normalize"))
        #expect(await f.run(["run"]).code == 0)
        #expect(try f.misses() == ["ingest": 0, "normalize": 0, "entities": 2, "claims": 2, "export": 2])
    }

    @Test func badInputsFailAloneAndInvalidUTF8IsDecodedWithAWarning() async throws {
        let f = try CLIFixture(seeds: [seedPaper])
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        png += Array(repeating: 0, count: 64)
        try f.write("seeds/picture.png", Data(png))
        try f.write("seeds/latin1.txt", Data(Array("Gr".utf8) + [0xFC] + Array("n Partei said 5% in 1987.".utf8)))
        let r = await f.run(["run"])
        #expect(r.code == 1)
        #expect(r.stderr.contains("picture.png"))
        let errors = f.read("out/errors.jsonl")!.split(separator: "\n")
        #expect(errors.count == 1 && errors[0].contains("picture.png") && errors[0].contains("PNG"))
        #expect(f.exists("out/documents/\(seedPaper).json"))
        let latin = try Document(json: try JSONParser.parse(f.read("out/documents/latin1.txt.json")!))
        #expect(latin.text.hasPrefix("Grün"))
        #expect(!latin.warnings.isEmpty)
        #expect(!f.exists("docpipe.lock"), "a run with failures writes no lock")
    }

    @Test func unknownStageIsAConfigErrorWithPositionAndSuggestion() async throws {
        let f = try CLIFixture(seeds: [seedPaper])
        try f.write("pipeline.json", f.read("pipeline.json")!.replacingOccurrences(of: #""stage": "entities""#, with: #""stage": "entites""#))
        let r = await f.run(["run"])
        #expect(r.code == 2)
        #expect(r.stderr.contains("pipeline.json:"))
        #expect(r.stderr.contains("$.stages[2].stage: unknown stage 'entites' (did you mean 'entities'?)"))
        #expect(!f.exists("out"))
        let v = await f.run(["validate"])
        #expect(v.code == 2)
    }

    @Test func usageErrorsExit64() async throws {
        let f = try CLIFixture(seeds: [])
        #expect(await f.run(["run", "--jobz", "2"]).code == 64)
        #expect(await f.run(["run", "--jobs", "0"]).code == 64)
        #expect(await f.run(["frobnicate"]).code == 64)
        let help = await f.run(["run", "--help"])
        #expect(help.code == 0 && help.stdout.contains("USAGE: docpipe run"))
        #expect(await f.run(["--version"]).stdout.hasPrefix("docpipe "))
        let stages = await f.run(["stages"])
        #expect(stages.stdout.contains("entities (version"))
    }
}
