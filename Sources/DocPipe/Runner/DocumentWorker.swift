import Foundation

/// Processes one input file through every stage: ingest (cached per file), then each document
/// through the document stages, reusing the latest cached result and recomputing only what
/// follows it.
struct DocumentWorker: Sendable {
    let config: PipelineConfig
    let state: RunState
    let output: OutputFolder
    let spool: PartSpool
    /// Cache keys, with each stage's identity serialized once.
    let keys: CacheKey
    /// Remembered input digests (disabled without a cache).
    let statIndex: StatIndex
    /// What the output folder held after the previous complete run (nil: unknown).
    let previous: OutputState?
    /// Output paths present in the output folder when the run started.
    let existingOutputs: PathSet
    /// The corpus parts the previous complete run kept (nil: none).
    let partStore: PartStore?

    init(config: PipelineConfig, state: RunState, output: OutputFolder, spool: PartSpool, statIndex: StatIndex? = nil,
         previous: OutputState? = nil, existingOutputs: PathSet = PathSet(), partStore: PartStore? = nil) {
        self.config = config
        self.state = state
        self.output = output
        self.spool = spool
        self.keys = CacheKey(stages: config.stages)
        self.statIndex = statIndex ?? StatIndex(cacheDirectory: nil)
        self.previous = previous
        self.existingOutputs = existingOutputs
        self.partStore = partStore
    }

    func process(_ file: InputFile, index: Int, duplicateOf: String?) async {
        let fileID = DocumentID.from(relativePath: file.relativePath)
        let sharded = state.shard != nil
        let order = DocumentOrder(file: index, record: 0)
        if state.isStopped { return }
        if sharded, case .source(let s) = config.stages[0].implementation, !s.mayHoldManyDocuments(file.relativePath),
           !state.handles(fileID) {
            state.fileDone(bytes: 0)
            return
        }
        func failFile(_ stage: String, _ code: String, _ message: String) {
            guard state.handles(fileID) else { return }
            state.fail(RunReport.Failure(document: fileID, stage: stage, source: file.relativePath, message: message, code: code), order: order)
        }
        if let duplicateOf {
            failFile("", "input.duplicate-id", "document id '\(fileID)' is already used by \(duplicateOf); rename one of the files")
            state.fileDone(bytes: 0)
            return
        }
        // Refuse oversize files before reading them; use the remembered digest of unchanged ones.
        guard let stat = StatIndex.fileStat(file.path) else {
            failFile("", "input.unreadable", "cannot read \(file.relativePath) (it vanished or cannot be examined)")
            state.fileDone(bytes: 0)
            return
        }
        if stat.size > config.maxDocumentBytes {
            failFile("", "input.too-large", "\(file.relativePath) is \(stat.size) bytes, over maxDocumentBytes (\(config.maxDocumentBytes)); raise the limit in pipeline.json to process it")
            state.fileDone(bytes: 0)
            return
        }
        var bytes: [UInt8]?
        let digest: String
        if let remembered = statIndex.digest(path: file.path, stat: stat) {
            digest = remembered
        } else {
            guard let data = AtomicFile.readRegularFile(path: file.path) else {
                failFile("", "input.unreadable", "cannot read \(file.relativePath): \(FileProblem.whyUnreadable(file.path))")
                state.fileDone(bytes: 0)
                return
            }
            bytes = data
            digest = SHA256.hex(of: data)
            statIndex.record(path: file.path, stat: stat, digest: digest)
        }
        defer { state.fileDone(bytes: Int(stat.size)) }
        // A file whose documents the previous state lists with this input digest had this source key
        // (it follows from the digest, the path and the first stage's identity, which the state's
        // config digest covers): it is taken from the state instead of hashed again.
        let knownLine = sharded ? nil : previous?.fileNumber(file.relativePath)
        let known = knownLine.map { previous!.file(at: $0) }
        var knownKey: String?
        var lines: [Int?] = []
        if let previous, let known, !known.ids.isEmpty {
            lines = known.ids.map { previous.documentNumber($0) }
            if lines.allSatisfy({ $0.map { previous.document(at: $0, isFrom: file.relativePath, input: digest) } ?? false }) {
                knownKey = known.sourceKey
            }
        }
        var loader: SourceLoader?
        func source() -> SourceLoader {
            if let loader { return loader }
            let l = SourceLoader(worker: self, file: file, fileID: fileID, digest: digest, bytes: bytes, key: knownKey)
            loader = l
            return l
        }

        // Fast path: the output folder already holds this file's documents for these keys. What the
        // previous run recorded for them stands; it is written to the journal only if the run turns
        // out to need it (`journalSkipped`).
        if let previous, let known, let knownLine, knownKey != nil || known.sourceKey == source().key {
            // The previous state is read only under the same config digest (its header line), and a
            // document's keys follow from its source key, its id and the stages' identities: an
            // entry of this file with this source key already holds the final key this run would
            // compute, so the chain is not hashed again (it was most of a cached run's CPU).
            let stageCount = max(config.stages.count, 1)
            var skipped: [DeferredDocument] = []
            var rerun: [Int] = []
            for (position, id) in known.ids.enumerated() {
                let line = lines.isEmpty ? previous.documentNumber(id) : lines[position]
                if let line, previous.document(at: line, stands: file.relativePath, input: digest, stages: stageCount, outputs: existingOutputs) {
                    skipped.append(DeferredDocument(order: DocumentOrder(file: index, record: position), stateLine: line))
                } else {
                    rerun.append(position)
                }
            }
            state.skipped(SkippedFile(stateLine: knownLine, order: order), documents: skipped, stages: stageCount)
            for position in rerun {
                if state.isStopped { return }
                await runDocument(id: known.ids[position], position: position, source: source(), order: DocumentOrder(file: index, record: position))
            }
            return
        }
        let source = source()

        let manifest: IngestManifest
        do {
            manifest = try await source.manifest()
        } catch let failure as ChainFailure {
            failFile(config.stages[0].name, failure.code, failure.message)
            return
        } catch {
            failFile(config.stages[0].name, "stage.failed", describe(error))
            return
        }
        if manifest.failures.isEmpty { state.recordFile(file.relativePath, OutputState.FileEntry(sourceKey: source.key, ids: manifest.documents), order: order) }
        var recordIndex = 0
        for f in manifest.failures {
            if state.handles(f.id) {
                state.fail(RunReport.Failure(document: f.id, stage: config.stages[0].name, source: file.relativePath, message: f.message,
                                             code: "ingest.record"), order: DocumentOrder(file: index, record: recordIndex))
            }
            recordIndex += 1
        }
        var seen: Set<String> = []
        for (position, id) in manifest.documents.enumerated() {
            if state.isStopped { return }
            let docOrder = DocumentOrder(file: index, record: recordIndex)
            recordIndex += 1
            guard state.handles(id) else { continue }
            guard seen.insert(id).inserted else {
                state.fail(RunReport.Failure(document: id, stage: config.stages[0].name, source: file.relativePath,
                    message: "duplicate document id '\(id)' in \(file.relativePath); give records distinct ids",
                    code: "input.duplicate-id"), order: docOrder)
                continue
            }
            await runDocument(id: id, position: position, source: source, order: docOrder)
        }
    }

    /// Writes what the fast path left out of the journal (each skipped file's and document's
    /// lines from the previous state, their lock entries and output files), for a run whose
    /// records are needed after all: something changed, or a lock file is written.
    func journalSkipped(files: [SkippedFile], documents: [DeferredDocument]) throws {
        guard let previous else { return }
        for f in files { state.recordFileLine(Array(previous.fileLine(at: f.stateLine)), order: f.order) }
        for d in documents {
            let e = previous.document(at: d.stateLine)
            try output.record(e.files, order: d.order)
            state.completed(line: Array(previous.documentLine(at: d.stateLine)), id: e.id,
                            lock: lockEntry(id: e.id, source: e.source, input: e.input, digests: e.digests), order: d.order)
        }
    }

    func lockEntry(id: String, source: String, input: String, digests: [String]) -> LockFile.Entry {
        var outputs: [String: String] = [:]
        for (stage, d) in zip(config.stages, digests) { outputs[stage.name] = d }
        return LockFile.Entry(document: id, source: source, input: input, outputs: outputs)
    }

    /// Writes the files and parts of a document skipped by the fast path (found in `file`), from
    /// the cache and the previous run's parts, so the corpus files can be rebuilt when another
    /// document changed.
    func replay(_ d: DeferredDocument, file: InputFile) async {
        guard let e = previous?.document(at: d.stateLine) else { return }
        let source = SourceLoader(worker: self, file: file, fileID: DocumentID.from(relativePath: file.relativePath), digest: e.input, bytes: nil)
        let chain = keys.chain(sourceKey: source.key, documentID: e.id)
        var resolver = ChainResolver(worker: self, source: source, documentID: e.id, position: d.order.record, keys: chain, counting: false)
        var parts: [OutputPart] = []
        do {
            for i in 1..<max(config.stages.count, 1) where config.stages[i].writesFiles {
                var artifact = try await resolver.artifact(i)
                let name = config.stages[i].name
                if artifact.partsOmitted {
                    // A pure exporter's parts: from the previous run's, each checked against the
                    // cached checksum; recomputed when any is missing or differs.
                    if let kept = storedParts(of: artifact, stage: name, document: e.id) {
                        artifact.parts = kept
                    } else {
                        artifact = try await resolver.artifact(i, needContents: true)
                    }
                }
                for f in artifact.files { try output.rewrite(f.path, bytes: f.bytes) }  // recorded by the fast path
                for p in artifact.parts { parts.append(OutputPart(name: "\(name)/\(p.name)", bytes: p.bytes)) }
            }
            try spool.append(parts, order: d.order, document: e.id)
        } catch {
            state.warn("could not replay the cached outputs of \(e.id): \(error)")
        }
    }

    /// The parts whose checksums `artifact` holds, as the previous run kept them, if all are
    /// there and match.
    func storedParts(of artifact: StageArtifact, stage: String, document id: String) -> [OutputPart]? {
        guard let partStore else { return nil }
        var parts: [OutputPart] = []
        for (name, checksum) in artifact.partChecksums {
            guard let bytes = partStore.part(named: "\(stage)/\(name)", document: id), Checksum.hex(of: bytes) == checksum else { return nil }
            parts.append(OutputPart(name: name, bytes: bytes))
        }
        return parts
    }

    /// Runs the document stages for one document.
    func runDocument(id: String, position: Int, source: SourceLoader, order: DocumentOrder) async {
        let stages = config.stages
        let n = stages.count
        let sourcePath = source.file.relativePath
        let chain = keys.chain(sourceKey: source.key, documentID: id)
        var resolver = ChainResolver(worker: self, source: source, documentID: id, position: position, keys: chain)
        state.markChanged()
        var parts: [OutputPart] = []
        do {
            // The last stage's result pulls in whatever it needs; stages that write files are
            // always resolved so their files are written again.
            var needed = (1..<max(n, 1)).filter { stages[$0].writesFiles }
            if n > 1, needed.last != n - 1 { needed.append(n - 1) }
            var files: [String] = []
            for i in needed {
                let artifact = try await resolver.artifact(i, needContents: stages[i].writesFiles)
                for f in artifact.files { try output.write(f.path, bytes: f.bytes, order: order); files.append(f.path) }
                for p in artifact.parts { parts.append(OutputPart(name: "\(stages[i].name)/\(p.name)", bytes: p.bytes)) }
            }
            // A document's parts are spooled together (those of stages before a failure too).
            try spool.append(parts, order: order, document: id)
            parts = []
            // Stages never looked at were satisfied by a later cached result; their digests come
            // from the objects' headers (recomputed if an object has gone).
            var ingestDigest = source.digest ?? state.cachedDigest(source.key)
            if ingestDigest == nil {
                _ = try await source.manifest()
                ingestDigest = source.digest
            }
            var digests = [ingestDigest ?? ""]
            for i in 1..<max(n, 1) {
                if let d = resolver.digests[i] { digests.append(d); continue }
                if let d = state.cachedDigest(chain[i]) {
                    state.hit(i)
                    digests.append(d)
                } else {
                    _ = try await resolver.artifact(i)
                    digests.append(resolver.digests[i] ?? "")
                }
            }
            state.completed(OutputState.DocEntry(id: id, source: sourcePath, input: source.inputDigest, finalKey: chain.last ?? "",
                                                 digests: digests, files: files),
                            lock: lockEntry(id: id, source: sourcePath, input: source.inputDigest, digests: digests), order: order)
        } catch let failure as ChainFailure {
            if !parts.isEmpty { try? spool.append(parts, order: order) }
            state.fail(RunReport.Failure(document: id, stage: stages[failure.stage].name, source: sourcePath,
                                         message: failure.message, code: failure.code), order: order)
        } catch {
            if !parts.isEmpty { try? spool.append(parts, order: order) }
            state.fail(RunReport.Failure(document: id, stage: "", source: sourcePath, message: describe(error),
                                         code: "output.write"), order: order)
        }
    }
}

/// A document the fast path skipped (record `order.record` of input file `order.file`);
/// replayed from the cache only if the corpus files must be rebuilt.
struct DeferredDocument: Sendable {
    var order: DocumentOrder
    /// Its `D` line in the previous state.
    var stateLine: Int
}

/// An input file the fast path skipped.
struct SkippedFile: Sendable {
    /// Its `F` line in the previous state.
    var stateLine: Int
    var order: DocumentOrder
}

/// The ids and failures ingest found in one input file: cached apart from the documents, so a
/// run whose later stages are all cached never parses the ingested documents.
struct IngestManifest {
    var documents: [String]
    var failures: [StageArtifact.Failure]

    var json: JSONValue {
        ["documents": .array(documents.map { .string($0) }),
         "failures": .array(failures.map { ["id": .string($0.id), "message": .string($0.message)] })]
    }

    init(documents: [String], failures: [StageArtifact.Failure]) {
        self.documents = documents
        self.failures = failures
    }

    init?(json: JSONValue) {
        guard let docs = json["documents"]?.arrayValue, let fails = json["failures"]?.arrayValue else { return nil }
        documents = docs.compactMap(\.stringValue)
        failures = fails.map { StageArtifact.Failure(id: $0["id"]?.stringValue ?? "", message: $0["message"]?.stringValue ?? "") }
    }
}

/// Ingest for one input file, run or read from the cache at most once, loaded lazily (the file
/// itself is read only if ingest must run).
final class SourceLoader {
    let worker: DocumentWorker
    let file: InputFile
    let fileID: String
    /// SHA-256 of the input file.
    let inputDigest: String
    let key: String
    private var bytes: [UInt8]?
    private var manifestValue: IngestManifest?
    private var artifactValue: StageArtifact?
    /// The digest of ingest's artifact for this file.
    private(set) var digest: String?

    /// `key`, when given, is the file's source key as the previous run's state recorded it.
    init(worker: DocumentWorker, file: InputFile, fileID: String, digest: String, bytes: [UInt8]?, key: String? = nil) {
        self.worker = worker
        self.file = file
        self.fileID = fileID
        self.inputDigest = digest
        self.bytes = bytes
        self.key = key ?? worker.keys.source(relativePath: file.relativePath, inputDigest: digest)
    }

    private var manifestKey: String { SHA256.hex(of: "manifest:" + key) }
    private var stage: ConfiguredStage { worker.config.stages[0] }

    /// The file's document ids and failed records.
    func manifest() async throws -> IngestManifest {
        if let m = manifestValue { return m }
        // A file that cannot hold several documents becomes one document named after it: no
        // manifest is stored or read for it (ingest's result is checked against this when it runs).
        if case .source(let impl) = stage.implementation, !impl.mayHoldManyDocuments(file.relativePath),
           let d = worker.state.cachedDigest(key) {
            worker.state.hit(0)
            let m = IngestManifest(documents: [fileID], failures: [])
            manifestValue = m
            digest = d
            return m
        }
        if let (payload, _) = worker.state.lookupPayload(manifestKey, stageName: stage.name, documentID: fileID),
           let json = try? JSONParser.parse(payload), let m = IngestManifest(json: json),
           let d = worker.state.cachedDigest(key)
        {
            worker.state.hit(0)
            manifestValue = m
            digest = d
            return m
        }
        try await compute()
        return manifestValue!
    }

    /// A document as ingested.
    func document(at position: Int) async throws -> Document {
        if artifactValue == nil {
            if let (a, d) = worker.state.lookup(key, stageName: stage.name, documentID: fileID) {
                artifactValue = a
                digest = d
            } else {
                try await compute()
            }
        }
        guard let a = artifactValue, position < a.documents.count else {
            throw ChainFailure(stage: 0, code: "cache.inconsistent", message: "ingest result does not match its manifest")
        }
        return a.documents[position]
    }

    private func compute() async throws {
        guard case .source(let impl) = stage.implementation else {
            throw ChainFailure(stage: 0, code: "stage.kind", message: "the first stage does not read inputs")
        }
        if bytes == nil {
            guard let data = AtomicFile.readRegularFile(path: file.path) else {
                throw ChainFailure(stage: 0, code: "input.unreadable", message: "cannot read \(file.relativePath)")
            }
            bytes = data
        }
        let input = SourceInput(relativePath: file.relativePath, bytes: bytes!, sha256: inputDigest)
        let t0 = ContinuousClock.now
        let results: [IngestResult]
        do {
            results = try await impl.ingest(input, context: StageContext(instanceName: stage.name, documentID: fileID))
        } catch {
            worker.state.stageFailed(0, seconds: (ContinuousClock.now - t0).seconds)
            throw ChainFailure(stage: 0, code: (error as? StageError)?.code ?? "stage.failed", message: describe(error))
        }
        var artifact = StageArtifact()
        for r in results {
            switch r {
            case .document(let d): artifact.documents.append(d)
            case .failure(let id, let message): artifact.failures.append(.init(id: id, message: message))
            }
        }
        worker.state.miss(0, seconds: (ContinuousClock.now - t0).seconds)
        digest = worker.state.store(key, stage: stage.stageID, artifact: artifact)
        let manifest = IngestManifest(documents: artifact.documents.map(\.id), failures: artifact.failures)
        if !impl.mayHoldManyDocuments(file.relativePath) {
            guard artifact.documents.count == 1, artifact.documents[0].id == fileID, artifact.failures.isEmpty else {
                throw ChainFailure(stage: 0, code: "ingest.contract",
                                   message: "stage '\(stage.stageID)' must turn \(file.relativePath) into one document with id '\(fileID)' (or say mayHoldManyDocuments)")
            }
        } else {
            worker.state.store(manifestKey, stage: stage.stageID, payload: JSONWriter().bytes(manifest.json))
        }
        artifactValue = artifact
        manifestValue = manifest
    }
}

/// A stage failed for a document.
struct ChainFailure: Error {
    var stage: Int
    var code: String
    var message: String
    var retryable = false
}

/// Resolves stage results for one document lazily, from the cache when possible.
struct ChainResolver {
    let worker: DocumentWorker
    let source: SourceLoader
    let documentID: String
    let position: Int
    let keys: [String]
    /// Whether cache hits and misses count in the run's statistics (not when replaying).
    let counting: Bool
    /// Results resolved so far, by stage (nil: not yet); an array per document, not a dictionary.
    var artifacts: [StageArtifact?]
    /// Payload digests of the results resolved so far, by stage.
    var digests: [String?]

    init(worker: DocumentWorker, source: SourceLoader, documentID: String, position: Int, keys: [String], counting: Bool = true) {
        self.worker = worker
        self.source = source
        self.documentID = documentID
        self.position = position
        self.keys = keys
        self.counting = counting
        artifacts = Array(repeating: nil, count: keys.count)
        digests = Array(repeating: nil, count: keys.count)
    }

    /// The result of stage `i` (≥ 1). With `needContents`, a cached result whose files or parts
    /// were not cached (pure exporters keep only their checksums) is recomputed.
    mutating func artifact(_ i: Int, needContents: Bool = false) async throws -> StageArtifact {
        if let a = artifacts[i], !(needContents && a.contentsOmitted) { return a }
        let stage = worker.config.stages[i]
        if artifacts[i] == nil, let (cached, digest) = worker.state.lookup(keys[i], stageName: stage.name, documentID: documentID),
           !(needContents && cached.contentsOmitted) {
            if counting { worker.state.hit(i) }
            artifacts[i] = cached
            digests[i] = digest
            return cached
        }
        let input = try await self.document(after: i - 1)
        guard case .document(let impl) = stage.implementation else { throw ChainFailure(stage: i, code: "stage.kind", message: "not a document stage") }
        let context = StageContext(instanceName: stage.name, documentID: input.id)
        let t0 = ContinuousClock.now
        let result: Document
        do {
            result = try await impl.process(input, context: context)
        } catch {
            worker.state.stageFailed(i, seconds: (ContinuousClock.now - t0).seconds)
            throw ChainFailure(stage: i, code: (error as? StageError)?.code ?? "stage.failed", message: describe(error),
                               retryable: (error as? StageError)?.retryable ?? false)
        }
        worker.state.miss(i, seconds: (ContinuousClock.now - t0).seconds)
        for line in context.logLines { worker.state.warn("[\(stage.name)] \(input.id): \(line)") }
        var artifact = StageArtifact(files: context.files, parts: context.parts)
        // The cache keeps what the stage changed, and for pure exporters only checksums of files and
        // parts (they live in the output folder; recomputing them is cheap next to the stages before).
        var stored = artifact
        // One comparison of the two documents: the delta is `{}` exactly when nothing changed.
        let delta = result.delta(from: input)
        if delta.count > 2 {
            stored.delta = delta
            artifact.documents = [result]
        }
        if stage.isPureExporter { stored = stored.withoutContents() }
        digests[i] = worker.state.store(keys[i], stage: stage.stageID, artifact: stored)
        artifacts[i] = artifact
        return artifact
    }

    /// The document as it stands after stage `i` (0 = as ingested).
    mutating func document(after i: Int) async throws -> Document {
        if i == 0 { return try await source.document(at: position) }
        let a = try await artifact(i)
        if let d = a.documents.first { return d }
        guard let delta = a.delta else { return try await document(after: i - 1) }
        let base = try await document(after: i - 1)
        let json: JSONValue
        do { json = try JSONParser.parse(delta) } catch {
            throw ChainFailure(stage: i, code: "cache.corrupt", message: "cached delta is not JSON: \(error)")
        }
        let doc = try Document.applying(json, to: base)
        artifacts[i]?.documents = [doc]
        return doc
    }
}

/// A readable message for an error.
func describe(_ error: any Error) -> String { "\(error)" }
