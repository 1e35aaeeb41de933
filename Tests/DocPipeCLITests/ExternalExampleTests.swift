import DocPipe
import DocPipeCLI
import Foundation
import Testing

private let hasPython3 = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
    .contains { FileManager.default.isExecutableFile(atPath: "\($0)/python3") }

/// examples/python-stage run through `docpipe run --jobs 2`, in a scratch copy.
@Suite(.enabled(if: hasPython3, "python3 is not on PATH: the Python example stage (examples/python-stage) cannot run"))
struct ExternalExampleTests {
    static let example = CLIFixture.repository.appendingPathComponent("examples/python-stage")
    let seeds = ["pacific-forum-nk-human-rights.txt", "ungdc_KOR_67_2012.txt", "crs_IF12106v21-iran-and-nuclear-weapons-production.md"]

    /// A fixture holding the example's pipeline.json (reading seeds/) and topics.py.
    func fixture() throws -> CLIFixture {
        let pipeline = try String(contentsOf: Self.example.appendingPathComponent("pipeline.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"../../seeds\"", with: "\"seeds\"")
        let f = try CLIFixture(seeds: seeds, pipeline: pipeline)
        try f.write("topics.py", try Data(contentsOf: Self.example.appendingPathComponent("topics.py")))
        return f
    }

    func run(_ f: CLIFixture, _ args: [String]) async -> (code: Int32, stderr: String) {
        let rec = RecordingConsole()
        let env = CommandEnvironment(console: rec.console, registry: .builtIn, workingDirectory: f.root,
                                     externalStages: ExternalStageSupport())
        let code = await DocPipeCLI.run(args, env)
        return (code, rec.stderr)
    }

    @Test func topicsLayerReachesTheJSONExportAndEditingTheScriptRerunsOnlyItAndLaterStages() async throws {
        let f = try fixture()
        let first = await run(f, ["run", "--jobs", "2"])
        #expect(first.code == 0, "\(first.stderr)")
        let doc = try Document(json: try JSONParser.parse(try #require(f.read("out/documents/pacific-forum-nk-human-rights.txt.json"))))
        let topics = doc.spans("topics")
        #expect(!topics.isEmpty)
        #expect(topics.contains { $0.type == "human-rights" })
        // Every topic span is one of the document's sentences.
        let sentences = Set(doc.spans("sentences").map { [$0.start, $0.end] })
        #expect(topics.allSatisfy { sentences.contains([$0.start, $0.end]) })
        #expect(doc.metadata["topics"]?.arrayValue?.isEmpty == false)

        // Unchanged: nothing re-runs. Edited script: topics and export re-run, nothing before them.
        #expect(await run(f, ["run", "--jobs", "2"]).code == 0)
        #expect(try f.misses().values.reduce(0, +) == 0)
        try f.write("topics.py", f.read("topics.py")! + "\n# an edit\n")
        #expect(await run(f, ["run", "--jobs", "2"]).code == 0)
        let misses = try f.misses()
        #expect(misses["ingest"] == 0)
        #expect(misses["normalize"] == 0)
        #expect(misses["topics"] == seeds.count)
        #expect(misses["export"] == seeds.count)
    }

    @Test func aWorkerKilledOnOneDocumentFailsOnlyThatDocument() async throws {
        let f = try fixture()
        // The example stage, except that its worker kills itself on the UN speech.
        try f.write("topics_killed.py", """
            import os, signal, sys
            import topics
            real = topics.process
            def process(doc, options):
                if doc["id"].startswith("ungdc"):
                    os.kill(os.getpid(), signal.SIGKILL)
                return real(doc, options)
            topics.process = process
            topics.main()
            """)
        var pipeline = f.read("pipeline.json")!
        pipeline = pipeline.replacingOccurrences(of: #"["python3", "topics.py"]"#, with: #"["python3", "topics_killed.py"]"#)
        try f.write("pipeline.json", pipeline)
        let r = await run(f, ["run", "--jobs", "2"])
        #expect(r.code == ExitCode.documentsFailed, "\(r.stderr)")
        let errors = f.read("out/errors.jsonl")!.split(separator: "\n")
        #expect(errors.count == 1)
        let failure = try JSONParser.parse(String(errors[0]))
        #expect(failure["document"] == "ungdc_KOR_67_2012.txt")
        #expect(failure["stage"] == "topics")
        #expect(failure["code"] == "external.crashed")
        for other in seeds where !other.hasPrefix("ungdc") {
            #expect(f.read("out/documents/\(other).json")?.contains("\"topics\"") == true, "\(other) lacks topics")
        }
    }
}
