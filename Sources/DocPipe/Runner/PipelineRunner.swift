import Foundation
import Synchronization

/// Runs a configured pipeline over input files: concurrently, through the cache, isolating
/// failures per document, streaming outputs into the output folder.
public struct PipelineRunner: Sendable {
    /// The pipeline.
    public let config: PipelineConfig
    /// How to run it.
    public let options: RunOptions

    /// Creates a runner.
    public init(config: PipelineConfig, options: RunOptions) {
        self.config = config
        self.options = options
    }

    /// Runs the pipeline and returns what happened. Throws only for infrastructure failures
    /// (the output folder cannot be written); document failures are in the report.
    public func run() async throws -> RunReport {
        let clock = ContinuousClock()
        let started = clock.now
        let output = OutputFolder(root: options.outputDirectory)
        try FileManager.default.createDirectory(at: options.outputDirectory, withIntermediateDirectories: true)
        output.removeLeftovers()
        var excluded = [options.outputDirectory]
        if let c = options.cacheDirectory { excluded.append(c) }
        let (files, problems) = InputEnumerator(excluding: excluded, patterns: config.exclude).enumerate(options.inputs)
        let state = RunState(stages: config.stages, cache: options.cacheDirectory.map(ArtifactCache.init(directory:)))
        for p in problems { state.fail(RunReport.Failure(document: "", stage: "", source: p, message: p, code: "input.missing"), order: DocumentOrder(file: -1, record: 0)) }
        let spool = PartSpool(directory: options.outputDirectory.appendingPathComponent(".docpipe-tmp-\(getpid())"))
        defer { spool.close() }
        let fileIDs = Dictionary(grouping: files.indices, by: { DocumentID.from(relativePath: files[$0].relativePath) })
        let worker = DocumentWorker(config: config, state: state, output: output, spool: spool)
        let total = files.count
        let progress = options.progress
        let failFast = options.failFast
        let shouldStop = options.shouldStop
        var interrupted = false

        await withTaskGroup(of: Void.self) { group in
            var next = 0
            func schedule() {
                let index = next
                next += 1
                let file = files[index]
                let duplicateOf = fileIDs[DocumentID.from(relativePath: file.relativePath)].flatMap { $0.first == index ? nil : files[$0.first!] }
                group.addTask {
                    await worker.process(file, index: index, duplicateOf: duplicateOf?.relativePath)
                }
            }
            while next < min(options.jobs, total) { schedule() }
            while await group.next() != nil {
                let snapshot = state.progress(total: total, seconds: (clock.now - started).seconds)
                progress?(snapshot)
                if failFast && state.hasFailures {
                    state.stopEarly()
                    group.cancelAll()
                    break
                }
                if shouldStop?() == true {
                    // Let the documents in flight finish (their results are cached), start nothing new.
                    interrupted = true
                    state.stopEarly()
                    while await group.next() != nil {}
                    break
                }
                if next < total { schedule() }
            }
        }

        if interrupted {
            // Corpus files and the manifest would describe a partial corpus: leave the previous ones.
            var report = state.report()
            report.files = total
            report.jobs = options.jobs
            report.interrupted = true
            report.seconds = (clock.now - started).seconds
            try AtomicFile.write(JSONWriter(pretty: true).bytes(report.json) + [0x0A], to: options.outputDirectory.appendingPathComponent("run.json"))
            return report
        }

        // Corpus-level finish steps, in pipeline order.
        let completed = state.completedIDs()
        for stage in config.stages {
            guard case .document(let impl) = stage.implementation else { continue }
            let ctx = SpoolCorpusContext(instanceName: stage.name, documentIDs: completed, spool: spool, output: output)
            do {
                try await impl.finish(ctx)
            } catch {
                state.fail(RunReport.Failure(document: "", stage: stage.name, source: "", message: "corpus step failed: \(error)",
                                             code: "stage.finish"), order: DocumentOrder(file: Int.max, record: 0))
            }
        }

        var report = state.report()
        report.files = total
        report.jobs = options.jobs
        report.cacheEnabled = options.cacheDirectory != nil && !state.cacheDisabled
        // errors.jsonl: one line per failure, in input order.
        var errorBytes: [UInt8] = []
        for f in report.failures {
            JSONWriter().write(f.json, into: &errorBytes)
            errorBytes.append(0x0A)
        }
        try output.write("errors.jsonl", bytes: errorBytes)
        output.record("run.json")
        try output.finishManifest()
        report.seconds = (clock.now - started).seconds
        try AtomicFile.write(JSONWriter(pretty: true).bytes(report.json) + [0x0A], to: options.outputDirectory.appendingPathComponent("run.json"))
        return report
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
