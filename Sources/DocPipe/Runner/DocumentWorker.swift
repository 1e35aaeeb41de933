import Foundation

/// Processes one input file through every stage: ingest (cached per file), then each document
/// through the document stages, reusing the latest cached result and recomputing only what
/// follows it.
struct DocumentWorker: Sendable {
    let config: PipelineConfig
    let state: RunState
    let output: OutputFolder
    let spool: PartSpool

    func process(_ file: InputFile, index: Int, duplicateOf: String?) async {
        let fileID = DocumentID.from(relativePath: file.relativePath)
        let order = DocumentOrder(file: index, record: 0)
        if state.isStopped { return }
        func failFile(_ stage: String, _ code: String, _ message: String) {
            state.fail(RunReport.Failure(document: fileID, stage: stage, source: file.relativePath, message: message, code: code), order: order)
        }
        if let duplicateOf {
            failFile("", "input.duplicate-id", "document id '\(fileID)' is already used by \(duplicateOf); rename one of the files")
            state.fileDone(bytes: 0)
            return
        }
        // Read the file, refusing oversize ones before reading them.
        let attributes = try? FileManager.default.attributesOfItem(atPath: file.url.path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        if size > config.maxDocumentBytes {
            failFile("", "input.too-large", "\(file.relativePath) is \(size) bytes, over maxDocumentBytes (\(config.maxDocumentBytes)); raise the limit in pipeline.json to process it")
            state.fileDone(bytes: 0)
            return
        }
        guard let data = FileManager.default.contents(atPath: file.url.path) else {
            failFile("", "input.unreadable", "cannot read \(file.relativePath) (check its permissions)")
            state.fileDone(bytes: 0)
            return
        }
        let bytes = [UInt8](data)
        defer { state.fileDone(bytes: bytes.count) }
        let input = SourceInput(relativePath: file.relativePath, bytes: bytes)
        let source = SourceLoader(worker: self, input: input, fileID: fileID)
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
        var recordIndex = 0
        for f in manifest.failures {
            state.fail(RunReport.Failure(document: f.id, stage: config.stages[0].name, source: file.relativePath, message: f.message,
                                         code: "ingest.record"), order: DocumentOrder(file: index, record: recordIndex))
            recordIndex += 1
        }
        var seen: Set<String> = []
        for (position, id) in manifest.documents.enumerated() {
            if state.isStopped { return }
            let docOrder = DocumentOrder(file: index, record: recordIndex)
            recordIndex += 1
            guard seen.insert(id).inserted else {
                state.fail(RunReport.Failure(document: id, stage: config.stages[0].name, source: file.relativePath,
                    message: "duplicate document id '\(id)' in \(file.relativePath); give records distinct ids",
                    code: "input.duplicate-id"), order: docOrder)
                continue
            }
            await runDocument(id: id, position: position, source: source, order: docOrder)
        }
    }

    /// Runs the document stages for one document.
    func runDocument(id: String, position: Int, source: SourceLoader, order: DocumentOrder) async {
        let stages = config.stages
        let n = stages.count
        let sourcePath = source.input.relativePath
        var keys = [String](repeating: "", count: n)
        keys[0] = source.key
        for i in 1..<max(n, 1) { keys[i] = CacheKey.document(stage: stages[i], documentID: id, inputKey: keys[i - 1]) }
        var resolver = ChainResolver(worker: self, source: source, documentID: id, position: position, keys: keys)
        do {
            // The last stage's result pulls in whatever it needs; stages that write files are
            // always resolved so their files are written again.
            var needed = (1..<max(n, 1)).filter { stages[$0].writesFiles }
            if n > 1, needed.last != n - 1 { needed.append(n - 1) }
            for i in needed {
                let artifact = try await resolver.artifact(i)
                for f in artifact.files { try output.write(f.path, bytes: f.bytes) }
                for p in artifact.parts { try spool.append(OutputPart(name: "\(stages[i].name)/\(p.name)", bytes: p.bytes), order: order) }
            }
            // Stages never looked at were satisfied by a later cached result; their digests come
            // from the objects' headers (recomputed if an object has gone).
            var digests: [String: String] = [stages[0].name: source.digest ?? ""]
            for i in 1..<max(n, 1) {
                if let d = resolver.digests[i] { digests[stages[i].name] = d; continue }
                if let d = state.cachedDigest(keys[i]) {
                    state.hit(i)
                    digests[stages[i].name] = d
                } else {
                    _ = try await resolver.artifact(i)
                    digests[stages[i].name] = resolver.digests[i]
                }
            }
            state.completed(id, order: order)
            state.lock(LockFile.Entry(document: id, source: sourcePath, input: source.input.sha256, outputs: digests), order: order)
        } catch let failure as ChainFailure {
            state.fail(RunReport.Failure(document: id, stage: stages[failure.stage].name, source: sourcePath,
                                         message: failure.message, code: failure.code), order: order)
        } catch {
            state.fail(RunReport.Failure(document: id, stage: "", source: sourcePath, message: describe(error),
                                         code: "output.write"), order: order)
        }
    }
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

/// Ingest for one input file, run or read from the cache at most once, loaded lazily.
final class SourceLoader {
    let worker: DocumentWorker
    let input: SourceInput
    let fileID: String
    let key: String
    private var manifestValue: IngestManifest?
    private var artifactValue: StageArtifact?
    /// The digest of ingest's artifact for this file.
    private(set) var digest: String?

    init(worker: DocumentWorker, input: SourceInput, fileID: String) {
        self.worker = worker
        self.input = input
        self.fileID = fileID
        key = CacheKey.source(stage: worker.config.stages[0], relativePath: input.relativePath, inputDigest: input.sha256)
    }

    private var manifestKey: String { SHA256.hex(of: "manifest:" + key) }
    private var stage: ConfiguredStage { worker.config.stages[0] }

    /// The file's document ids and failed records.
    func manifest() async throws -> IngestManifest {
        if let m = manifestValue { return m }
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
        worker.state.store(manifestKey, stage: stage.stageID, payload: JSONWriter().bytes(manifest.json))
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
    var artifacts: [Int: StageArtifact] = [:]
    /// Payload digests of the results resolved so far.
    var digests: [Int: String] = [:]

    init(worker: DocumentWorker, source: SourceLoader, documentID: String, position: Int, keys: [String]) {
        self.worker = worker
        self.source = source
        self.documentID = documentID
        self.position = position
        self.keys = keys
    }

    /// The result of stage `i` (≥ 1).
    mutating func artifact(_ i: Int) async throws -> StageArtifact {
        if let a = artifacts[i] { return a }
        let stage = worker.config.stages[i]
        if let (cached, digest) = worker.state.lookup(keys[i], stageName: stage.name, documentID: documentID) {
            worker.state.hit(i)
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
        if result != input { artifact.documents = [result] }
        digests[i] = worker.state.store(keys[i], stage: stage.stageID, artifact: artifact)
        artifacts[i] = artifact
        return artifact
    }

    /// The document as it stands after stage `i` (0 = as ingested).
    mutating func document(after i: Int) async throws -> Document {
        if i == 0 { return try await source.document(at: position) }
        if let d = try await artifact(i).documents.first { return d }
        return try await document(after: i - 1)
    }
}

/// A readable message for an error.
func describe(_ error: any Error) -> String { "\(error)" }
