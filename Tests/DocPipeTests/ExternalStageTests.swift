import DocPipe
import Foundation
import Testing

/// A test worker in Python: adds a "shouts" layer (words in capitals) and misbehaves on
/// documents whose text contains CRASH, ORPHAN, HANG, GARBAGE or ERROR. It records its pid in pids/.
let shoutScript = #"""
import json, os, sys, time
os.makedirs("pids", exist_ok=True)
open(os.path.join("pids", str(os.getpid())), "w").close()
print(json.dumps({"protocol": 1, "stage": "shout", "version": int(os.environ.get("SHOUT_VERSION", "1"))}), flush=True)
for line in sys.stdin:
    doc = json.loads(line)
    text = doc["text"]
    print("shouting at " + doc["id"], file=sys.stderr, flush=True)
    if "CRASH" in text:
        print("about to crash", file=sys.stderr, flush=True)
        sys.exit(3)
    if "ORPHAN" in text:
        import signal, subprocess
        subprocess.Popen(["sleep", "8"])  # inherits stdout and keeps it open after this process dies
        os.kill(os.getpid(), signal.SIGKILL)
    if "HANG" in text:
        time.sleep(3600)
    if "GARBAGE" in text:
        print("this is not json", flush=True)
        continue
    if "ERROR" in text:
        print(json.dumps({"error": {"code": "shout.refused", "message": "refused " + doc["id"]}}), flush=True)
        continue
    spans, start = [], None
    for i, ch in enumerate(text + " "):
        if ch.isalpha() and start is None:
            start = i
        elif not ch.isalpha() and start is not None:
            if text[start:i].isupper() and i - start > 1:
                spans.append({"start": start, "end": i, "type": "shout"})
            start = None
    doc["layers"][os.environ.get("SHOUT_LAYER", "shouts")] = spans
    doc["metadata"]["shouted"] = len(spans)
    if os.environ.get("SHOUT_UPPER"):
        doc["text"] = text.upper()
    print(json.dumps(doc), flush=True)
"""#

/// Whether a program is on PATH (tests that need it are skipped, saying so, when it is not).
func onPath(_ program: String) -> Bool {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
        FileManager.default.isExecutableFile(atPath: "\($0)/\(program)")
    }
}

let hasPython = onPath("python3")

/// A pipeline: test ingest, the shout script, test export.
func shoutPipeline(timeout: Double = 20, produces: String = #"["shouts"]"#, extra: String = "") -> String {
    """
    {"version": 1, "inputs": ["in"], "output": "out", "cache": "cache",
     "stages": [{"stage": "test-ingest"},
                {"name": "shout", "command": ["python3", "shout.py"], "files": ["shout.py"], "timeout": \(timeout),
                 "requires": ["text"], "produces": \(produces)\(extra)},
                {"stage": "test-export"}]}
    """
}

func externalConfig(_ json: String, in tree: TempTree, environment: [String: String] = [:]) throws -> PipelineConfig {
    var env = ProcessInfo.processInfo.environment
    env.merge(environment) { $1 }
    return try PipelineConfig.parse(bytes: Array(json.utf8), file: "pipeline.json", baseDirectory: tree.url, registry: testRegistry,
                                    externalStages: ExternalStageSupport(environment: env))
}

/// Pids the shout script recorded, and which of them still run.
func recordedPids(_ tree: TempTree) -> (all: [Int32], alive: [Int32]) {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: tree.url.appendingPathComponent("pids").path)) ?? []
    let pids = names.compactMap { Int32($0) }
    return (pids, pids.filter { kill($0, 0) == 0 && !isZombie($0) })
}

func isZombie(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
    return stat.split(separator: ")").last?.split(separator: " ").first == "Z"
}

@Suite(.enabled(if: hasPython, "python3 is not on PATH; the external stage tests run Python test workers"))
struct ExternalStageTests {
    func tree(_ docs: [String: String]) throws -> TempTree {
        var files = docs.reduce(into: [String: String]()) { $0["in/\($1.key)"] = $1.value }
        files["shout.py"] = shoutScript
        return try TempTree(files)
    }

    @Test func addsItsLayerToEveryDocumentWithLongLivedWorkers() async throws {
        let t = try tree(Dictionary(uniqueKeysWithValues: (0..<8).map { ("d\($0).txt", "the UN and NATO met \($0) TIMES") }))
        let config = try externalConfig(shoutPipeline(), in: t)
        #expect(config.stages[1].stageID == "external")
        #expect(config.stages[1].version == 1)
        let report = try await run(config, t, jobs: 2)
        #expect(report.failures.isEmpty)
        #expect(report.documentsOK == 8)
        let doc = try JSONParser.parse(Array(try #require(t.read("out/docs/d3.txt.json")).utf8))
        #expect(doc["layers"]?["shouts"]?.arrayValue?.compactMap { $0["start"]?.intValue } == [4, 11, 22])
        #expect(doc["metadata"]?["shouted"] == .int(3))
        // One handshake at configuration time plus at most one worker per job slot, not one per document.
        let pids = recordedPids(t)
        #expect(pids.all.count <= 3)
        #expect(pids.alive.isEmpty, "workers still running after the run: \(pids.alive)")
        #expect(report.warnings.contains { $0.contains("shouting at d3.txt") })
    }

    @Test func aCrashFailsOnlyThatDocumentAndTheWorkerIsRestarted() async throws {
        let t = try tree(["a.txt": "A OK", "b.txt": "please CRASH now", "c.txt": "C OK", "d.txt": "D OK", "e.txt": "E OK"])
        let report = try await run(try externalConfig(shoutPipeline(), in: t), t, jobs: 1, cache: false)
        #expect(report.documentsOK == 4)
        let failure = try #require(report.failures.first)
        #expect(report.failures.count == 1)
        #expect(failure.document == "b.txt")
        #expect(failure.stage == "shout")
        #expect(failure.code == "external.crashed")
        #expect(failure.message.contains("exited with status 3"))
        #expect(failure.message.contains("about to crash"))
        #expect(t.read("out/docs/e.txt.json")?.contains("\"shouts\"") == true)
        #expect(recordedPids(t).alive.isEmpty)
    }

    @Test func aWorkerThatDiesWhileAnotherProcessHoldsItsStdoutIsACrashNotATimeout() async throws {
        // The sleep it starts keeps its stdout open (as a process that inherited the pipe would), so
        // no EOF comes: the exit itself must be noticed, well before the 4 s timeout.
        let t = try tree(["a.txt": "A OK", "b.txt": "ORPHAN", "c.txt": "C OK"])
        let report = try await run(try externalConfig(shoutPipeline(timeout: 4), in: t), t, jobs: 1, cache: false)
        #expect(report.documentsOK == 2)
        #expect(report.failures.map(\.code) == ["external.crashed"])
    }

    @Test func aHangingWorkerIsKilledAtTheTimeout() async throws {
        let t = try tree(["a.txt": "A OK", "b.txt": "HANG forever", "c.txt": "C OK"])
        let clock = ContinuousClock()
        let started = clock.now
        let report = try await run(try externalConfig(shoutPipeline(timeout: 1), in: t), t, jobs: 2, cache: false)
        // The worker sleeps for an hour; well under a minute shows it was killed (the bound is loose
        // because the full suite runs many processes at once on small shared machines).
        #expect(clock.now - started < .seconds(60))
        #expect(report.documentsOK == 2)
        #expect(report.failures.map(\.code) == ["external.timeout"])
        #expect(report.failures.first?.message.contains("no answer within 1 seconds") == true)
        #expect(recordedPids(t).alive.isEmpty)
    }

    @Test func invalidJSONFailsOnlyThatDocument() async throws {
        let t = try tree(["a.txt": "A OK", "b.txt": "GARBAGE", "c.txt": "C OK"])
        let report = try await run(try externalConfig(shoutPipeline(), in: t), t, jobs: 1, cache: false)
        #expect(report.documentsOK == 2)
        #expect(report.failures.map(\.code) == ["external.invalid-json"])
        #expect(report.failures.first?.message.contains("'this is not json'") == true)
    }

    @Test func anErrorRecordFailsTheDocumentWithTheProgramsCode() async throws {
        let t = try tree(["a.txt": "A OK", "b.txt": "ERROR please"])
        let report = try await run(try externalConfig(shoutPipeline(), in: t), t, jobs: 1, cache: false)
        #expect(report.failures.map(\.code) == ["shout.refused"])
        #expect(report.failures.first?.message == "refused b.txt")
        #expect(report.documentsOK == 1)
        // An error record is an answer: the worker stays (one handshake process + one worker).
        #expect(recordedPids(t).all.count == 2)
    }

    @Test func aLayerTheEntryDoesNotDeclareIsRefused() async throws {
        let t = try tree(["a.txt": "A OK"])
        let report = try await run(try externalConfig(shoutPipeline(produces: #"["other"]"#), in: t), t, cache: false)
        #expect(report.failures.map(\.code) == ["external.undeclared-layer"])
        #expect(report.failures.first?.message.contains("'shouts'") == true)
    }

    @Test func theTextChangesOnlyWhenTheEntryProducesText() async throws {
        let t = try tree(["a.txt": "Quiet words"])
        let undeclared = try await run(try externalConfig(shoutPipeline(), in: t, environment: ["SHOUT_UPPER": "1"]), t, cache: false)
        #expect(undeclared.failures.map(\.code) == ["external.undeclared-change"])
        let declared = try await run(try externalConfig(shoutPipeline(produces: #"["shouts", "text"]"#), in: t, environment: ["SHOUT_UPPER": "1"]), t, cache: false)
        #expect(declared.failures.isEmpty)
        #expect(t.read("out/docs/a.txt.json")?.contains(#""text": "QUIET WORDS""#) == true)
    }

    @Test func theHandshakeVersionAndTheScriptsDigestAreInTheCacheKey() async throws {
        let t = try tree(["a.txt": "SOME TEXT", "b.txt": "MORE TEXT"])
        let first = try externalConfig(shoutPipeline(), in: t)
        #expect(try externalConfig(shoutPipeline(), in: t).stages[1].identity == first.stages[1].identity)
        #expect(try externalConfig(shoutPipeline(), in: t, environment: ["SHOUT_VERSION": "2"]).stages[1].version == 2)
        _ = try await run(first, t)
        let cached = try await run(try externalConfig(shoutPipeline(), in: t), t)
        #expect(cached.stages.map(\.misses) == [0, 0, 0])

        // Editing the declared script re-runs that stage and the ones after it only.
        try t.write("shout.py", shoutScript + "\n# edited\n")
        let edited = try externalConfig(shoutPipeline(), in: t)
        #expect(edited.stages[1].identity != first.stages[1].identity)
        #expect(edited.stages[0].identity == first.stages[0].identity)
        let rerun = try await run(edited, t)
        #expect(rerun.stages.map(\.misses) == [0, 2, 2])
        #expect(rerun.failures.isEmpty)
    }

    @Test func largeDocumentsCrossThePipesWhole() async throws {
        let big = String(repeating: "the UN said NO again. ", count: 15_000)  // 330 KB each way, 5 pipe buffers
        let t = try tree(["big.txt": big, "small.txt": "A OK"])
        let report = try await run(try externalConfig(shoutPipeline(), in: t), t, jobs: 2, cache: false)
        #expect(report.failures.isEmpty)
        let doc = try JSONParser.parse(Array(try #require(t.read("out/docs/big.txt.json")).utf8))
        #expect(doc["layers"]?["shouts"]?.arrayValue?.count == 30_000)
    }

    @Test func optionsReachTheProgramAndAreInTheCacheKey() throws {
        let t = try tree([:])
        let plain = try externalConfig(shoutPipeline(), in: t)
        let withOptions = try externalConfig(shoutPipeline(extra: #", "options": {"minimum": 2}"#), in: t)
        #expect(withOptions.stages[1].options == ["minimum": 2])
        #expect(withOptions.stages[1].identity != plain.stages[1].identity)
    }
}

@Suite struct ExternalStageConfigTests {
    func problems(_ entry: String, files: [String: String] = [:]) throws -> [String] {
        let t = try TempTree(files)
        let json = #"{"stages": [{"stage": "test-ingest"}, "# + entry + "]}"
        do {
            _ = try externalConfig(json, in: t)
            return []
        } catch let e as ConfigError {
            return e.issues.map { "\($0.path): \($0.message)" }
        }
    }

    @Test func aCommandMustBeAnArgumentArray() throws {
        let p = try problems(#"{"name": "x", "command": "python3 tagger.py"}"#)
        #expect(p == [#"$.stages[1].command: expected the program and its arguments as an array such as ["python3","tagger.py"]; no shell is used"#])
    }

    @Test func everyProblemInTheEntryIsReportedAtOnce() throws {
        let p = try problems(#"{"name": "x", "command": ["sh", "x.sh"], "files": ["missing.py"], "timeout": -1, "produces": "topics"}"#)
        #expect(p.count == 3)
        #expect(p.contains { $0.hasPrefix("$.stages[1].files: declared file 'missing.py' does not exist") })
        #expect(p.contains { $0.hasPrefix("$.stages[1].timeout: expected seconds per document") })
        #expect(p.contains { $0.hasPrefix(#"$.stages[1].produces: expected an array of non-empty strings such as ["topics"]"#) })
    }

    @Test(.enabled(if: onPath("sh"), "sh is not on PATH"))
    func requirementsAreCheckedBeforeAnythingRuns() throws {
        let p = try problems(#"{"name": "x", "command": ["sh", "ok.sh"], "requires": ["sentences"]}"#,
                             files: ["ok.sh": #"echo '{"protocol": 1, "stage": "ok", "version": 1}'"# + "\n"])
        #expect(p == ["$.stages[1]: stage 'x' requires 'sentences', which no earlier stage produces; add a stage that produces it before this one"])
    }

    @Test func anExternalStageNeedsAName() throws {
        #expect(try problems(#"{"command": ["sh", "x.sh"]}"#) == [#"$.stages[1]: an external stage needs a "name""#])
    }

    @Test func aProgramThatIsNotOnPathIsAConfigProblem() throws {
        let p = try problems(#"{"name": "x", "command": ["no-such-program-docpipe", "a"]}"#)
        #expect(p == ["$.stages[1].command: program 'no-such-program-docpipe' was not found on PATH; install it or give its path"])
    }

    @Test(.enabled(if: onPath("sh"), "sh is not on PATH"))
    func aProgramThatDoesNotHandshakeIsAConfigProblemNamingTheCommand() throws {
        let p = try problems(#"{"name": "x", "command": ["sh", "bad.sh"], "timeout": 5}"#,
                             files: ["bad.sh": "echo 'starting up' >&2\necho hello\n"])
        #expect(p == ["$.stages[1].command: sh bad.sh: the first line is not a JSON object: 'hello'; its stderr ended with: starting up"])
        let dead = try problems(#"{"name": "x", "command": ["sh", "dead.sh"], "timeout": 5}"#, files: ["dead.sh": "exit 4\n"])
        #expect(dead == ["$.stages[1].command: sh dead.sh did not handshake: the program exited with status 4"])
    }

    @Test(.enabled(if: onPath("sh"), "sh is not on PATH"))
    func anOlderProtocolIsRefusedWithTheVersions() throws {
        let p = try problems(#"{"name": "x", "command": ["sh", "old.sh"]}"#,
                             files: ["old.sh": #"echo '{"protocol": 0, "stage": "old", "version": 1}'"# + "\n"])
        #expect(p == ["$.stages[1].command: sh old.sh: the program speaks protocol 0; this docpipe speaks protocol 1"])
    }

    /// Any language works: a shell loop that answers every document unchanged.
    @Test(.enabled(if: onPath("sh"), "sh is not on PATH"))
    func aShellProgramCanBeAStage() async throws {
        let t = try TempTree(["in/a.txt": "alpha", "in/b.txt": "beta",
                              "echo.sh": #"echo '{"protocol": 1, "stage": "echo", "version": 3}'"# + "\n"
                                + #"while IFS= read -r line; do printf '%s\n' "$line"; done"# + "\n"])
        let config = try externalConfig(#"""
            {"inputs": ["in"], "output": "out", "cache": "cache",
             "stages": [{"stage": "test-ingest"}, {"name": "echo", "command": ["sh", "echo.sh"], "files": ["echo.sh"]}, {"stage": "test-export"}]}
            """#, in: t)
        #expect(config.stages[1].version == 3)
        let report = try await run(config, t, jobs: 2)
        #expect(report.failures.isEmpty)
        #expect(report.documentsOK == 2)
    }
}
