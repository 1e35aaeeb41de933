import DocPipe
import Foundation

/// `docpipe status`: what the next run would redo, and why, without running any stage.
enum StatusCommand: Command {
    static let name = "status"
    static let summary = "list which document × stage would re-run, and why"
    static let help = """
        USAGE: docpipe status [INPUT...] [--config FILE] [--out DIR] [--why] [--json]

        Compares the inputs, pipeline.json and the cache with docpipe.lock and lists every
        document × stage the next run would compute. No stage runs. Reasons: new document,
        input changed, options changed, stage version changed, external stage files changed,
        stage added, follows an earlier stage that re-runs, cache object missing or corrupt,
        document removed.

        OPTIONS:
          --config FILE   the pipeline file (default: pipeline.json)
          --out DIR       the output folder (default: the config's "output"; never read as input)
          --why           one line per document × stage with its reason (default: counts per stage)
          --json          one JSON object for tools
        """

    static func run(_ args: [String], _ env: CommandEnvironment) async -> Int32 {
        guard let a = parseArguments(args, env, flags: ["--why", "--json"], options: ["--config", "--out"]) else { return ExitCode.usage }
        guard let config = env.loadConfig(a.values["--config"]) else { return ExitCode.configError }
        let inputs = a.positional.isEmpty ? config.inputs.map { config.resolve($0) } : a.positional.map { env.resolve($0) }
        let out = a.values["--out"].map { env.resolve($0) } ?? config.resolve(config.output)
        let lock: LockFile?
        do { lock = try LockFile.read(config.resolve(LockFile.fileName)) } catch {
            env.console.err("error: \(error)")
            return ExitCode.configError
        }
        let status = PipelineStatus.compute(config: config, inputs: inputs, output: out,
                                            cache: ArtifactCache(directory: config.resolve(config.cacheDirectory)), lock: lock)
        if a.flags.contains("--json") {
            env.console.out(JSONWriter(pretty: true).string(["lock": .bool(lock != nil), "rerun": .array(status.items.map(\.json))]))
            return ExitCode.success
        }
        if lock == nil { env.console.out("note: no \(LockFile.fileName) yet; reasons come from the cache alone") }
        if status.items.isEmpty {
            env.console.out("up to date: the next run would compute nothing")
            return ExitCode.success
        }
        if a.flags.contains("--why") {
            for item in status.items {
                env.console.out("\(item.document) × \(item.stage.isEmpty ? "-" : item.stage): \(item.reason)")
            }
        } else {
            for stage in config.stages {
                let n = status.items.filter { $0.stage == stage.name }.count
                if n > 0 { env.console.out("\(stage.name): \(n) document\(n == 1 ? "" : "s") would re-run") }
            }
            let removed = status.items.filter { $0.code == .documentRemoved }.count
            if removed > 0 { env.console.out("\(removed) document\(removed == 1 ? "" : "s") removed since the lock") }
            env.console.out("(run 'docpipe status --why' for each document and reason)")
        }
        return ExitCode.success
    }
}

