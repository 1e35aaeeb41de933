import Foundation
import Synchronization

/// Shared, lock-protected bookkeeping of one run: counters, failures, warnings, completed documents.
final class RunState: Sendable {
    private struct State {
        var stats: [RunReport.StageStats]
        var failures: [(DocumentOrder, RunReport.Failure)] = []
        var completed: [(DocumentOrder, String)] = []
        var lock: [(DocumentOrder, LockFile.Entry)] = []
        var stateFiles: [String: OutputState.FileEntry] = [:]
        var stateDocs: [(DocumentOrder, OutputState.DocEntry)] = []
        var deferred: [DeferredDocument] = []
        var changed = false
        var warnings: [String] = []
        var filesDone = 0
        var bytes = 0
        var cacheWritable = true
        var stopped = false
    }
    private let state: Mutex<State>
    /// The cache, if enabled.
    let cache: ArtifactCache?
    private let shardSpec = Mutex<ShardSpec?>(nil)
    /// The shard this run handles (nil: all documents).
    var shard: ShardSpec? {
        get { shardSpec.withLock { $0 } }
        set { shardSpec.withLock { $0 = newValue } }
    }
    /// Whether this run handles the document (always true unless sharded).
    func handles(_ id: String) -> Bool { shard?.contains(id) ?? true }

    init(stages: [ConfiguredStage], cache: ArtifactCache?) {
        state = Mutex(State(stats: stages.map { RunReport.StageStats(name: $0.name, stageID: $0.stageID) }))
        self.cache = cache
    }

    func hit(_ stage: Int) { state.withLock { $0.stats[stage].hits += 1 } }
    func miss(_ stage: Int, seconds: Double) {
        state.withLock { $0.stats[stage].misses += 1; $0.stats[stage].seconds += seconds }
    }
    func stageFailed(_ stage: Int, seconds: Double) {
        state.withLock { $0.stats[stage].failed += 1; $0.stats[stage].seconds += seconds }
    }
    func fail(_ failure: RunReport.Failure, order: DocumentOrder) { state.withLock { $0.failures.append((order, failure)) } }
    func completed(_ id: String, order: DocumentOrder) { state.withLock { $0.completed.append((order, id)) } }
    /// Notes an input file's ingest key and documents for the output state.
    func recordFile(_ path: String, _ entry: OutputState.FileEntry) { state.withLock { $0.stateFiles[path] = entry } }
    /// Notes a completed document for the output state.
    func recordDocument(_ entry: OutputState.DocEntry, order: DocumentOrder) { state.withLock { $0.stateDocs.append((order, entry)) } }
    /// Queues a document the fast path skipped.
    func `defer`(_ d: DeferredDocument) { state.withLock { $0.deferred.append(d) } }
    /// Notes that a document went through the stages (its outputs may differ from the last run's).
    func markChanged() { state.withLock { $0.changed = true } }
    /// Whether any document went through the stages.
    var anyChanged: Bool { state.withLock { $0.changed } }
    /// Documents the fast path skipped, in input order.
    func deferredDocuments() -> [DeferredDocument] { state.withLock { $0.deferred.sorted { $0.order < $1.order } } }
    /// The output state of this run.
    func outputState(config: String, corpusFiles: [String]) -> OutputState {
        state.withLock { s in
            var o = OutputState(config: config)
            o.files = s.stateFiles
            for (_, d) in s.stateDocs.sorted(by: { $0.0 < $1.0 }) {
                o.documents[d.id] = d
                o.documentOrder.append(d.id)
            }
            o.corpusFiles = corpusFiles
            return o
        }
    }

    func lock(_ entry: LockFile.Entry, order: DocumentOrder) { state.withLock { $0.lock.append((order, entry)) } }
    func warn(_ message: String) { state.withLock { $0.warnings.append(message) } }
    func fileDone(bytes: Int) { state.withLock { $0.filesDone += 1; $0.bytes += bytes } }
    func stopEarly() { state.withLock { $0.stopped = true } }

    var hasFailures: Bool { state.withLock { !$0.failures.isEmpty } }
    var isStopped: Bool { state.withLock { $0.stopped } }
    var cacheDisabled: Bool { state.withLock { !$0.cacheWritable } }

    /// Writes to the cache unless an earlier write failed; the first failure disables writes
    /// with one warning (a read-only or full cache folder must not fail the run).
    @discardableResult
    func store(_ key: String, stage: String, artifact: StageArtifact) -> String {
        store(key, stage: stage, payload: artifact.encoded())
    }

    /// Stores raw payload bytes; returns their digest (computed even when the cache is off).
    @discardableResult
    func store(_ key: String, stage: String, payload: [UInt8]) -> String {
        guard let cache, state.withLock({ $0.cacheWritable }) else { return SHA256.hex(of: payload) }
        do {
            return try cache.write(key, stage: stage, payload: payload)
        } catch {
            let first = state.withLock { s -> Bool in
                defer { s.cacheWritable = false }
                return s.cacheWritable
            }
            if first { warn("cache disabled for the rest of this run: \(error)") }
            return SHA256.hex(of: payload)
        }
    }

    /// Reads from the cache; corrupt objects become warnings and misses.
    func lookup(_ key: String, stageName: String, documentID: String) -> (StageArtifact, String)? {
        guard let (payload, digest) = lookupPayload(key, stageName: stageName, documentID: documentID) else { return nil }
        do { return (try StageArtifact(decoding: payload), digest) } catch {
            warn("unreadable cache object \(key.prefix(12))… for \(documentID) at stage '\(stageName)' (\(error)); recomputed")
            cache?.remove(key)
            return nil
        }
    }

    /// Reads verified payload bytes; corrupt objects become warnings and misses.
    func lookupPayload(_ key: String, stageName: String, documentID: String) -> ([UInt8], String)? {
        guard let cache else { return nil }
        switch cache.read(key) {
        case .miss: return nil
        case .corrupt(let why):
            warn("corrupt cache object \(key.prefix(12))… for \(documentID) at stage '\(stageName)' (\(why)); removed and recomputed")
            return nil
        case .hit(let payload, let digest):
            return (payload, digest)
        }
    }

    /// The payload digest of a cached object from its header, without reading the payload.
    func cachedDigest(_ key: String) -> String? { cache?.header(key)?.digest }

    func progress(total: Int, seconds: Double) -> RunProgress {
        state.withLock { s in
            RunProgress(filesDone: s.filesDone, filesTotal: total, documentsDone: s.completed.count + s.failures.count,
                        bytesDone: s.bytes, seconds: seconds)
        }
    }

    /// Failures in input order.
    func orderedFailures() -> [RunReport.Failure] { state.withLock { $0.failures.sorted { $0.0 < $1.0 }.map(\.1) } }
    /// Failures with their order.
    func failuresWithOrder() -> [(DocumentOrder, RunReport.Failure)] { state.withLock { $0.failures.sorted { $0.0 < $1.0 } } }
    /// Completed documents with their order.
    func completedWithOrder() -> [(DocumentOrder, String)] { state.withLock { $0.completed.sorted { $0.0 < $1.0 } } }
    /// Lock entries with their order.
    func lockWithOrder() -> [(DocumentOrder, LockFile.Entry)] { state.withLock { $0.lock.sorted { $0.0 < $1.0 } } }

    func completedIDs() -> [String] {
        state.withLock { $0.completed.sorted { $0.0 < $1.0 }.map(\.1) }
    }

    func report() -> RunReport {
        state.withLock { s in
            var r = RunReport()
            r.stages = s.stats
            r.failures = s.failures.sorted { $0.0 < $1.0 }.map(\.1)
            r.documentsOK = s.completed.count
            r.documentsFailed = s.failures.filter { !$0.1.document.isEmpty }.count
            r.warnings = s.warnings.sorted()
            r.bytes = s.bytes
            r.stoppedEarly = s.stopped
            r.lockEntries = s.lock.sorted { $0.0 < $1.0 }.map(\.1)
            return r
        }
    }
}
