import DocPipe
import Foundation

/// `docpipe run`: runs the pipeline over the inputs and writes the outputs.
enum RunCommand: Command {
    static let name = "run"
    static let summary = "run the pipeline over inputs and write the outputs"
    static let help = """
        USAGE: docpipe run [INPUT...] [--config FILE] [--out DIR] [--jobs N] [--no-cache] [--fail-fast] [--quiet] [--check]

        Runs every stage of pipeline.json over the inputs (files or folders; default: the config's
        "inputs") and writes the outputs (default: the config's "output"). Results are cached, so a
        second run only redoes what changed.

        OPTIONS:
          --config FILE   the pipeline file (default: pipeline.json)
          --out DIR       the output folder (default: the config's "output")
          --jobs N        documents processed at once (default: the number of cores)
          --cache DIR     the cache folder (default: the config's "cache")
          --no-cache      neither read nor write the cache
          --fail-fast     stop at the first failed document
          --quiet         print nothing but errors
          --progress MODE auto (live line on a terminal), plain (periodic lines) or none
          --shard I/N     process only shard I (0…N-1) of the documents (by SHA-256 of the id) and
                          write a part to DIR/I-of-N (DIR: --out, default "<output>.shards");
                          'docpipe merge' combines the N parts into the normal outputs
          --check         for CI: fail (exit 3) unless every output digest matches docpipe.lock;
                          the lock is not rewritten. With --no-cache every stage is recomputed.

        A run over the config's inputs that has no failures writes docpipe.lock next to the config.

        EXIT CODES: 0 all documents ok; 1 some documents failed (see out/errors.jsonl);
        2 invalid pipeline.json; 3 --check found differences from docpipe.lock; 64 bad usage;
        74 the output folder could not be written.
        """

    static func run(_ args: [String], _ env: CommandEnvironment) async -> Int32 {
        guard let a = parseArguments(args, env, flags: ["--no-cache", "--fail-fast", "--quiet", "--check"],
                                     options: ["--config", "--out", "--jobs", "--progress", "--shard", "--cache"]) else { return ExitCode.usage }
        let jobs: Int
        do { jobs = try a.int("--jobs") ?? ProcessInfo.processInfo.activeProcessorCount } catch {
            env.console.err("error: \(error)")
            return ExitCode.usage
        }
        let progressMode = a.values["--progress"] ?? "auto"
        guard ["auto", "plain", "none"].contains(progressMode) else {
            env.console.err("error: --progress expects auto, plain or none, got '\(progressMode)'")
            return ExitCode.usage
        }
        var shard: ShardSpec?
        if let text = a.values["--shard"] {
            guard let spec = ShardSpec(text) else {
                env.console.err("error: --shard expects I/N with 0 ≤ I < N, e.g. --shard 0/4; got '\(text)'")
                return ExitCode.usage
            }
            guard !a.flags.contains("--check") else {
                env.console.err("error: --check applies to whole runs; run it after 'docpipe merge' instead")
                return ExitCode.usage
            }
            shard = spec
        }
        guard let config = env.loadConfig(a.values["--config"]) else { return ExitCode.configError }
        let inputs = a.positional.isEmpty ? config.inputs.map { config.resolve($0) } : a.positional.map { env.resolve($0) }
        let out = a.values["--out"].map { env.resolve($0) } ?? config.resolve(shard == nil ? config.output : config.output + ".shards")
        let cache = a.flags.contains("--no-cache") ? nil : a.values["--cache"].map { env.resolve($0) } ?? config.resolve(config.cacheDirectory)
        let quiet = a.flags.contains("--quiet")
        let display = ProgressDisplay(console: env.console, mode: quiet ? "none" : progressMode)
        if env.handleSignals { InterruptMonitor.install(console: env.console) }
        let watchSignals = env.handleSignals
        var options = RunOptions(inputs: inputs, outputDirectory: out, cacheDirectory: cache, jobs: jobs,
                                 failFast: a.flags.contains("--fail-fast"), progress: { display.update($0) },
                                 shouldStop: { watchSignals && InterruptMonitor.stopRequested })
        options.shard = shard
        let lockURL = config.resolve(LockFile.fileName)
        if a.flags.contains("--check") {
            options.collectLockEntries = true
        } else if a.positional.isEmpty && shard == nil {
            options.lockOutput = lockURL   // written by the runner when every document succeeds
        }
        let report: RunReport
        do {
            report = try await PipelineRunner(config: config, options: options).run()
        } catch {
            display.clear()
            env.console.err("error: \(error)")
            return ExitCode.ioError
        }
        display.clear()
        for w in report.warnings { env.console.err("warning: \(w)") }
        if report.interrupted {
            env.console.err("docpipe: interrupted after \(report.documentsOK + report.documentsFailed) documents; their results are cached, so the next run resumes")
            return ExitCode.interrupted
        }
        let shown = report.failures.prefix(20)
        for f in shown {
            let stage = f.stage.isEmpty ? "" : " [\(f.stage)]"
            env.console.err("failed: \(f.document.isEmpty ? f.source : f.document)\(stage): \(f.message)")
        }
        if report.failures.count > shown.count { env.console.err("… and \(report.failures.count - shown.count) more in errors.jsonl") }
        if let shard {
            if !quiet { env.console.err(summary(report, output: out.appendingPathComponent(shard.folderName).path)) }
            return report.failures.isEmpty ? ExitCode.success : ExitCode.documentsFailed
        }
        if !quiet { env.console.err(summary(report, output: a.values["--out"] ?? config.output)) }
        if a.flags.contains("--check") {
            let produced = LockFile(config: config, documents: report.lockEntries)
            let expected: LockFile?
            do { expected = try LockFile.read(lockURL) } catch {
                env.console.err("check failed: \(error)")
                return ExitCode.checkFailed
            }
            guard let expected else {
                env.console.err("check failed: no \(LockFile.fileName) next to \(config.file); run 'docpipe run' once and commit the lock")
                return ExitCode.checkFailed
            }
            let differences = expected.differences(from: produced)
            if !differences.isEmpty {
                env.console.err("check failed: \(differences.count) difference\(differences.count == 1 ? "" : "s") from \(LockFile.fileName):")
                for d in differences { env.console.err("  \(d)") }
                return ExitCode.checkFailed
            }
            if !quiet { env.console.err("check passed: outputs match \(LockFile.fileName)") }
        }
        if let limit = config.cacheMaxBytes, let cache {
            CacheMaintenance(cache: ArtifactCache(directory: cache)).gc(maxBytes: limit)
        }
        return report.failures.isEmpty ? ExitCode.success : ExitCode.documentsFailed
    }

    /// The one-line summary: documents, failed, stage runs, cached, seconds, output folder.
    static func summary(_ r: RunReport, output: String) -> String {
        let secs = String(format: "%.2f", r.seconds)
        let documents = r.documentsOK + r.documentsFailed
        return "docpipe: \(documents) documents, \(r.failures.count) failed, \(r.stageRuns) stage runs (\(r.hits) cached), \(secs) s → \(output)/"
    }
}
