import DocPipe
import DocPipeCLI
import Foundation

/// A scratch project for end-to-end tests: a copy of the repository's pipeline.json and (some
/// of) its seeds in a temporary folder, with helpers to run the CLI in-process or as a process.
final class CLIFixture: @unchecked Sendable {
    let root: URL
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// - Parameter seeds: names of files in seeds/ to copy (nil: all of them).
    init(seeds: [String]? = nil, pipeline: String? = nil) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("docpipe-cli-\(UUID().uuidString)")
        let fm = FileManager.default
        try fm.createDirectory(at: root.appendingPathComponent("seeds"), withIntermediateDirectories: true)
        let source = CLIFixture.repository.appendingPathComponent("seeds")
        let names = try seeds ?? fm.contentsOfDirectory(atPath: source.path).filter { !$0.hasPrefix(".") }
        for n in names { try fm.copyItem(at: source.appendingPathComponent(n), to: root.appendingPathComponent("seeds/\(n)")) }
        let config = try pipeline ?? String(contentsOf: CLIFixture.repository.appendingPathComponent("pipeline.json"), encoding: .utf8)
        try write("pipeline.json", config)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws { try write(path, Data(text.utf8)) }
    func write(_ path: String, _ data: Data) throws {
        let u = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: u.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: u)
    }
    func read(_ path: String) -> String? { try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) }
    func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) }

    /// Runs `docpipe ARGS` in-process in the fixture folder.
    func run(_ args: [String]) async -> (code: Int32, stdout: String, stderr: String) {
        let rec = RecordingConsole()
        let env = CommandEnvironment(console: rec.console, registry: .builtIn, workingDirectory: root, externalStages: ExternalStageSupport())
        let code = await DocPipeCLI.run(args, env)
        return (code, rec.stdout, rec.stderr)
    }

    /// run.json of the last run.
    func runReport() throws -> JSONValue { try JSONParser.parse(read("out/run.json") ?? "{}") }

    /// Cache misses per stage name from run.json.
    func misses() throws -> [String: Int] {
        var out: [String: Int] = [:]
        for s in try runReport()["stages"]?.arrayValue ?? [] { out[s["name"]!.stringValue!] = s["misses"]!.intValue! }
        return out
    }

    /// Every file under a folder (relative path → bytes), except run.json and the bookkeeping
    /// `.docpipe-state` (a merge of shards does not write one).
    func snapshot(_ folder: String = "out") -> [String: Data] {
        let base = root.appendingPathComponent(folder)
        var out: [String: Data] = [:]
        let e = FileManager.default.enumerator(atPath: base.path)
        while let rel = e?.nextObject() as? String {
            var isDir: ObjCBool = false
            let u = base.appendingPathComponent(rel)
            if FileManager.default.fileExists(atPath: u.path, isDirectory: &isDir), !isDir.boolValue, rel != "run.json", rel != ".docpipe-state",
               rel != OutputFolder.manifestName, !rel.hasPrefix(".docpipe-parts/") {   // bookkeeping in the order files were written
                out[rel] = FileManager.default.contents(atPath: u.path)
            }
        }
        return out
    }

    /// The built `docpipe` executable, for tests that need a separate process (signals, environment).
    static var executable: URL? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("docpipe"),
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docpipe"),
            repository.appendingPathComponent(".build/debug/docpipe"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts the executable with arguments and environment changes, in `directory` (default: the fixture).
    func spawn(_ args: [String], environment: [String: String] = [:], directory: URL? = nil) throws -> Process {
        guard let exe = CLIFixture.executable else { throw CocoaError(.fileNoSuchFile) }
        let p = Process()
        p.executableURL = exe
        p.arguments = args
        p.currentDirectoryURL = directory ?? root
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        return p
    }
}
