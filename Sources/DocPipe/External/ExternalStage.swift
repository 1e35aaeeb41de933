/// A stage implemented by an outside program speaking `ExternalProtocol` (see
/// docs/external-stages.md). Built by `ExternalStageSupport` from a pipeline.json entry with
/// a "command"; it cannot be named by id.
///
/// Only what the entry declares may change: layers named in "produces" (and the text when
/// "produces" names "text"), plus metadata and warnings. Members the program leaves out of
/// its answer are kept as they were.
public struct ExternalStage: DocumentStage {
    /// External stages take their settings from the entry, not from options.
    public typealias Options = NoOptions
    /// The id external stages share.
    public static let id = ExternalProtocol.stageID
    /// The real version comes from the handshake (`ConfiguredStage.version`).
    public static let version = 0
    /// One line about it.
    public static let summary = "runs a program over JSON Lines (an entry with \"command\" in pipeline.json)"

    /// The instance name in pipeline.json.
    public let name: String
    /// Layers (and "text") the program may change.
    public let produces: [String]
    let pool: WorkerPool

    init(name: String, produces: [String], pool: WorkerPool) {
        self.name = name
        self.produces = produces
        self.pool = pool
    }

    /// Not available: external stages are configured with a "command" entry.
    public init(options: NoOptions) throws {
        throw StageConfigurationError("external stages are configured with a \"command\" entry, not by id")
    }

    /// Sends the document to a worker and merges its answer.
    public func process(_ document: Document, context: StageContext) async throws -> Document {
        let worker = try await pool.checkOut()
        var request = JSONWriter().bytes(document.json)
        request.append(0x0A)
        let line: [UInt8]
        do {
            line = try await worker.exchange(request, timeout: pool.command.timeout)
        } catch {
            let stderr = worker.takeStderrLines()
            for l in stderr { context.log(l) }
            pool.retire(worker)
            // The log is only kept for documents that succeed, so the last stderr line (a
            // traceback's summary, usually) goes into the message.
            let tail = stderr.last.map { "; its stderr ended with: \($0)" } ?? ""
            let command = pool.command.display
            switch error {
            case .timedOut:
                throw StageError(code: "external.timeout", "\(command): \(WorkerPool.describe(error)); the worker was killed\(tail)", retryable: true)
            case .exited:
                throw StageError(code: "external.crashed", "\(command): \(WorkerPool.describe(error)) while processing this document\(tail)", retryable: true)
            case .io:
                throw StageError(code: "external.io", "\(command): \(WorkerPool.describe(error))\(tail)", retryable: true)
            }
        }
        for l in worker.takeStderrLines() { context.log(l) }
        let reply: ExternalProtocol.Reply
        do {
            reply = try ExternalProtocol.parseReply(line)
        } catch {
            pool.retire(worker)  // its output can no longer be trusted to be in step
            throw error
        }
        pool.checkIn(worker)
        switch reply {
        case .failure(let e):
            throw e
        case .document(let result, let keys):
            return try merge(result, keys: keys, into: document)
        }
    }

    /// Stops the workers when the run ends.
    public func finish(_ corpus: CorpusContext) async throws {
        await pool.shutDown()
    }

    /// Applies the program's answer to `input`, refusing changes the entry did not declare.
    func merge(_ result: Document, keys: Set<String>, into input: Document) throws(StageError) -> Document {
        guard result.id == input.id else {
            throw StageError(code: "external.changed-id", "the program answered for document '\(result.id)' instead of '\(input.id)'; keep \"id\" as received")
        }
        var out = input
        if result.text != input.text {
            guard produces.contains("text") else {
                throw StageError(code: "external.undeclared-change",
                                 "the program changed the document text; add \"text\" to the entry's \"produces\" if it means to (and send a matching sourceMap)")
            }
            out.text = result.text
            out.sourceMap = keys.contains("sourceMap") ? result.sourceMap : .identity(length: result.text.unicodeScalars.count)
        }
        var undeclared: [String] = []
        for name in result.layers.keys.sorted() {
            let spans = result.layers[name] ?? []
            if produces.contains(name) {
                out.setLayer(name, spans)
            } else if spans.sorted(by: Span.canonicalOrder) != input.spans(name) {
                undeclared.append(name)
            }
        }
        guard undeclared.isEmpty else {
            let list = undeclared.map { "'\($0)'" }.joined(separator: ", ")
            throw StageError(code: "external.undeclared-layer",
                             "the program changed layer\(undeclared.count == 1 ? "" : "s") \(list), which the entry does not declare; add \(undeclared.count == 1 ? "it" : "them") to \"produces\"")
        }
        if keys.contains("metadata") { out.metadata = result.metadata }
        if keys.contains("warnings") { out.warnings = result.warnings }
        return out
    }
}
