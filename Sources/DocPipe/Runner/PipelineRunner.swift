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
        try FileManager.default.createDirectory(at: options.outputDirectory, withIntermediateDirectories: true)
        var excluded = [options.outputDirectory]
        if let c = options.cacheDirectory { excluded.append(c) }
        // What the previous run left is read while the inputs are listed (on a cached run these
        // reads are most of the work before the documents): the remembered input digests, and the
        // output folder's state and files, which the fast path trusts only when the state was
        // written for this config, the cache is on and the run is whole (not a shard).
        let mayUseState = options.cacheDirectory != nil && options.shard == nil
            && access(options.outputDirectory.appendingPathComponent(OutputState.fileName).path, F_OK) == 0
        // Without a previous state every document will go through the stages: they load their
        // models now, while the inputs are listed. On the worker threads rather than threads of
        // their own: a thread that allocates takes a malloc arena, and one more thread than the
        // CLI's arena cap makes two document workers share an arena (`MallocArenas`).
        if !mayUseState {
            for stage in config.stages {
                if case .document(let impl) = stage.implementation { Task.detached { impl.warmUp() } }
            }
        }
        // Temporary files of killed runs are removed before anything is written; the same walk
        // lists the files the output folder holds.
        async let existingFiles = OutputFolder(root: options.outputDirectory).removeLeftovers(listing: mayUseState)
        async let loadedStatIndex = StatIndex(cacheDirectory: options.cacheDirectory)
        async let loadedState = mayUseState ? OutputState.read(options.outputDirectory, config: config.digest) : nil
        let (files, problems) = InputEnumerator(excluding: excluded, patterns: config.exclude).enumerate(options.inputs)
        let state = RunState(stages: config.stages, cache: options.cacheDirectory.map(ArtifactCache.init(directory:)),
                             journalDirectory: options.outputDirectory.appendingPathComponent(".docpipe-tmp-\(getpid())-journal"))
        defer { state.close() }
        // A shard writes into a temporary folder that is renamed into place when complete.
        let output = OutputFolder(root: options.shard.map {
            options.outputDirectory.appendingPathComponent(".tmp-\(getpid())-shard-\($0.folderName)")
        } ?? options.outputDirectory, journal: state.journal!)
        for p in problems { state.fail(RunReport.Failure(document: "", stage: "", source: p, message: p, code: "input.missing"), order: DocumentOrder(file: -1, record: 0)) }
        let spool = PartSpool(directory: options.outputDirectory.appendingPathComponent(".docpipe-tmp-\(getpid())"), reorders: true)
        state.shard = options.shard
        defer { spool.close() }
        let duplicates = DuplicateIDs(files)
        let statIndex = await loadedStatIndex
        let previous = await loadedState
        let existing = await existingFiles
        let partStore = previous.map { _ in PartStore(directory: options.outputDirectory.appendingPathComponent(PartStore.folderName)) }
        let worker = DocumentWorker(config: config, state: state, output: output, spool: spool, statIndex: statIndex,
                                    previous: previous, existingOutputs: existing, partStore: partStore)
        let total = files.count
        let progress = options.progress
        let failFast = options.failFast
        let shouldStop = options.shouldStop
        var interrupted = false

        await withTaskGroup(of: Int.self) { group in
            var next = 0
            // Files in flight: the lowest one is where the spool's watermark stands.
            var inFlight = Set<Int>()
            func schedule() {
                let index = next
                next += 1
                inFlight.insert(index)
                let file = files[index]
                let duplicateOf = duplicates.firstFile(sharingIDWith: index).map { files[$0] }
                group.addTask {
                    await worker.process(file, index: index, duplicateOf: duplicateOf?.relativePath)
                    return index
                }
            }
            while next < min(options.jobs, total) { schedule() }
            while let done = await group.next() {
                inFlight.remove(done)
                try? spool.advance(toFile: inFlight.min() ?? next)
                if done % Self.filesPerTrim == Self.filesPerTrim - 1 { FreeMemory.release() }
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

        statIndex.save()
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

        if let shard = options.shard {
            var report = state.report()
            report.files = total
            report.jobs = options.jobs
            report.cacheEnabled = options.cacheDirectory != nil && !state.cacheDisabled
            try ShardWriter.write(shard: shard, config: config, state: state, spool: spool, output: output,
                                  shardsDirectory: options.outputDirectory, files: total)
            report.seconds = (clock.now - started).seconds
            return report
        }

        let completed: @Sendable () -> [String] = { state.completedIDs() }
        let before = Set(output.writtenPaths)
        var failures = state.orderedFailures()
        // Every input file and document took the fast path, in the previous run's order, and its
        // corpus files are still there: the previous state and manifest describe this run exactly.
        let skippedFiles = state.skippedFiles()
        let skipped = state.deferredDocuments()
        let standsAsIs = previous.map { p in
            !state.anyChanged && failures.isEmpty && state.journalIsEmpty
                && skippedFiles.count == p.fileCount && skipped.count == p.documentCount
                && skippedFiles.enumerated().allSatisfy { $0.element.stateLine == $0.offset }
                && skipped.enumerated().allSatisfy { $0.element.stateLine == $0.offset }
                && p.corpusFiles.allSatisfy(existing.contains)
        } ?? false
        if !standsAsIs || options.lockOutput != nil || options.collectLockEntries {
            do { try worker.journalSkipped(files: skippedFiles, documents: skipped) } catch {
                throw FileError(path: options.outputDirectory.path, message: "cannot keep the run's records in the output folder: \(error)")
            }
        }
        if let why = state.journalError {
            throw FileError(path: options.outputDirectory.path, message: "cannot keep the run's records in the output folder: \(why)")
        }
        let unchanged = standsAsIs || !state.anyChanged && failures.isEmpty && previous.map { p in
            state.completedIDsEqual(p) && p.corpusFiles.allSatisfy(existing.contains)
        } == true
        if unchanged {
            // Nothing changed since the last run: its corpus files stand.
            for f in previous?.corpusFiles ?? [] { output.record(f) }
            let documentFiles: OutputFolder.DocumentFiles? = standsAsIs ? { body in
                for k in 0..<skipped.count { try previous?.forEachFile(ofDocumentAt: k, body) }
            } : nil
            failures = try await CorpusFinisher.finish(config: config, completed: completed, parts: spool, output: output,
                                                       failures: failures, runStages: false, documentFiles: documentFiles)
        } else {
            await replay(skipped, files: files, worker: worker)
            failures = try await CorpusFinisher.finish(config: config, completed: completed, parts: spool, output: output,
                                                       failures: failures, concurrently: options.jobs > 1)
        }
        if !standsAsIs {   // (when it stands, the state this run would write is the one on disk, byte for byte)
            let corpusFiles = unchanged ? previous?.corpusFiles ?? [] : output.writtenPaths.filter { !before.contains($0) && $0 != "errors.jsonl" && $0 != "run.json" }
            // A run that spooled every document's parts keeps its spool as the next run's
            // `PartStore` (an unchanged run spooled nothing, and the previous store stands). Parts
            // read from the store are verified, so a store older or newer than the state (a run
            // killed in between) costs time, not correctness.
            if !unchanged { spool.keep(as: options.outputDirectory.appendingPathComponent(PartStore.folderName)) }
            try? state.writeOutputState(config: config.digest, corpusFiles: corpusFiles, to: options.outputDirectory)
        }
        var report = state.report(withLockEntries: options.collectLockEntries)
        report.failures = failures
        if let url = options.lockOutput, failures.isEmpty {
            do { try state.writeLock(config: config, to: url) } catch {
                report.warnings.append("could not write \(LockFile.fileName): \(error)")
            }
        }
        report.files = total
        report.jobs = options.jobs
        report.cacheEnabled = options.cacheDirectory != nil && !state.cacheDisabled
        report.seconds = (clock.now - started).seconds
        try AtomicFile.write(JSONWriter(pretty: true).bytes(report.json) + [0x0A], to: options.outputDirectory.appendingPathComponent("run.json"))
        return report
    }
}

extension PipelineRunner {
    /// Input files between two returns of free memory to the system (`FreeMemory`).
    static let filesPerTrim = 256

    /// Replays skipped documents' files and parts from the cache, two at a time per job.
    func replay(_ documents: [DeferredDocument], files: [InputFile], worker: DocumentWorker) async {
        guard !documents.isEmpty else { return }
        await withTaskGroup(of: Void.self) { group in
            var next = 0
            while next < min(options.jobs * 2, documents.count) {
                let d = documents[next]
                group.addTask { await worker.replay(d, file: files[d.order.file]) }
                next += 1
            }
            while await group.next() != nil {
                if next < documents.count {
                    let d = documents[next]
                    group.addTask { await worker.replay(d, file: files[d.order.file]) }
                    next += 1
                }
            }
        }
    }
}

/// The corpus-level end of a run (or of a merge of shards): every stage's finish step, then
/// errors.jsonl and the output manifest.
enum CorpusFinisher {
    /// Runs the finish steps; returns the failures (with any finish failures appended) in order.
    /// With `concurrently` (a run with more than one job) the stages' steps run at the same time:
    /// each reads only its own parts and writes its own files, and failures keep stage order.
    static func finish(config: PipelineConfig, completed: @escaping @Sendable () -> [String], parts: any PartSource, output: OutputFolder,
                       failures: [RunReport.Failure], runStages: Bool = true, concurrently: Bool = false,
                       documentFiles: OutputFolder.DocumentFiles? = nil) async throws -> [RunReport.Failure] {
        var failures = failures
        let steps: [(name: String, impl: any DocumentStage)] = !runStages ? [] : config.stages.compactMap { stage in
            guard case .document(let impl) = stage.implementation else { return nil }
            return (stage.name, impl)
        }
        @Sendable func run(_ name: String, _ impl: any DocumentStage) async -> RunReport.Failure? {
            let ctx = SpoolCorpusContext(instanceName: name, completedIDs: completed, spool: parts, output: output)
            do {
                try await impl.finish(ctx)
                return nil
            } catch {
                return RunReport.Failure(document: "", stage: name, source: "", message: "corpus step failed: \(error)", code: "stage.finish")
            }
        }
        if concurrently && steps.count > 1 {
            var results = [RunReport.Failure?](repeating: nil, count: steps.count)
            await withTaskGroup(of: (Int, RunReport.Failure?).self) { group in
                for (k, step) in steps.enumerated() { group.addTask { (k, await run(step.name, step.impl)) } }
                for await (k, failure) in group { results[k] = failure }
            }
            failures += results.compactMap { $0 }
        } else {
            for step in steps { if let f = await run(step.name, step.impl) { failures.append(f) } }
        }
        var errorBytes: [UInt8] = []
        for f in failures {
            JSONWriter().write(f.json, into: &errorBytes)
            errorBytes.append(0x0A)
        }
        try output.write("errors.jsonl", bytes: errorBytes)
        output.record("run.json")
        try output.finishManifest(documentFiles: documentFiles)
        return failures
    }
}

extension Duration {
    /// The duration in seconds.
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
