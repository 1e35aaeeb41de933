import DocPipe
import Foundation
import Testing

/// Whether this process may mount file systems (root with CAP_SYS_ADMIN, as in the CI container):
/// the tmpfs and read-only bind-mount tests need it and are skipped, saying so, elsewhere.
let canMount: Bool = {
    guard geteuid() == 0 else { return false }
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("docpipe-mount-probe-\(UUID().uuidString)").path
    guard mkdir(dir, 0o755) == 0 else { return false }
    defer { rmdir(dir) }
    guard mount("tmpfs", dir, "tmpfs", 0, "size=64k") == 0 else { return false }
    umount2(dir, Int32(MNT_DETACH))
    return true
}()

/// A mount made for a test; unmounted by `unmount()` (or at deinit).
final class TestMount {
    let path: String
    private var mounted = true
    /// A tmpfs of `size` bytes at `path` (created).
    init(tmpfs path: String, size: Int) throws {
        self.path = path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        guard mount("tmpfs", path, "tmpfs", 0, "size=\(size)") == 0 else { throw FileError(path: path, message: "mount tmpfs failed") }
    }
    /// `path` made read-only in place (a read-only bind mount over itself).
    init(readOnly path: String) throws {
        self.path = path
        guard mount(path, path, nil, UInt(MS_BIND), nil) == 0 else { throw FileError(path: path, message: "bind mount failed") }
        guard mount(nil, path, nil, UInt(MS_REMOUNT | MS_BIND | MS_RDONLY), nil) == 0 else {
            umount2(path, Int32(MNT_DETACH))
            throw FileError(path: path, message: "read-only remount failed")
        }
    }
    func unmount() {
        if mounted { umount2(path, Int32(MNT_DETACH)) }
        mounted = false
    }
    deinit { unmount() }
}

/// Temporary files (`.tmp-…`) left below a folder.
func leftoverTemporaries(_ folder: URL) -> [String] {
    var out: [String] = []
    DirectoryWalker.walk(folder.path) { e in
        if e.name.hasPrefix(".tmp-") { out.append(e.relativePath) }
        return true
    }
    return out
}

/// Every .json file below a folder that does not parse (a half-written output would not).
func unparsableJSON(_ folder: URL) -> [String] {
    var out: [String] = []
    DirectoryWalker.walk(folder.path) { e in
        if !e.isDirectory, e.name.hasSuffix(".json"),
           (try? JSONParser.parse(AtomicFile.read(path: folder.appendingPathComponent(e.relativePath).path) ?? [])) == nil {
            out.append(e.relativePath)
        }
        return true
    }
    return out
}

/// The "faults" rows of docs/reliability.md that run the CLI in-process (cache damage, a cache
/// that cannot be written, a full disk). Signals are in `SignalTests`.
@Suite(.serialized) struct FaultTests {
    static let papers = ["pacific-forum-nk-human-rights.txt", "tapp_inaugurals-first2.jsonl", "ungdc_KOR_67_2012.txt"]

    @Test func truncatedAndBitFlippedCacheObjectsAreDetectedAndRecomputed() async throws {
        let f = try CLIFixture(seeds: FaultTests.papers)
        #expect(await f.run(["run"]).code == 0)
        let reference = f.snapshot("out")
        // Damage every object: truncate half of them, flip one payload bit in the others.
        let objects = f.root.appendingPathComponent(".docpipe/cache/objects")
        var damaged = 0
        DirectoryWalker.walk(objects.path) { e in
            guard !e.isDirectory else { return true }
            let path = objects.appendingPathComponent(e.relativePath).path
            guard var bytes = AtomicFile.read(path: path), let nl = bytes.firstIndex(of: 0x0A), bytes.count > nl + 2 else { return true }
            if damaged % 2 == 0 {
                bytes.removeLast((bytes.count - nl) / 2)
            } else {
                bytes[nl + 1 + (bytes.count - nl - 1) / 2] ^= 0x10
            }
            try? AtomicFile.write(bytes, toPath: path)
            damaged += 1
            return true
        }
        #expect(damaged > 10)
        let r = await f.run(["run", "--out", "out2"])
        #expect(r.code == 0, "\(r.stderr)")
        #expect(r.stderr.contains("truncated"), "no warning about truncated objects in: \(r.stderr)")
        #expect(r.stderr.contains("checksum mismatch"), "no warning about flipped bits in: \(r.stderr)")
        #expect(f.snapshot("out2") == reference, "outputs from a damaged cache differ from the first run's")
        let verify = await f.run(["cache", "verify"])
        #expect(verify.code == 0 && verify.stdout.contains(": 0 corrupt"), "\(verify.stdout)")
        // The recomputed objects were stored again: a third run into a fresh folder computes nothing
        // but the export (which keeps only checksums of its files in the cache).
        #expect(await f.run(["run", "--out", "out3"]).code == 0)
        let stages = try f.runReport(folder: "out3")["stages"]?.arrayValue ?? []
        #expect(stages.count == 5)
        for s in stages where s["name"] != "export" { #expect(s["misses"] == .int(0), "\(s)") }
    }

    @Test func aCacheFolderThatCannotBeCreatedFallsBackToNoCacheWithOneWarning() async throws {
        let f = try CLIFixture(seeds: FaultTests.papers)
        // A file where the cache folder should be: root can write anywhere, but not into a file.
        try f.write(".docpipe/cache", "not a folder")
        let r = await f.run(["run"])
        #expect(r.code == 0, "\(r.stderr)")
        let warnings = r.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.contains("cache disabled for the rest of this run") == true)
        #expect(warnings.first?.hasSuffix("cannot create folder: Not a directory") == true, "the warning should say what the system said: \(warnings)")
        #expect(f.exists("out/documents/pacific-forum-nk-human-rights.txt.json"))
    }

    @Test(.enabled(if: canMount, "needs root with permission to mount (read-only bind mount); the cache-path-is-a-file test covers this elsewhere"))
    func aReadOnlyCacheFolderIsReadButNotWrittenWithOneWarning() async throws {
        let f = try CLIFixture(seeds: FaultTests.papers)
        #expect(await f.run(["run"]).code == 0)
        let reference = f.snapshot("out")
        let readOnly = try TestMount(readOnly: f.root.appendingPathComponent(".docpipe/cache").path)
        defer { readOnly.unmount() }
        // Entities with other options: ingest and normalize come from the cache, the rest must be stored.
        try f.write("pipeline.json", f.read("pipeline.json")!.replacingOccurrences(
            of: #"{"stage": "entities"}"#, with: #"{"stage": "entities", "options": {"useModel": false}}"#))
        let r = await f.run(["run", "--out", "out2"])
        #expect(r.code == 0, "\(r.stderr)")
        let warnings = r.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(warnings.count == 1, "\(warnings)")
        #expect(warnings.first?.hasSuffix("Read-only file system") == true, "\(warnings)")
        let normalize = try f.runReport(folder: "out2")["stages"]?.arrayValue?.first { $0["name"] == "normalize" }
        #expect(normalize?["misses"] == .int(0) && normalize?["hits"] == .int(4), "the read-only cache should still be read: \(String(describing: normalize))")
        #expect(f.snapshot("out2").count == reference.count)
        readOnly.unmount()
        let verify = await f.run(["cache", "verify"])
        #expect(verify.stdout.contains(": 0 corrupt"), "\(verify.stdout)")
    }

    @Test(.enabled(if: canMount, "needs root with permission to mount a small tmpfs; the file-size-limit test covers full disks elsewhere"))
    func aFullDiskUnderTheCacheDisablesItWithOneWarningAndNoCorruptObject() async throws {
        let f = try CLIFixture(seeds: FaultTests.papers)
        let disk = try TestMount(tmpfs: f.root.appendingPathComponent("small").path, size: 96 * 1024)
        defer { disk.unmount() }
        try f.write("pipeline.json", f.read("pipeline.json")!.replacingOccurrences(of: #"".docpipe/cache""#, with: #""small/cache""#))
        let r = await f.run(["run"])
        #expect(r.code == 0, "\(r.stderr)")
        let warnings = r.stderr.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(warnings.count == 1 && warnings[0].contains("No space left on device"), "\(warnings)")
        #expect(leftoverTemporaries(f.root.appendingPathComponent("small")).isEmpty)
        let verify = await f.run(["cache", "verify"])
        #expect(verify.code == 0 && verify.stdout.contains(": 0 corrupt"), "\(verify.stdout)")
        #expect(f.exists("out/documents/pacific-forum-nk-human-rights.txt.json"))
    }

    @Test(.enabled(if: canMount, "needs root with permission to mount a small tmpfs; the file-size-limit test covers full disks elsewhere"))
    func aFullDiskUnderTheOutputFolderIsAClearErrorAndNoHalfWrittenFile() async throws {
        let f = try CLIFixture(seeds: FaultTests.papers)
        let disk = try TestMount(tmpfs: f.root.appendingPathComponent("small").path, size: 96 * 1024)
        defer { disk.unmount() }
        let r = await f.run(["run", "--out", "small/out"])
        #expect(r.code != 0 && r.code != 130, "a run that cannot write its outputs must fail: \(r.code)")
        #expect(r.stderr.contains("No space left on device"), "\(r.stderr)")
        #expect(!r.stderr.contains("Error Domain="), "raw Foundation errors in: \(r.stderr)")
        let out = f.root.appendingPathComponent("small/out")
        #expect(leftoverTemporaries(out).isEmpty, "\(leftoverTemporaries(out))")
        #expect(unparsableJSON(out).isEmpty, "half-written outputs: \(unparsableJSON(out))")
        // With room again, the same cache gives the complete outputs.
        let again = await f.run(["run"])
        #expect(again.code == 0, "\(again.stderr)")
        #expect(f.exists("out/documents/ungdc_KOR_67_2012.txt.json"))
    }
}

extension CLIFixture {
    /// run.json of the last run into `folder`.
    func runReport(folder: String) throws -> JSONValue { try JSONParser.parse(read("\(folder)/run.json") ?? "{}") }
}
