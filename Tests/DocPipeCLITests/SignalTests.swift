import DocPipe
import Foundation
import Testing

/// Faults that need docpipe as a separate process: SIGINT, and writes refused by the kernel
/// (a file-size limit standing in for a full disk where mounting a small tmpfs is not allowed).
/// SIGKILL is `ProcessTests.killedRunResumesToTheSameOutputs` and scripts/kill-loop.sh.
@Suite(.serialized, .enabled(if: CLIFixture.executable != nil, "the docpipe executable was not found next to the tests; skipped"))
struct SignalTests {
    /// A fixture with `count` small distinct papers (copies of a seed, each with its own last line).
    func papers(_ count: Int) throws -> CLIFixture {
        let f = try CLIFixture(seeds: [])
        let seed = try String(contentsOf: CLIFixture.repository.appendingPathComponent("seeds/pacific-forum-nk-human-rights.txt"), encoding: .utf8)
        for i in 0..<count { try f.write(String(format: "seeds/paper-%02d.txt", i), seed + "\nPaper \(i) was filed in Geneva.\n") }
        return f
    }

    /// Runs the executable through `sh -c SCRIPT` (the script ends in `exec "$0" "$@"`); returns status and stderr.
    func shell(_ f: CLIFixture, _ script: String, _ args: [String]) throws -> (status: Int32, stderr: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", script + #"; exec "$0" "$@""#, CLIFixture.executable!.path] + args
        p.currentDirectoryURL = f.root
        let err = Pipe()
        p.standardError = err
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func sigintFinishesInFlightDocumentsExits130AndTheNextRunResumes() async throws {
        let f = try papers(8)
        #expect(await f.run(["run", "--no-cache", "--out", "clean"]).code == 0)
        try FileManager.default.removeItem(at: f.root.appendingPathComponent("docpipe.lock"))
        let p = try f.spawn(["run", "--jobs", "1"])
        // Interrupt once the first document is out, so the run is surely under way.
        let first = f.root.appendingPathComponent("out/documents/paper-00.txt.json").path
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(30)
        while !FileManager.default.fileExists(atPath: first), p.isRunning, clock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 130, "exit status \(p.terminationStatus)")
        #expect(try f.runReport()["interrupted"] == .bool(true))
        #expect(!f.exists("docpipe.lock"), "an interrupted run writes no lock")
        #expect(leftoverTemporaries(f.root).isEmpty, "\(leftoverTemporaries(f.root))")
        let verify = await f.run(["cache", "verify"])
        #expect(verify.code == 0 && verify.stdout.contains(": 0 corrupt"), "\(verify.stdout)")
        // The next run resumes: what the interrupted run finished comes from the cache.
        let r = await f.run(["run"])
        #expect(r.code == 0, "\(r.stderr)")
        let misses = try f.misses()
        #expect(misses["entities"]! < 8, "nothing was kept from the interrupted run: \(misses)")
        #expect(f.snapshot("out") == f.snapshot("clean"))
    }

    @Test func aSecondSIGINTQuitsAtOnceAndStillLeavesNothingCorrupt() async throws {
        let f = try papers(6)
        #expect(await f.run(["run", "--no-cache", "--out", "clean"]).code == 0)
        let p = try f.spawn(["run", "--jobs", "2"])
        let first = f.root.appendingPathComponent("out/documents/paper-00.txt.json").path
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(30)
        while !FileManager.default.fileExists(atPath: first), p.isRunning, clock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
        kill(p.processIdentifier, SIGINT)
        try await Task.sleep(for: .milliseconds(20))
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 130, "exit status \(p.terminationStatus)")
        #expect(unparsableJSON(f.root.appendingPathComponent("out")).isEmpty)
        let verify = await f.run(["cache", "verify"])
        #expect(verify.code == 0 && verify.stdout.contains(": 0 corrupt"), "\(verify.stdout)")
        let r = await f.run(["run"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(f.snapshot("out") == f.snapshot("clean"))
        #expect(leftoverTemporaries(f.root).isEmpty, "the next run removes what the killed one left: \(leftoverTemporaries(f.root))")
    }

    @Test func writesRefusedByTheKernelAreAClearErrorAndLeaveNoHalfWrittenFile() async throws {
        let f = try CLIFixture(seeds: FaultTests.papers)
        // Files may grow to 16 KiB at most (ulimit -f counts 512- or 1024-byte blocks); SIGXFSZ is
        // ignored, so write(2) fails with EFBIG the way it fails with ENOSPC on a full disk.
        let limited = try shell(f, "trap '' XFSZ; ulimit -f 16", ["run"])
        #expect(limited.status != 0 && limited.status != 130, "status \(limited.status): \(limited.stderr)")
        #expect(limited.stderr.contains("File too large"), "\(limited.stderr)")
        #expect(!limited.stderr.contains("Error Domain="), "raw Foundation errors in: \(limited.stderr)")
        #expect(leftoverTemporaries(f.root).isEmpty, "\(leftoverTemporaries(f.root))")
        #expect(unparsableJSON(f.root.appendingPathComponent("out")).isEmpty)
        let verify = await f.run(["cache", "verify"])
        #expect(verify.code == 0 && verify.stdout.contains(": 0 corrupt"), "\(verify.stdout)")
        // Without the limit, the next run completes from the same cache.
        let r = await f.run(["run"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(f.exists("out/documents/ungdc_KOR_67_2012.txt.json"))
    }
}
