import DocPipe
import Foundation
import Testing

/// Tests that need docpipe as a separate process: signals and environment.
@Suite(.enabled(if: CLIFixture.executable != nil, "the docpipe executable was not found next to the tests; skipped"))
struct ProcessTests {
    @Test func killedRunResumesToTheSameOutputs() async throws {
        let f = try CLIFixture()
        // A clean reference run.
        #expect(await f.run(["run", "--no-cache", "--out", "clean"]).code == 0)
        for delay in [0.05, 0.3] {
            let p = try f.spawn(["run", "--jobs", "2"])
            try await Task.sleep(for: .seconds(delay))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
        }
        let verify = await f.run(["cache", "verify"])
        #expect(verify.stdout.contains(": 0 corrupt"), "\(verify.stdout)")
        let r = await f.run(["run"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(f.snapshot("out") == f.snapshot("clean"))
    }

    @Test func outputsDoNotDependOnJobsDirectoryTimezoneOrLocale() async throws {
        let f = try CLIFixture(seeds: ["pacific-forum-nk-human-rights.txt", "tapp_inaugurals-first2.jsonl"])
        let config = f.root.appendingPathComponent("pipeline.json").path
        let elsewhere = FileManager.default.temporaryDirectory
        let runs: [(String, [String: String], URL)] = [
            ("j1", ["TZ": "UTC", "LANG": "C"], f.root),
            ("j2", ["TZ": "Asia/Tokyo", "LANG": "de_DE.UTF-8"], elsewhere),
            ("j8", ["TZ": "America/St_Johns", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"], elsewhere),
        ]
        var locks: [String] = []
        for (name, env, dir) in runs {
            let jobs = String(name.dropFirst())
            let p = try f.spawn(["run", "--config", config, "--out", f.root.appendingPathComponent(name).path, "--jobs", jobs, "--no-cache"],
                                environment: env, directory: dir)
            p.waitUntilExit()
            #expect(p.terminationStatus == 0)
            locks.append(f.read("docpipe.lock") ?? "missing")
        }
        #expect(f.snapshot("j1").count > 5)
        #expect(f.snapshot("j1") == f.snapshot("j2"))
        #expect(f.snapshot("j1") == f.snapshot("j8"))
        #expect(Set(locks).count == 1)
        #expect(!locks[0].contains(f.root.path), "the lock holds no absolute paths")
    }
}
