import DocPipe
import Foundation

/// `docpipe merge`: combines the parts of a sharded run into the normal outputs.
enum MergeCommand: Command {
    static let name = "merge"
    static let summary = "combine the parts of 'run --shard I/N' into the normal outputs"
    static let help = """
        USAGE: docpipe merge [SHARDS-DIR] [--config FILE] [--out DIR]

        Reads the N parts SHARDS-DIR/I-of-N written by 'docpipe run --shard I/N' (default
        SHARDS-DIR: "<output>.shards") and writes exactly the outputs one unsharded run would
        have written to DIR (default: the config's "output"), plus docpipe.lock when no document
        failed. Refuses an incomplete set, parts of different N, or parts made with another
        pipeline.json, naming the shards to rerun.

        EXIT CODES: 0 merged, no failures; 1 merged, some documents failed (see errors.jsonl);
        2 invalid pipeline.json; 65 the set of parts is incomplete or inconsistent; 64 bad usage.
        """

    static func run(_ args: [String], _ env: CommandEnvironment) async -> Int32 {
        guard let a = parseArguments(args, env, flags: [], options: ["--config", "--out"]) else { return ExitCode.usage }
        guard a.positional.count <= 1 else {
            env.console.err("error: give one shards folder")
            return ExitCode.usage
        }
        guard let config = env.loadConfig(a.values["--config"]) else { return ExitCode.configError }
        let shards = a.positional.first.map { env.resolve($0) } ?? config.resolve(config.output + ".shards")
        let out = a.values["--out"].map { env.resolve($0) } ?? config.resolve(config.output)
        let report: RunReport
        do {
            report = try await ShardMerger(config: config, shardsDirectory: shards, outputDirectory: out).merge()
        } catch let e as ShardMerger.MergeError {
            env.console.err("error: \(e)")
            return ExitCode.incompleteShards
        } catch {
            env.console.err("error: \(error)")
            return ExitCode.ioError
        }
        for f in report.failures.prefix(20) { env.console.err("failed: \(f.document.isEmpty ? f.source : f.document) [\(f.stage)]: \(f.message)") }
        if report.failures.isEmpty {
            do { try AtomicFile.write(Array(LockFile(config: config, documents: report.lockEntries).text.utf8), to: config.resolve(LockFile.fileName)) } catch {
                env.console.err("warning: could not write \(LockFile.fileName): \(error)")
            }
        }
        env.console.err("docpipe merge: \(report.documentsOK + report.documentsFailed) documents, \(report.failures.count) failed → \(a.values["--out"] ?? config.output)/")
        return report.failures.isEmpty ? ExitCode.success : ExitCode.documentsFailed
    }
}
