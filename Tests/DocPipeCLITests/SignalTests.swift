import DocPipe
import Foundation
import Testing

/// Faults that need docpipe as a separate process: SIGINT, and writes refused by the kernel
/// (a file-size limit standing in for a full disk where mounting a small tmpfs is not allowed).
/// SIGKILL is `ProcessTests.killedRunResumesToTheSameOutputs` and scripts/kill-loop.sh.
@Suite(.serialized, .enabled(if: CLIFixture.executable != nil, "the docpipe executable was not found next to the tests; skipped"))
struct SignalTests {
    /// A fixture with `count` small distinct papers (copies of a seed, each with its own last line),
    /// whose pipeline has a gate after normalize: an external stage that passes the first document
    /// at once and each later one only while a file `gate` exists. The test decides when a run may
    /// go on, so a signal lands mid-run however slow or loaded the machine is.
    func gatedPapers(_ count: Int) throws -> CLIFixture {
        let pipeline = try String(contentsOf: CLIFixture.repository.appendingPathComponent("pipeline.json"), encoding: .utf8)
            .replacingOccurrences(of: #"{"stage": "normalize"},"#,
                                  with: #"{"stage": "normalize"}, {"name": "gate", "command": ["sh", "gate.sh"], "files": ["gate.sh"]},"#)
        let f = try CLIFixture(seeds: [], pipeline: pipeline)
        try f.write("gate.sh", #"""
            echo '{"protocol": 1, "stage": "gate", "version": 1}'
            n=0
            while IFS= read -r line; do
              n=$((n + 1))
              if [ "$n" -gt 1 ]; then : > held; while [ ! -e gate ]; do sleep 0.02; done; fi
              printf '%s\n' "$line"
            done
            """#)
        let seed = try String(contentsOf: CLIFixture.repository.appendingPathComponent("seeds/pacific-forum-nk-human-rights.txt"), encoding: .utf8)
        for i in 0..<count { try f.write(String(format: "seeds/paper-%02d.txt", i), seed + "\nPaper \(i) was filed in Geneva.\n") }
        return f
    }

    /// Opens or closes the gate of `gatedPapers`.
    func gate(_ f: CLIFixture, open: Bool) throws {
        if open { try f.write("gate", "") } else {
            try? FileManager.default.removeItem(at: f.root.appendingPathComponent("gate"))
            try? FileManager.default.removeItem(at: f.root.appendingPathComponent("held"))
        }
    }

    /// Waits until a document is held at the gate (or the process ends, or 60 s pass), so a
    /// signal sent now lands while a document is in flight.
    func waitForFirstDocument(_ f: CLIFixture, _ p: Process) async throws {
        let held = f.root.appendingPathComponent("held").path
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(60)
        while !FileManager.default.fileExists(atPath: held), p.isRunning, clock.now < deadline { try await Task.sleep(for: .milliseconds(10)) }
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
        let f = try gatedPapers(6)
        try gate(f, open: true)
        #expect(await f.run(["run", "--no-cache", "--out", "clean"]).code == 0)
        try FileManager.default.removeItem(at: f.root.appendingPathComponent("docpipe.lock"))
        try gate(f, open: false)
        let p = try f.spawn(["run", "--jobs", "1"])
        // Interrupt once the first document is out and the second is held at the gate, then let
        // the one in flight finish.
        try await waitForFirstDocument(f, p)
        kill(p.processIdentifier, SIGINT)
        try await Task.sleep(for: .milliseconds(100))
        try gate(f, open: true)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 130, "exit status \(p.terminationStatus)")
        #expect(try f.runReport()["interrupted"] == .bool(true))
        #expect(f.exists("out/documents/paper-01.txt.json"), "the document in flight should have finished")
        #expect(!f.exists("docpipe.lock"), "an interrupted run writes no lock")
        #expect(leftoverTemporaries(f.root).isEmpty, "\(leftoverTemporaries(f.root))")
        let verify = await f.run(["cache", "verify"])
        #expect(verify.code == 0 && verify.stdout.contains(": 0 corrupt"), "\(verify.stdout)")
        // The next run resumes: what the interrupted run finished comes from the cache.
        let r = await f.run(["run"])
        #expect(r.code == 0, "\(r.stderr)")
        let misses = try f.misses()
        #expect(misses["entities"]! < 6, "nothing was kept from the interrupted run: \(misses)")
        #expect(f.snapshot("out") == f.snapshot("clean"))
    }

    @Test func aSecondSIGINTQuitsAtOnceAndStillLeavesNothingCorrupt() async throws {
        let f = try gatedPapers(4)
        try gate(f, open: true)
        #expect(await f.run(["run", "--no-cache", "--out", "clean"]).code == 0)
        try gate(f, open: false)
        let p = try f.spawn(["run", "--jobs", "2"])
        // The first SIGINT waits for documents held at the gate; the second one quits at once.
        try await waitForFirstDocument(f, p)
        kill(p.processIdentifier, SIGINT)
        try await Task.sleep(for: .milliseconds(100))
        #expect(p.isRunning, "the first SIGINT should wait for the documents in flight")
        kill(p.processIdentifier, SIGINT)
        p.waitUntilExit()
        #expect(p.terminationReason == .exit && p.terminationStatus == 130, "exit status \(p.terminationStatus)")
        #expect(unparsableJSON(f.root.appendingPathComponent("out")).isEmpty)
        let verify = await f.run(["cache", "verify"])
        #expect(verify.code == 0 && verify.stdout.contains(": 0 corrupt"), "\(verify.stdout)")
        try gate(f, open: true)
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
