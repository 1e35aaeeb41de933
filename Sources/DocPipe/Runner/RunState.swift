import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Shared, lock-protected bookkeeping of one run: counters, failures, warnings, completed documents.
///
/// What each completed document leaves behind (its id, lock entry and output-state lines) goes
/// to an on-disk journal, not memory, so a run's memory does not grow with its document count.
final class RunState: Sendable {
    private struct State {
        var stats: [RunReport.StageStats]
        var failures: [(DocumentOrder, RunReport.Failure)] = []
        var completedCount = 0
        var deferred: [DeferredDocument] = []
        var skippedFiles: [SkippedFile] = []
        /// Journal records written (none: every document took the fast path).
        var journaled = 0
        var changed = false
        var warnings: [String] = []
        var filesDone = 0
        var bytes = 0
        var cacheWritable = true
        var stopped = false
        var journalError: String?
    }
    private let state: Mutex<State>
    /// The cache, if enabled.
    let cache: ArtifactCache?
    /// Whether the cache held no objects as the run started (a cold run). A lookup of a key this
    /// run has not stored is then a miss without a system call (one failed open(2) per stage and
    /// document otherwise). Another process sharing the cache may add objects meanwhile; not
    /// seeing them only means computing them again.
    private let coldCache: Bool
    /// In a cold run, the keys this run stored (in fixed memory: `KeyFilter`).
    private let storedKeys = Mutex<KeyFilter?>(nil)
    /// Per-document records on disk, replayed in input order at the end of the run (the output
    /// folder keeps its documents' paths here too).
    let journal: PartSpool?
    private enum Stream {
        static let completed = "completed", lock = "lock", files = "state-files", documents = "state-documents"
    }
    private let shardSpec = Mutex<ShardSpec?>(nil)
    /// The shard this run handles (nil: all documents).
    var shard: ShardSpec? {
        get { shardSpec.withLock { $0 } }
        set { shardSpec.withLock { $0 = newValue } }
    }
    /// Whether this run handles the document (always true unless sharded).
    func handles(_ id: String) -> Bool { shard?.contains(id) ?? true }

    /// Bookkeeping for a run whose journal lives in `journalDirectory` (removed by `close`); with
    /// none (a stream), per-document records are only counted.
    init(stages: [ConfiguredStage], cache: ArtifactCache?, journalDirectory: URL?) {
        state = Mutex(State(stats: stages.map { RunReport.StageStats(name: $0.name, stageID: $0.stageID) }))
        self.cache = cache
        coldCache = cache.map { access($0.objectsPath, F_OK) != 0 } ?? false
        journal = journalDirectory.map { PartSpool(directory: $0) }
    }

    /// Whether the cache may hold an object under `key` (false only when it was empty at the
    /// start of the run and this run has not stored the key).
    private func mayHold(_ key: String) -> Bool {
        !coldCache || storedKeys.withLock { $0?.mayContain(key) ?? false }
    }

    /// Removes the journal.
    func close() { journal?.close() }

    /// Appends one journal record (its parts share the document's order); a failure is kept for
    /// the end of the run.
    private func record(_ parts: [OutputPart], order: DocumentOrder) {
        guard let journal else { return }
        state.withLock { $0.journaled += 1 }
        do { try journal.append(parts, order: order) } catch {
            state.withLock { $0.journalError = $0.journalError ?? "\(error)" }
        }
    }

    /// Why the journal could not be written, if it could not (the run's records are then incomplete).
    var journalError: String? { state.withLock { $0.journalError } }

    func hit(_ stage: Int) { state.withLock { $0.stats[stage].hits += 1 } }
    func miss(_ stage: Int, seconds: Double) {
        state.withLock { $0.stats[stage].misses += 1; $0.stats[stage].seconds += seconds }
    }
    func stageFailed(_ stage: Int, seconds: Double) {
        state.withLock { $0.stats[stage].failed += 1; $0.stats[stage].seconds += seconds }
    }
    func fail(_ failure: RunReport.Failure, order: DocumentOrder) { state.withLock { $0.failures.append((order, failure)) } }
    /// Notes an input file's ingest key and documents for the output state.
    func recordFile(_ path: String, _ entry: OutputState.FileEntry, order: DocumentOrder) {
        guard let line = OutputState.line(path: path, entry) else { return }
        recordFileLine(line, order: order)
    }
    /// Notes an input file's output-state line as written.
    func recordFileLine(_ line: [UInt8], order: DocumentOrder) { record([OutputPart(name: Stream.files, bytes: line)], order: order) }
    /// Notes a completed document: its id, lock entry and output-state line, in one journal record.
    func completed(_ entry: OutputState.DocEntry, lock: LockFile.Entry, order: DocumentOrder) {
        state.withLock { $0.completedCount += 1 }
        guard journal != nil else { return }
        journalCompleted(line: OutputState.line(entry), id: entry.id, lock: lock, order: order)
    }
    /// Journals a document the fast path skipped, with its output-state line as the previous run wrote it.
    func completed(line: [UInt8], id: String, lock: LockFile.Entry, order: DocumentOrder) {
        journalCompleted(line: line, id: id, lock: lock, order: order)
    }
    private func journalCompleted(line: [UInt8]?, id: String, lock: LockFile.Entry, order: DocumentOrder) {
        var parts = [OutputPart(name: Stream.completed, bytes: Array(id.utf8)),
                     OutputPart(name: Stream.lock, bytes: lock.jsonBytes)]
        if let line { parts.append(OutputPart(name: Stream.documents, bytes: line)) }
        record(parts, order: order)
    }
    /// Notes an input file the fast path skipped and those of its documents it skipped (each a
    /// cache hit at every one of `stages` stages, and completed; their records are not journaled).
    func skipped(_ file: SkippedFile, documents: [DeferredDocument], stages: Int) {
        state.withLock { s in
            s.skippedFiles.append(file)
            s.deferred += documents
            s.completedCount += documents.count
            s.stats[0].hits += 1
            for i in 1..<max(stages, 1) { s.stats[i].hits += documents.count }
        }
    }
    /// Input files the fast path skipped, in input order.
    func skippedFiles() -> [SkippedFile] { state.withLock { $0.skippedFiles.sorted { $0.order < $1.order } } }
    /// Whether nothing was journaled: every input file and document took the fast path.
    var journalIsEmpty: Bool { state.withLock { $0.journaled == 0 } }
    /// Notes that a document went through the stages (its outputs may differ from the last run's).
    func markChanged() { state.withLock { $0.changed = true } }
    /// Whether any document went through the stages.
    var anyChanged: Bool { state.withLock { $0.changed } }
    /// Documents the fast path skipped, in input order.
    func deferredDocuments() -> [DeferredDocument] { state.withLock { $0.deferred.sorted { $0.order < $1.order } } }

    /// Writes the output state of this run into `folder`, streamed from the journal.
    func writeOutputState(config: String, corpusFiles: [String], to folder: URL) throws {
        try AtomicFile.write(toPath: folder.appendingPathComponent(OutputState.fileName).path) { sink in
            try sink.write(OutputState.headerLine(config: config)); try sink.write(byte: 0x0A)
            try journal?.forEach(named: Stream.files) { try sink.write($0); try sink.write(byte: 0x0A) }
            try journal?.forEach(named: Stream.documents) { try sink.write($0); try sink.write(byte: 0x0A) }
            try sink.write(OutputState.corpusLine(corpusFiles)); try sink.write(byte: 0x0A)
        }
    }

    /// Writes a lock file for `config` with the completed documents' entries, streamed from the journal.
    func writeLock(config: PipelineConfig, to url: URL) throws {
        try AtomicFile.write(toPath: url.path) { sink in
            try sink.write(LockFile(config: config, documents: []).text)
            try journal?.forEach(named: Stream.lock) { try sink.write($0); try sink.write(byte: 0x0A) }
        }
    }

    /// The completed documents' lock entries, in input order (read back from the journal).
    func lockEntries() -> [LockFile.Entry] {
        var out: [LockFile.Entry] = []
        try? journal?.forEach(named: Stream.lock) { bytes in
            if let v = try? JSONParser.parse(bytes), let e = LockFile.Entry(json: v) { out.append(e) }
        }
        return out
    }

    /// Lock entries as JSON with their order (for shard parts).
    func forEachLockEntry(_ body: (DocumentOrder, [UInt8]) throws -> Void) throws { try journal?.forEachWithOrder(named: Stream.lock, body) }
    /// Completed documents with their order (for shard parts).
    func forEachCompleted(_ body: (DocumentOrder, String) throws -> Void) throws {
        try journal?.forEachWithOrder(named: Stream.completed) { try body($0, String(decoding: $1, as: UTF8.self)) }
    }
    /// Number of completed documents.
    var completedCount: Int { state.withLock { $0.completedCount } }

    /// Whether the journaled completed documents are exactly the previous state's documents, in order.
    func completedIDsEqual(_ previous: OutputState) -> Bool {
        guard let journal, journal.count(named: Stream.completed) == previous.documentCount else { return false }
        var k = 0
        var same = true
        try? journal.forEach(named: Stream.completed) { bytes in
            if same && !previous.documentID(at: k, equals: bytes) { same = false }
            k += 1
        }
        return same
    }

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
        // Written from the sections' own bytes where it can be (no joined copy of the payload).
        guard let pieces = artifact.encodedPieces() else { return store(key, stage: stage, payload: artifact.encoded()) }
        return store(key, pieces: pieces) { try $0.write(key, stage: stage, pieces: pieces) }
    }

    /// Stores raw payload bytes; returns their checksum (computed even when the cache is off).
    @discardableResult
    func store(_ key: String, stage: String, payload: [UInt8]) -> String {
        store(key, pieces: [payload]) { try $0.write(key, stage: stage, payload: payload) }
    }

    /// Runs a cache write of the payload `pieces` unless writes are disabled; returns the payload's checksum.
    private func store(_ key: String, pieces: [[UInt8]], _ write: (ArtifactCache) throws -> String) -> String {
        guard let cache, state.withLock({ $0.cacheWritable }) else { return Checksum.hex(ofPieces: pieces) }
        do {
            let digest = try write(cache)
            if coldCache { storedKeys.withLock { f in
                if f == nil { f = KeyFilter() }
                f!.insert(key)
            } }
            return digest
        } catch {
            let first = state.withLock { s -> Bool in
                defer { s.cacheWritable = false }
                return s.cacheWritable
            }
            if first { warn("cache disabled for the rest of this run: \(error)") }
            return Checksum.hex(ofPieces: pieces)
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
        guard let cache, mayHold(key) else { return nil }
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
    func cachedDigest(_ key: String) -> String? { mayHold(key) ? cache?.header(key)?.digest : nil }

    func progress(total: Int, seconds: Double) -> RunProgress {
        state.withLock { s in
            RunProgress(filesDone: s.filesDone, filesTotal: total, documentsDone: s.completedCount + s.failures.count,
                        bytesDone: s.bytes, seconds: seconds)
        }
    }

    /// Failures in input order.
    func orderedFailures() -> [RunReport.Failure] { state.withLock { $0.failures.sorted { $0.0 < $1.0 }.map(\.1) } }
    /// Failures with their order.
    func failuresWithOrder() -> [(DocumentOrder, RunReport.Failure)] { state.withLock { $0.failures.sorted { $0.0 < $1.0 } } }

    /// Completed documents' ids in input order (read back from the journal).
    func completedIDs() -> [String] {
        var out: [String] = []
        try? journal?.forEach(named: Stream.completed) { out.append(String(decoding: $0, as: UTF8.self)) }
        return out
    }

    /// The report; `lockEntries` is filled only when `withLockEntries` (it is read back from disk).
    func report(withLockEntries: Bool = false) -> RunReport {
        var r = state.withLock { s in
            var r = RunReport()
            r.stages = s.stats
            r.failures = s.failures.sorted { $0.0 < $1.0 }.map(\.1)
            r.documentsOK = s.completedCount
            r.documentsFailed = s.failures.filter { !$0.1.document.isEmpty }.count
            r.warnings = s.warnings.sorted()
            r.bytes = s.bytes
            r.stoppedEarly = s.stopped
            return r
        }
        if withLockEntries { r.lockEntries = lockEntries() }
        return r
    }
}
