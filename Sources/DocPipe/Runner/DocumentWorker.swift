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

        // Stage 0: ingest.
        let ingest = config.stages[0]
        guard case .source(let source) = ingest.implementation else { return }
        let sourceKey = CacheKey.source(stage: ingest, relativePath: file.relativePath, inputDigest: input.sha256)
        var ingested: StageArtifact
        if let cached = state.lookup(sourceKey, stageName: ingest.name, documentID: fileID) {
            ingested = cached
            state.hit(0)
        } else {
            let t0 = ContinuousClock.now
            do {
                let context = StageContext(instanceName: ingest.name, documentID: fileID)
                let results = try await source.ingest(input, context: context)
                var artifact = StageArtifact()
                for r in results {
                    switch r {
                    case .document(let d): artifact.documents.append(d)
                    case .failure(let id, let message): artifact.failures.append(.init(id: id, message: message))
                    }
                }
                ingested = artifact
                state.miss(0, seconds: (ContinuousClock.now - t0).seconds)
                state.store(sourceKey, stage: ingest.stageID, artifact: artifact)
            } catch {
                state.stageFailed(0, seconds: (ContinuousClock.now - t0).seconds)
                failFile(ingest.name, (error as? StageError)?.code ?? "stage.failed", describe(error))
                return
            }
        }
        var recordIndex = 0
        for f in ingested.failures {
            state.fail(RunReport.Failure(document: f.id, stage: ingest.name, source: file.relativePath, message: f.message,
                                         code: "ingest.record"), order: DocumentOrder(file: index, record: recordIndex))
            recordIndex += 1
        }
        var seen: Set<String> = []
        for document in ingested.documents {
            if state.isStopped { return }
            let docOrder = DocumentOrder(file: index, record: recordIndex)
            recordIndex += 1
            guard seen.insert(document.id).inserted else {
                state.fail(RunReport.Failure(document: document.id, stage: ingest.name, source: file.relativePath,
                    message: "duplicate document id '\(document.id)' in \(file.relativePath); give records distinct ids",
                    code: "input.duplicate-id"), order: docOrder)
                continue
            }
            await runDocument(document, sourceKey: sourceKey, order: docOrder, sourcePath: file.relativePath)
        }
    }

    /// Runs the document stages for one document.
    func runDocument(_ document: Document, sourceKey: String, order: DocumentOrder, sourcePath: String) async {
        let stages = config.stages
        let n = stages.count
        guard n > 1 else {
            state.completed(document.id, order: order)
            return
        }
        var keys = [String](repeating: "", count: n)
        keys[0] = sourceKey
        for i in 1..<n { keys[i] = CacheKey.document(stage: stages[i], documentID: document.id, inputKey: keys[i - 1]) }

        var resolver = ChainResolver(worker: self, document: document, keys: keys, sourcePath: sourcePath)
        do {
            // The last stage's result pulls in whatever it needs; stages that write files are
            // always resolved so their files are written again.
            var needed = (1..<n).filter { stages[$0].writesFiles }
            if needed.last != n - 1 { needed.append(n - 1) }
            for i in needed {
                let artifact = try await resolver.artifact(i)
                for f in artifact.files { try output.write(f.path, bytes: f.bytes) }
                for p in artifact.parts { try spool.append(OutputPart(name: "\(stages[i].name)/\(p.name)", bytes: p.bytes), order: order) }
            }
            // Stages never looked at were satisfied by a later cached result.
            for i in 1..<n where !resolver.touched.contains(i) { state.hit(i) }
            state.completed(document.id, order: order)
        } catch let failure as ChainFailure {
            state.fail(RunReport.Failure(document: document.id, stage: stages[failure.stage].name, source: sourcePath,
                                         message: failure.message, code: failure.code), order: order)
        } catch {
            state.fail(RunReport.Failure(document: document.id, stage: "", source: sourcePath, message: describe(error),
                                         code: "output.write"), order: order)
        }
    }
}

/// A stage failed for a document.
struct ChainFailure: Error {
    var stage: Int
    var code: String
    var message: String
}

/// Resolves stage results for one document lazily, from the cache when possible.
struct ChainResolver {
    let worker: DocumentWorker
    let document: Document
    let keys: [String]
    let sourcePath: String
    var artifacts: [Int: StageArtifact] = [:]
    var touched: Set<Int> = []

    init(worker: DocumentWorker, document: Document, keys: [String], sourcePath: String) {
        self.worker = worker
        self.document = document
        self.keys = keys
        self.sourcePath = sourcePath
    }

    /// The result of stage `i` (≥ 1).
    mutating func artifact(_ i: Int) async throws -> StageArtifact {
        if let a = artifacts[i] { return a }
        touched.insert(i)
        let stage = worker.config.stages[i]
        if let cached = worker.state.lookup(keys[i], stageName: stage.name, documentID: document.id) {
            worker.state.hit(i)
            artifacts[i] = cached
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
            throw ChainFailure(stage: i, code: (error as? StageError)?.code ?? "stage.failed", message: describe(error))
        }
        worker.state.miss(i, seconds: (ContinuousClock.now - t0).seconds)
        for line in context.logLines { worker.state.warn("[\(stage.name)] \(input.id): \(line)") }
        var artifact = StageArtifact(files: context.files, parts: context.parts)
        if result != input { artifact.documents = [result] }
        worker.state.store(keys[i], stage: stage.stageID, artifact: artifact)
        artifacts[i] = artifact
        return artifact
    }

    /// The document as it stands after stage `i` (0 = as ingested).
    mutating func document(after i: Int) async throws -> Document {
        if i == 0 { return document }
        if let d = try await artifact(i).documents.first { return d }
        return try await document(after: i - 1)
    }
}

/// A readable message for an error.
func describe(_ error: any Error) -> String { "\(error)" }
